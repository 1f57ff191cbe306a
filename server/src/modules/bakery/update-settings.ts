import type { Actor } from '../../platform/audit/audit.ts';
import type { Platform } from '../../platform/platform.ts';
import { bakeryDb, writeSetting } from './bakery.repo.ts';
import { type BakerySettings, loadSettings } from './settings.ts';

export async function renameBakery(platform: Platform, actor: Actor, name: string): Promise<BakerySettings> {
  const before = await loadSettings(platform);
  const after = { ...before, name };
  await platform.db.transaction().execute(async (trx) => {
    await writeSetting(bakeryDb(trx), 'general', after, platform.clock.now().toISOString());
    await platform.audit(trx, actor, {
      entity: 'bakery_settings',
      entityId: 'general',
      action: 'update',
      before,
      after,
    });
  });
  return after;
}
