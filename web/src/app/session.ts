import type { MeResponse } from '@matriz/shared/api/auth';
import type { Permission } from '@matriz/shared/auth/permissions';
import { useQuery } from '@tanstack/react-query';
import { useRef } from 'react';
import { ApiError, api, SESSION_END_CODES, setSessionEndHandler } from './api.ts';
import { setFlash } from './flash.ts';
import { t } from './i18n.ts';
import { queryClient } from './query.ts';
import { realtime } from './realtime.ts';

export type Session = MeResponse;
export const SESSION_KEY = ['session'] as const;

async function fetchSession(): Promise<Session | null> {
  try {
    return await api.get<Session>('/auth/me', { allowUnauthenticated: true });
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) {
      // A session that ended elsewhere says why; a visitor who never logged in gets no message.
      if (error.code !== 'UNAUTHENTICATED' && SESSION_END_CODES.has(error.code)) setFlash(error.message);
      return null;
    }
    throw error;
  }
}

export function useSessionQuery() {
  return useQuery({ queryKey: SESSION_KEY, queryFn: fetchSession, staleTime: Number.POSITIVE_INFINITY });
}

/**
 * The logged-in session; only call below the authenticated layout. During logout it keeps
 * returning the last session for the instant before the page changes.
 */
export function useSession(): Session {
  const { data } = useSessionQuery();
  const last = useRef(data);
  if (data) last.current = data;
  if (!last.current) throw new Error('useSession outside an authenticated route');
  return last.current;
}

export function can(session: Session | null | undefined, ...anyOf: Permission[]): boolean {
  if (!session) return false;
  return anyOf.length === 0 || anyOf.some((p) => session.user.permissions.includes(p));
}

export function useCan(...anyOf: Permission[]): boolean {
  const { data } = useSessionQuery();
  return can(data, ...anyOf);
}

export async function login(username: string, password: string): Promise<Session> {
  const session = await api.post<Session>(
    '/auth/login',
    { username, password },
    { allowUnauthenticated: true },
  );
  queryClient.removeQueries();
  queryClient.setQueryData(SESSION_KEY, session);
  return session;
}

type Navigate = (to: string) => void;
let navigateTo: Navigate = (to) => window.location.assign(to);

/** Drops every cached answer and returns to the login page, optionally with a message there. */
export function endSession(message?: string): void {
  if (message) setFlash(message);
  realtime.disconnect();
  queryClient.cancelQueries();
  queryClient.removeQueries();
  queryClient.setQueryData(SESSION_KEY, null);
  navigateTo('/login');
}

export async function logout(): Promise<void> {
  // The server tells the session's live channels it ended; this tab is leaving anyway.
  realtime.disconnect();
  try {
    await api.post('/auth/logout', {}, { allowUnauthenticated: true });
  } finally {
    endSession();
  }
}

/** The router registers how to change page from outside React. */
export function setNavigator(navigate: Navigate): void {
  navigateTo = navigate;
}

/** Wires the api client and the realtime channel to the session; called once at start-up. */
export function installSessionHandling(): void {
  setSessionEndHandler((error) => endSession(error.message));
  realtime.onSessionEnded((reason, message) =>
    endSession(message ?? t(`errors.${reason}`, { defaultValue: t('errors.UNAUTHENTICATED') })),
  );
}
