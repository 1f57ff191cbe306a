import { OperatorSettings } from '@matriz/shared/api/lottery-catalog';
import type { Config } from '../../platform/config.ts';
import type { LotteryDb } from './db.ts';
import { readOperatorSettingsJson } from './settings.repo.ts';

export function defaultOperatorSettings(config: Pick<Config, 'timezone'>): OperatorSettings {
  return {
    name: 'Casa Matriz',
    ticket_prefix: 'LAN',
    currency_code: 'DOP',
    currency_symbol: 'RD$',
    time_zone: config.timezone,
    future_sales_days: 7,
    ticket_expiry_days: 90,
    print_format: 'thermal_80mm',
    print_copies: 1,
    footer_lines: ['¡Buena suerte!', 'Revise su ticket antes de retirarse', ''],
    show_prize_table: false,
    ticket_language: 'es',
  };
}

/** The operator's settings; keys added after they were saved take their defaults. */
export async function getOperatorSettings(
  db: LotteryDb,
  config: Pick<Config, 'timezone'>,
): Promise<OperatorSettings> {
  const stored = await readOperatorSettingsJson(db);
  const defaults = defaultOperatorSettings(config);
  if (!stored) return defaults;
  const parsed = OperatorSettings.safeParse({ ...defaults, ...JSON.parse(stored) });
  return parsed.success ? parsed.data : defaults;
}
