import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, newIdempotencyKey, type Query } from '../../../app/api.ts';

export interface ResultDrawView {
  draw_id: string;
  lottery: string;
  lottery_name: string;
  result_format: string;
  draw_date: string;
  draw_time: string;
  business_date: string;
  close_at: string;
  draw_at: string;
  status: string;
  result: Record<string, string | number> | null;
  result_text: string | null;
  source: string | null;
  revision: number | null;
  entered_by: string | null;
  entered_at: string | null;
  corrected_at: string | null;
  correction_reason: string | null;
  winning_lines: number;
  prize_total: number;
}

export interface WinnerView {
  code: string;
  ticket_status: string;
  prize_total: number;
  banca_code: string;
  banca_name: string;
  line_number: number;
  bet_type: string;
  bet_number: string;
  bet_amount: number;
  multiplier: number;
  prize_class: string | null;
  prize_amount: number;
}

export interface UnclaimedView {
  code: string;
  business_date: string;
  created_at: string;
  expires_at: string;
  prize_total: number;
  grand_total: number;
  banca_code: string;
  banca_name: string;
}

export interface ResultInput {
  lottery: string;
  draw_date: string;
  draw_time?: string;
  first?: string;
  second?: string;
  third?: string;
  numbers?: string;
  number?: string;
  ball?: 'red' | 'white';
  reventado_multiplier?: number;
  reason?: string;
}

const ROOT = 'lottery-results';

export function useResults(query: Query) {
  return useQuery({
    queryKey: [ROOT, 'list', query],
    queryFn: ({ signal }) =>
      api.get<{ date: string; draws: ResultDrawView[]; server_time: string }>('/lottery/results', {
        query,
        signal,
      }),
    placeholderData: keepPreviousData,
    refetchInterval: 30_000,
  });
}

export function useWinners(drawId: string | null, page: number) {
  return useQuery({
    queryKey: [ROOT, 'winners', drawId, page],
    enabled: drawId !== null,
    queryFn: ({ signal }) =>
      api.get<{
        draw: { lottery: string; draw_date: string; draw_time: string; result_text: string | null };
        items: WinnerView[];
        total: number;
        page: number;
        page_size: number;
      }>(`/lottery/results/${encodeURIComponent(drawId!)}/winners`, {
        query: { page, page_size: 50 },
        signal,
      }),
    placeholderData: keepPreviousData,
  });
}

export function useUnclaimed(query: Query) {
  return useQuery({
    queryKey: [ROOT, 'unclaimed', query],
    queryFn: ({ signal }) =>
      api.get<{
        items: UnclaimedView[];
        total: number;
        prize_total: number;
        page: number;
        page_size: number;
      }>('/lottery/prizes/unclaimed', { query, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useResultMutations() {
  const client = useQueryClient();
  const refresh = () => client.invalidateQueries({ queryKey: [ROOT] });
  return {
    publish: useMutation({
      mutationFn: (body: ResultInput) => api.post('/lottery/results', body),
      onSuccess: refresh,
    }),
    correct: useMutation({
      mutationFn: (body: ResultInput) => api.post('/lottery/results/correct', body),
      onSuccess: refresh,
    }),
    importCsv: useMutation({
      mutationFn: (csv: string) => api.post<{ imported: number }>('/lottery/results/import', { csv }),
      onSuccess: refresh,
    }),
  };
}

export interface ScannedTicket {
  ticket_code: string;
  status: string;
  expires_at: string;
  branch: { branch_code: string; branch_name: string };
  totals: { grand_total: number; total_prize: number };
  payment: { paid_at: string; paid_by: string } | null;
  lines: {
    line_number: number;
    lottery: { lottery_code: string; lottery_name: string; draw_time: string; draw_status: string };
    bet: { bet_number: string; bet_type_code: string };
    amounts: { bet_amount: number };
    prize: { prize_amount: number; is_winner: boolean };
    status: { line_status: string };
  }[];
}

export const scanTicket = (scanned: string) =>
  api.get<{ ticket: ScannedTicket }>(`/lottery/tickets/${encodeURIComponent(scanned)}`);

export const payTicket = (scanned: string, key: string = newIdempotencyKey()) =>
  api.post<{
    ticket: ScannedTicket;
    receipt: { receipt_number: string; amount: number };
    receipt_url: string;
  }>(`/lottery/tickets/${encodeURIComponent(scanned)}/pay`, {}, { headers: { 'Idempotency-Key': key } });
