import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, downloadUrl } from '../../../app/api.ts';

export interface StatementLineView {
  id: string;
  at: string;
  business_date: string;
  concept: string;
  memo: string | null;
  charge: number;
  credit: number;
  /** What the partner owes the house after this line (negative: the house owes the partner). */
  balance: number;
}

export const STATEMENT_TOTALS = [
  ['exported', 'concept_export'],
  ['export_commission', 'concept_export_commission'],
  ['export_prize_shares', 'concept_export_prize_share'],
  ['imported', 'concept_import'],
  ['import_commission', 'concept_import_commission'],
  ['import_prizes_owed', 'concept_import_prize'],
  ['other', 'concept_other'],
] as const;

export interface StatementView {
  partner: { id: string; code: string; name: string; commission: number };
  from: string;
  to: string;
  opening_balance: number;
  lines: StatementLineView[];
  totals: Record<(typeof STATEMENT_TOTALS)[number][0] | 'charges' | 'credits', number>;
  closing_balance: number;
  /** Every entry so far: the partner's balance today, whatever the range. */
  balance: number;
}

export interface StatementRange {
  from?: string;
  to?: string;
}

const statementPath = (partnerId: string) =>
  `/lottery/pots/partners/${encodeURIComponent(partnerId)}/statement`;

/** Without dates the server gives this month so far. */
export function usePartnerStatement(partnerId: string, range: StatementRange) {
  return useQuery({
    queryKey: ['lottery', 'pots', 'statement', partnerId, range],
    queryFn: ({ signal }) =>
      api.get<StatementView>(statementPath(partnerId), { query: { ...range }, signal }),
    placeholderData: keepPreviousData,
  });
}

export const statementXlsxUrl = (partnerId: string, range: StatementRange) =>
  downloadUrl(`${statementPath(partnerId)}/xlsx`, { ...range });
