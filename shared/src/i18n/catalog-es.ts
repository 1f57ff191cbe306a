import bakery from './bakery.es.json' with { type: 'json' };
import lottery from './lottery.es.json' with { type: 'json' };
import { mergeCatalogs } from './merge-catalogs.ts';
import platform from './platform.es.json' with { type: 'json' };
import web from './web.es.json' with { type: 'json' };

/** Every Spanish string, the fallback of every other language. */
export const catalogEs = mergeCatalogs(platform, web, lottery, bakery);
