import type { ModuleDefinition } from '../../platform/platform.ts';
import { bakeryMailJobs } from './bakery-jobs.ts';
import { registerBasketRoutes } from './baskets.routes.ts';
import { loadBasketsDemo } from './baskets-demo.ts';
import { registerCatalogRoutes } from './catalog.routes.ts';
import { loadBakeryDemo } from './demo.ts';
import { registerDocumentRoutes } from './documents.routes.ts';
import { markLostBasketsJob } from './mark-lost-baskets.ts';
import * as init from './migrations/20261122T090000_bakery_init.ts';
import * as baskets from './migrations/20261122T100000_bakery_baskets.ts';
import * as mailLog from './migrations/20261122T110000_bakery_mail_log.ts';
import * as basketReturns from './migrations/20261127T110000_bakery_basket_returns.ts';
import { registerPanelRoutes } from './panel.routes.ts';
import { registerSaleRoutes } from './sales.routes.ts';

export const bakeryModule: ModuleDefinition = {
  name: 'bakery',
  migrations: {
    '20261122T090000_bakery_init': init,
    '20261122T100000_bakery_baskets': baskets,
    '20261122T110000_bakery_mail_log': mailLog,
    '20261127T110000_bakery_basket_returns': basketReturns,
  },
  routes: (app, platform) => {
    registerCatalogRoutes(app, platform);
    registerDocumentRoutes(app, platform);
    registerSaleRoutes(app, platform);
    registerPanelRoutes(app, platform);
    registerBasketRoutes(app, platform);
  },
  demo: async (platform) => {
    await loadBakeryDemo(platform);
    await loadBasketsDemo(platform);
  },
  jobs: [markLostBasketsJob, ...bakeryMailJobs],
};
