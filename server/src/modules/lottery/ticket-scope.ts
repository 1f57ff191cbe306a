import type { AuthContext } from '../../platform/http/types.ts';
import type { LotteryDb } from './db.ts';
import { findBancasOfUser } from './network.repo.ts';

/** The bancas whose tickets a user may see: null means every banca (network managers). */
export async function visibleBancaIds(db: LotteryDb, auth: AuthContext): Promise<string[] | null> {
  if (auth.permissions.has('lottery.network.manage')) return null;
  return (await findBancasOfUser(db, auth.userId)).map((b) => b.id);
}

export function canSee(scope: string[] | null, bancaId: string): boolean {
  return scope === null || scope.includes(bancaId);
}
