import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../app/api.ts';

export interface LimitRuleView {
  id: string;
  level: string;
  measure: string;
  max_amount: number;
  lottery_id: string | null;
  draw_id: string | null;
  zone_id: string | null;
  banca_id: string | null;
  bet_type: string | null;
  number: string | null;
  weekday: number | null;
  starts_on: string | null;
  ends_on: string | null;
  /** The draw a rule is narrowed to, when it is. */
  draw: { lottery_code: string; draw_date: string; draw_time: string } | null;
  note: string | null;
  active: boolean;
}

export interface BlockView {
  id: string;
  number: string;
  lottery_id: string | null;
  draw_id: string | null;
  bet_type: string | null;
  reason: string | null;
  active: boolean;
}

export interface HotNumberView {
  id: string;
  number: string;
  lottery_id: string | null;
  directo: number | null;
  pale_1: number | null;
  pale_2: number | null;
  tripleta_1: number | null;
  tripleta_2: number | null;
  tripleta_3: number | null;
  reason: string | null;
  active: boolean;
}

export interface AuditRow {
  id: string;
  at: string;
  username: string | null;
  action: string;
  before: unknown;
  after: unknown;
}

const ROOT = ['lottery', 'limits'];

export const useLimitRules = () =>
  useQuery({
    queryKey: [...ROOT, 'rules'],
    queryFn: ({ signal }) => api.get<{ items: LimitRuleView[] }>('/lottery/limits', { signal }),
  });
export const useBlocks = () =>
  useQuery({
    queryKey: [...ROOT, 'blocks'],
    queryFn: ({ signal }) =>
      api.get<{ items: BlockView[] }>('/lottery/blocks', { query: { active: 'true' }, signal }),
  });
export const useHotNumbers = () =>
  useQuery({
    queryKey: [...ROOT, 'hot'],
    queryFn: ({ signal }) =>
      api.get<{ items: HotNumberView[] }>('/lottery/hot-numbers', { query: { active: 'true' }, signal }),
  });

export function useAuditTrail(entity: string, entityId: string) {
  return useQuery({
    queryKey: ['audit', entity, entityId],
    queryFn: ({ signal }) =>
      api.get<{ items: AuditRow[] }>('/audit', { query: { entity, entity_id: entityId }, signal }),
  });
}

export function useLimitMutations() {
  const client = useQueryClient();
  const run = useMutation({
    mutationFn: ({ method, path, body }: { method: 'post' | 'patch'; path: string; body: unknown }) =>
      method === 'post' ? api.post(path, body) : api.patch(path, body),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: ROOT });
      await client.invalidateQueries({ queryKey: ['audit'] });
    },
  });
  return {
    pending: run.isPending,
    createRule: (body: Record<string, unknown>) =>
      run.mutateAsync({ method: 'post', path: '/lottery/limits', body }),
    changeRule: (id: string, body: Record<string, unknown>) =>
      run.mutateAsync({ method: 'patch', path: `/lottery/limits/${id}`, body }),
    block: (body: Record<string, unknown>) =>
      run.mutateAsync({ method: 'post', path: '/lottery/blocks', body }),
    unblock: (id: string, reason: string) =>
      run.mutateAsync({ method: 'post', path: `/lottery/blocks/${id}/remove`, body: { reason } }),
    markHot: (body: Record<string, unknown>) =>
      run.mutateAsync({ method: 'post', path: '/lottery/hot-numbers', body }),
    unmarkHot: (id: string, reason: string) =>
      run.mutateAsync({ method: 'post', path: `/lottery/hot-numbers/${id}/remove`, body: { reason } }),
  };
}
