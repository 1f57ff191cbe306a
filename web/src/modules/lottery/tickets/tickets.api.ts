import type { BancaView, DrawView, OperatorSettings } from '@matriz/shared/api/lottery-catalog';
import type { SaleBody } from '@matriz/shared/api/lottery-tickets';
import { BET_TYPES, type BetTypeCode, type BetTypeInfo } from '@matriz/shared/lottery/games';
import { CURRENCY_PRESETS, type CurrencyFormat, formatMoney, toCents } from '@matriz/shared/money';
import { keepPreviousData, type QueryClient, useQuery, useSuspenseQuery } from '@tanstack/react-query';
import { API_BASE, api, downloadUrl, type Query } from '../../../app/api.ts';

export type { BancaView, DrawView, SaleBody };

/** Major units from the API (157.5) → `RD$157.50`, in the currency `useCurrency` gives. */
export function money(major: number | null | undefined, currency: CurrencyFormat): string {
  if (major === null || major === undefined) return '—';
  return formatMoney(toCents(major) ?? Math.round(major * 100), currency);
}

/** A bet type's name in the app's language (`i18n.language`); the code itself for one not known here. */
export function betTypeName(code: string, language: string): string {
  const info: BetTypeInfo | undefined = BET_TYPES[code as BetTypeCode];
  if (!info) return code;
  return language === 'en' ? info.nameEn : info.nameEs;
}

/** The seller screens wait for the operator's settings (suspending), so no amount shows without its symbol. */
function useSellerSettings(): OperatorSettings {
  return useSuspenseQuery({
    queryKey: ['lottery-pos', 'settings'],
    queryFn: ({ signal }) =>
      api.get<{ settings: OperatorSettings }>('/lottery/settings', { signal }).then((r) => r.settings),
    staleTime: 5 * 60_000,
  }).data;
}

/**
 * The currency the seller screens show money in, as the server prints it: the operator's symbol; a
 * ticket (its `currency` code given) sold before the operator changed currency keeps its own.
 */
export function useCurrency(ticketCurrency?: string): CurrencyFormat {
  const settings = useSellerSettings();
  if (!ticketCurrency || ticketCurrency === settings.currency_code)
    return { symbol: settings.currency_symbol };
  return { symbol: CURRENCY_PRESETS.find((p) => p.code === ticketCurrency)?.symbol ?? `${ticketCurrency} ` };
}

/** The operator's time zone, in which the seller screens show draw times. */
export function useOperatorZone(): string {
  return useSellerSettings().time_zone;
}

export interface TicketLineView {
  line_id: string;
  line_number: number;
  lottery: {
    lottery_id: string;
    lottery_code: string;
    lottery_name: string;
    draw_id: string;
    draw_date: string;
    draw_time: string;
    draw_status: string;
  };
  bet: { bet_number: string; typed: string; bet_type_code: string; bet_type_name: string };
  amounts: {
    requested_amount: number;
    missing_amount: number;
    bet_amount: number;
    total_with_multiplier: number;
    discount_amount: number;
  };
  prize: { prize_amount: number; is_winner: boolean; winning_class: string | null };
  status: { line_status: string; is_void: boolean };
}

export interface TicketView {
  ticket_id: string;
  ticket_code: string;
  qr: string;
  status: string;
  created_at: string;
  expires_at: string;
  currency: string;
  branch: { branch_id: string; branch_code: string; branch_name: string; branch_owner: string };
  user: { user_id: string; username: string; fullname: string };
  configuration: { global_multiplier: number; global_discount: number };
  lines: TicketLineView[];
  totals: {
    total_lines: number;
    total_bet_amount: number;
    total_discount: number;
    grand_total: number;
    total_prize: number;
  };
  metadata: { earliest_draw_time: string; latest_draw_time: string };
  cancellation: { cancelled_at: string; reason: string | null } | null;
  payment: { paid_at: string } | null;
  reprint_count: number;
  print: { format: string; copies: number; footer_lines: string[]; show_prize_table: boolean };
}

export interface TicketListItem {
  id: string;
  code: string;
  status: string;
  created_at: string;
  business_date: string;
  grand_total: number;
  total_lines: number;
  prize_total: number;
  banca_code: string;
  banca_name: string;
  seller_username: string;
}

export interface TicketPage {
  items: TicketListItem[];
  total: number;
  page: number;
  page_size: number;
}

export const TICKET_STATUSES = ['pending', 'active', 'winner', 'loser', 'paid', 'cancelled'] as const;
export const STATUS_COLOURS: Record<string, string> = {
  pending: 'blue',
  active: 'cyan',
  winner: 'green',
  loser: 'gray',
  paid: 'violet',
  cancelled: 'red',
};

const ROOT = 'lottery-tickets';
const encode = encodeURIComponent;

export const ticketUrls = {
  print: (code: string, format?: string) =>
    `${API_BASE}/lottery/tickets/${encode(code)}/print${format ? `?format=${format}` : ''}`,
  pdf: (code: string, format: string) => downloadUrl(`/lottery/tickets/${encode(code)}/pdf`, { format }),
  escpos: (code: string) => `${API_BASE}/lottery/tickets/${encode(code)}/escpos`,
  barcode: (code: string, type: 'code128' | 'qr') =>
    `${API_BASE}/lottery/tickets/${encode(code)}/barcode.png?type=${type}`,
};

export function useTicket(code: string | undefined) {
  return useQuery({
    queryKey: [ROOT, 'one', code],
    enabled: !!code,
    queryFn: ({ signal }) =>
      api.get<{ ticket: TicketView }>(`/lottery/tickets/${encode(code!)}`, { signal }).then((r) => r.ticket),
    retry: false,
  });
}

export function useTicketList(query: Query) {
  return useQuery({
    queryKey: [ROOT, 'list', query],
    queryFn: ({ signal }) => api.get<TicketPage>('/lottery/tickets', { query, signal }),
    placeholderData: keepPreviousData,
  });
}

const POS_DRAWS = ['lottery-pos', 'draws'];

/** A business day's draws (today without `date`), refreshed every minute; the POS keeps the open ones. */
export function useOpenDraws(date?: string) {
  return useQuery({
    queryKey: [...POS_DRAWS, date ?? 'today'],
    queryFn: ({ signal }) =>
      api.get<{ draws: DrawView[]; server_time: string }>('/lottery/draws', {
        query: { date },
        signal,
      }),
    refetchInterval: 60_000,
  });
}

/** A draw the server says has closed leaves the POS lists at once; the next refetch confirms it. */
export function markDrawsClosed(client: QueryClient, ids: readonly string[]): void {
  const closed = new Set(ids);
  const filters = { queryKey: POS_DRAWS };
  for (const [key, data] of client.getQueriesData<{ draws: DrawView[]; server_time: string }>(filters)) {
    if (!data) continue;
    const draws = data.draws.map((d) => (closed.has(d.id) ? { ...d, status: 'closed' as const } : d));
    // Keeping when it was fetched keeps the POS's server-clock offset (server_time against that instant).
    client.setQueryData(key, { ...data, draws }, { updatedAt: client.getQueryState(key)?.dataUpdatedAt });
  }
  void client.invalidateQueries(filters);
}

/** A reopened draw comes back to the POS lists with a fetch made at once, not at the minute's refresh. */
export function refetchOpenDraws(client: QueryClient): Promise<void> {
  return client.invalidateQueries({ queryKey: POS_DRAWS });
}

export function useDrawsOf(date: string | undefined) {
  return useQuery({
    queryKey: ['lottery-pos', 'all-draws', date ?? 'today'],
    queryFn: ({ signal }) =>
      api.get<{ draws: DrawView[]; server_time: string }>('/lottery/draws', { query: { date }, signal }),
  });
}

export function useMyBancas() {
  return useQuery({
    queryKey: ['lottery-pos', 'my-bancas'],
    queryFn: ({ signal }) =>
      api.get<{ items: BancaView[] }>('/lottery/my-bancas', { signal }).then((r) => r.items),
    staleTime: 5 * 60_000,
  });
}

/**
 * `0001` → `LAN-20260129-0001`, the ticket of today with that number. Codes are the operator's prefix,
 * the business day and the day's sequence; the first two are read off one of today's tickets the
 * user may see (null when there is none), and the ticket itself is looked up in the same scope.
 */
export async function todaysTicketCode(sequence: string): Promise<string | null> {
  const { draws } = await api.get<{ draws: DrawView[] }>('/lottery/draws');
  const today = draws[0]?.business_date;
  if (!today) return null;
  const { items } = await api.get<TicketPage>('/lottery/tickets', { query: { date: today, page_size: 1 } });
  const day = items[0]?.code.replace(/\d+$/, '');
  return day ? `${day}${sequence.padStart(4, '0')}` : null;
}

export const ticketsKey = [ROOT];

export function cancelTicket(code: string, reason: string) {
  return api.post<{ ticket: TicketView; late: boolean }>(`/lottery/tickets/${encode(code)}/cancel`, {
    reason,
  });
}

/** The plays of a ticket as entry lines that read back to the same plays (DUPLICAR). */
export function entryOfTicket(ticket: TicketView): string[] {
  const seen = new Set<string>();
  const lines: string[] = [];
  for (const line of ticket.lines) {
    const text = `${line.lottery.lottery_code}|${line.bet.typed.includes('*') ? line.bet.bet_number : line.bet.typed}|${line.amounts.requested_amount}`;
    if (seen.has(text)) continue;
    seen.add(text);
    lines.push(text);
  }
  return lines;
}
