import type {
  NotificationEvent,
  NotificationList,
  NotificationPreferences,
} from '@matriz/shared/api/notifications';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../app/api.ts';
import { useRealtime } from '../../../app/realtime.ts';

export type { NotificationList, NotificationPreferences };

export function useNotifications(filters: { unread?: boolean; page: number; page_size: number }) {
  return useQuery({
    queryKey: ['notifications', filters],
    queryFn: ({ signal }) =>
      api.get<NotificationList>('/notifications', {
        query: {
          unread: filters.unread ? 'true' : undefined,
          page: filters.page,
          page_size: filters.page_size,
        },
        signal,
      }),
    placeholderData: keepPreviousData,
  });
}

/** Refreshes every notification query when the server pushes a new notification or a read mark. */
export function useLiveNotifications(onNew?: (event: NotificationEvent) => void) {
  const client = useQueryClient();
  useRealtime<NotificationEvent>('notification', (payload) => {
    void client.invalidateQueries({ queryKey: ['notifications'] });
    onNew?.(payload);
  });
  useRealtime('notification.read', () => void client.invalidateQueries({ queryKey: ['notifications'] }));
}

export function useMarkRead() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.post<{ unread: number }>(`/notifications/${encodeURIComponent(id)}/read`),
    onSettled: () => client.invalidateQueries({ queryKey: ['notifications'] }),
  });
}

export function useMarkAllRead() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<{ unread: number }>('/notifications/read-all'),
    onSettled: () => client.invalidateQueries({ queryKey: ['notifications'] }),
  });
}

export function usePreferences() {
  return useQuery({
    queryKey: ['notifications', 'preferences'],
    queryFn: ({ signal }) => api.get<NotificationPreferences>('/notifications/preferences', { signal }),
  });
}

export function useSavePreferences() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: Partial<NotificationPreferences>) =>
      api.put<NotificationPreferences>('/notifications/preferences', body),
    onSuccess: (data) => client.setQueryData(['notifications', 'preferences'], data),
  });
}
