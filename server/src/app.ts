import fastifyCookie from '@fastify/cookie';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import fastifyWebsocket from '@fastify/websocket';
import Fastify from 'fastify';
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import { registerAuditRoutes } from './platform/audit/audit.routes.ts';
import { registerAuthRoutes } from './platform/auth/auth.routes.ts';
import { installAuthGuard } from './platform/auth/guard.ts';
import { registerUserRoutes } from './platform/auth/users.routes.ts';
import type { Clock } from './platform/clock.ts';
import type { Config } from './platform/config.ts';
import type { Database } from './platform/db/database.ts';
import { AppError } from './platform/errors.ts';
import { EventBus } from './platform/events/bus.ts';
import { registerRealtimeRoutes } from './platform/events/ws.routes.ts';
import { registerCertificateRoutes } from './platform/exports/sign-pdf.routes.ts';
import { installErrorHandling, sendError } from './platform/http/error-handler.ts';
import { Metrics } from './platform/http/metrics.ts';
import { helmetHeaders } from './platform/http/security-headers.ts';
import type { App, RouteAccess } from './platform/http/types.ts';
import { newId } from './platform/ids.ts';
import { platformJobs } from './platform/jobs/audit-verify.job.ts';
import type { JobDefinition } from './platform/jobs/job.ts';
import { registerJobRoutes } from './platform/jobs/jobs.routes.ts';
import { registerMailRoutes } from './platform/mail/mail.routes.ts';
import { closeMail } from './platform/mail/mailer.ts';
import { registerNotificationRoutes } from './platform/notifications/notifications.routes.ts';
import { createPlatform, type ModuleDefinition, type Platform } from './platform/platform.ts';

export interface AppDeps {
  config: Config;
  database: Database;
  clock: Clock;
  modules: ModuleDefinition[];
}

export interface BuiltApp {
  app: App;
  platform: Platform;
  metrics: Metrics;
  jobs: JobDefinition[];
  /** Every route with the access it declares, for the permission matrix. */
  routes: { method: string; url: string; access: RouteAccess | undefined }[];
}

const BODY_LIMIT = 1024 * 1024;

/** Builds the whole HTTP application from injected parts; tests call this with their own database and clock. */
export async function buildApp(deps: AppDeps): Promise<BuiltApp> {
  const { config, database, clock } = deps;
  const bus = new EventBus(database.pool, database.schema);
  await bus.start();
  const platform = createPlatform(database, clock, config, bus);
  const metrics = new Metrics();
  const modules = deps.modules.filter((m) => config.modules.includes(m.name));
  const jobs = [...platformJobs, ...modules.flatMap((m) => m.jobs ?? [])];

  const app = Fastify({
    logger: { level: config.logLevel },
    genReqId: () => newId(),
    bodyLimit: BODY_LIMIT,
    trustProxy: false,
    routerOptions: { maxParamLength: 200 },
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  installErrorHandling(app);
  const routes: BuiltApp['routes'] = [];
  app.addHook('onRoute', (route) => {
    for (const method of [route.method].flat()) {
      if (method !== 'HEAD') routes.push({ method, url: route.url, access: route.config?.access });
    }
  });
  app.addHook('onClose', async () => bus.stop());
  app.addHook('onClose', async () => closeMail(platform));

  await app.register(fastifyCookie);
  const securityHeaders = helmetHeaders({
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        connectSrc: ["'self'", 'ws:', 'wss:'],
        mediaSrc: ["'self'", 'data:', 'blob:'],
        workerSrc: ["'self'", 'blob:'],
        // Phones reach the server over plain HTTP on the LAN (HOST=0.0.0.0): upgrading would send
        // every asset request to an https:// port nobody listens on, and the page stays blank.
        upgradeInsecureRequests: null,
      },
    },
    crossOriginEmbedderPolicy: false,
  });
  app.addHook('onRequest', (_request, reply, done) => {
    reply.headers(securityHeaders);
    done();
  });
  await app.register(fastifyRateLimit, {
    global: false,
    errorResponseBuilder: () => Object.assign(new AppError('RATE_LIMITED', 429), { statusCode: 429 }),
  });
  await app.register(fastifyWebsocket, { options: { maxPayload: 64 * 1024 } });
  await app.register(fastifySwagger, {
    openapi: {
      info: {
        title: 'Matriz API',
        version: '1.0.0',
        description: 'API de Matriz (casa matriz). Errores: {success:false,error:{code,message,details}}',
      },
      components: {
        securitySchemes: {
          bearer: { type: 'http', scheme: 'bearer' },
          cookie: { type: 'apiKey', in: 'cookie', name: 'matriz_sid' },
        },
      },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs', staticCSP: true });

  metrics.install(app);
  installAuthGuard(app, platform);

  app.get('/healthz', { schema: { hide: true } }, async () => ({ status: 'ok' }));
  app.get('/readyz', { schema: { hide: true } }, async (request, reply) => {
    try {
      await platform.db.selectFrom('audit_head').select('seq').limit(1).execute();
      return { status: 'ready', engine: database.engine };
    } catch {
      return sendError(request, reply.status(503), { status: 503, code: 'NOT_READY', details: {} });
    }
  });
  app.get('/metrics', { schema: { hide: true } }, async (_request, reply) =>
    reply.type('text/plain; version=0.0.4').send(metrics.render()),
  );
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  await app.register(
    async (api) => {
      const typed = api as unknown as App;
      registerAuthRoutes(typed, platform);
      registerUserRoutes(typed, platform);
      registerAuditRoutes(typed, platform);
      registerRealtimeRoutes(typed, platform);
      registerJobRoutes(typed, platform, jobs);
      registerNotificationRoutes(typed, platform);
      registerMailRoutes(typed, platform);
      registerCertificateRoutes(typed, platform);
      for (const module of modules) await module.routes(typed, platform);
    },
    { prefix: '/api/v1' },
  );

  if (config.webDir) {
    await app.register(fastifyStatic, {
      root: config.webDir,
      prefix: '/',
      index: 'index.html',
      preCompressed: true,
      // Hashed assets never change, so phones on slow data keep them; the page itself is always revalidated.
      setHeaders: (res, path) => {
        res.header(
          'cache-control',
          /[\\/]assets[\\/]/.test(path) ? 'public, max-age=31536000, immutable' : 'no-cache',
        );
      },
    });
  }
  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split('?')[0];
    const wantsPage =
      request.method === 'GET' && config.webDir && !path.startsWith('/api') && !path.startsWith('/assets/');
    if (wantsPage) return reply.header('cache-control', 'no-cache').type('text/html').sendFile('index.html');
    return sendError(request, reply, { status: 404, code: 'ROUTE_NOT_FOUND', details: { path } });
  });

  return { app: app as unknown as App, platform, metrics, jobs, routes };
}
