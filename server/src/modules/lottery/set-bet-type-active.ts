import type { BetTypeCode } from '@matriz/shared/lottery/games';
import type { Actor } from '../../platform/audit/audit.ts';
import type { Platform } from '../../platform/platform.ts';
import { listBetTypeStates, upsertBetTypeState } from './catalog.repo.ts';
import { lotteryDb } from './db.ts';

/** Switches a bet type off (or back on) for the whole operator; the sales engine refuses inactive types. */
export async function setBetTypeActive(
  platform: Platform,
  actor: Actor,
  code: BetTypeCode,
  active: boolean,
): Promise<void> {
  await platform.db.transaction().execute(async (trx) => {
    const db = lotteryDb(trx);
    const before = (await listBetTypeStates(db)).find((s) => s.code === code)?.active ?? 1;
    await upsertBetTypeState(db, {
      code,
      active: active ? 1 : 0,
      updated_at: platform.clock.now().toISOString(),
    });
    await platform.audit(trx, actor, {
      entity: 'lottery_bet_type',
      entityId: code,
      action: active ? 'reactivate' : 'deactivate',
      before: { active: before === 1 },
      after: { active },
    });
  });
}

/** Bet types the operator has switched off. */
export async function inactiveBetTypes(platform: Platform): Promise<Set<string>> {
  const states = await listBetTypeStates(lotteryDb(platform.db));
  return new Set(states.filter((s) => s.active === 0).map((s) => s.code));
}
