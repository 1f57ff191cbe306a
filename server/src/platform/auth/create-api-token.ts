import { ALL_PERMISSIONS } from '@matriz/shared/auth/permissions';
import type { Actor } from '../audit/audit.ts';
import { AppError } from '../errors.ts';
import { newId, newToken, sha256 } from '../ids.ts';
import type { Platform } from '../platform.ts';
import { insertApiToken } from './sessions.repo.ts';

/** An integration token: shown once, stored as a hash, limited to scopes the owner already has. */
export async function createApiToken(
  platform: Platform,
  actor: Actor,
  ownerPermissions: ReadonlySet<string>,
  input: { name: string; scopes: string[]; expiresAt?: string },
): Promise<{ id: string; token: string }> {
  for (const scope of input.scopes) {
    if (!(ALL_PERMISSIONS as string[]).includes(scope) || !ownerPermissions.has(scope)) {
      throw new AppError('FORBIDDEN', 403, { permission: scope });
    }
  }
  const token = `mtz_${newToken()}`;
  const id = newId();
  await platform.db.transaction().execute(async (trx) => {
    await insertApiToken(trx, {
      id,
      user_id: actor.userId!,
      name: input.name,
      token_hash: sha256(token),
      scopes: JSON.stringify([...new Set(input.scopes)]),
      created_at: platform.clock.now().toISOString(),
      expires_at: input.expiresAt ?? null,
      revoked_at: null,
      last_used_at: null,
    });
    await platform.audit(trx, actor, {
      entity: 'api_token',
      entityId: id,
      action: 'create',
      after: { name: input.name, scopes: input.scopes },
    });
  });
  return { id, token };
}
