import { type Language, translate } from '@matriz/shared/i18n/translate';
import { addDays } from '@matriz/shared/lottery/schedule';
import { toMajor } from '@matriz/shared/money';
import { businessDate } from '../../platform/clock.ts';
import { invalid, notFound } from '../../platform/errors.ts';
import type { TabularReport } from '../../platform/exports/report.ts';
import type { Platform } from '../../platform/platform.ts';
import { lotteryDb } from './db.ts';
import { getOperatorSettings } from './get-operator-settings.ts';
import { findPartner, partnerBalance, partnerEntries } from './layoff.repo.ts';

/** A statement covers at most this many days: its lines come back whole, never paged. */
export const STATEMENT_MAX_DAYS = 366;

export const STATEMENT_CONCEPTS = [
  'export',
  'export_commission',
  'export_prize_share',
  'export_prize_share_reversal',
  'import',
  'import_commission',
  'import_prize',
  'import_prize_reversal',
  'other',
] as const;
export type StatementConcept = (typeof STATEMENT_CONCEPTS)[number];

/** One ledger entry on the partner's accounts; amounts in cents, from the house's side. */
export interface StatementLine {
  id: string;
  at: string;
  business_date: string;
  concept: StatementConcept;
  memo: string | null;
  /** What the entry adds to the partner's debt (cargo). */
  charge: number;
  /** What it takes off (abono). */
  credit: number;
  /** What the partner owes the house after this line (negative: the house owes the partner). */
  balance: number;
}

export interface StatementTotals {
  exported: number;
  export_commission: number;
  /** Net of reversals after a result correction. */
  export_prize_shares: number;
  imported: number;
  import_commission: number;
  import_prizes_owed: number;
  other: number;
  charges: number;
  credits: number;
}

export interface PartnerStatement {
  partner: { id: string; code: string; name: string; commission_bp: number };
  from: string;
  to: string;
  opening_balance: number;
  lines: StatementLine[];
  totals: StatementTotals;
  closing_balance: number;
  /** Every entry so far, whatever the range: the partner's balance today. */
  balance: number;
}

/** The export's money goes to the partner, its commission comes back; an import the other way round. */
function conceptOf(kind: string, charged: boolean): StatementConcept {
  switch (kind) {
    case 'layoff_export':
      return 'export';
    case 'layoff_import':
      return 'import';
    case 'layoff_commission':
      return charged ? 'export_commission' : 'import_commission';
    case 'layoff_prize_share':
      return charged ? 'export_prize_share' : 'import_prize';
    case 'layoff_prize_share_reversal':
      return charged ? 'import_prize_reversal' : 'export_prize_share_reversal';
    default:
      return 'other';
  }
}

function totalsOf(lines: readonly StatementLine[]): StatementTotals {
  const net = new Map<StatementConcept, number>();
  for (const line of lines) net.set(line.concept, (net.get(line.concept) ?? 0) + line.charge - line.credit);
  const of = (...concepts: StatementConcept[]) => concepts.reduce((sum, c) => sum + (net.get(c) ?? 0), 0);
  return {
    exported: -of('export'),
    export_commission: of('export_commission'),
    export_prize_shares: of('export_prize_share', 'export_prize_share_reversal'),
    imported: of('import'),
    import_commission: -of('import_commission'),
    import_prizes_owed: -of('import_prize', 'import_prize_reversal'),
    other: of('other'),
    charges: lines.reduce((sum, l) => sum + l.charge, 0),
    credits: lines.reduce((sum, l) => sum + l.credit, 0),
  };
}

/**
 * A partner's statement (bote) for a range of business days: the opening balance, every ledger entry
 * on its accounts (exports and imports with their commissions, prize shares and their reversals) with
 * the running balance, and totals. The closing balance of a range that reaches today is the partner's
 * balance. Without dates: this month so far.
 */
export async function buildPartnerStatement(
  platform: Platform,
  partnerIdOrCode: string,
  range: { from?: string; to?: string },
): Promise<PartnerStatement> {
  const to = range.to ?? businessDate(platform.clock.now(), platform.config.timezone);
  const from = range.from ?? `${to.slice(0, 8)}01`;
  if (from > to) throw invalid('DATE_RANGE_INVALID', { field: 'to', from, to });
  if (addDays(from, STATEMENT_MAX_DAYS) <= to)
    throw invalid('DATE_RANGE_TOO_LONG', { field: 'from', from, to, max: STATEMENT_MAX_DAYS });
  const db = lotteryDb(platform.db);
  const partner = await findPartner(db, partnerIdOrCode);
  if (!partner) throw notFound('lottery_partner', partnerIdOrCode);
  const [opening, entries, balance] = await Promise.all([
    partnerBalance(db, partner.id, from),
    partnerEntries(db, partner.id, { from, to }),
    partnerBalance(db, partner.id),
  ]);
  const account = `partner:${partner.id}:`;
  let running = opening;
  const lines = entries.map((entry): StatementLine => {
    const amount = Number(entry.amount);
    const charge = entry.debit_account.startsWith(account) ? amount : 0;
    const credit = entry.credit_account.startsWith(account) ? amount : 0;
    running += charge - credit;
    return {
      id: entry.id,
      at: entry.at,
      business_date: entry.business_date,
      concept: conceptOf(entry.kind, charge > 0),
      memo: entry.memo,
      charge,
      credit,
      balance: running,
    };
  });
  return {
    partner: {
      id: partner.id,
      code: partner.code,
      name: partner.name,
      commission_bp: partner.commission_bp,
    },
    from,
    to,
    opening_balance: opening,
    lines,
    totals: totalsOf(lines),
    closing_balance: running,
    balance,
  };
}

/** The statement as a table for the Excel download: an opening line, the entries, the totals. */
export async function partnerStatementReport(
  platform: Platform,
  statement: PartnerStatement,
  language: Language,
): Promise<TabularReport> {
  const settings = await getOperatorSettings(lotteryDb(platform.db), platform.config);
  const t = (key: string, values?: Record<string, unknown>) =>
    translate(language, `ui.lottery.risk.statement.${key}`, values);
  return {
    issuer: settings.name,
    title: t('title', { code: statement.partner.code, name: statement.partner.name }),
    subtitle: t('range', { from: statement.from, to: statement.to }),
    columns: [
      { key: 'date', header: t('date'), kind: 'text' },
      { key: 'concept', header: t('concept'), kind: 'text', width: 1.5 },
      { key: 'memo', header: t('detail'), kind: 'text', width: 3 },
      { key: 'charge', header: t('charge'), kind: 'money' },
      { key: 'credit', header: t('credit'), kind: 'money' },
      { key: 'balance', header: t('balance'), kind: 'money' },
    ],
    rows: [
      {
        date: statement.from,
        concept: t('opening'),
        memo: null,
        charge: null,
        credit: null,
        balance: toMajor(statement.opening_balance),
      },
      ...statement.lines.map((line) => ({
        date: line.business_date,
        concept: t(`concept_${line.concept}`),
        memo: line.memo,
        charge: line.charge ? toMajor(line.charge) : null,
        credit: line.credit ? toMajor(line.credit) : null,
        balance: toMajor(line.balance),
      })),
    ],
    totalColumns: ['charge', 'credit'],
    totalsLabel: t('totals'),
    currency: { symbol: settings.currency_symbol, locale: language === 'en' ? 'en-US' : 'es-DO' },
    logo: null,
    footer: t('closing_note', { balance: toMajor(statement.closing_balance).toFixed(2) }),
  };
}
