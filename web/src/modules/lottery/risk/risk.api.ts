import type { AnomalyView, BoardView, DashboardView } from '@matriz/shared/api/lottery-risk';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type Query } from '../../../app/api.ts';

export type { AnomalyView, BoardView, DashboardView };

export function useBoard(drawId: string | null, scope: { zone_id?: string; banca_id?: string }) {
  return useQuery({
    queryKey: ['lottery', 'board', drawId, scope],
    enabled: !!drawId,
    placeholderData: keepPreviousData,
    queryFn: ({ signal }) => api.get<BoardView>(`/lottery/draws/${drawId}/board`, { query: scope, signal }),
  });
}

export function useAnomalies(query: Query) {
  return useQuery({
    queryKey: ['lottery', 'anomalies', query],
    placeholderData: keepPreviousData,
    queryFn: ({ signal }) =>
      api.get<{ items: AnomalyView[]; total: number; page: number; page_size: number }>(
        '/lottery/anomalies',
        {
          query,
          signal,
        },
      ),
  });
}

export function useAnomalyReport(query: Query) {
  return useQuery({
    queryKey: ['lottery', 'anomalies', 'report', query],
    queryFn: ({ signal }) =>
      api.get<{
        total: number;
        open: number;
        by_kind: Record<string, { total: number; open: number }>;
        by_severity: Record<string, { total: number; open: number }>;
      }>('/lottery/anomalies/report', { query, signal }),
  });
}

export function useAcknowledge() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, comment }: { id: string; comment: string }) =>
      api.post(`/lottery/anomalies/${id}/acknowledge`, { comment }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['lottery', 'anomalies'] }),
  });
}

export function useDashboard(query: Query) {
  return useQuery({
    queryKey: ['lottery', 'dashboard', query],
    placeholderData: keepPreviousData,
    queryFn: ({ signal }) => api.get<DashboardView>('/lottery/dashboard', { query, signal }),
  });
}

export interface PartnerView {
  id: string;
  code: string;
  name: string;
  commission: number;
  contact: string | null;
  active: boolean;
}

export interface LayoffView {
  id: string;
  direction: 'export' | 'import';
  partner_code: string;
  lottery_code: string;
  draw_date: string;
  draw_time: string;
  bet_type: string;
  number: string;
  amount: number;
  commission: number;
  prize_share: number;
  created_at: string;
}

export function usePartners() {
  return useQuery({
    queryKey: ['lottery', 'partners'],
    queryFn: ({ signal }) => api.get<{ items: PartnerView[] }>('/lottery/pots/partners', { signal }),
  });
}

export function useLayoffs(query: Query) {
  return useQuery({
    queryKey: ['lottery', 'pots', query],
    queryFn: ({ signal }) => api.get<{ items: LayoffView[] }>('/lottery/pots', { query, signal }),
  });
}

export function usePotMutations() {
  const client = useQueryClient();
  const after = async <T>(promise: Promise<T>) => {
    const result = await promise;
    await client.invalidateQueries({ queryKey: ['lottery'] });
    return result;
  };
  return {
    createPartner: (body: { code: string; name: string; commission: number }) =>
      after(api.post('/lottery/pots/partners', body)),
    layoff: (direction: 'export' | 'import', body: Record<string, unknown>) =>
      after(api.post(`/lottery/pots/${direction}`, body)),
  };
}
