import type { DrawResult } from '@matriz/shared/lottery/games';
import { type ResultFields, resultFields, resultFromFields } from '@matriz/shared/lottery/result-input';
import { type Actor, systemActor } from '../../platform/audit/audit.ts';
import { AppError } from '../../platform/errors.ts';
import type { Platform } from '../../platform/platform.ts';
import { applyCorrection } from './correct-result.ts';
import { type LotteryDb, lotteryDb } from './db.ts';
import {
  findCompositesOf,
  findLotteryByCodeOrId,
  findLotteryDrawsOn,
  findSourceDraw,
  insertResultMeta,
  type ResultDrawRow,
  writeFirstResult,
} from './results.repo.ts';
import { type SettlementSummary, settleDraw } from './settle-draw.ts';

export type ResultSource = 'screen' | 'api' | 'csv' | 'composite';

export interface ResultInput extends ResultFields {
  lottery: string;
  draw_date: string;
  draw_time?: string | null;
}

export interface InputProblem {
  code: string;
  status: 404 | 409 | 422;
  details: Record<string, unknown>;
}

export type Resolved = { draw: ResultDrawRow; result: DrawResult } | { problem: InputProblem };

const problem = (code: string, status: 404 | 409 | 422, details: Record<string, unknown>): Resolved => ({
  problem: { code, status, details },
});

/** Finds the draw an input names and reads its result for that lottery's format (nothing is written). */
export async function resolveResultInput(db: LotteryDb, input: ResultInput): Promise<Resolved> {
  const lottery = await findLotteryByCodeOrId(db, input.lottery);
  if (!lottery) return problem('RESULT_LOTTERY_UNKNOWN', 422, { field: 'lottery', lottery: input.lottery });
  const read = resultFromFields(lottery.result_format as DrawResult['format'], input);
  if ('problem' in read) {
    if (read.problem.reason === 'COMPUTED')
      return problem('RESULT_COMPUTED', 422, { field: 'lottery', lottery: lottery.code });
    return problem('INVALID_RESULT', 422, {
      field: read.problem.field,
      reason: read.problem.reason,
      format: lottery.result_format,
      lottery: lottery.code,
    });
  }
  const draws = await findLotteryDrawsOn(db, lottery.id, input.draw_date);
  const matching = input.draw_time ? draws.filter((d) => d.draw_time === input.draw_time) : draws;
  if (matching.length === 0)
    return problem('RESULT_DRAW_NOT_FOUND', 404, {
      field: input.draw_time ? 'draw_time' : 'draw_date',
      lottery: lottery.code,
      draw_date: input.draw_date,
      draw_time: input.draw_time ?? null,
    });
  if (matching.length > 1)
    return problem('DRAW_TIME_REQUIRED', 422, {
      field: 'draw_time',
      lottery: lottery.code,
      times: matching.map((d) => d.draw_time),
    });
  return { draw: matching[0], result: read.result };
}

/** A first result needs a draw whose sales are closed and that has no result yet. */
export function firstResultProblem(draw: ResultDrawRow, now: Date): InputProblem | null {
  if (draw.result_json !== null)
    return {
      code: 'RESULT_EXISTS',
      status: 409,
      details: {
        lottery: draw.lottery_code,
        draw_date: draw.draw_date,
        draw_time: draw.draw_time,
        result: resultFields(JSON.parse(draw.result_json) as DrawResult),
      },
    };
  const closedByClock = draw.status === 'open' && draw.close_at <= now.toISOString();
  if (draw.status !== 'closed' && !closedByClock)
    return {
      code: 'RESULT_DRAW_NOT_CLOSED',
      status: 409,
      details: { lottery: draw.lottery_code, status: draw.status, close_at: draw.close_at },
    };
  return null;
}

export interface PublishedResult {
  draw: ResultDrawRow;
  result: DrawResult;
  settlement: SettlementSummary;
}

/**
 * Writes first results in ONE transaction (all or nothing: a CSV with a bad line writes none), then
 * settles each draw and, where both sources of a Super Palé now have results, the composite draw.
 */
export async function publishResults(
  platform: Platform,
  actor: Actor,
  items: readonly { draw: ResultDrawRow; result: DrawResult }[],
  source: ResultSource,
): Promise<PublishedResult[]> {
  const at = platform.clock.now().toISOString();
  await platform.db.transaction().execute(async (trx) => {
    const db = lotteryDb(trx);
    for (const { draw, result } of items) {
      if (!(await writeFirstResult(db, draw.id, JSON.stringify(result), at))) {
        const fresh = (await db
          .selectFrom('lottery_draws')
          .select(['status', 'result_json', 'close_at'])
          .where('id', '=', draw.id)
          .executeTakeFirst())!;
        const refusal = firstResultProblem({ ...draw, ...fresh }, platform.clock.now()) ?? {
          code: 'RESULT_EXISTS',
          status: 409 as const,
          details: {},
        };
        throw new AppError(refusal.code, refusal.status, refusal.details);
      }
      await insertResultMeta(db, {
        draw_id: draw.id,
        source,
        entered_by: actor.userId,
        entered_at: at,
        revision: 1,
        previous_json: null,
        correction_reason: null,
        corrected_by: null,
        corrected_at: null,
        reverting: 0,
        tickets_pending: 0,
      });
      await platform.audit(trx, actor, {
        entity: 'lottery_draw',
        entityId: draw.id,
        action: 'result_publish',
        after: {
          lottery: draw.lottery_code,
          draw_date: draw.draw_date,
          draw_time: draw.draw_time,
          result: resultFields(result),
          source,
        },
      });
    }
  });
  const published: PublishedResult[] = [];
  for (const { draw, result } of items) {
    platform.bus.publish({
      type: 'lottery.draw.resulted',
      payload: {
        draw_id: draw.id,
        lottery: draw.lottery_code,
        draw_date: draw.draw_date,
        draw_time: draw.draw_time,
        result: resultFields(result),
      },
    });
    published.push({ draw, result, settlement: await settleDraw(platform, draw.id, actor) });
  }
  for (const { draw } of items) await updateComposites(platform, draw);
  return published;
}

/** One result from the screen or an API token: validated, written, settled. */
export async function publishResult(
  platform: Platform,
  actor: Actor,
  input: ResultInput,
  source: ResultSource,
): Promise<PublishedResult> {
  const resolved = await resolveResultInput(lotteryDb(platform.db), input);
  if ('problem' in resolved)
    throw new AppError(resolved.problem.code, resolved.problem.status, resolved.problem.details);
  const refusal = firstResultProblem(resolved.draw, platform.clock.now());
  if (refusal) throw new AppError(refusal.code, refusal.status, refusal.details);
  const [published] = await publishResults(platform, actor, [resolved], source);
  return published;
}

/**
 * Super Palé: when a source draw gets (or changes) its result, each composite draw it feeds gets
 * {first: A's 1st, second: B's 1st} once both sources have results — published the first time,
 * corrected (by the system, audited) if a source was corrected later.
 */
export async function updateComposites(platform: Platform, sourceDraw: ResultDrawRow): Promise<void> {
  const db = lotteryDb(platform.db);
  for (const composite of await findCompositesOf(db, sourceDraw.lottery_id)) {
    if (!composite.source_a_id || !composite.source_b_id) continue;
    for (const target of await findLotteryDrawsOn(db, composite.id, sourceDraw.draw_date)) {
      const a = await findSourceDraw(db, composite.source_a_id, target.draw_date, target.draw_at);
      const b = await findSourceDraw(db, composite.source_b_id, target.draw_date, target.draw_at);
      if (a?.id !== sourceDraw.id && b?.id !== sourceDraw.id) continue;
      if (!a?.result_json || !b?.result_json) continue;
      const firstOf = (json: string) => (JSON.parse(json) as { first?: string }).first;
      const first = firstOf(a.result_json);
      const second = firstOf(b.result_json);
      if (!first || !second) continue;
      const result: DrawResult = { format: 'composite', first, second };
      if (target.result_json === null) {
        if (firstResultProblem(target, platform.clock.now())) continue;
        await publishResults(platform, systemActor, [{ draw: target, result }], 'composite');
      } else if (target.result_json !== JSON.stringify(result)) {
        await applyCorrection(
          platform,
          systemActor,
          target,
          result,
          `Fuente corregida: ${sourceDraw.lottery_code}`,
        );
      }
    }
  }
}
