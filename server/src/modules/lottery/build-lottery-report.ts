import type { Language } from '@matriz/shared/i18n/translate';
import { translate } from '@matriz/shared/i18n/translate';
import { formatMoney, toMajor } from '@matriz/shared/money';
import PDFDocument from 'pdfkit';
import { invalid } from '../../platform/errors.ts';
import type { ReportColumn, ReportRow, TabularReport } from '../../platform/exports/report.ts';
import type { AuthContext } from '../../platform/http/types.ts';
import type { Platform } from '../../platform/platform.ts';
import type { CuadreFigures } from './cash-close.ts';
import { lotteryDb } from './db.ts';
import { getOperatorSettings } from './get-operator-settings.ts';
import { moneyBancaIds } from './money.repo.ts';
import {
  bancaBalances,
  cashbackByDay,
  cashbackRows,
  type ReportFilter,
  salesBy,
  ticketList,
  ticketsByBanca,
  ticketsByDay,
  ticketsByHour,
  ticketsBySeller,
  topNumbers,
  topNumbersScoped,
} from './reports.repo.ts';

export const REPORT_KINDS = [
  'daily-sales',
  'sales-by-draw',
  'sales-by-seller',
  'top-numbers',
  'balances',
  'prizes',
  'cancelled',
  'unpaid',
  'reventado',
  'commissions',
  'cashback',
  'pnl',
] as const;
export type ReportKind = (typeof REPORT_KINDS)[number];

export interface ReportRequest {
  from: string;
  to: string;
  zoneId?: string;
  bancaId?: string;
  sellerId?: string;
  lotteryId?: string;
  drawId?: string;
  betType?: string;
  /** pnl: 'day' | 'week' | 'month' */
  period?: 'day' | 'week' | 'month';
  page: number;
  pageSize: number;
}

export interface BuiltReport {
  report: TabularReport;
  /** Totals over every row (not only the page), money in major units. */
  totals: ReportRow;
  totalRows: number;
  page: number;
  pageSize: number;
}

const n = Number;
const m = (cents: unknown) => toMajor(Number(cents ?? 0));
const ratio = (part: number, whole: number) => (whole > 0 ? Math.round((part / whole) * 10_000) / 100 : 0);

/** Monday of the ISO week, or the first of the month, of a YYYY-MM-DD date. */
export function periodKey(day: string, period: 'day' | 'week' | 'month'): string {
  if (period === 'day') return day;
  if (period === 'month') return day.slice(0, 7);
  const d = new Date(`${day}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() - ((d.getUTCDay() + 6) % 7));
  return d.toISOString().slice(0, 10);
}

export async function reportScope(platform: Platform, auth: AuthContext): Promise<string[] | null> {
  return moneyBancaIds(
    lotteryDb(platform.db),
    auth.userId,
    auth.permissions.has('lottery.network.manage') || auth.permissions.has('lottery.money.manage'),
  );
}

/**
 * Builds one lottery report from the per-day aggregates (never the ticket lines, except a zone
 * user's top numbers): the same TabularReport feeds the JSON page, the Excel and the PDF.
 */
export async function buildLotteryReport(
  platform: Platform,
  auth: AuthContext,
  kind: ReportKind,
  request: ReportRequest,
  language: Language,
): Promise<BuiltReport> {
  if (request.from > request.to) throw invalid('DATE_RANGE_INVALID', { from: request.from, to: request.to });
  const db = lotteryDb(platform.db);
  const settings = await getOperatorSettings(db, platform.config);
  const filter: ReportFilter = {
    from: request.from,
    to: request.to,
    scope: await reportScope(platform, auth),
    zoneId: request.zoneId,
    bancaId: request.bancaId,
    sellerId: request.sellerId,
    lotteryId: request.lotteryId,
    drawId: request.drawId,
    betType: request.betType,
  };
  const t = (key: string, values?: Record<string, unknown>) =>
    translate(language, `ui.lottery.reports.${key}`, values);
  const col = (key: string, kind: ReportColumn['kind'], width?: number): ReportColumn => ({
    key,
    header: t(`col.${key}`),
    kind,
    width,
  });
  const offset = (request.page - 1) * request.pageSize;
  let columns: ReportColumn[] = [];
  let rows: ReportRow[] = [];
  let totalColumns: string[] = [];
  let paged: { totalRows: number; totals: ReportRow } | null = null;

  const salesCols = [
    col('lines', 'integer'),
    col('sales', 'money', 1.3),
    col('cancelled', 'money', 1.2),
    col('net_sales', 'money', 1.3),
    col('commission', 'money', 1.2),
    col('prizes', 'money', 1.3),
    col('result', 'money', 1.3),
  ];
  const salesValues = (r: {
    lines: number;
    sales: number;
    cancelled: number;
    commission: number;
    prizes: number;
  }) => {
    const sales = n(r.sales);
    const cancelled = n(r.cancelled);
    const commission = n(r.commission);
    const prizes = n(r.prizes);
    return {
      lines: n(r.lines),
      sales: m(sales),
      cancelled: m(cancelled),
      net_sales: m(sales - cancelled),
      commission: m(commission),
      prizes: m(prizes),
      result: m(sales - cancelled - commission - prizes),
    };
  };
  const salesTotals = ['lines', 'sales', 'cancelled', 'net_sales', 'commission', 'prizes', 'result'];

  switch (kind) {
    case 'daily-sales': {
      const data = await salesBy(db, filter, 'day_banca');
      columns = [col('date', 'text', 1.5), col('banca', 'text', 2.8), ...salesCols];
      rows = data.map((r) => ({ date: r.day, banca: `${r.banca_code} ${r.banca_name}`, ...salesValues(r) }));
      totalColumns = salesTotals;
      break;
    }
    case 'sales-by-draw': {
      const data = await salesBy(db, filter, 'draw');
      columns = [col('date', 'text', 1), col('draw', 'text', 2), ...salesCols];
      rows = data.map((r) => ({ date: r.day, draw: `${r.lottery_name} ${r.draw_time}`, ...salesValues(r) }));
      totalColumns = salesTotals;
      break;
    }
    case 'reventado': {
      const data = await salesBy(db, filter, 'bet_type');
      columns = [col('bet_type', 'text', 1.4), ...salesCols, col('ratio', 'percent')];
      rows = data
        .filter((r) => r.bet_type === 'REVENTADO' || r.bet_type === 'TIEMPOS')
        .map((r) => {
          const v = salesValues(r);
          return { bet_type: r.bet_type, ...v, ratio: ratio(n(r.prizes), n(r.sales) - n(r.cancelled)) };
        });
      totalColumns = salesTotals;
      break;
    }
    case 'commissions': {
      const data = await salesBy(db, filter, 'banca_bet_type');
      columns = [
        col('banca', 'text', 2),
        col('bet_type', 'text', 1.3),
        col('net_sales', 'money', 1.3),
        col('commission', 'money', 1.2),
        col('rate', 'percent'),
      ];
      rows = data.map((r) => ({
        banca: `${r.banca_code} ${r.banca_name}`,
        bet_type: r.bet_type,
        net_sales: m(n(r.sales) - n(r.cancelled)),
        commission: m(r.commission),
        rate: ratio(n(r.commission), n(r.sales) - n(r.cancelled)),
      }));
      totalColumns = ['net_sales', 'commission'];
      break;
    }
    case 'prizes': {
      const [won, paid] = await Promise.all([salesBy(db, filter, 'banca'), ticketsByBanca(db, filter)]);
      const paidBy = new Map<string, (typeof paid)[number]>(paid.map((p) => [String(p.banca_code), p]));
      columns = [
        col('banca', 'text', 2),
        col('net_sales', 'money', 1.3),
        col('winning_lines', 'integer'),
        col('prizes', 'money', 1.3),
        col('paid_tickets', 'integer'),
        col('prizes_paid', 'money', 1.3),
        col('ratio', 'percent'),
      ];
      rows = won.map((r) => ({
        banca: `${r.banca_code} ${r.banca_name}`,
        net_sales: m(n(r.sales) - n(r.cancelled)),
        winning_lines: n(r.winning_lines),
        prizes: m(r.prizes),
        paid_tickets: n(paidBy.get(r.banca_code)?.paid_tickets ?? 0),
        prizes_paid: m(paidBy.get(r.banca_code)?.prizes_paid ?? 0),
        ratio: ratio(n(r.prizes), n(r.sales) - n(r.cancelled)),
      }));
      totalColumns = ['net_sales', 'winning_lines', 'prizes', 'paid_tickets', 'prizes_paid'];
      break;
    }
    case 'sales-by-seller': {
      const data = await ticketsBySeller(db, filter);
      columns = [
        col('banca', 'text', 1),
        col('seller', 'text', 2),
        col('tickets', 'integer'),
        col('sales', 'money', 1.3),
        col('cancelled', 'money', 1.2),
        col('commission', 'money', 1.2),
        col('prizes_paid', 'money', 1.3),
        col('cash', 'money', 1.3),
      ];
      rows = data.map((r) => ({
        banca: r.banca_code,
        seller: `${r.username} ${r.full_name}`,
        tickets: n(r.tickets),
        sales: m(r.sales),
        cancelled: m(r.cancelled),
        commission: m(r.commission),
        prizes_paid: m(r.prizes_paid),
        cash: m(n(r.sales) - n(r.cancelled) - n(r.commission) - n(r.prizes_paid)),
      }));
      totalColumns = ['tickets', 'sales', 'cancelled', 'commission', 'prizes_paid', 'cash'];
      break;
    }
    case 'top-numbers': {
      // The quiniela's numbers (directo) unless another bet type is asked: palés and tripletas have
      // thousands of combinations a day, too many to rank over long ranges within the target.
      filter.betType = filter.betType ?? 'DIRECTO';
      const result =
        filter.scope === null
          ? await topNumbers(db, filter, request.pageSize, offset)
          : await topNumbersScoped(db, filter, request.pageSize, offset);
      columns = [
        col('lottery', 'text', 1.2),
        col('bet_type', 'text', 1.3),
        col('number', 'text', 1),
        col('lines', 'integer'),
        col('sales', 'money', 1.3),
        col('exposure', 'money', 1.5),
      ];
      rows = result.rows.map((r) => ({
        lottery: r.lottery_code,
        bet_type: r.bet_type,
        number: r.bet_number,
        lines: n(r.lines),
        sales: m(r.sales),
        exposure: m(r.exposure),
      }));
      totalColumns = ['lines', 'sales', 'exposure'];
      paged = {
        totalRows: n(result.totals.groups),
        totals: {
          lines: n(result.totals.lines),
          sales: m(result.totals.sales),
          exposure: m(result.totals.exposure),
        },
      };
      break;
    }
    case 'balances': {
      const data = await bancaBalances(db, filter);
      columns = [
        col('banca', 'text', 2),
        col('zone', 'text', 1.3),
        col('balance', 'money', 1.3),
        col('credit_limit', 'money', 1.2),
        col('available', 'money', 1.2),
        col('loans', 'money', 1.2),
        col('cashback', 'money', 1.2),
        col('status', 'text', 0.9),
      ];
      rows = data.map((r) => ({
        banca: `${r.code} ${r.name}`,
        zone: r.zone_name,
        balance: m(r.balance),
        credit_limit: r.credit_limit_cents === null ? null : m(r.credit_limit_cents),
        available: r.credit_limit_cents === null ? null : m(n(r.credit_limit_cents) - n(r.balance)),
        loans: m(r.loans),
        cashback: m(r.cashback),
        status: t(n(r.active) === 1 ? 'active' : 'inactive'),
      }));
      totalColumns = ['balance', 'loans', 'cashback'];
      break;
    }
    case 'cancelled':
    case 'unpaid': {
      const result = await ticketList(
        db,
        filter,
        kind === 'cancelled' ? 'cancelled' : 'winner',
        request.pageSize,
        offset,
      );
      columns =
        kind === 'cancelled'
          ? [
              col('code', 'text', 1.8),
              col('banca', 'text', 0.8),
              col('seller', 'text', 1),
              col('sold_at', 'text', 1.4),
              col('cancelled_at', 'text', 1.4),
              col('reason', 'text', 1.6),
              col('amount', 'money', 1.2),
            ]
          : [
              col('code', 'text', 1.8),
              col('banca', 'text', 0.8),
              col('seller', 'text', 1),
              col('date', 'text', 1),
              col('expires_at', 'text', 1.2),
              col('prize', 'money', 1.3),
            ];
      const stamp = (iso: string | null) => (iso ? iso.slice(0, 16).replace('T', ' ') : null);
      rows = result.rows.map(
        (r): ReportRow =>
          kind === 'cancelled'
            ? {
                code: r.code,
                banca: r.banca_code,
                seller: r.username,
                sold_at: stamp(r.created_at),
                cancelled_at: stamp(r.cancelled_at),
                reason: r.cancel_reason,
                amount: m(r.grand_total),
              }
            : {
                code: r.code,
                banca: r.banca_code,
                seller: r.username,
                date: r.business_date,
                expires_at: stamp(r.expires_at),
                prize: m(r.prize_total),
              },
      );
      totalColumns = [kind === 'cancelled' ? 'amount' : 'prize'];
      paged = { totalRows: result.count, totals: { [totalColumns[0]]: m(result.total) } };
      break;
    }
    case 'cashback': {
      const data = await cashbackRows(db, filter);
      columns = [
        col('banca', 'text', 2),
        col('period', 'text', 1.8),
        col('net_result', 'money', 1.3),
        col('rate', 'percent'),
        col('amount', 'money', 1.2),
      ];
      rows = data.map((r) => ({
        banca: `${r.banca_code} ${r.banca_name}`,
        period: `${r.period_start} – ${r.period_end}`,
        net_result: m(r.net_result),
        rate: n(r.rate_bp) / 100,
        amount: m(r.amount),
      }));
      totalColumns = ['net_result', 'amount'];
      break;
    }
    case 'pnl': {
      const period = request.period ?? 'day';
      const [sales, tickets, cashback] = await Promise.all([
        salesBy(db, filter, 'day'),
        ticketsByDay(db, filter),
        cashbackByDay(db, filter),
      ]);
      const byPeriod = new Map<string, Record<string, number>>();
      const add = (day: string, values: Record<string, number>) => {
        const key = periodKey(day, period);
        const row = byPeriod.get(key) ?? {};
        for (const [k, v] of Object.entries(values)) row[k] = (row[k] ?? 0) + v;
        byPeriod.set(key, row);
      };
      for (const r of sales)
        add(r.day, {
          sales: n(r.sales),
          cancelled: n(r.cancelled),
          commission: n(r.commission),
          prizes: n(r.prizes),
        });
      for (const r of tickets) add(r.day, { prizes_paid: n(r.prizes_paid) });
      for (const r of cashback) add(r.day, { cashback: n(r.amount) });
      columns = [
        col('period', 'text', 1.2),
        col('sales', 'money', 1.3),
        col('cancelled', 'money', 1.2),
        col('commission', 'money', 1.2),
        col('prizes', 'money', 1.3),
        col('cashback', 'money', 1.1),
        col('result', 'money', 1.3),
        col('ratio', 'percent'),
        col('prizes_paid', 'money', 1.3),
      ];
      rows = [...byPeriod.entries()]
        .sort((a, b) => (a[0] < b[0] ? -1 : 1))
        .map(([key, r]) => {
          const netSales = (r.sales ?? 0) - (r.cancelled ?? 0);
          return {
            period: key,
            sales: m(r.sales),
            cancelled: m(r.cancelled),
            commission: m(r.commission),
            prizes: m(r.prizes),
            cashback: m(r.cashback),
            result: m(netSales - (r.commission ?? 0) - (r.prizes ?? 0) - (r.cashback ?? 0)),
            ratio: ratio(r.prizes ?? 0, netSales),
            prizes_paid: m(r.prizes_paid),
          };
        });
      totalColumns = ['sales', 'cancelled', 'commission', 'prizes', 'cashback', 'result', 'prizes_paid'];
      break;
    }
  }

  const all: TabularReport = {
    issuer: settings.name,
    title: t(`kinds.${kind}`),
    subtitle: t('range', { from: request.from, to: request.to }),
    columns,
    rows,
    totalColumns,
    totalsLabel: t('totals'),
    currency: { symbol: settings.currency_symbol, locale: language === 'en' ? 'en-US' : 'es-DO' },
    logo: null,
    footer: `${settings.name} · ${platform.clock.now().toISOString().slice(0, 16).replace('T', ' ')} UTC`,
  };
  if (paged) {
    return {
      report: all,
      totals: paged.totals,
      totalRows: paged.totalRows,
      page: request.page,
      pageSize: request.pageSize,
    };
  }
  const totals: ReportRow = {};
  for (const key of totalColumns) {
    const kindOf = columns.find((c) => c.key === key)?.kind;
    const sum = rows.reduce((s, r) => s + Math.round(Number(r[key] ?? 0) * 100), 0);
    totals[key] = kindOf === 'integer' ? sum / 100 : sum / 100;
  }
  return {
    report: { ...all, rows: rows.slice(offset, offset + request.pageSize) },
    totals,
    totalRows: rows.length,
    page: request.page,
    pageSize: request.pageSize,
  };
}

/** Charts: sales per hour today vs yesterday, sales by lottery, 30-day prize ratio, top numbers. */
export async function buildCharts(platform: Platform, auth: AuthContext, day: string) {
  const db = lotteryDb(platform.db);
  const scope = await reportScope(platform, auth);
  const back = (d: string, days: number) => {
    const x = new Date(`${d}T12:00:00Z`);
    x.setUTCDate(x.getUTCDate() - days);
    return x.toISOString().slice(0, 10);
  };
  const yesterday = back(day, 1);
  const monthAgo = back(day, 29);
  const [hours, lotteries, trend, numbers] = await Promise.all([
    ticketsByHour(db, { from: yesterday, to: day, scope }),
    salesBy(db, { from: day, to: day, scope }, 'lottery'),
    salesBy(db, { from: monthAgo, to: day, scope }, 'day'),
    scope === null
      ? topNumbers(db, { from: day, to: day, scope }, 10, 0)
      : topNumbersScoped(db, { from: day, to: day, scope }, 10, 0),
  ]);
  const perHour = Array.from({ length: 24 }, (_, hour) => ({
    hour: `${String(hour).padStart(2, '0')}:00`,
    today: m(hours.filter((h) => h.day === day && n(h.hour) === hour).reduce((s, h) => s + n(h.sales), 0)),
    yesterday: m(
      hours.filter((h) => h.day === yesterday && n(h.hour) === hour).reduce((s, h) => s + n(h.sales), 0),
    ),
  }));
  return {
    date: day,
    sales_per_hour: perHour,
    sales_by_lottery: lotteries.map((l) => ({
      lottery: l.lottery_name,
      sales: m(n(l.sales) - n(l.cancelled)),
    })),
    prize_ratio: trend.map((r) => ({
      date: r.day,
      ratio: ratio(n(r.prizes), n(r.sales) - n(r.cancelled)),
      sales: m(n(r.sales) - n(r.cancelled)),
      prizes: m(r.prizes),
    })),
    top_numbers: numbers.rows.map((r) => ({
      number: `${r.lottery_code} ${r.bet_number}`,
      bet_type: r.bet_type,
      sales: m(r.sales),
      exposure: m(r.exposure),
    })),
  };
}

/** The cuadre on a thermal 80 mm roll or an A4 page. */
export function renderCuadrePdf(
  input: {
    title: string;
    lines: [string, string][];
    footer: string;
  },
  format: '80mm' | 'a4',
): Promise<Buffer> {
  const width = format === '80mm' ? 226 : 595;
  const margin = format === '80mm' ? 8 : 48;
  const height = format === '80mm' ? 60 + input.lines.length * 14 + 60 : 842;
  const doc = new PDFDocument({ size: [width, height], margin, info: { Title: input.title } });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const usable = width - margin * 2;
  const size = format === '80mm' ? 8 : 11;
  doc
    .font('Helvetica-Bold')
    .fontSize(size + 2)
    .text(input.title, margin, margin, { width: usable, align: 'center' });
  doc.moveDown(0.5);
  for (const [label, value] of input.lines) {
    const y = doc.y;
    const bold = label.startsWith('=');
    doc.font(bold ? 'Helvetica-Bold' : 'Helvetica').fontSize(size);
    doc.text(bold ? label.slice(1) : label, margin, y, { width: usable * 0.6, lineBreak: false });
    doc.text(value, margin + usable * 0.6, y, { width: usable * 0.4, align: 'right', lineBreak: false });
    doc.y = y + size + 5;
  }
  doc.moveDown(1);
  doc
    .font('Helvetica')
    .fontSize(size - 1)
    .text(input.footer, margin, doc.y, { width: usable, align: 'center' });
  doc.end();
  return done;
}

/** The labelled lines of a cuadre for the PDF (money formatted with the operator's symbol). */
export function cuadreLines(
  figures: CuadreFigures,
  counted: number | null,
  symbol: string,
  language: Language,
): [string, string][] {
  const t = (key: string) => translate(language, `ui.lottery.money.cuadre.${key}`);
  const f = (cents: number) => formatMoney(cents, { symbol });
  const lines: [string, string][] = [
    [t('opening_cash'), f(figures.opening_cash)],
    [`${t('sales')} (${figures.tickets})`, f(figures.sales)],
    [`− ${t('cancelled')} (${figures.cancelled_tickets})`, f(figures.cancelled)],
    [`− ${t('commission')}`, f(figures.commission)],
    [`− ${t('prizes_paid')} (${figures.paid_tickets})`, f(figures.prizes_paid)],
    [`− ${t('cobros')}`, f(figures.cobros)],
    [`+ ${t('pagos')}`, f(figures.pagos)],
    [`=${t('expected')}`, f(figures.expected)],
  ];
  if (counted !== null) {
    lines.push([t('counted'), f(counted)]);
    lines.push([`=${t('difference')}`, f(counted - figures.expected)]);
  }
  return lines;
}
