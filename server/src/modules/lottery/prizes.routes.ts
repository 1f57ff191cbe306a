import {
  CommissionQuery,
  EffectivePrizesQuery,
  PrizeTableQuery,
  PutCommissionBody,
  PutPrizeTableBody,
} from '@matriz/shared/api/lottery-catalog';
import { AppError } from '../../platform/errors.ts';
import type { App } from '../../platform/http/types.ts';
import type { Platform } from '../../platform/platform.ts';
import { lotteryDb } from './db.ts';
import { findDraw } from './draws.repo.ts';
import { findBanca } from './network.repo.ts';
import { getCommissionScheme, getPrizeTable } from './prize-tables.ts';
import { resolvePrizeTable } from './resolve-prizes.ts';
import { setCommissionScheme } from './set-commission-scheme.ts';
import { setPrizeTable } from './set-prize-table.ts';

export function registerPrizeRoutes(app: App, platform: Platform): void {
  const read = { access: 'lottery.catalog.read' as const };
  const manage = { access: 'lottery.catalog.manage' as const };
  const tags = ['lottery'];
  const db = () => lotteryDb(platform.db);

  app.get(
    '/lottery/prize-tables',
    { config: read, schema: { tags, querystring: PrizeTableQuery } },
    async (request) => getPrizeTable(db(), request.query.scope, request.query.scope_id),
  );
  app.put(
    '/lottery/prize-tables',
    { config: manage, schema: { tags, body: PutPrizeTableBody } },
    async (request) => setPrizeTable(platform, request.actor, request.body),
  );
  /** What a line sold at this banca for this draw would carry: every class, with the layer it comes from. */
  app.get(
    '/lottery/prize-tables/effective',
    { config: read, schema: { tags, querystring: EffectivePrizesQuery } },
    async (request) => {
      const { banca_id: bancaId, draw_id: drawId } = request.query;
      const [banca, draw] = await Promise.all([findBanca(db(), bancaId), findDraw(db(), drawId)]);
      if (!banca)
        throw new AppError('NOT_FOUND', 404, { field: 'banca_id', entity: 'lottery_banca', id: bancaId });
      if (!draw)
        throw new AppError('NOT_FOUND', 404, { field: 'draw_id', entity: 'lottery_draw', id: drawId });
      const table = await resolvePrizeTable(db(), { bancaId, lotteryId: draw.lottery_id, drawId });
      return {
        banca_id: bancaId,
        draw_id: drawId,
        entries: [...table.entries()].map(([key, resolved]) => {
          const [betType, prizeClass] = key.split(':');
          return {
            bet_type: betType,
            prize_class: prizeClass,
            multiplier: resolved.multiplier / 100,
            source: resolved.source,
          };
        }),
      };
    },
  );

  app.get(
    '/lottery/commissions',
    { config: read, schema: { tags, querystring: CommissionQuery } },
    async (request) => getCommissionScheme(db(), request.query.banca_id, request.query.lottery_id),
  );
  app.put(
    '/lottery/commissions',
    { config: manage, schema: { tags, body: PutCommissionBody } },
    async (request) => setCommissionScheme(platform, request.actor, request.body),
  );
}
