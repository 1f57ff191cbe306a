import type { Permission } from '@matriz/shared/auth/permissions';
import type {
  FastifyBaseLogger,
  FastifyInstance,
  RawReplyDefaultExpression,
  RawRequestDefaultExpression,
  RawServerDefault,
} from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Actor } from '../audit/audit.ts';

/** Who is asking: a browser session or an API token, with the permissions it carries. */
export interface AuthContext {
  userId: string;
  username: string;
  fullName: string;
  roles: string[];
  permissions: Set<Permission>;
  sessionId: string | null;
  tokenId: string | null;
}

/**
 * Every route says what it needs: `public`, `authenticated`, or one permission (or any of a
 * list). API routes without a declaration need a signed-in user.
 */
export type RouteAccess = 'public' | 'authenticated' | Permission | readonly Permission[];

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: RouteAccess;
  }
  interface FastifyRequest {
    auth: AuthContext | null;
    actor: Actor;
  }
}

export type App = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
  ZodTypeProvider
>;
