import { timeIn } from '../common/time.ts';
import type { DrawView } from '../tickets/tickets.api.ts';

/** Words of a name typed in capitals that stay so: acronyms have no vowel (JPS, NY). */
const VOWEL = /[aeiouáéíóúü]/i;

/**
 * A lottery's name as a seller reads it on a small screen: "LOTERÍA REAL" → "Real",
 * "SUPER PALÉ REAL · GANA MÁS" → "Super Palé Real · Gana Más", "JPS NUEVOS TIEMPOS" → "JPS Nuevos
 * Tiempos". A name the operator already wrote in mixed case is kept as written.
 */
export function shortLotteryName(name: string): string {
  const trimmed = name.trim().replace(/^loter[ií]a\s+(?=\S)/i, '');
  if (trimmed !== trimmed.toUpperCase()) return trimmed;
  return trimmed.replace(/\p{L}+/gu, (word) =>
    VOWEL.test(word) ? word[0] + word.slice(1).toLocaleLowerCase('es') : word,
  );
}

/** "Real 12:55": the lottery and when it draws, in the operator's zone. */
export function drawLabel(draw: DrawView, timeZone: string): string {
  return `${shortLotteryName(draw.lottery_name)} ${timeIn(draw.draw_at, timeZone)}`;
}
