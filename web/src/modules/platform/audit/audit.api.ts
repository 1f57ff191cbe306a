import type { AuditEntry } from '@matriz/shared/api/audit';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../../../app/api.ts';

export type { AuditEntry };

export interface AuditFilters {
  user?: string;
  entity?: string;
  action?: string;
  from?: string;
  to?: string;
  page: number;
  page_size: number;
}

export interface AuditPage {
  items: AuditEntry[];
  total: number;
  page: number;
  page_size: number;
}

export function useAudit(filters: AuditFilters) {
  return useQuery({
    queryKey: ['audit', filters],
    queryFn: ({ signal }) => api.get<AuditPage>('/audit', { query: { ...filters }, signal }),
    placeholderData: keepPreviousData,
  });
}
