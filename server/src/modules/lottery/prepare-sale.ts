import { randomInt } from 'node:crypto';
import { type Language, translate } from '@matriz/shared/i18n/translate';
import {
  BET_TYPES,
  type BetTypeCode,
  betTypesFor,
  normalizeNumber,
  type ResultFormat,
  validateNumber,
} from '@matriz/shared/lottery/games';
import { parseEntry, parseErrorText, parseLine } from '@matriz/shared/lottery/grammar';
import { type CounterClaim, claimsForLine, mergeClaims, pairsOf } from '@matriz/shared/lottery/limits';
import {
  type PricedLine,
  potentialPrize,
  priceTicket,
  type TicketTotals,
} from '@matriz/shared/lottery/pricing';
import { isWithinOpeningHours } from '@matriz/shared/lottery/schedule';
import { toCents } from '@matriz/shared/money';
import { businessDate, localTime } from '../../platform/clock.ts';
import { AppError } from '../../platform/errors.ts';
import { sha256 } from '../../platform/ids.ts';
import type { Platform } from '../../platform/platform.ts';
import { creditProblem } from './check-credit.ts';
import { lotteryDb } from './db.ts';
import type { BancaRow } from './network.repo.ts';
import { layerCommission } from './resolve-commissions.ts';
import { prizeKey } from './resolve-prizes.ts';
import { type SaleCatalogSnapshot, saleCatalog } from './sale-catalog.ts';
import { findDrawStates } from './sale-context.repo.ts';

/** Plays made of two-digit numbers: a blocked number blocks every one that carries it. */
const PAIRED_BET_TYPES: ReadonlySet<string> = new Set(['PALE', 'TRIPLETA', 'SUPER_PALE']);

function carriesNumber(play: { number: string; betType: string }, blocked: string): boolean {
  if (play.number === blocked) return true;
  return blocked.length === 2 && PAIRED_BET_TYPES.has(play.betType) && pairsOf(play.number).includes(blocked);
}

export const MIN_BET_CENTS = 100;
export const MAX_LINES_PER_TICKET = 100;

export interface RequestLine {
  lotteryId?: string;
  lotteryCode?: string;
  drawId?: string;
  betNumber: string;
  betType?: BetTypeCode;
  betAmount: number;
}

export interface SaleRequest {
  bancaId?: string;
  multiplier: number;
  discountBp: number;
  lines?: RequestLine[];
  entry?: string;
  drawIds?: string[];
  /** The language a refusal of the typed entry is said in (the seller's app); Spanish when not given. */
  language?: Language;
}

/** One refusal, naming the line (and for typed entries the column) at fault. */
export interface LineProblem {
  code: string;
  status: 400 | 403 | 404 | 409 | 422;
  details: Record<string, unknown>;
}

export interface PlannedLine {
  lineNumber: number;
  sourceLine: number;
  drawId: string;
  lotteryId: string;
  lotteryCode: string;
  betType: BetTypeCode;
  number: string;
  typed: string;
  requestedCents: number;
  priced: PricedLine;
  prizeMultipliers: Record<string, number>;
  claims: CounterClaim[];
}

export interface SaleDraw {
  id: string;
  lottery_id: string;
  lottery_code: string;
  lottery_name: string;
  draw_date: string;
  draw_time: string;
  close_at: string;
  draw_at: string;
}

export interface SalePlan {
  banca: BancaRow;
  lines: PlannedLine[];
  totals: TicketTotals;
  claims: CounterClaim[];
  draws: Map<string, SaleDraw>;
  multiplier: number;
  discountBp: number;
  currency: string;
  prefix: string;
  businessDate: string;
  expiresAt: string;
  earliestDrawAt: string;
  latestDrawAt: string;
  linesHash: string;
  acceptPartial: boolean;
  /** The generation of the limit rules, hot numbers and blocks this plan was checked against. */
  rulesGeneration: number;
}

export interface PreparedSale {
  plan: SalePlan | null;
  problems: LineProblem[];
}

interface Play {
  sourceLine: number;
  column?: number;
  lotteryId: string;
  lotteryCode: string;
  drawId: string;
  betType: BetTypeCode;
  number: string;
  typed: string;
  amountCents: number;
}

const problem = (
  code: string,
  details: Record<string, unknown>,
  status: LineProblem['status'] = 422,
): LineProblem => ({
  code,
  status,
  details,
});

function chooseBanca(bancas: BancaRow[], requested: string | undefined): BancaRow | LineProblem {
  if (bancas.length === 0) return problem('NO_BANCA', {}, 403);
  if (requested) {
    const banca = bancas.find((b) => b.id === requested || b.code === requested);
    return banca ?? problem('BANCA_NOT_ALLOWED', { branch_id: requested }, 403);
  }
  if (bancas.length > 1)
    return problem('BANCA_REQUIRED', { field: 'branch_id', bancas: bancas.map((b) => b.code) });
  return bancas[0];
}

/**
 * Reads everything a sale needs and checks it, without writing: the seller's banca, the plays
 * (typed entry or spec 003 lines), the draws open by the clock, blocks, prices, the prize
 * multipliers to copy and the limit counters each line will consume. `sell-ticket` commits the
 * plan; `validate-ticket` only reports it.
 */
export async function prepareSale(
  platform: Platform,
  sellerId: string,
  request: SaleRequest,
): Promise<PreparedSale> {
  const now = platform.clock.now();
  const snapshot = await saleCatalog(platform).snapshot();
  const settings = snapshot.settings;
  const bancaOrProblem = chooseBanca(await snapshot.bancasOf(sellerId), request.bancaId);
  if ('details' in bancaOrProblem) return { plan: null, problems: [bancaOrProblem] };
  const banca = bancaOrProblem;
  if (banca.zone_active !== 1) {
    const stopped = problem('BANCA_ZONE_INACTIVE', { banca: banca.code, zone: banca.zone_name }, 403);
    return { plan: null, problems: [stopped] };
  }
  if (
    banca.opens_at &&
    banca.closes_at &&
    !isWithinOpeningHours(localTime(now, settings.time_zone), banca.opens_at, banca.closes_at)
  ) {
    return {
      plan: null,
      problems: [problem('BANCA_CLOSED_HOURS', { opens_at: banca.opens_at, closes_at: banca.closes_at })],
    };
  }

  const byCode = new Map(snapshot.lotteries.map((l) => [l.code.toUpperCase(), l]));
  const byId = new Map(snapshot.lotteries.map((l) => [l.id, l]));
  const problems: LineProblem[] = [];
  const plays = await readPlays(request, { byCode, byId, snapshot, now }, problems);
  if (problems.length > 0 || plays.length === 0) {
    if (plays.length === 0 && problems.length === 0)
      problems.push(problem('NO_LINES', { field: 'lines' }, 400));
    return { plan: null, problems };
  }
  if (plays.length > MAX_LINES_PER_TICKET) {
    return {
      plan: null,
      problems: [problem('TOO_MANY_LINES', { lines: plays.length, max: MAX_LINES_PER_TICKET })],
    };
  }

  const drawIds = [...new Set(plays.map((p) => p.drawId))];
  const sellable = drawIds
    .map((id) => snapshot.draws.get(id))
    .filter((d) => d !== undefined && isSellable(d, now)) as SaleDraw[];
  const draws = new Map<string, SaleDraw>(sellable.map((d) => [d.id, d]));
  if (draws.size < drawIds.length) {
    const states = new Map((await findDrawStates(lotteryDb(platform.db), drawIds)).map((d) => [d.id, d]));
    for (const play of plays) {
      if (draws.has(play.drawId)) continue;
      const state = states.get(play.drawId);
      problems.push(
        state
          ? problem('DRAW_CLOSED', {
              line: play.sourceLine,
              lottery: state.lottery_code,
              draw_id: play.drawId,
              close_at: state.close_at,
            })
          : problem('DRAW_NOT_FOUND', { line: play.sourceLine, draw_id: play.drawId }, 404),
      );
    }
    return { plan: null, problems: dedupe(problems) };
  }

  for (const play of plays) {
    const draw = draws.get(play.drawId)!;
    if (draw.lottery_id !== play.lotteryId) {
      problems.push(
        problem('DRAW_LOTTERY_MISMATCH', {
          line: play.sourceLine,
          lottery: play.lotteryCode,
          draw_id: play.drawId,
        }),
      );
    }
  }
  if (problems.length > 0) return { plan: null, problems };

  const blocks = snapshot.blocks;
  const seen = new Set<string>();
  for (const play of plays) {
    if (snapshot.inactiveBetTypes.has(play.betType)) {
      problems.push(
        problem('BET_TYPE_INACTIVE', {
          line: play.sourceLine,
          lottery: play.lotteryCode,
          bet_type: play.betType,
        }),
      );
    }
    if (play.amountCents < MIN_BET_CENTS) {
      problems.push(
        problem('AMOUNT_TOO_SMALL', {
          line: play.sourceLine,
          min: MIN_BET_CENTS / 100,
          amount: play.amountCents / 100,
        }),
      );
    }
    const blocked = blocks.find(
      (b) =>
        carriesNumber(play, b.number) &&
        (!b.lottery_id || b.lottery_id === play.lotteryId) &&
        (!b.draw_id || b.draw_id === play.drawId) &&
        (!b.bet_type || b.bet_type === play.betType),
    );
    if (blocked)
      problems.push(
        problem('NUMBER_BLOCKED', {
          line: play.sourceLine,
          lottery: play.lotteryCode,
          number: play.number,
          reason: blocked.reason,
        }),
      );
    const identity = `${play.drawId}|${play.betType}|${play.number}`;
    if (seen.has(identity)) {
      problems.push(
        problem('DUPLICATE_LINE', {
          line: play.sourceLine,
          lottery: play.lotteryCode,
          number: play.number,
          bet_type: play.betType,
        }),
      );
    }
    seen.add(identity);
  }
  checkReventados(plays, problems);
  if (problems.length > 0) return { plan: null, problems };

  const commissionOf = (lotteryId: string, betType: string) =>
    layerCommission(snapshot.commissionRows, banca.id, lotteryId, betType);
  const prizeTables = new Map(sellable.map((d) => [d.id, snapshot.prizeTable(banca.id, d)]));
  const priced = priceTicket(
    plays.map((p) => ({
      betCents: p.amountCents,
      commissionBp: commissionOf(p.lotteryId, p.betType).rateBp,
    })),
    { discountBp: request.discountBp, multiplier: request.multiplier },
  );
  if (
    banca.max_ticket_amount_cents !== null &&
    priced.totals.grand_total > Number(banca.max_ticket_amount_cents)
  ) {
    return {
      plan: null,
      problems: [
        problem('TICKET_AMOUNT_LIMIT', {
          max: Number(banca.max_ticket_amount_cents) / 100,
          total: priced.totals.grand_total / 100,
        }),
      ],
    };
  }

  const rules = snapshot.rules;
  const hot = snapshot.hotNumbers;
  const scopeOf = (draw: SaleDraw) => ({
    zoneId: banca.zone_id,
    bancaId: banca.id,
    drawDate: draw.draw_date,
  });
  const lines: PlannedLine[] = plays.map((play, index) => {
    const draw = draws.get(play.drawId)!;
    const table = prizeTables.get(play.drawId)!;
    const prizeMultipliers: Record<string, number> = {};
    for (const prizeClass of BET_TYPES[play.betType].prizeClasses) {
      const resolved = table.get(prizeKey(play.betType, prizeClass));
      if (resolved) prizeMultipliers[prizeClass] = resolved.multiplier;
    }
    const best = Math.max(0, ...Object.values(prizeMultipliers));
    const claims = claimsForLine(
      {
        drawId: play.drawId,
        lotteryId: play.lotteryId,
        betType: play.betType,
        number: play.number,
        salesCents: play.amountCents * request.multiplier,
        payoutCents: potentialPrize(play.amountCents, request.multiplier, best),
      },
      scopeOf(draw),
      rules,
      hot,
    );
    return {
      lineNumber: index + 1,
      sourceLine: play.sourceLine,
      drawId: play.drawId,
      lotteryId: play.lotteryId,
      lotteryCode: play.lotteryCode,
      betType: play.betType,
      number: play.number,
      typed: play.typed,
      requestedCents: play.amountCents,
      priced: priced.lines[index],
      prizeMultipliers,
      claims,
    };
  });

  const credit = await creditProblem(
    lotteryDb(platform.db),
    banca,
    priced.totals.grand_total - priced.totals.total_commission,
  );
  if (credit) return { plan: null, problems: [credit] };

  const dailyClaims: CounterClaim[] =
    banca.daily_sales_limit_cents === null
      ? []
      : [
          {
            key: `D|${banca.id}|${businessDate(now, settings.time_zone)}`,
            limitCents: Number(banca.daily_sales_limit_cents),
            amountCents: priced.totals.grand_total,
            level: 'banca',
            ruleId: null,
            number: null,
          },
        ];
  const drawInstants = [...draws.values()].map((d) => d.draw_at).sort();
  const latest = drawInstants.at(-1)!;
  return {
    plan: {
      banca,
      lines,
      totals: priced.totals,
      claims: mergeClaims([...lines.flatMap((l) => l.claims), ...dailyClaims]),
      draws,
      multiplier: request.multiplier,
      discountBp: request.discountBp,
      currency: settings.currency_code,
      prefix: settings.ticket_prefix,
      businessDate: businessDate(now, settings.time_zone),
      expiresAt: new Date(Date.parse(latest) + settings.ticket_expiry_days * 86_400_000).toISOString(),
      earliestDrawAt: drawInstants[0],
      latestDrawAt: latest,
      linesHash: sha256(
        lines
          .map((l) => `${l.drawId}|${l.betType}|${l.number}|${l.requestedCents}`)
          .sort()
          .join('\n'),
      ),
      acceptPartial: banca.accept_partial_lines === 1,
      rulesGeneration: snapshot.rulesGeneration,
    },
    problems: [],
  };
}

function dedupe(problems: LineProblem[]): LineProblem[] {
  const seen = new Set<string>();
  return problems.filter((p) => {
    const key = `${p.code}|${JSON.stringify(p.details)}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** A reventado rides on a tiempos of the same number in the same draw and is not larger than it. */
function checkReventados(plays: Play[], problems: LineProblem[]): void {
  for (const play of plays) {
    if (play.betType !== 'REVENTADO') continue;
    const base = plays.find(
      (p) => p.betType === 'TIEMPOS' && p.drawId === play.drawId && p.number === play.number,
    );
    if (!base || base.amountCents < play.amountCents) {
      problems.push(
        problem('REVENTADO_WITHOUT_BASE', {
          line: play.sourceLine,
          number: play.number,
          base: base ? base.amountCents / 100 : null,
        }),
      );
    }
  }
}

type CatalogLottery = SaleCatalogSnapshot['lotteries'][number];

interface Catalog {
  byCode: Map<string, CatalogLottery>;
  byId: Map<string, CatalogLottery>;
  snapshot: SaleCatalogSnapshot;
  now: Date;
}

type CatalogDraw = SaleCatalogSnapshot['draws'] extends Map<string, infer D> ? D : never;

/** Open by status, of an active lottery, and before its close instant by the clock. */
function isSellable(draw: CatalogDraw, now: Date): boolean {
  return draw.status === 'open' && draw.lottery_active === 1 && Date.parse(draw.close_at) > now.getTime();
}

const inactiveLottery = (line: number, lottery: string) => problem('LOTTERY_INACTIVE', { line, lottery });

async function readPlays(request: SaleRequest, catalog: Catalog, problems: LineProblem[]): Promise<Play[]> {
  if (request.entry !== undefined) return readEntry(request, catalog, problems);
  if (request.lines) return readLines(request.lines, catalog, problems);
  problems.push(problem('NO_LINES', { field: 'lines' }, 400));
  return [];
}

/** For a play that names a lottery but no draw: that lottery's draw closing next. */
function nextDrawOf(catalog: Catalog, lotteryIds: string[]): Map<string, string> {
  const next = new Map<string, CatalogDraw>();
  if (lotteryIds.length === 0) return new Map();
  for (const draw of catalog.snapshot.draws.values()) {
    if (!lotteryIds.includes(draw.lottery_id) || !isSellable(draw, catalog.now)) continue;
    const current = next.get(draw.lottery_id);
    if (!current || draw.close_at < current.close_at) next.set(draw.lottery_id, draw);
  }
  return new Map([...next.entries()].map(([lotteryId, draw]) => [lotteryId, draw.id]));
}

async function readEntry(request: SaleRequest, catalog: Catalog, problems: LineProblem[]): Promise<Play[]> {
  const selected = request.drawIds ?? [];
  const selectedStates = selected
    .map((id) => catalog.snapshot.draws.get(id))
    .filter((d): d is CatalogDraw => d !== undefined);
  for (const id of selected) {
    if (!selectedStates.some((s) => s.id === id))
      problems.push(problem('DRAW_NOT_FOUND', { field: 'draw_ids', draw_id: id }, 404));
  }
  const selectedByLottery = new Map<string, string[]>();
  for (const state of selectedStates) {
    const code = state.lottery_code.toUpperCase();
    selectedByLottery.set(code, [...(selectedByLottery.get(code) ?? []), state.id]);
  }
  const parsed = parseEntry(request.entry ?? '', {
    selectedLotteries: selected.length > 0 ? [...selectedByLottery.keys()] : undefined,
    formatOf: (code) => catalog.byCode.get(code)?.result_format as ResultFormat | undefined,
    randomInt: (max) => randomInt(max),
  });
  const language = request.language ?? 'es';
  for (const error of parsed.errors) {
    const said = parseErrorText(
      error,
      (key, values) => translate(language, `grammar.${key}`, values),
      (code) => (language === 'en' ? BET_TYPES[code].nameEn : BET_TYPES[code].nameEs),
    );
    problems.push(
      problem(
        error.code,
        {
          line: error.line,
          column: error.column,
          ...error.values,
          expected: said.expected,
          reason: said.message,
        },
        400,
      ),
    );
  }
  const named = [...new Set(parsed.plays.map((p) => p.lotteryCode).filter((c): c is string => c !== null))];
  const unknown = named.filter((code) => !catalog.byCode.has(code));
  for (const play of parsed.plays) {
    if (play.lotteryCode && unknown.includes(play.lotteryCode)) {
      problems.push(
        problem('UNKNOWN_LOTTERY', { line: play.line, column: play.column, lottery: play.lotteryCode }),
      );
    }
  }
  if (problems.length > 0) return [];
  const needNext = named
    .filter((code) => !selectedByLottery.has(code))
    .map((code) => catalog.byCode.get(code)!.id);
  const next = nextDrawOf(catalog, needNext);
  const plays: Play[] = [];
  for (const play of parsed.plays) {
    const targets: { drawId: string; lotteryId: string; code: string }[] = [];
    if (play.lotteryCode) {
      const lottery = catalog.byCode.get(play.lotteryCode)!;
      if (lottery.active !== 1) {
        problems.push(inactiveLottery(play.line, play.lotteryCode));
        continue;
      }
      const drawIds =
        selectedByLottery.get(play.lotteryCode) ?? (next.has(lottery.id) ? [next.get(lottery.id)!] : []);
      if (drawIds.length === 0) {
        problems.push(problem('NO_OPEN_DRAW', { line: play.line, lottery: play.lotteryCode }));
        continue;
      }
      for (const drawId of drawIds) targets.push({ drawId, lotteryId: lottery.id, code: play.lotteryCode });
    } else {
      for (const state of selectedStates) {
        if (state.lottery_active !== 1) problems.push(inactiveLottery(play.line, state.lottery_code));
        else
          targets.push({
            drawId: state.id,
            lotteryId: state.lottery_id,
            code: state.lottery_code.toUpperCase(),
          });
      }
      if (selectedStates.length === 0)
        problems.push(problem('DRAW_REQUIRED', { line: play.line, field: 'draw_ids' }));
    }
    for (const target of targets) {
      plays.push({
        sourceLine: play.line,
        column: play.column,
        lotteryId: target.lotteryId,
        lotteryCode: target.code,
        drawId: target.drawId,
        betType: play.betType,
        number: play.number ?? '',
        typed: play.typed,
        amountCents: play.amountCents,
      });
    }
  }
  return plays;
}

async function readLines(lines: RequestLine[], catalog: Catalog, problems: LineProblem[]): Promise<Play[]> {
  const resolved = lines.map((line, index) => {
    const number = index + 1;
    const lottery = line.lotteryId
      ? catalog.byId.get(line.lotteryId)
      : line.lotteryCode
        ? catalog.byCode.get(line.lotteryCode.toUpperCase())
        : undefined;
    if (!lottery) {
      problems.push(
        problem('UNKNOWN_LOTTERY', { line: number, lottery: line.lotteryId ?? line.lotteryCode ?? null }),
      );
      return null;
    }
    if (lottery.active !== 1) {
      problems.push(inactiveLottery(number, lottery.code));
      return null;
    }
    const amountCents = toCents(line.betAmount);
    if (amountCents === null) {
      problems.push(problem('INVALID_AMOUNT', { line: number, amount: line.betAmount }, 400));
      return null;
    }
    const format = lottery.result_format as ResultFormat;
    let betType = line.betType;
    if (!betType) {
      const inferred = parseLine(`${lottery.code}|${line.betNumber}|${line.betAmount}`, {
        formatOf: () => format,
      }).plays[0];
      if (!inferred) {
        problems.push(problem('INVALID_NUMBER', { line: number, number: line.betNumber, reason: 'FORMAT' }));
        return null;
      }
      betType = inferred.betType;
    }
    if (!betTypesFor(format).includes(betType)) {
      problems.push(
        problem('INVALID_BET_FOR_LOTTERY', { line: number, lottery: lottery.code, bet_type: betType }),
      );
      return null;
    }
    const normalized = normalizeNumber(betType, line.betNumber);
    const numberProblem = validateNumber(betType, normalized);
    if (numberProblem) {
      problems.push(
        problem('INVALID_NUMBER', {
          line: number,
          number: line.betNumber,
          bet_type: betType,
          reason: numberProblem,
        }),
      );
      return null;
    }
    return {
      index: number,
      lottery,
      drawId: line.drawId,
      betType,
      number: normalized,
      typed: line.betNumber,
      amountCents,
    };
  });
  const missingDraw = [...new Set(resolved.filter((r) => r && !r.drawId).map((r) => r!.lottery.id))];
  const next = nextDrawOf(catalog, missingDraw);
  const plays: Play[] = [];
  for (const line of resolved) {
    if (!line) continue;
    const drawId = line.drawId ?? next.get(line.lottery.id);
    if (!drawId) {
      problems.push(problem('NO_OPEN_DRAW', { line: line.index, lottery: line.lottery.code }));
      continue;
    }
    plays.push({
      sourceLine: line.index,
      lotteryId: line.lottery.id,
      lotteryCode: line.lottery.code,
      drawId,
      betType: line.betType,
      number: line.number,
      typed: line.typed,
      amountCents: line.amountCents,
    });
  }
  return plays;
}

/** The refusal a sale answers with: the first problem, as an error the client can act on. */
export function refusalOf(problems: LineProblem[]): AppError {
  const first = problems[0];
  return new AppError(first.code, first.status, {
    ...first.details,
    problems: problems.length > 1 ? problems.map((p) => ({ code: p.code, ...p.details })) : undefined,
  });
}
