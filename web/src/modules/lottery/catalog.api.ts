import type {
  AgentView,
  AssignmentView,
  BancaView,
  BetTypeView,
  CommissionSchemeView,
  DrawView,
  LotteryView,
  OperatorSettings,
  PrizeScope,
  PrizeTableView,
  ScheduleSlotView,
  WeekScheduleView,
  ZoneView,
} from '@matriz/shared/api/lottery-catalog';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type Query } from '../../app/api.ts';

export type {
  AgentView,
  AssignmentView,
  BancaView,
  BetTypeView,
  CommissionSchemeView,
  DrawView,
  LotteryView,
  OperatorSettings,
  PrizeScope,
  PrizeTableView,
  ScheduleSlotView,
  WeekScheduleView,
  ZoneView,
};

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  page_size: number;
}

/** Every query of these screens starts with this key, so one invalidation refreshes them all. */
const ROOT = 'lottery-catalog';
const encode = encodeURIComponent;

function usePage<T>(path: string, query: Query) {
  return useQuery({
    queryKey: [ROOT, path, query],
    queryFn: ({ signal }) => api.get<Page<T>>(path, { query, signal }),
    placeholderData: keepPreviousData,
  });
}

export const useZones = (query: Query) => usePage<ZoneView>('/lottery/zones', query);
export const useBancas = (query: Query) => usePage<BancaView>('/lottery/bancas', query);
export const useAgents = (query: Query) => usePage<AgentView>('/lottery/agents', query);
export const useLotteries = (query: Query) => usePage<LotteryView>('/lottery/lotteries', query);

/** Small lists for selects (zones, bancas, lotteries): the first 500, active or not. */
export function useOptions<T>(path: '/lottery/zones' | '/lottery/bancas' | '/lottery/lotteries') {
  return useQuery({
    queryKey: [ROOT, path, 'options'],
    queryFn: ({ signal }) => api.get<Page<T>>(path, { query: { page_size: 500 }, signal }),
    staleTime: 60_000,
    select: (data) => data.items,
  });
}

export function useAssignments(query: Query) {
  return useQuery({
    queryKey: [ROOT, 'assignments', query],
    queryFn: ({ signal }) => api.get<{ items: AssignmentView[] }>('/lottery/assignments', { query, signal }),
    select: (data) => data.items,
  });
}

export function useDraws(query: Query) {
  return useQuery({
    queryKey: [ROOT, 'draws', query],
    queryFn: ({ signal }) =>
      api.get<{ draws: DrawView[]; server_time: string }>('/lottery/draws', { query, signal }),
    placeholderData: keepPreviousData,
    refetchInterval: 60_000,
  });
}

export function useWeekSchedule() {
  return useQuery({
    queryKey: [ROOT, 'schedules'],
    queryFn: ({ signal }) => api.get<WeekScheduleView>('/lottery/schedules', { signal }),
    select: (data) => data.lotteries,
  });
}

export function useBetTypes() {
  return useQuery({
    queryKey: [ROOT, 'bet-types'],
    queryFn: ({ signal }) => api.get<{ bet_types: BetTypeView[] }>('/lottery/bet-types', { signal }),
    select: (data) => data.bet_types,
  });
}

export function usePrizeTable(scope: PrizeScope, scopeId: string | null) {
  return useQuery({
    queryKey: [ROOT, 'prize-table', scope, scopeId],
    queryFn: ({ signal }) =>
      api.get<PrizeTableView>('/lottery/prize-tables', { query: { scope, scope_id: scopeId }, signal }),
    enabled: scope === 'default' || !!scopeId,
  });
}

export function useCommissionScheme(bancaId: string | null, lotteryId: string | null) {
  return useQuery({
    queryKey: [ROOT, 'commissions', bancaId, lotteryId],
    queryFn: ({ signal }) =>
      api.get<CommissionSchemeView>('/lottery/commissions', {
        query: { banca_id: bancaId, lottery_id: lotteryId },
        signal,
      }),
  });
}

export function useOperatorSettings() {
  return useQuery({
    queryKey: [ROOT, 'settings'],
    queryFn: ({ signal }) => api.get<{ settings: OperatorSettings }>('/lottery/settings', { signal }),
    select: (data) => data.settings,
  });
}

export type RecordPath = 'zones' | 'bancas' | 'agents' | 'lotteries';

/** Every mutation of the catalog screens; each refreshes every catalog query afterwards. */
export function useCatalogMutations() {
  const client = useQueryClient();
  const refresh = () => client.invalidateQueries({ queryKey: [ROOT] });
  const after = <T>(promise: Promise<T>) =>
    promise.then(async (value) => {
      await refresh();
      return value;
    });
  return {
    save: useMutation({
      mutationFn: ({ path, id, body }: { path: RecordPath; id?: string; body: unknown }) =>
        after(id ? api.patch(`/lottery/${path}/${encode(id)}`, body) : api.post(`/lottery/${path}`, body)),
    }),
    setActive: (path: RecordPath, id: string, active: boolean) =>
      after(api.post(`/lottery/${path}/${encode(id)}/${active ? 'reactivate' : 'deactivate'}`)),
    remove: (path: RecordPath, id: string) => after(api.delete(`/lottery/${path}/${encode(id)}`)),
    assign: (body: { user_id: string; role: string; banca_id?: string; zone_id?: string }) =>
      after(api.post('/lottery/assignments', body)),
    unassign: (id: string) => after(api.delete(`/lottery/assignments/${encode(id)}`)),
    setSchedule: (lotteryId: string, slots: ScheduleSlotView[]) =>
      after(api.put(`/lottery/lotteries/${encode(lotteryId)}/schedule`, { slots })),
    closeDraw: (id: string, reason: string) =>
      after(api.post(`/lottery/draws/${encode(id)}/close`, { reason })),
    reopenDraw: (id: string, reason: string) =>
      after(api.post(`/lottery/draws/${encode(id)}/reopen`, { reason })),
    setBetTypeActive: (code: string, active: boolean) =>
      after(api.post(`/lottery/bet-types/${encode(code)}/${active ? 'reactivate' : 'deactivate'}`)),
    putPrizeTable: (body: {
      scope: PrizeScope;
      scope_id: string | null;
      entries: { bet_type: string; prize_class: string; multiplier: number }[];
    }) => after(api.put<PrizeTableView>('/lottery/prize-tables', body)),
    putCommissions: (body: {
      banca_id: string | null;
      lottery_id: string | null;
      entries: { bet_type: string; percent: number }[];
    }) => after(api.put<CommissionSchemeView>('/lottery/commissions', body)),
    putSettings: (settings: OperatorSettings) => after(api.put('/lottery/settings', settings)),
  };
}

export async function fetchSchedule(lotteryId: string): Promise<ScheduleSlotView[]> {
  const { slots } = await api.get<{ slots: ScheduleSlotView[] }>(
    `/lottery/lotteries/${encode(lotteryId)}/schedule`,
  );
  return slots;
}
