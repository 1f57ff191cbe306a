import { type Permission, permissionsOf } from '@matriz/shared/auth/permissions';
import type { FastifyRequest } from 'fastify';
import { AppError, forbidden } from '../errors.ts';
import type { App, AuthContext, RouteAccess } from '../http/types.ts';
import { sha256 } from '../ids.ts';
import type { Platform } from '../platform.ts';
import {
  endSession,
  findApiTokenByHash,
  findSessionByTokenHash,
  touchApiToken,
  touchSession,
} from './sessions.repo.ts';
import { findUserById } from './users.repo.ts';

export const SESSION_COOKIE = 'matriz_sid';
/** Writing last_seen_at on every request would make reads write; once a minute is enough for an idle timeout. */
const TOUCH_EVERY_MS = 60_000;
const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

const endReasonCodes: Record<string, string> = {
  replaced: 'SESSION_REPLACED',
  idle: 'SESSION_EXPIRED',
  deactivated: 'USER_INACTIVE',
};

/**
 * A signed-in screen asks many times a second; its session is re-read at most every two seconds
 * (by the platform clock). Ended sessions are forgotten at once in this process (`forgetSessions`)
 * and, through the event bus, in the others.
 */
const SESSION_CACHE_MS = 2000;
const SESSION_CACHE_MAX = 10_000;
interface SessionCache {
  entries: Map<string, { auth: AuthContext; until: number }>;
  /** Lookups under way, so that the requests of one screen arriving together read the session once. */
  lookups: Map<string, Promise<AuthContext>>;
  /** Raised by forgetSessions: a lookup that started before must not put back what was forgotten. */
  forgotten: number;
}

const sessionCaches = new WeakMap<Platform, SessionCache>();

function sessionCache(platform: Platform): SessionCache {
  let cache = sessionCaches.get(platform);
  if (!cache) {
    cache = { entries: new Map(), lookups: new Map(), forgotten: 0 };
    sessionCaches.set(platform, cache);
  }
  return cache;
}

export function forgetSessions(platform: Platform, sessionIds: readonly string[]): void {
  const cache = sessionCache(platform);
  cache.forgotten += 1;
  cache.lookups.clear();
  for (const [key, entry] of cache.entries)
    if (entry.auth.sessionId && sessionIds.includes(entry.auth.sessionId)) cache.entries.delete(key);
}

async function fromCachedSession(platform: Platform, token: string): Promise<AuthContext> {
  const cache = sessionCache(platform);
  const key = sha256(token);
  const cached = cache.entries.get(key);
  if (cached && cached.until > platform.clock.now().getTime()) return cached.auth;
  const underWay = cache.lookups.get(key);
  if (underWay) return underWay;
  const forgotten = cache.forgotten;
  const lookup = fromSession(platform, token).then((auth) => {
    if (cache.forgotten === forgotten) {
      if (cache.entries.size >= SESSION_CACHE_MAX) cache.entries.clear();
      cache.entries.set(key, { auth, until: platform.clock.now().getTime() + SESSION_CACHE_MS });
    }
    return auth;
  });
  cache.lookups.set(key, lookup);
  try {
    return await lookup;
  } finally {
    if (cache.lookups.get(key) === lookup) cache.lookups.delete(key);
  }
}

async function fromSession(platform: Platform, token: string): Promise<AuthContext> {
  const { db, clock, config } = platform;
  const session = await findSessionByTokenHash(db, sha256(token));
  if (!session) throw new AppError('UNAUTHENTICATED', 401);
  if (session.ended_at)
    throw new AppError(endReasonCodes[session.end_reason ?? ''] ?? 'UNAUTHENTICATED', 401);
  const now = clock.now();
  const idleMs = now.getTime() - Date.parse(session.last_seen_at);
  if (idleMs > config.sessionIdleMinutes * 60_000) {
    await endSession(db, session.id, 'idle', now.toISOString());
    throw new AppError('SESSION_EXPIRED', 401);
  }
  const user = await findUserById(db, session.user_id);
  if (user?.active !== 1) throw new AppError('USER_INACTIVE', 401);
  if (idleMs > TOUCH_EVERY_MS) await touchSession(db, session.id, now.toISOString());
  return {
    userId: user.id,
    username: user.username,
    fullName: user.full_name,
    roles: user.roles,
    permissions: new Set(permissionsOf(user.roles)),
    sessionId: session.id,
    tokenId: null,
  };
}

async function fromApiToken(platform: Platform, token: string): Promise<AuthContext> {
  const { db, clock } = platform;
  const row = await findApiTokenByHash(db, sha256(token));
  const now = clock.now();
  if (!row || row.revoked_at || (row.expires_at && Date.parse(row.expires_at) <= now.getTime())) {
    throw new AppError('UNAUTHENTICATED', 401);
  }
  const user = await findUserById(db, row.user_id);
  if (user?.active !== 1) throw new AppError('USER_INACTIVE', 401);
  const scopes = new Set(JSON.parse(row.scopes) as string[]);
  const permissions = permissionsOf(user.roles).filter((p) => scopes.has(p));
  if (!row.last_used_at || now.getTime() - Date.parse(row.last_used_at) > TOUCH_EVERY_MS) {
    await touchApiToken(db, row.id, now.toISOString());
  }
  return {
    userId: user.id,
    username: user.username,
    fullName: user.full_name,
    roles: user.roles,
    permissions: new Set(permissions),
    sessionId: null,
    tokenId: row.id,
  };
}

function bearerToken(request: FastifyRequest): string | null {
  const header = request.headers.authorization;
  if (!header) return null;
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  return match ? match[1] : null;
}

/** Browsers send Origin on unsafe requests; one that names another site is refused (CSRF). */
function checkOrigin(request: FastifyRequest): void {
  const origin = request.headers.origin;
  if (!origin) return;
  let host: string;
  try {
    host = new URL(origin).host;
  } catch {
    throw new AppError('CSRF_REJECTED', 403);
  }
  if (host !== request.headers.host) throw new AppError('CSRF_REJECTED', 403);
}

export function hasAccess(auth: AuthContext, access: RouteAccess): boolean {
  if (access === 'public' || access === 'authenticated') return true;
  const needed: readonly Permission[] = typeof access === 'string' ? [access as Permission] : access;
  return needed.some((p) => auth.permissions.has(p));
}

export function installAuthGuard(app: App, platform: Platform): void {
  app.decorateRequest('auth', null);
  app.decorateRequest('actor', null as never);
  const unsubscribe = platform.bus.subscribe((event) => {
    if (event.type === 'session.ended') forgetSessions(platform, event.audience?.sessionIds ?? []);
  });
  app.addHook('onClose', async () => unsubscribe());
  app.addHook('onRequest', async (request) => {
    request.actor = { userId: null, username: null, ip: request.ip };
    const matchedApiRoute = request.routeOptions.url?.startsWith('/api/v1/') ?? false;
    const access = request.routeOptions.config?.access ?? (matchedApiRoute ? 'authenticated' : 'public');
    const bearer = bearerToken(request);
    const cookie = request.cookies[SESSION_COOKIE];
    if (!bearer && cookie && UNSAFE_METHODS.has(request.method)) checkOrigin(request);
    if (access === 'public') {
      return;
    }
    if (!bearer && !cookie) throw new AppError('UNAUTHENTICATED', 401);
    const auth = bearer ? await fromApiToken(platform, bearer) : await fromCachedSession(platform, cookie!);
    if (!hasAccess(auth, access)) {
      throw forbidden(typeof access === 'string' ? access : access.join('|'));
    }
    request.auth = auth;
    request.actor = { userId: auth.userId, username: auth.username, ip: request.ip };
  });
}
