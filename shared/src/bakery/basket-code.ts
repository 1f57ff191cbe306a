/**
 * What a valid basket barcode is, as the operator defines it, and the check digit.
 *
 * The check digit is **Luhn (mod 10)**, the one on payment cards and many internal barcodes: from the
 * rightmost payload digit leftwards every second digit is doubled (9 subtracted when above 9), the
 * digits are summed and the check digit brings the total to a multiple of 10. It catches every
 * single-digit error and almost every swap of two adjacent digits (all but 09↔90). It is computed over
 * the digits after the prefix; the check digit is the code's last character.
 */

export const CHECK_DIGIT_KINDS = ['none', 'luhn'] as const;
export type CheckDigitKind = (typeof CHECK_DIGIT_KINDS)[number];

export interface BasketCodeRule {
  /** Upper-case letters/digits every code starts with ('' for none). */
  prefix: string;
  /** Total length including the prefix and the check digit; null for any length from 3 to 32. */
  length: number | null;
  checkDigit: CheckDigitKind;
}

export const DEFAULT_BASKET_CODE_RULE: BasketCodeRule = { prefix: 'CAN', length: 8, checkDigit: 'luhn' };

export type BasketCodeProblem = 'empty' | 'characters' | 'prefix' | 'length' | 'check_digit';

export type BasketCodeResult =
  | { ok: true; code: string }
  | { ok: false; code: string; reason: BasketCodeProblem; expected?: string | number };

const ALLOWED = /^[A-Z0-9-]+$/;
const MIN_LENGTH = 3;
const MAX_LENGTH = 32;

/** Scanners and people type codes with spaces or in lower case: one canonical form. */
export function normalizeBasketCode(raw: string): string {
  return raw.trim().replace(/\s+/g, '').toUpperCase();
}

/** The Luhn check digit (0–9) for a string of digits. */
export function luhnCheckDigit(payload: string): number {
  if (!/^\d+$/.test(payload)) throw new Error('luhnCheckDigit needs digits only');
  let sum = 0;
  for (let i = 0; i < payload.length; i++) {
    // Rightmost payload digit is doubled (it sits next to the check digit).
    let digit = payload.charCodeAt(payload.length - 1 - i) - 48;
    if (i % 2 === 0) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return (10 - (sum % 10)) % 10;
}

/** Whether a string of digits ends in its correct Luhn check digit. */
export function hasValidLuhn(digits: string): boolean {
  if (!/^\d{2,}$/.test(digits)) return false;
  return luhnCheckDigit(digits.slice(0, -1)) === Number(digits[digits.length - 1]);
}

/** Checks a scanned code against the operator's rule; the reason names what failed first. */
export function validateBasketCode(raw: string, rule: BasketCodeRule): BasketCodeResult {
  const code = normalizeBasketCode(raw);
  if (code === '') return { ok: false, code, reason: 'empty' };
  if (!ALLOWED.test(code)) return { ok: false, code, reason: 'characters' };
  if (!code.startsWith(rule.prefix)) return { ok: false, code, reason: 'prefix', expected: rule.prefix };
  if (
    rule.length !== null ? code.length !== rule.length : code.length < MIN_LENGTH || code.length > MAX_LENGTH
  )
    return { ok: false, code, reason: 'length', expected: rule.length ?? `${MIN_LENGTH}-${MAX_LENGTH}` };
  if (rule.checkDigit === 'luhn') {
    const body = code.slice(rule.prefix.length);
    if (!/^\d{2,}$/.test(body)) return { ok: false, code, reason: 'characters', expected: 'digits' };
    if (!hasValidLuhn(body)) {
      return { ok: false, code, reason: 'check_digit', expected: luhnCheckDigit(body.slice(0, -1)) };
    }
  }
  return { ok: true, code };
}

/** The code for serial number `serial` under a rule (demo data, label printing, tests). */
export function makeBasketCode(rule: BasketCodeRule, serial: number): string {
  const digitsWanted = rule.length === null ? 6 : rule.length - rule.prefix.length;
  const payloadLength = rule.checkDigit === 'luhn' ? digitsWanted - 1 : digitsWanted;
  if (payloadLength < 1) throw new Error('rule leaves no room for a serial');
  const payload = String(serial).padStart(payloadLength, '0');
  if (payload.length > payloadLength) throw new Error(`serial ${serial} does not fit the rule`);
  return rule.checkDigit === 'luhn'
    ? `${rule.prefix}${payload}${luhnCheckDigit(payload)}`
    : `${rule.prefix}${payload}`;
}
