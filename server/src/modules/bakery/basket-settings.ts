import {
  type BasketCodeRule,
  DEFAULT_BASKET_CODE_RULE,
  validateBasketCode,
} from '@matriz/shared/bakery/basket-code';
import { toMajor } from '@matriz/shared/money';
import { invalid } from '../../platform/errors.ts';
import type { Platform } from '../../platform/platform.ts';
import { bakeryDb, readSetting } from './bakery.repo.ts';

/** The canastas part of the bakery settings (stored under the `baskets` key). */
export interface BasketSettings {
  codeRule: BasketCodeRule;
  /** A basket lent this many days or more becomes lost (daily job). */
  lostAfterDays: number;
  /** What a lost basket costs the seller unless the admin says otherwise. */
  defaultChargeCents: number;
}

export const DEFAULT_BASKET_SETTINGS: BasketSettings = {
  codeRule: DEFAULT_BASKET_CODE_RULE,
  lostAfterDays: 7,
  defaultChargeCents: 2_500_000,
};

export const BASKET_SETTINGS_KEY = 'baskets';

export async function loadBasketSettings(platform: Platform): Promise<BasketSettings> {
  const stored = await readSetting<Partial<BasketSettings>>(bakeryDb(platform.db), BASKET_SETTINGS_KEY);
  return {
    ...DEFAULT_BASKET_SETTINGS,
    ...stored,
    codeRule: { ...DEFAULT_BASKET_SETTINGS.codeRule, ...stored?.codeRule },
  };
}

export function presentBasketSettings(settings: BasketSettings) {
  return {
    code_prefix: settings.codeRule.prefix,
    code_length: settings.codeRule.length,
    check_digit: settings.codeRule.checkDigit,
    lost_after_days: settings.lostAfterDays,
    default_charge: toMajor(settings.defaultChargeCents),
  };
}

/** The code in its canonical form, or BASKET_CODE_INVALID naming what breaks the operator's rule. */
export function checkBasketCode(raw: string, rule: BasketCodeRule): string {
  const checked = validateBasketCode(raw, rule);
  if (!checked.ok) {
    throw invalid('BASKET_CODE_INVALID', {
      code: checked.code,
      reason: checked.reason,
      expected: checked.expected ?? null,
    });
  }
  return checked.code;
}
