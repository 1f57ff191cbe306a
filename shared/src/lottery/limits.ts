/**
 * Which limit counters a ticket line consumes (DOMAIN.md §6). Pure: the server uses it inside the
 * sale, the validate endpoint and the board use it to show what is left.
 *
 * Each counter is a key shared by every sale the rule governs (all sales of a draw, of a zone in a
 * draw, of one number …). When several rules govern the same key the most specific one sets the limit,
 * so an operator can say "every directo 500" and "but 23 only 300".
 */
import type { Cents } from '../money.ts';
import type { BetTypeCode } from './games.ts';

export const LIMIT_LEVELS = ['global', 'zone', 'banca', 'bet_type', 'number'] as const;
export type LimitLevel = (typeof LIMIT_LEVELS)[number];

/** `sales`: bet × ticket multiplier. `payout`: what the line would pay if it won its best prize. */
export const LIMIT_MEASURES = ['sales', 'payout'] as const;
export type LimitMeasure = (typeof LIMIT_MEASURES)[number];

export interface LimitRule {
  id: string;
  level: LimitLevel;
  measure: LimitMeasure;
  maxCents: Cents;
  lotteryId: string | null;
  drawId: string | null;
  /** Zone or banca the rule is for (required for those levels, optional narrowing for the others). */
  zoneId: string | null;
  bancaId: string | null;
  betType: BetTypeCode | null;
  /** Number level only: one normalized number, or null for "every number of the bet type". */
  number: string | null;
  /** 0 = Sunday … 6 = Saturday; null for every day. */
  weekday: number | null;
  startsOn: string | null;
  endsOn: string | null;
}

/** An operator-marked hot number: its own, lower limits by how many hot numbers a play carries. */
export interface HotNumber {
  number: string;
  lotteryId: string | null;
  directoCents: Cents | null;
  pale1Cents: Cents | null;
  pale2Cents: Cents | null;
  tripleta1Cents: Cents | null;
  tripleta2Cents: Cents | null;
  tripleta3Cents: Cents | null;
}

export interface LimitLine {
  drawId: string;
  lotteryId: string;
  betType: BetTypeCode;
  number: string;
  salesCents: Cents;
  payoutCents: Cents;
}

export interface LimitScope {
  zoneId: string;
  bancaId: string;
  /** The draw's own date, YYYY-MM-DD. */
  drawDate: string;
}

export interface CounterClaim {
  key: string;
  limitCents: Cents;
  amountCents: Cents;
  level: LimitLevel | 'hot';
  ruleId: string | null;
  number: string | null;
}

/** A sale asks the weekday of the same few draw dates for every line: each is worked out once. */
const weekdays = new Map<string, number>();

function weekdayOf(date: string): number {
  let weekday = weekdays.get(date);
  if (weekday === undefined) {
    const [y, m, d] = date.split('-').map(Number);
    weekday = new Date(Date.UTC(y, m - 1, d)).getUTCDay();
    if (weekdays.size > 1000) weekdays.clear();
    weekdays.set(date, weekday);
  }
  return weekday;
}

function applies(rule: LimitRule, line: LimitLine, scope: LimitScope, weekday: number): boolean {
  if (rule.lotteryId && rule.lotteryId !== line.lotteryId) return false;
  if (rule.drawId && rule.drawId !== line.drawId) return false;
  if (rule.zoneId && rule.zoneId !== scope.zoneId) return false;
  if (rule.bancaId && rule.bancaId !== scope.bancaId) return false;
  if (rule.betType && rule.betType !== line.betType) return false;
  if (rule.number && rule.number !== line.number) return false;
  if (rule.weekday !== null && rule.weekday !== weekday) return false;
  if (rule.startsOn && scope.drawDate < rule.startsOn) return false;
  if (rule.endsOn && scope.drawDate > rule.endsOn) return false;
  return true;
}

/** Higher wins: a draw beats a lottery, a weekday beats every day, one number beats every number. */
function specificity(rule: LimitRule): number {
  return (
    (rule.drawId ? 16 : 0) +
    (rule.lotteryId ? 8 : 0) +
    (rule.number ? 4 : 0) +
    (rule.weekday !== null ? 2 : 0) +
    (rule.startsOn || rule.endsOn ? 1 : 0)
  );
}

function counterKey(rule: LimitRule, line: LimitLine, scope: LimitScope): string {
  const draw = line.drawId;
  switch (rule.level) {
    case 'global':
      return `G|${draw}|${rule.measure}`;
    case 'zone':
      return `Z|${draw}|${scope.zoneId}|${rule.measure}`;
    case 'banca':
      return `B|${draw}|${scope.bancaId}|${rule.measure}`;
    case 'bet_type':
      return `T|${draw}|${line.betType}|${narrowing(rule, scope)}|${rule.measure}`;
    case 'number':
      return `N|${draw}|${line.betType}|${line.number}|${narrowing(rule, scope)}|${rule.measure}`;
  }
}

/** A bet-type or number rule may be narrowed to one zone or banca; each narrowing counts apart. */
function narrowing(rule: LimitRule, scope: LimitScope): string {
  if (rule.bancaId) return `b:${scope.bancaId}`;
  if (rule.zoneId) return `z:${scope.zoneId}`;
  return '*';
}

/** Two-digit numbers of a palé or tripleta ("2345" → 23, 45); one for a directo. */
export function pairsOf(number: string): string[] {
  const pairs: string[] = [];
  for (let i = 0; i + 2 <= number.length; i += 2) pairs.push(number.slice(i, i + 2));
  return pairs;
}

function hotLimit(hot: HotNumber, betType: BetTypeCode, hotCount: number): Cents | null {
  if (betType === 'DIRECTO' || betType === 'TIEMPOS') return hot.directoCents;
  if (betType === 'PALE' || betType === 'SUPER_PALE') return hotCount >= 2 ? hot.pale2Cents : hot.pale1Cents;
  if (betType === 'TRIPLETA')
    return [hot.tripleta1Cents, hot.tripleta2Cents, hot.tripleta3Cents][hotCount - 1] ?? null;
  return null;
}

function hotClaims(line: LimitLine, hotNumbers: readonly HotNumber[]): CounterClaim[] {
  const pairs = pairsOf(line.number);
  const hits = hotNumbers.filter(
    (h) => (!h.lotteryId || h.lotteryId === line.lotteryId) && pairs.includes(h.number),
  );
  if (hits.length === 0) return [];
  const limits = hits
    .map((h) => hotLimit(h, line.betType, hits.length))
    .filter((l): l is Cents => l !== null);
  if (limits.length === 0) return [];
  return [
    {
      key: `H|${line.drawId}|${line.betType}|${line.number}`,
      limitCents: Math.min(...limits),
      amountCents: line.salesCents,
      level: 'hot',
      ruleId: null,
      number: line.number,
    },
  ];
}

/** The counters one line consumes, with the limit that applies to each. */
export function claimsForLine(
  line: LimitLine,
  scope: LimitScope,
  rules: readonly LimitRule[],
  hotNumbers: readonly HotNumber[] = [],
): CounterClaim[] {
  const weekday = weekdayOf(scope.drawDate);
  const best = new Map<string, { rule: LimitRule; score: number }>();
  for (const rule of rules) {
    if (!applies(rule, line, scope, weekday)) continue;
    const key = counterKey(rule, line, scope);
    const score = specificity(rule);
    const current = best.get(key);
    if (
      !current ||
      score > current.score ||
      (score === current.score && rule.maxCents < current.rule.maxCents)
    ) {
      best.set(key, { rule, score });
    }
  }
  const claims: CounterClaim[] = [...best.entries()].map(([key, { rule }]) => ({
    key,
    limitCents: rule.maxCents,
    amountCents: rule.measure === 'sales' ? line.salesCents : line.payoutCents,
    level: rule.level,
    ruleId: rule.id,
    number: rule.level === 'number' ? line.number : null,
  }));
  return [...claims, ...hotClaims(line, hotNumbers)];
}

/**
 * All claims of a ticket, summed per key (one key appears once in the upsert) and sorted by key, so
 * concurrent sales always lock counters in the same order.
 */
export function mergeClaims(claims: readonly CounterClaim[]): CounterClaim[] {
  const merged = new Map<string, CounterClaim>();
  for (const claim of claims) {
    const current = merged.get(claim.key);
    if (current) {
      current.amountCents += claim.amountCents;
      if (claim.limitCents < current.limitCents) current.limitCents = claim.limitCents;
    } else {
      merged.set(claim.key, { ...claim });
    }
  }
  return [...merged.values()].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

/** Share of a limit used, for the board colours (< 30 green, 30–70 yellow, 70–90 orange, > 90 red). */
export type BoardColour = 'green' | 'yellow' | 'orange' | 'red' | 'black';

export function boardColour(soldCents: Cents, limitCents: Cents | null, blocked: boolean): BoardColour {
  if (blocked) return 'black';
  if (limitCents === null || limitCents <= 0) return limitCents === 0 ? 'black' : 'green';
  const basisPoints = Math.floor((soldCents * 10_000) / limitCents);
  if (basisPoints < 3000) return 'green';
  if (basisPoints < 7000) return 'yellow';
  if (basisPoints <= 9000) return 'orange';
  return 'red';
}
