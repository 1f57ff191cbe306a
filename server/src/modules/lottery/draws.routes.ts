import { IdParams } from '@matriz/shared/api/common';
import {
  CloseDrawBody,
  DrawListQuery,
  GenerateDrawsBody,
  ReopenDrawBody,
} from '@matriz/shared/api/lottery-catalog';
import { localDate } from '@matriz/shared/lottery/schedule';
import { notFound } from '../../platform/errors.ts';
import type { App } from '../../platform/http/types.ts';
import type { Platform } from '../../platform/platform.ts';
import { closeDrawEarly } from './close-draw.ts';
import { lotteryDb } from './db.ts';
import { type DrawWithLottery, findDraw, listDraws } from './draws.repo.ts';
import { generateDraws } from './generate-draws.ts';
import { getOperatorSettings } from './get-operator-settings.ts';
import { reopenDraw } from './reopen-draw.ts';
import { presentDraw } from './views.ts';

export function registerDrawRoutes(app: App, platform: Platform): void {
  const read = { access: 'lottery.catalog.read' as const };
  const manage = { access: 'lottery.catalog.manage' as const };
  const tags = ['lottery'];
  const db = () => lotteryDb(platform.db);
  const today = async () =>
    localDate(platform.clock.now(), (await getOperatorSettings(db(), platform.config)).time_zone);
  /** A switched-off lottery's draws stay listed for the admin screens, marked, and never as open. */
  const present = (row: DrawWithLottery, now = platform.clock.now()) => ({
    ...presentDraw(row, now),
    lottery_active: row.lottery_active === 1,
  });

  /** The draws of a business date; `status` filters by the status the clock gives (open = sellable now). */
  app.get(
    '/lottery/draws',
    { config: read, schema: { tags, querystring: DrawListQuery } },
    async (request) => {
      const q = request.query;
      const now = platform.clock.now();
      const rows = await listDraws(db(), {
        businessDate: q.date ?? (await today()),
        lotteryId: q.lottery_id,
      });
      const draws = rows.map((r) => present(r, now)).filter((d) => !q.status || d.status === q.status);
      return { draws, server_time: now.toISOString() };
    },
  );
  app.get('/lottery/draws/:id', { config: read, schema: { tags, params: IdParams } }, async (request) => {
    const draw = await findDraw(db(), request.params.id);
    if (!draw) throw notFound('lottery_draw', request.params.id);
    return { draw: present(draw) };
  });
  app.post(
    '/lottery/draws/:id/close',
    { config: manage, schema: { tags, params: IdParams, body: CloseDrawBody } },
    async (request) => ({
      draw: present(await closeDrawEarly(platform, request.actor, request.params.id, request.body.reason)),
    }),
  );
  app.post(
    '/lottery/draws/:id/reopen',
    { config: manage, schema: { tags, params: IdParams, body: ReopenDrawBody } },
    async (request) => {
      const draw = await reopenDraw(platform, request.actor, request.params.id, {
        reason: request.body.reason,
        closeAt: request.body.close_at,
      });
      return { draw: present(draw) };
    },
  );
  app.post(
    '/lottery/draws/generate',
    { config: manage, schema: { tags, body: GenerateDrawsBody } },
    async (request) =>
      generateDraws(platform, request.body.from ?? (await today()), request.body.days, request.actor),
  );
}
