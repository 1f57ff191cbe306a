import { type Language, translate } from '@matriz/shared/i18n/translate';
import { BET_TYPES, type BetTypeCode } from '@matriz/shared/lottery/games';
import { formatPlay } from '@matriz/shared/lottery/grammar';
import { type CurrencyFormat, formatMoney, toCents } from '@matriz/shared/money';
import type { SalePlan } from './prepare-sale.ts';
import type { presentTicket } from './present-ticket.ts';

export type TicketView = ReturnType<typeof presentTicket>;

export const PRINT_FORMATS = ['thermal_58mm', 'thermal_80mm', 'A4'] as const;
export type PrintFormat = (typeof PRINT_FORMATS)[number];

export function isPrintFormat(value: unknown): value is PrintFormat {
  return typeof value === 'string' && (PRINT_FORMATS as readonly string[]).includes(value);
}

export interface PrintLine {
  /** The number as the seller typed it (a shortcut's expansion prints its own number). */
  number: string;
  betType: string;
  amount: string;
  /** "FALTA x" (accepted in part), "ANULADA", "PREMIO x": printed under the line. */
  notes: string[];
  winner: boolean;
}

/** The lines of one draw, printed under `lottery when`. */
export interface PrintDraw {
  lottery: string;
  /** `18:00`, or `10:00 30/01` when the draw is not on the ticket's day. */
  when: string;
  lines: PrintLine[];
}

/** The printed words, in the operator's ticket language. */
export interface PrintLabels {
  language: Language;
  previewMark: string;
  /** With `{{n}}`: the count is known only once the print is counted. */
  reprintMark: string;
  cancelledMark: string;
  /** With `{{copy}}` and `{{copies}}`. */
  copyMark: string;
  ticket: string;
  date: string;
  seller: string;
  subtotal: string;
  multiplier: string;
  total: string;
  validUntil: string;
  prizes: string;
  goodLuck: string;
}

/** Everything a printed ticket shows, already formatted, for the HTML, PDF and ESC/POS writers. */
export interface TicketPrintModel {
  labels: PrintLabels;
  code: string;
  qr: string;
  preview: boolean;
  /** 0 for the original; n for the n-th reprint ("REIMPRESIÓN n"). */
  reprint: number;
  cancelled: boolean;
  banca: string;
  owner: string;
  date: string;
  seller: string;
  /** In draw order: by date and time, then as sold. */
  draws: PrintDraw[];
  subtotal: string;
  /** `Descuento 10%` and `-RD$17.50`, or null without a discount. */
  discount: { label: string; amount: string } | null;
  multiplier: string | null;
  total: string;
  validUntil: string;
  expiryNote: string;
  footerLines: string[];
  prizeTable: { betType: string; prizes: string }[] | null;
  format: PrintFormat;
  copies: number;
}

export interface PrintSettings {
  currency_symbol: string;
  time_zone: string;
  ticket_expiry_days: number;
  /** The operator's choice: a ticket is the customer's, whatever language the seller's screen is in. */
  ticket_language: Language;
}

export interface PrintOptions {
  format?: PrintFormat;
  copies?: number;
}

const PRIZE_CLASSES = new Set([
  'first',
  'second',
  'third',
  'first_second',
  'first_third',
  'second_third',
  'three',
  'two',
  'straight',
  'win',
]);

const printWord = (language: Language, key: string, values: Record<string, unknown> = {}) =>
  translate(language, `ui.lottery.print_ticket.${key}`, values);

export function printLabels(language: Language): PrintLabels {
  const word = (key: string, values: Record<string, unknown> = {}) => printWord(language, key, values);
  return {
    language,
    previewMark: word('preview_mark'),
    reprintMark: word('reprint_mark', { n: '{{n}}' }),
    cancelledMark: word('cancelled_mark'),
    copyMark: word('copy_mark', { copy: '{{copy}}', copies: '{{copies}}' }),
    ticket: word('ticket'),
    date: word('date'),
    seller: word('seller'),
    subtotal: word('subtotal'),
    multiplier: word('multiplier'),
    total: word('total'),
    validUntil: word('valid_until'),
    prizes: word('prizes'),
    goodLuck: word('good_luck'),
  };
}

/** What a copy prints above its lines: VISTA PREVIA, REIMPRESIÓN n, ANULADO, COPIA i DE n. */
export function marksOf(model: TicketPrintModel, copy: number): string[] {
  const { labels } = model;
  return [
    model.preview ? labels.previewMark : '',
    model.reprint > 0 ? labels.reprintMark.replace('{{n}}', String(model.reprint)) : '',
    model.cancelled ? labels.cancelledMark : '',
    model.copies > 1
      ? labels.copyMark.replace('{{copy}}', String(copy)).replace('{{copies}}', String(model.copies))
      : '',
  ].filter(Boolean);
}

function classLabel(prizeClass: string, language: Language): string {
  if (PRIZE_CLASSES.has(prizeClass)) return printWord(language, `classes.${prizeClass}`);
  const box = /^box_(\d+)$/.exec(prizeClass);
  return box ? printWord(language, 'classes.box', { n: box[1] }) : prizeClass;
}

function betTypeNameIn(language: Language, code: BetTypeCode): string {
  const info = BET_TYPES[code];
  if (!info) return code;
  return language === 'en' ? info.nameEn : info.nameEs;
}

/** `07/10/2025 10:30 a. m.` (`10/07/2025, 10:30 AM` in English) in the operator's zone. */
export function formatPrintDate(iso: string, timeZone: string, language: Language = 'es'): string {
  return new Intl.DateTimeFormat(language === 'en' ? 'en-US' : 'es-DO', {
    timeZone,
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
  }).format(new Date(iso));
}

const trimmedMultiplier = (hundredths: number) => `x${(hundredths / 100).toLocaleString('en-US')}`;

function prizeTableOf(
  lines: { betType: BetTypeCode; multipliers: Record<string, number> }[],
  language: Language,
): { betType: string; prizes: string }[] {
  const seen = new Map<string, string>();
  for (const line of lines) {
    const name = betTypeNameIn(language, line.betType);
    if (seen.has(name)) continue;
    const prizes = Object.entries(line.multipliers)
      .map(([cls, hundredths]) => `${classLabel(cls, language)} ${trimmedMultiplier(hundredths)}`)
      .join(' · ');
    if (prizes) seen.set(name, prizes);
  }
  return [...seen].map(([betType, prizes]) => ({ betType, prizes }));
}

/** Prints what was typed, unless one typed shortcut became several plays or a lucky pick was drawn. */
function printedNumber(typed: string, betType: BetTypeCode, number: string, shared: boolean): string {
  if (!typed || shared || typed.includes('*')) return formatPlay({ betType, number });
  return typed;
}

function sharedTyped<T>(lines: T[], key: (line: T) => string): Set<string> {
  const counts = new Map<string, number>();
  for (const line of lines) counts.set(key(line), (counts.get(key(line)) ?? 0) + 1);
  return new Set([...counts].filter(([, n]) => n > 1).map(([k]) => k));
}

interface LineDraw {
  id: string;
  lottery: string;
  /** YYYY-MM-DD and HH:MM in the lottery's zone. */
  date: string;
  time: string;
}

/** The lines grouped by draw, in draw order, so each play says which draw it is for. */
function byDraw<T>(
  lines: T[],
  drawOf: (line: T) => LineDraw,
  printLine: (line: T) => PrintLine,
  ticketDay: string,
): PrintDraw[] {
  const groups = new Map<string, { draw: LineDraw; lines: PrintLine[] }>();
  for (const line of lines) {
    const draw = drawOf(line);
    const group = groups.get(draw.id) ?? { draw, lines: [] };
    groups.set(draw.id, group);
    group.lines.push(printLine(line));
  }
  return [...groups.values()]
    .sort((a, b) => `${a.draw.date} ${a.draw.time}`.localeCompare(`${b.draw.date} ${b.draw.time}`))
    .map(({ draw, lines }) => {
      const time = draw.time.slice(0, 5);
      const [, month, day] = draw.date.split('-');
      return {
        lottery: draw.lottery,
        when: draw.date === ticketDay ? time : `${time} ${day}/${month}`,
        lines,
      };
    });
}

/** A QR that no scanner takes for a ticket: what a preview carries. */
const previewQr = (code: string) => `MTZ1:${code}:VISTA-PREVIA`;

/** A sold ticket shown but not printed: marked VISTA PREVIA, one copy, a QR that does not scan. */
export function asPreview(model: TicketPrintModel): TicketPrintModel {
  return { ...model, preview: true, reprint: 0, qr: previewQr(model.code), copies: 1 };
}

/** The print model of a sold ticket, from its presented view. */
export function printModelFromView(
  view: TicketView,
  settings: PrintSettings,
  options: PrintOptions = {},
): TicketPrintModel {
  const language = settings.ticket_language;
  const word = (key: string, values: Record<string, unknown> = {}) => printWord(language, key, values);
  const date = (iso: string) => formatPrintDate(iso, settings.time_zone, language);
  const currency: CurrencyFormat = { symbol: settings.currency_symbol };
  const money = (major: number) => formatMoney(toCents(major) ?? Math.round(major * 100), currency);
  const shared = sharedTyped(view.lines, (l) => `${l.lottery.draw_id}|${l.bet.typed}`);
  const discountPct = view.configuration.global_discount;
  const multiplier = view.configuration.global_multiplier;
  return {
    labels: printLabels(language),
    code: view.ticket_code,
    qr: view.qr,
    preview: false,
    reprint: view.reprint_count,
    cancelled: view.status === 'cancelled',
    banca: view.branch.branch_name,
    owner: view.branch.branch_owner,
    date: date(view.created_at),
    seller: view.user.username.toUpperCase(),
    draws: byDraw(
      view.lines,
      (line) => ({
        id: line.lottery.draw_id,
        lottery: line.lottery.lottery_name,
        date: line.lottery.draw_date,
        time: line.lottery.draw_time,
      }),
      (line) => {
        const betType = line.bet.bet_type_code;
        const missing = line.amounts.missing_amount;
        return {
          number: printedNumber(
            line.bet.typed,
            betType,
            line.bet.bet_number,
            shared.has(`${line.lottery.draw_id}|${line.bet.typed}`),
          ),
          betType: betTypeNameIn(language, betType),
          amount: money(line.amounts.bet_amount),
          notes: [
            missing > 0 ? word('missing', { amount: money(missing) }) : '',
            line.status.line_status === 'cancelled' ? word('line_cancelled') : '',
            line.prize.prize_amount > 0 ? word('prize', { amount: money(line.prize.prize_amount) }) : '',
          ].filter(Boolean),
          winner: line.prize.is_winner,
        };
      },
      view.business_date,
    ),
    subtotal: money(view.totals.total_bet_amount),
    discount:
      discountPct > 0
        ? {
            label: word('discount', { percent: discountPct }),
            amount: `-${money(view.totals.total_discount)}`,
          }
        : null,
    multiplier: multiplier > 1 ? `x${multiplier}` : null,
    total: money(view.totals.grand_total),
    validUntil: date(view.expires_at),
    expiryNote: word('expiry_note', { days: settings.ticket_expiry_days }),
    footerLines: view.print.footer_lines,
    prizeTable: view.print.show_prize_table
      ? prizeTableOf(
          view.lines.map((l) => ({
            betType: l.bet.bet_type_code,
            multipliers: Object.fromEntries(
              Object.entries(l.prize.prize_multipliers).map(([k, v]) => [k, Math.round(v * 100)]),
            ),
          })),
          language,
        )
      : null,
    format: options.format ?? (isPrintFormat(view.print.format) ? view.print.format : 'thermal_80mm'),
    copies: Math.min(3, Math.max(1, options.copies ?? view.print.copies)),
  };
}

/** The print model of a sale not yet made: what VISTA PREVIA shows, built from `prepareSale`'s plan. */
export function printModelFromPlan(
  plan: SalePlan,
  seller: { username: string },
  now: Date,
  settings: PrintSettings,
  options: { format?: PrintFormat } = {},
): TicketPrintModel {
  const language = settings.ticket_language;
  const word = (key: string, values: Record<string, unknown> = {}) => printWord(language, key, values);
  const currency: CurrencyFormat = { symbol: settings.currency_symbol };
  const money = (cents: number) => formatMoney(cents, currency);
  const shared = sharedTyped(plan.lines, (l) => `${l.drawId}|${l.typed}`);
  const code = `${plan.prefix}-${plan.businessDate.replaceAll('-', '')}-0000`;
  const banca = plan.banca;
  const footerLines = [banca.footer_line1, banca.footer_line2, banca.footer_line3].filter(Boolean);
  return {
    labels: printLabels(language),
    code,
    qr: previewQr(code),
    preview: true,
    reprint: 0,
    cancelled: false,
    banca: banca.name,
    owner: banca.owner_name,
    date: formatPrintDate(now.toISOString(), settings.time_zone, language),
    seller: seller.username.toUpperCase(),
    draws: byDraw(
      plan.lines,
      (line) => {
        const draw = plan.draws.get(line.drawId);
        return {
          id: line.drawId,
          lottery: draw?.lottery_name ?? line.lotteryCode,
          date: draw?.draw_date ?? plan.businessDate,
          time: draw?.draw_time ?? '',
        };
      },
      (line) => ({
        number: printedNumber(
          line.typed,
          line.betType,
          line.number,
          shared.has(`${line.drawId}|${line.typed}`),
        ),
        betType: betTypeNameIn(language, line.betType),
        amount: money(line.requestedCents),
        notes: [],
        winner: false,
      }),
      plan.businessDate,
    ),
    subtotal: money(plan.totals.total_bet_amount),
    discount:
      plan.discountBp > 0
        ? {
            label: word('discount', { percent: plan.discountBp / 100 }),
            amount: `-${money(plan.totals.total_discount)}`,
          }
        : null,
    multiplier: plan.multiplier > 1 ? `x${plan.multiplier}` : null,
    total: money(plan.totals.grand_total),
    validUntil: formatPrintDate(plan.expiresAt, settings.time_zone, language),
    expiryNote: word('expiry_note', { days: settings.ticket_expiry_days }),
    footerLines,
    prizeTable:
      banca.show_prize_table === 1
        ? prizeTableOf(
            plan.lines.map((l) => ({ betType: l.betType, multipliers: l.prizeMultipliers })),
            language,
          )
        : null,
    format: options.format ?? (isPrintFormat(banca.print_format) ? banca.print_format : 'thermal_80mm'),
    copies: 1,
  };
}
