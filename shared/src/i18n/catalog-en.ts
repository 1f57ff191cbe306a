import bakery from './bakery.en.json' with { type: 'json' };
import lottery from './lottery.en.json' with { type: 'json' };
import { mergeCatalogs } from './merge-catalogs.ts';
import platform from './platform.en.json' with { type: 'json' };
import web from './web.en.json' with { type: 'json' };

/** Every English string; the browser loads it only when English is chosen. */
export const catalogEn = mergeCatalogs(platform, web, lottery, bakery);
