import { type Actor, systemActor } from '../../platform/audit/audit.ts';
import type { Platform } from '../../platform/platform.ts';
import { lotteryDb } from './db.ts';
import { bancasBelowDeactivation, deactivateBanca } from './money.repo.ts';

/**
 * Switches off every active banca whose balance, seen from the banca (−what it owes the house), has
 * fallen to its deactivation balance. An admin reactivates it once the money is collected.
 */
export async function deactivateBancasBelowBalance(platform: Platform, actor: Actor = systemActor) {
  const due = await bancasBelowDeactivation(lotteryDb(platform.db));
  const at = platform.clock.now().toISOString();
  const done: string[] = [];
  for (const banca of due) {
    await platform.db.transaction().execute(async (trx) => {
      if (!(await deactivateBanca(lotteryDb(trx), banca.id, at))) return;
      await platform.audit(trx, actor, {
        entity: 'lottery_banca',
        entityId: banca.id,
        action: 'deactivate_balance',
        before: { active: true },
        after: {
          active: false,
          balance: Number(banca.balance),
          deactivation_balance: Number(banca.deactivation_balance_cents),
        },
      });
      done.push(banca.code);
    });
  }
  if (done.length > 0) {
    platform.bus.publish({
      type: 'lottery.bancas.deactivated',
      payload: { codes: done },
      audience: { permission: 'lottery.money.read' },
    });
  }
  return { deactivated: done };
}
