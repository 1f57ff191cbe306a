import type { Actor } from '../../platform/audit/audit.ts';
import { AppError, conflict, notFound } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import type { Platform } from '../../platform/platform.ts';
import {
  countDrawsWithLiveSales,
  findLottery,
  insertLotteries,
  type LotteryRow,
  updateLotteryRow,
} from './catalog.repo.ts';
import { isUniqueViolation, type LotteryDb, lotteryDb } from './db.ts';
import { lockUnsettledDraws } from './draws.repo.ts';
import { announceReplan, replanUpcomingDraws } from './generate-draws.ts';

export interface LotteryInput {
  code?: string;
  name?: string;
  country?: string;
  time_zone?: string;
  result_format?: string;
  source_a_id?: string | null;
  source_b_id?: string | null;
  sort_order?: number;
}

/** A composite (Super Palé) takes the 1st prize of two other quiniela lotteries; nothing else has sources. */
async function checkSources(
  db: LotteryDb,
  selfId: string,
  format: string,
  sourceA: string | null,
  sourceB: string | null,
): Promise<void> {
  if (format !== 'composite') {
    if (sourceA || sourceB)
      throw new AppError('SOURCES_ONLY_FOR_COMPOSITE', 422, {
        field: sourceA ? 'source_a_id' : 'source_b_id',
      });
    return;
  }
  for (const [field, id] of [
    ['source_a_id', sourceA],
    ['source_b_id', sourceB],
  ] as const) {
    if (!id) throw new AppError('COMPOSITE_NEEDS_SOURCES', 422, { field });
    const source = await findLottery(db, id);
    if (!source || source.id === selfId || source.result_format !== 'quiniela') {
      throw new AppError('COMPOSITE_SOURCE_INVALID', 422, { field, id });
    }
  }
  if (sourceA === sourceB)
    throw new AppError('COMPOSITE_SOURCE_INVALID', 422, { field: 'source_b_id', id: sourceB });
}

const codeTaken = (code: string | undefined) => conflict('CODE_TAKEN', { field: 'code', code });

export async function createLottery(
  platform: Platform,
  actor: Actor,
  input: LotteryInput & {
    code: string;
    name: string;
    country: string;
    time_zone: string;
    result_format: string;
  },
): Promise<LotteryRow> {
  const id = newId();
  const at = platform.clock.now().toISOString();
  try {
    await platform.db.transaction().execute(async (trx) => {
      const db = lotteryDb(trx);
      const row = {
        id,
        code: input.code,
        name: input.name,
        country: input.country,
        time_zone: input.time_zone,
        result_format: input.result_format,
        source_a_id: input.source_a_id ?? null,
        source_b_id: input.source_b_id ?? null,
        sort_order: input.sort_order ?? 0,
        active: 1,
        created_at: at,
        updated_at: at,
      };
      await checkSources(db, id, row.result_format, row.source_a_id, row.source_b_id);
      await insertLotteries(db, [row]);
      await platform.audit(trx, actor, {
        entity: 'lottery_lottery',
        entityId: id,
        action: 'create',
        after: row,
      });
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw codeTaken(input.code);
    throw error;
  }
  return (await findLottery(lotteryDb(platform.db), id))!;
}

/**
 * What decides how a lottery's sold tickets settle and when its draws close: a Super Palé's
 * sources are the results its sold tickets are matched against when it is published.
 */
const SETTLEMENT_FIELDS = ['result_format', 'time_zone', 'source_a_id', 'source_b_id'] as const;

/**
 * While a draw not yet settled holds sales, neither the zone, the format nor the sources of its
 * lottery may change (LOTTERY_HAS_SALES); every other field stays editable. A new zone moves the draws still
 * ahead to the instants it gives them (replanUpcomingDraws), in the same transaction; draws already
 * closed or resulted keep theirs.
 */
export async function updateLottery(
  platform: Platform,
  actor: Actor,
  id: string,
  input: LotteryInput,
): Promise<LotteryRow> {
  let replanned: Awaited<ReturnType<typeof replanUpcomingDraws>> | null = null;
  try {
    await platform.db.transaction().execute(async (trx) => {
      const db = lotteryDb(trx);
      const before = await findLottery(db, id);
      if (!before) throw notFound('lottery_lottery', id);
      const locked = SETTLEMENT_FIELDS.filter((f) => input[f] !== undefined && input[f] !== before[f]);
      if (locked.length > 0) {
        // Before counting, so a sale still in flight is counted once it commits.
        if (platform.engine === 'postgres') await lockUnsettledDraws(db, id);
        const draws = await countDrawsWithLiveSales(db, id);
        if (draws > 0)
          throw conflict('LOTTERY_HAS_SALES', {
            field: locked[0],
            fields: locked,
            lottery: before.name,
            draws,
          });
      }
      const format = input.result_format ?? before.result_format;
      const sourceA = input.source_a_id === undefined ? before.source_a_id : input.source_a_id;
      const sourceB = input.source_b_id === undefined ? before.source_b_id : input.source_b_id;
      await checkSources(db, id, format, sourceA, sourceB);
      const changes = Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined));
      await updateLotteryRow(db, id, { ...changes, updated_at: platform.clock.now().toISOString() });
      const draws = locked.includes('time_zone')
        ? await replanUpcomingDraws(platform, db, id, input.time_zone!)
        : null;
      replanned = draws;
      await platform.audit(trx, actor, {
        entity: 'lottery_lottery',
        entityId: id,
        action: 'update',
        before,
        after: {
          ...(await findLottery(db, id)),
          ...(draws && {
            draws_moved: draws.moved.length,
            draws_closed: draws.closed,
            draws_removed: draws.removed,
            draws_kept_with_sales: draws.kept.map((d) => d.id),
          }),
        },
      });
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw codeTaken(input.code);
    throw error;
  }
  if (replanned) announceReplan(platform, replanned);
  return (await findLottery(lotteryDb(platform.db), id))!;
}
