import { GroupCommitter } from '../../platform/db/group-commit.ts';
import type { ModuleDefinition } from '../../platform/platform.ts';
import { advanceDraws } from './advance-draws.ts';
import { registerCatalogRoutes } from './catalog.routes.ts';
import { loadLotteryDemo } from './demo.ts';
import { registerDrawRoutes } from './draws.routes.ts';
import { generateDrawsForSalesWindow } from './generate-draws.ts';
import { lotteryJobs } from './jobs.ts';
import { registerLimitRoutes } from './limits.routes.ts';
import * as network from './migrations/20261121T140000_lottery_network.ts';
import * as catalog from './migrations/20261121T140100_lottery_catalog.ts';
import * as sales from './migrations/20261121T150000_lottery_sales.ts';
import { registerNetworkRoutes } from './network.routes.ts';
import { registerPrizeRoutes } from './prizes.routes.ts';
import { registerSettingsRoutes } from './settings.routes.ts';
import { registerTicketRoutes } from './tickets.routes.ts';

export const lotteryModule: ModuleDefinition = {
  name: 'lottery',
  migrations: {
    '20261121T140000_lottery_network': network,
    '20261121T140100_lottery_catalog': catalog,
    '20261121T150000_lottery_sales': sales,
  },
  routes: (app, platform) => {
    registerSettingsRoutes(app, platform);
    registerNetworkRoutes(app, platform);
    registerCatalogRoutes(app, platform);
    registerDrawRoutes(app, platform);
    registerPrizeRoutes(app, platform);
    // Sales share transactions: one writer on SQLite, a few batches in flight on PostgreSQL.
    const committer = new GroupCommitter(platform.db, {
      maxBatch: 64,
      concurrency: platform.engine === 'sqlite' ? 1 : 4,
      retries: 5,
    });
    registerTicketRoutes(app, platform, committer);
    registerLimitRoutes(app, platform);
    // Runs once the migrations and demo data are in (main and the tests start the app after both).
    app.addHook('onReady', async () => {
      await generateDrawsForSalesWindow(platform);
      await advanceDraws(platform);
    });
  },
  demo: (platform, profile) => loadLotteryDemo(platform, profile),
  jobs: lotteryJobs,
};
