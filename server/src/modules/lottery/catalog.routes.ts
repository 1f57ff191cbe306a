import { IdParams } from '@matriz/shared/api/common';
import {
  BetTypeParams,
  type BetTypeView,
  CreateLotteryBody,
  LotteryListQuery,
  ScheduleBody,
  UpdateLotteryBody,
  type WeekScheduleView,
} from '@matriz/shared/api/lottery-catalog';
import { BET_TYPE_LIST, type ResultFormat } from '@matriz/shared/lottery/games';
import { notFound } from '../../platform/errors.ts';
import type { App } from '../../platform/http/types.ts';
import type { Platform } from '../../platform/platform.ts';
import { findLottery, listAllLotteries, listLotteries, listSchedules } from './catalog.repo.ts';
import { lotteryDb } from './db.ts';
import { registerRecordStateRoutes } from './record-state.routes.ts';
import { createLottery, updateLottery } from './save-lottery.ts';
import { inactiveBetTypes, setBetTypeActive } from './set-bet-type-active.ts';
import { setLotterySchedule } from './set-lottery-schedule.ts';
import { presentLottery } from './views.ts';

export function registerCatalogRoutes(app: App, platform: Platform): void {
  const read = { access: 'lottery.catalog.read' as const };
  const manage = { access: 'lottery.catalog.manage' as const };
  const tags = ['lottery'];
  const db = () => lotteryDb(platform.db);

  app.get(
    '/lottery/lotteries',
    { config: read, schema: { tags, querystring: LotteryListQuery } },
    async (request) => {
      const q = request.query;
      const { items, total } = await listLotteries(db(), {
        q: q.q,
        active: q.active === undefined ? undefined : q.active === 'true',
        resultFormat: q.result_format,
        page: q.page,
        pageSize: q.page_size,
      });
      return { items: items.map(presentLottery), total, page: q.page, page_size: q.page_size };
    },
  );
  app.get('/lottery/lotteries/:id', { config: read, schema: { tags, params: IdParams } }, async (request) => {
    const lottery = await findLottery(db(), request.params.id);
    if (!lottery) throw notFound('lottery_lottery', request.params.id);
    return { lottery: presentLottery(lottery) };
  });
  app.post(
    '/lottery/lotteries',
    { config: manage, schema: { tags, body: CreateLotteryBody } },
    async (request, reply) =>
      reply
        .status(201)
        .send({ lottery: presentLottery(await createLottery(platform, request.actor, request.body)) }),
  );
  app.patch(
    '/lottery/lotteries/:id',
    { config: manage, schema: { tags, params: IdParams, body: UpdateLotteryBody } },
    async (request) => ({
      lottery: presentLottery(await updateLottery(platform, request.actor, request.params.id, request.body)),
    }),
  );
  registerRecordStateRoutes(app, platform, '/lottery/lotteries', 'lottery', 'lottery.catalog.manage');

  app.get(
    '/lottery/lotteries/:id/schedule',
    { config: read, schema: { tags, params: IdParams } },
    async (request) => {
      if (!(await findLottery(db(), request.params.id))) throw notFound('lottery_lottery', request.params.id);
      const rows = await listSchedules(db(), [request.params.id]);
      return {
        slots: rows.map((s) => ({ weekday: s.weekday, close_time: s.close_time, draw_time: s.draw_time })),
      };
    },
  );
  app.put(
    '/lottery/lotteries/:id/schedule',
    { config: manage, schema: { tags, params: IdParams, body: ScheduleBody } },
    async (request) => setLotterySchedule(platform, request.actor, request.params.id, request.body.slots),
  );

  /** The week view: every lottery with its slots. */
  app.get('/lottery/schedules', { config: read, schema: { tags } }, async (): Promise<WeekScheduleView> => {
    const [lotteries, slots] = await Promise.all([listAllLotteries(db()), listSchedules(db())]);
    return {
      lotteries: lotteries.map((l) => ({
        id: l.id,
        code: l.code,
        name: l.name,
        time_zone: l.time_zone,
        result_format: l.result_format as ResultFormat,
        active: l.active === 1,
        slots: slots
          .filter((s) => s.lottery_id === l.id)
          .map((s) => ({ weekday: s.weekday, close_time: s.close_time, draw_time: s.draw_time })),
      })),
    };
  });

  app.get(
    '/lottery/bet-types',
    { config: read, schema: { tags } },
    async (): Promise<{ bet_types: BetTypeView[] }> => {
      const inactive = await inactiveBetTypes(platform);
      return {
        bet_types: BET_TYPE_LIST.map((t) => ({
          code: t.code,
          name: t.nameEs,
          name_en: t.nameEn,
          result_formats: [...t.resultFormats],
          number_length: t.numberLength,
          prize_classes: [...t.prizeClasses],
          pays_result_multiplier: t.paysResultMultiplier,
          active: !inactive.has(t.code),
        })),
      };
    },
  );
  app.post(
    '/lottery/bet-types/:code/deactivate',
    { config: manage, schema: { tags, params: BetTypeParams } },
    async (request) => {
      await setBetTypeActive(platform, request.actor, request.params.code, false);
      return { success: true };
    },
  );
  app.post(
    '/lottery/bet-types/:code/reactivate',
    { config: manage, schema: { tags, params: BetTypeParams } },
    async (request) => {
      await setBetTypeActive(platform, request.actor, request.params.code, true);
      return { success: true };
    },
  );
}
