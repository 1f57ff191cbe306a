import type { BasketSettingsBody } from '@matriz/shared/api/bakery-baskets';
import { toCents } from '@matriz/shared/money';
import type { Actor } from '../../platform/audit/audit.ts';
import { invalid } from '../../platform/errors.ts';
import type { Platform } from '../../platform/platform.ts';
import { bakeryDb, writeSetting } from './bakery.repo.ts';
import {
  BASKET_SETTINGS_KEY,
  type BasketSettings,
  loadBasketSettings,
  presentBasketSettings,
} from './basket-settings.ts';

/** The admin sets the code rule, the days until a lent basket is lost and the default charge. */
export async function updateBasketSettings(platform: Platform, actor: Actor, body: BasketSettingsBody) {
  const before = await loadBasketSettings(platform);
  const after: BasketSettings = {
    codeRule: { prefix: body.code_prefix, length: body.code_length, checkDigit: body.check_digit },
    lostAfterDays: body.lost_after_days,
    defaultChargeCents: toCents(body.default_charge) ?? 0,
  };
  const room = (after.codeRule.length ?? 32) - after.codeRule.prefix.length;
  if (room < (after.codeRule.checkDigit === 'luhn' ? 2 : 1)) {
    throw invalid('BASKET_RULE_INVALID', { prefix: after.codeRule.prefix, length: after.codeRule.length });
  }
  await platform.db.transaction().execute(async (trx) => {
    await writeSetting(bakeryDb(trx), BASKET_SETTINGS_KEY, after, platform.clock.now().toISOString());
    await platform.audit(trx, actor, {
      entity: 'bakery_settings',
      entityId: BASKET_SETTINGS_KEY,
      action: 'update',
      before: presentBasketSettings(before),
      after: presentBasketSettings(after),
    });
  });
  return presentBasketSettings(after);
}
