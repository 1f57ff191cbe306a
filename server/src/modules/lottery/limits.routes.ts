import { IdParams } from '@matriz/shared/api/common';
import {
  BlockBody,
  DeactivateBody,
  HotNumberBody,
  LimitRuleBody,
  LimitRulePatch,
} from '@matriz/shared/api/lottery-tickets';
import { toMajor } from '@matriz/shared/money';
import { z } from 'zod';
import type { App } from '../../platform/http/types.ts';
import type { Platform } from '../../platform/platform.ts';
import { blockNumber, checkNetworkWide } from './block-number.ts';
import { changeLimitRule } from './change-limit-rule.ts';
import { createLimitRule } from './create-limit-rule.ts';
import { lotteryDb } from './db.ts';
import { findDraw } from './draws.repo.ts';
import { listBlockedNumbers, listHotNumbers, listLimitRules } from './limits.repo.ts';
import { markHotNumber } from './mark-hot-number.ts';
import { unblockNumber } from './unblock-number.ts';
import { unmarkHotNumber } from './unmark-hot-number.ts';

const ActiveQuery = z.strictObject({
  active: z.enum(['true', 'false']).optional(),
  level: z.string().max(20).optional(),
});
const major = (cents: number | null) => (cents === null ? null : toMajor(Number(cents)));

export function registerLimitRoutes(app: App, platform: Platform): void {
  const read = { config: { access: ['lottery.limits.manage', 'lottery.risk.read'] as const } };
  const manage = { config: { access: 'lottery.limits.manage' as const } };
  const db = () => lotteryDb(platform.db);

  app.get(
    '/lottery/limits',
    { ...read, schema: { tags: ['lottery'], querystring: ActiveQuery } },
    async (request) => {
      const rows = await listLimitRules(db(), {
        active: request.query.active === undefined ? undefined : request.query.active === 'true',
        level: request.query.level,
      });
      const drawIds = [...new Set(rows.flatMap((r) => (r.draw_id ? [r.draw_id] : [])))];
      const draws = new Map(
        (await Promise.all(drawIds.map((id) => findDraw(db(), id)))).flatMap((d) => (d ? [[d.id, d]] : [])),
      );
      return {
        items: rows.map((r) => {
          const draw = r.draw_id ? draws.get(r.draw_id) : undefined;
          return {
            ...r,
            max_amount: major(r.max_cents),
            max_cents: undefined,
            active: r.active === 1,
            draw: draw
              ? { lottery_code: draw.lottery_code, draw_date: draw.draw_date, draw_time: draw.draw_time }
              : null,
          };
        }),
      };
    },
  );
  app.post(
    '/lottery/limits',
    { ...manage, schema: { tags: ['lottery'], body: LimitRuleBody } },
    async (request, reply) => {
      const id = await createLimitRule(platform, request.actor, request.auth!, request.body);
      return reply.status(201).send({ success: true, id });
    },
  );
  app.patch(
    '/lottery/limits/:id',
    { ...manage, schema: { tags: ['lottery'], params: IdParams, body: LimitRulePatch } },
    async (request) => {
      const body = request.body;
      await changeLimitRule(platform, request.actor, request.auth!, request.params.id, {
        maxAmount: body.max_amount,
        active: body.active,
        note: body.note,
        reason: body.reason,
      });
      return { success: true };
    },
  );

  app.get(
    '/lottery/blocks',
    { ...read, schema: { tags: ['lottery'], querystring: ActiveQuery } },
    async (request) => ({
      items: (
        await listBlockedNumbers(
          db(),
          request.query.active === undefined ? undefined : request.query.active === 'true',
        )
      ).map((b) => ({
        ...b,
        active: b.active === 1,
      })),
    }),
  );
  app.post(
    '/lottery/blocks',
    { ...manage, schema: { tags: ['lottery'], body: BlockBody } },
    async (request, reply) => {
      const body = request.body;
      const id = await blockNumber(platform, request.actor, request.auth!, {
        number: body.number,
        lotteryId: body.lottery_id ?? null,
        drawId: body.draw_id ?? null,
        betType: body.bet_type ?? null,
        reason: body.reason,
      });
      return reply.status(201).send({ success: true, id });
    },
  );
  app.post(
    '/lottery/blocks/:id/remove',
    { ...manage, schema: { tags: ['lottery'], params: IdParams, body: DeactivateBody } },
    async (request) => {
      checkNetworkWide(request.auth!);
      await unblockNumber(platform, request.actor, request.params.id, request.body.reason);
      return { success: true };
    },
  );

  app.get(
    '/lottery/hot-numbers',
    { ...read, schema: { tags: ['lottery'], querystring: ActiveQuery } },
    async (request) => ({
      items: (
        await listHotNumbers(
          db(),
          request.query.active === undefined ? undefined : request.query.active === 'true',
        )
      ).map((h) => ({
        id: h.id,
        number: h.number,
        lottery_id: h.lottery_id,
        directo: major(h.directo_cents),
        pale_1: major(h.pale1_cents),
        pale_2: major(h.pale2_cents),
        tripleta_1: major(h.tripleta1_cents),
        tripleta_2: major(h.tripleta2_cents),
        tripleta_3: major(h.tripleta3_cents),
        reason: h.reason,
        active: h.active === 1,
      })),
    }),
  );
  app.post(
    '/lottery/hot-numbers',
    { ...manage, schema: { tags: ['lottery'], body: HotNumberBody } },
    async (request, reply) => {
      const b = request.body;
      const id = await markHotNumber(platform, request.actor, request.auth!, {
        number: b.number,
        lotteryId: b.lottery_id ?? null,
        directo: b.directo,
        pale1: b.pale_1,
        pale2: b.pale_2,
        tripleta1: b.tripleta_1,
        tripleta2: b.tripleta_2,
        tripleta3: b.tripleta_3,
        reason: b.reason,
      });
      return reply.status(201).send({ success: true, id });
    },
  );
  app.post(
    '/lottery/hot-numbers/:id/remove',
    { ...manage, schema: { tags: ['lottery'], params: IdParams, body: DeactivateBody } },
    async (request) => {
      checkNetworkWide(request.auth!);
      await unmarkHotNumber(platform, request.actor, request.params.id, request.body.reason);
      return { success: true };
    },
  );
}
