/**
 * Money is integer cents; rates are basis points (8 % = 800). Every division rounds half-up
 * at the line, so the browser and the server always agree to the cent.
 */
export type Cents = number;
export type BasisPoints = number;

/** Half-up (away from zero for .5) integer division of a non-negative numerator. */
export function divideHalfUp(numerator: number, denominator: number): number {
  if (!Number.isSafeInteger(numerator) || !Number.isSafeInteger(denominator) || denominator <= 0) {
    throw new RangeError(
      `divideHalfUp needs safe integers and a positive denominator: ${numerator}/${denominator}`,
    );
  }
  const sign = numerator < 0 ? -1 : 1;
  const n = Math.abs(numerator);
  const quotient = Math.floor(n / denominator);
  const remainder = n - quotient * denominator;
  return sign * (remainder * 2 >= denominator ? quotient + 1 : quotient);
}

/** amount × rate, rounded half-up to the cent. */
export function applyRate(amount: Cents, rate: BasisPoints): Cents {
  return divideHalfUp(amount * rate, 10_000);
}

/** Parses a major-unit amount with at most two decimals ("157.5", 157.5) into cents, or null. */
export function toCents(value: number | string): Cents | null {
  const text = typeof value === 'number' ? String(value) : value.trim();
  const match = /^(-?)(\d{1,13})(?:\.(\d{1,2}))?$/.exec(text);
  if (!match) return null;
  const [, sign, whole, fraction = ''] = match;
  const cents = Number(whole) * 100 + Number(fraction.padEnd(2, '0'));
  return sign === '-' ? -cents : cents;
}

/** Cents back to a major-unit number for the API (157.5). */
export function toMajor(cents: Cents): number {
  return cents / 100;
}

/** Major units with two decimals, parsed to basis points ("8" → 800, "12.5" → 1250). */
export function percentToBasisPoints(value: number | string): BasisPoints | null {
  return toCents(value);
}

export interface CurrencyFormat {
  symbol: string;
  locale?: string;
}

/** "RD$1,234.50" — grouping by the locale, always two decimals. */
export function formatMoney(cents: Cents, currency: CurrencyFormat = { symbol: 'RD$' }): string {
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  const whole = Math.floor(abs / 100).toLocaleString(currency.locale ?? 'en-US');
  const fraction = String(abs % 100).padStart(2, '0');
  const decimalSeparator = currency.locale?.startsWith('es-CO') ? ',' : '.';
  return `${sign}${currency.symbol}${whole}${decimalSeparator}${fraction}`;
}

export function sumCents(values: readonly Cents[]): Cents {
  let total = 0;
  for (const value of values) total += value;
  return total;
}

/** The currencies an operator picks from, with how their amounts are written. */
export const CURRENCY_PRESETS = [
  { code: 'DOP', symbol: 'RD$', locale: 'es-DO' },
  { code: 'CRC', symbol: '₡', locale: 'es-CR' },
  { code: 'COP', symbol: '$', locale: 'es-CO' },
  { code: 'USD', symbol: 'US$', locale: 'en-US' },
] as const;
