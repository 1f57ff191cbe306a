import { percentToBasisPoints } from '@matriz/shared/money';
import type { Actor } from '../../platform/audit/audit.ts';
import { hashPassword } from '../../platform/auth/passwords.ts';
import { findUserByUsername, insertUser } from '../../platform/auth/users.repo.ts';
import { conflict } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import type { Platform } from '../../platform/platform.ts';
import { bakeryDb, isUniqueViolation } from './bakery.repo.ts';
import { findSeller, insertSellers, type SellerRow } from './sellers.repo.ts';
import { presentSeller } from './views.ts';

export interface SellerInput {
  username: string;
  fullName: string;
  password: string;
  commissionPanaderia: number;
  commissionBizcocheria: number;
}

/** A seller is a user with the route_seller role and a commission rate per category, created together. */
export async function createSeller(platform: Platform, actor: Actor, input: SellerInput): Promise<SellerRow> {
  const username = input.username.toLowerCase();
  if (await findUserByUsername(platform.db, username)) throw conflict('USERNAME_TAKEN', { username });
  const passwordHash = await hashPassword(input.password);
  const at = platform.clock.now().toISOString();
  const id = newId();
  await platform.db
    .transaction()
    .execute(async (trx) => {
      await insertUser(
        trx,
        {
          id,
          username,
          full_name: input.fullName,
          email: null,
          password_hash: passwordHash,
          active: 1,
          must_change_password: 1,
          failed_logins: 0,
          locked_until: null,
          created_at: at,
          updated_at: at,
          last_login_at: null,
          version: 1,
        },
        ['route_seller'],
      );
      const db = bakeryDb(trx);
      await insertSellers(db, [
        {
          user_id: id,
          commission_panaderia_bp: percentToBasisPoints(input.commissionPanaderia)!,
          commission_bizcocheria_bp: percentToBasisPoints(input.commissionBizcocheria)!,
          active: 1,
          created_at: at,
          updated_at: at,
        },
      ]);
      await platform.audit(trx, actor, {
        entity: 'bakery_seller',
        entityId: id,
        action: 'create',
        after: presentSeller((await findSeller(db, id))!),
      });
    })
    .catch((error: unknown) => {
      if (isUniqueViolation(error)) throw conflict('USERNAME_TAKEN', { username });
      throw error;
    });
  return (await findSeller(bakeryDb(platform.db), id))!;
}
