import type { ModuleDefinition } from '../../platform/platform.ts';
import { registerCatalogRoutes } from './catalog.routes.ts';
import { loadBakeryDemo } from './demo.ts';
import { registerDocumentRoutes } from './documents.routes.ts';
import * as init from './migrations/20261122T090000_bakery_init.ts';
import { registerPanelRoutes } from './panel.routes.ts';
import { registerSaleRoutes } from './sales.routes.ts';

export const bakeryModule: ModuleDefinition = {
  name: 'bakery',
  migrations: {
    '20261122T090000_bakery_init': init,
  },
  routes: (app, platform) => {
    registerCatalogRoutes(app, platform);
    registerDocumentRoutes(app, platform);
    registerSaleRoutes(app, platform);
    registerPanelRoutes(app, platform);
  },
  demo: async (platform) => {
    await loadBakeryDemo(platform);
  },
};
