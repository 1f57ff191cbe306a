import type { ModuleDefinition } from '../../platform/platform.ts';
import { advanceDraws } from './advance-draws.ts';
import { registerCatalogRoutes } from './catalog.routes.ts';
import { loadLotteryDemo } from './demo.ts';
import { startAnomalyDetection } from './detect-anomalies.ts';
import { registerDrawRoutes } from './draws.routes.ts';
import { generateDrawsForSalesWindow } from './generate-draws.ts';
import { lotteryJobs } from './jobs.ts';
import { registerLimitRoutes } from './limits.routes.ts';
import * as network from './migrations/20261121T140000_lottery_network.ts';
import * as catalog from './migrations/20261121T140100_lottery_catalog.ts';
import * as sales from './migrations/20261121T150000_lottery_sales.ts';
import * as results from './migrations/20261121T160000_lottery_results.ts';
import * as risk from './migrations/20261121T170000_lottery_risk.ts';
import * as money from './migrations/20261121T180000_lottery_money.ts';
import * as outcomes from './migrations/20261123T090000_lottery_outcomes.ts';
import * as ticketClaims from './migrations/20261124T090000_lottery_ticket_claims.ts';
import * as linePrizeColumns from './migrations/20261125T090000_lottery_line_prize_columns.ts';
import * as linesDrawTicketIndex from './migrations/20261126T090000_lottery_lines_draw_ticket_index.ts';
import * as ticketRequestHash from './migrations/20261127T090000_lottery_ticket_request_hash.ts';
import * as rulesGeneration from './migrations/20261127T095000_lottery_rules_generation.ts';
import * as uniqueBlocks from './migrations/20261127T100000_lottery_unique_blocks.ts';
import * as bancaVersion from './migrations/20261127T100001_lottery_banca_version.ts';
import { registerMoneyRoutes } from './money.routes.ts';
import { registerNetworkRoutes } from './network.routes.ts';
import { registerPrintRoutes } from './print.routes.ts';
import { registerPrizeRoutes } from './prizes.routes.ts';
import { registerReportRoutes } from './reports.routes.ts';
import { registerResultRoutes } from './results.routes.ts';
import { registerRiskRoutes } from './risk.routes.ts';
import { invalidateCatalogAfterChanges } from './sale-catalog.ts';
import { createSalesCommitter } from './sell-ticket.ts';
import { registerSettingsRoutes } from './settings.routes.ts';
import { registerTicketRoutes } from './tickets.routes.ts';

export const lotteryModule: ModuleDefinition = {
  name: 'lottery',
  migrations: {
    '20261121T140000_lottery_network': network,
    '20261121T140100_lottery_catalog': catalog,
    '20261121T150000_lottery_sales': sales,
    '20261121T160000_lottery_results': results,
    '20261121T170000_lottery_risk': risk,
    '20261121T180000_lottery_money': money,
    '20261123T090000_lottery_outcomes': outcomes,
    '20261124T090000_lottery_ticket_claims': ticketClaims,
    '20261125T090000_lottery_line_prize_columns': linePrizeColumns,
    '20261126T090000_lottery_lines_draw_ticket_index': linesDrawTicketIndex,
    '20261127T090000_lottery_ticket_request_hash': ticketRequestHash,
    '20261127T095000_lottery_rules_generation': rulesGeneration,
    '20261127T100000_lottery_unique_blocks': uniqueBlocks,
    '20261127T100001_lottery_banca_version': bancaVersion,
  },
  routes: (app, platform) => {
    registerSettingsRoutes(app, platform);
    registerNetworkRoutes(app, platform);
    registerCatalogRoutes(app, platform);
    registerDrawRoutes(app, platform);
    registerPrizeRoutes(app, platform);
    invalidateCatalogAfterChanges(app, platform);
    const committer = createSalesCommitter(platform);
    registerTicketRoutes(app, platform, committer);
    registerPrintRoutes(app, platform);
    registerLimitRoutes(app, platform);
    registerResultRoutes(app, platform);
    registerRiskRoutes(app, platform);
    registerMoneyRoutes(app, platform);
    registerReportRoutes(app, platform);
    const stopAnomalyDetection = startAnomalyDetection(platform);
    app.addHook('onClose', async () => stopAnomalyDetection());
    // Runs once the migrations and demo data are in (main and the tests start the app after both).
    app.addHook('onReady', async () => {
      await generateDrawsForSalesWindow(platform);
      await advanceDraws(platform);
    });
  },
  demo: (platform, profile) => loadLotteryDemo(platform, profile),
  jobs: lotteryJobs,
};
