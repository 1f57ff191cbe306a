import type { App } from '../../platform/http/types.ts';
import type { Platform } from '../../platform/platform.ts';
import { listBancasWithZone, lotteryDb } from './network.repo.ts';

export function registerNetworkRoutes(app: App, platform: Platform): void {
  app.get('/lottery/bancas', { config: { access: 'lottery.catalog.read' }, schema: { tags: ['lottery'] } }, async () => {
    const rows = await listBancasWithZone(lotteryDb(platform.db));
    return { items: rows.map((r) => ({ ...r, active: r.active === 1 })) };
  });
}
