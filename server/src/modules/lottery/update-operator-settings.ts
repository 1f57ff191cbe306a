import type { OperatorSettings, OperatorSettingsBody } from '@matriz/shared/api/lottery-catalog';
import type { Actor } from '../../platform/audit/audit.ts';
import type { Platform } from '../../platform/platform.ts';
import { lotteryDb } from './db.ts';
import { getOperatorSettings } from './get-operator-settings.ts';
import { writeOperatorSettingsJson } from './settings.repo.ts';

export async function updateOperatorSettings(
  platform: Platform,
  actor: Actor,
  body: OperatorSettingsBody,
): Promise<OperatorSettings> {
  await platform.db.transaction().execute(async (trx) => {
    const db = lotteryDb(trx);
    const before = await getOperatorSettings(db, platform.config);
    const settings: OperatorSettings = {
      ...before,
      ...body,
      ticket_language: body.ticket_language ?? before.ticket_language,
    };
    await writeOperatorSettingsJson(db, JSON.stringify(settings), platform.clock.now().toISOString());
    await platform.audit(trx, actor, {
      entity: 'lottery_settings',
      entityId: 'operator',
      action: 'update',
      before,
      after: settings,
    });
  });
  return getOperatorSettings(lotteryDb(platform.db), platform.config);
}
