import type { ModuleDefinition } from '../../platform/platform.ts';
import { loadLotteryDemo } from './demo.ts';
import * as network from './migrations/20261121T140000_lottery_network.ts';
import { registerNetworkRoutes } from './network.routes.ts';

export const lotteryModule: ModuleDefinition = {
  name: 'lottery',
  migrations: {
    '20261121T140000_lottery_network': network,
  },
  routes: (app, platform) => {
    registerNetworkRoutes(app, platform);
  },
  demo: async (platform) => {
    await loadLotteryDemo(platform);
  },
};
