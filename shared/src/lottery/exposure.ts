/**
 * Exposure of a draw (issue 7, DOMAIN.md §6). Pure: the server feeds it lines grouped by
 * (bet type, number, ticket multiplier, prize multipliers) and the board shows what comes out.
 *
 * Definitions (amounts in cents):
 * - sales of a group   = Σ bet × ticket multiplier (the same measure as the `sales` limit counters).
 * - payout if first    = for DIRECTO (and TIEMPOS) lines on N: Σ bet × ticket multiplier × the line's
 *                        own first-prize multiplier (`first`, `hit` for tiempos) — what the house pays on
 *                        those lines if N comes out first. Rounded half-up per group.
 * - combination payout = for PALE / TRIPLETA / SUPER_PALE lines: bet × ticket multiplier × the line's
 *                        best prize multiplier (palé 1st+2nd, tripleta 3 of 3), per combination.
 * - exposure of N      = payout if first + Σ combination payouts of every combination containing N: the
 *                        ceiling of what N coming first can cost across every bet type it can win (the
 *                        combinations pay only if their other numbers also come, and not all can at once).
 * - net risk of N      = exposure of N − net sales of the draw (what the house keeps after commission).
 */
import type { Cents } from '../money.ts';
import type { BetTypeCode } from './games.ts';
import { pairsOf } from './limits.ts';
import { potentialPrize } from './pricing.ts';

export interface ExposureGroup {
  betType: BetTypeCode | string;
  number: string;
  /** Ticket multiplier of the lines in the group. */
  multiplier: number;
  /** Prize class → multiplier in hundredths, copied onto the lines at sale. */
  prizeMultipliers: Readonly<Record<string, number>>;
  /** Σ bet_amount of the group's lines. */
  betCents: Cents;
  /** Σ net_amount of the group's lines. */
  netCents: Cents;
  lines: number;
}

export interface NumberExposure {
  number: string;
  /** Directo sales on N (bet × multiplier). */
  salesCents: Cents;
  payoutIfFirstCents: Cents;
  /** Σ best payouts of palés/tripletas containing N. */
  combinationPayoutCents: Cents;
  exposureCents: Cents;
  lines: number;
}

export interface CombinationExposure {
  betType: string;
  number: string;
  /** The two-digit numbers of the combination. */
  numbers: string[];
  salesCents: Cents;
  payoutCents: Cents;
  lines: number;
}

export interface DrawExposure {
  numbers: Map<string, NumberExposure>;
  combinations: CombinationExposure[];
  salesCents: Cents;
  netSalesCents: Cents;
}

export const FIRST_PRIZE_TYPES: Readonly<Record<string, string>> = { DIRECTO: 'first', TIEMPOS: 'hit' };
export const COMBINATION_TYPES = ['PALE', 'TRIPLETA', 'SUPER_PALE'] as const;

const isCombination = (betType: string) => (COMBINATION_TYPES as readonly string[]).includes(betType);

/** bet × multiplier × the group's multiplier for one prize class (0 when the class is missing). */
export function groupPayout(group: ExposureGroup, prizeClass: string | 'best'): Cents {
  const values = Object.values(group.prizeMultipliers);
  const multiplier =
    prizeClass === 'best' ? Math.max(0, ...values) : (group.prizeMultipliers[prizeClass] ?? 0);
  if (group.betCents === 0 || multiplier === 0) return 0;
  return potentialPrize(group.betCents, group.multiplier, multiplier);
}

function emptyNumber(number: string): NumberExposure {
  return {
    number,
    salesCents: 0,
    payoutIfFirstCents: 0,
    combinationPayoutCents: 0,
    exposureCents: 0,
    lines: 0,
  };
}

/** Folds grouped lines into per-number and per-combination exposure. */
export function drawExposure(groups: readonly ExposureGroup[]): DrawExposure {
  const numbers = new Map<string, NumberExposure>();
  const combinations = new Map<string, CombinationExposure>();
  const numberOf = (n: string) => {
    let entry = numbers.get(n);
    if (!entry) {
      entry = emptyNumber(n);
      numbers.set(n, entry);
    }
    return entry;
  };
  let salesCents = 0;
  let netSalesCents = 0;
  for (const group of groups) {
    const sales = group.betCents * group.multiplier;
    salesCents += sales;
    netSalesCents += group.netCents;
    const firstClass = FIRST_PRIZE_TYPES[group.betType];
    if (firstClass) {
      const entry = numberOf(group.number);
      const payout = groupPayout(group, firstClass);
      entry.salesCents += sales;
      entry.payoutIfFirstCents += payout;
      entry.exposureCents += payout;
      entry.lines += group.lines;
    } else if (isCombination(group.betType)) {
      const key = `${group.betType}|${group.number}`;
      const payout = groupPayout(group, 'best');
      const combination = combinations.get(key) ?? {
        betType: group.betType,
        number: group.number,
        numbers: pairsOf(group.number),
        salesCents: 0,
        payoutCents: 0,
        lines: 0,
      };
      combination.salesCents += sales;
      combination.payoutCents += payout;
      combination.lines += group.lines;
      combinations.set(key, combination);
      for (const n of new Set(combination.numbers)) {
        const entry = numberOf(n);
        entry.combinationPayoutCents += payout;
        entry.exposureCents += payout;
      }
    }
  }
  return {
    numbers,
    combinations: [...combinations.values()].sort(
      (a, b) => b.payoutCents - a.payoutCents || (a.number < b.number ? -1 : 1),
    ),
    salesCents,
    netSalesCents,
  };
}

/** exposure − net sales: what the house would lose if N came first, after keeping the draw's net sales. */
export function netRisk(exposureCents: Cents, netSalesCents: Cents): Cents {
  return exposureCents - netSalesCents;
}

/** The 100 two-digit numbers of the board. */
export const BOARD_NUMBERS: readonly string[] = Array.from({ length: 100 }, (_, i) =>
  String(i).padStart(2, '0'),
);
