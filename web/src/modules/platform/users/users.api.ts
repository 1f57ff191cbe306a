import type { UserView } from '@matriz/shared/api/users';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../app/api.ts';

export type { UserView };

export interface UserFilters {
  q?: string;
  active?: 'true' | 'false';
  role?: string;
  page: number;
  page_size: number;
}

export interface UserPage {
  items: UserView[];
  total: number;
  page: number;
  page_size: number;
}

export interface RoleView {
  name: string;
  permissions: string[];
}

export interface CreateUserInput {
  username: string;
  full_name: string;
  email?: string | null;
  password: string;
  roles: string[];
}

export interface UpdateUserInput {
  full_name?: string;
  email?: string | null;
  roles?: string[];
}

const USERS = ['users'] as const;

export function useUsers(filters: UserFilters) {
  return useQuery({
    queryKey: [...USERS, filters],
    queryFn: ({ signal }) => api.get<UserPage>('/users', { query: { ...filters }, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useRoles() {
  return useQuery({
    queryKey: ['roles'],
    queryFn: ({ signal }) => api.get<{ roles: RoleView[] }>('/roles', { signal }),
    staleTime: 10 * 60_000,
    select: (data) => data.roles,
  });
}

/** All user mutations; each refreshes the list afterwards. */
export function useUserMutations() {
  const client = useQueryClient();
  const refresh = () => client.invalidateQueries({ queryKey: USERS });
  const encode = encodeURIComponent;
  return {
    create: useMutation({
      mutationFn: (input: CreateUserInput) => api.post<{ user: UserView }>('/users', input),
      onSuccess: refresh,
    }),
    update: useMutation({
      mutationFn: ({ id, input }: { id: string; input: UpdateUserInput }) =>
        api.patch<{ user: UserView }>(`/users/${encode(id)}`, input),
      onSuccess: refresh,
    }),
    deactivate: (id: string) => api.post<{ user: UserView }>(`/users/${encode(id)}/deactivate`).then(refresh),
    reactivate: (id: string) => api.post<{ user: UserView }>(`/users/${encode(id)}/reactivate`).then(refresh),
    remove: (id: string) => api.delete(`/users/${encode(id)}`).then(refresh),
    resetPassword: useMutation({
      mutationFn: ({ id, password }: { id: string; password: string }) =>
        api.post(`/users/${encode(id)}/reset-password`, { new_password: password }),
    }),
  };
}
