import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { MODULES, type ModuleName } from '@matriz/shared/auth/permissions';

export type DemoProfile = 'dr' | 'cr' | 'none';

export interface Config {
  port: number;
  host: string;
  databaseUrl: string;
  dataDir: string;
  modules: ModuleName[];
  demo: DemoProfile;
  clockStart: string | null;
  secret: string;
  timezone: string;
  production: boolean;
  /** Minutes of inactivity after which a browser session ends. */
  sessionIdleMinutes: number;
  /** Consecutive failed logins that lock an account, and for how long. */
  lockoutThreshold: number;
  lockoutMinutes: number;
  webDir: string | null;
  logLevel: string;
}

export class ConfigError extends Error {}

function parseDemo(value: string | undefined): DemoProfile {
  switch ((value ?? '0').toLowerCase()) {
    case '1':
    case 'dr':
    case 'true':
      return 'dr';
    case 'cr':
      return 'cr';
    case '0':
    case '':
    case 'false':
    case 'none':
      return 'none';
    default:
      throw new ConfigError(`MATRIZ_DEMO must be dr, 1, cr or 0 (got "${value}")`);
  }
}

function parseModules(value: string | undefined): ModuleName[] {
  const names = (value ?? MODULES.join(','))
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  for (const name of names) {
    if (!(MODULES as readonly string[]).includes(name)) {
      throw new ConfigError(`MATRIZ_MODULES: unknown module "${name}" (known: ${MODULES.join(', ')})`);
    }
  }
  return names as ModuleName[];
}

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** The operator secret signs tickets and encrypts stored passwords; generated once into the data folder. */
function loadSecret(dataDir: string, fromEnv: string | undefined): string {
  if (fromEnv) return fromEnv;
  const file = join(dataDir, 'secret.key');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(32).toString('hex');
  writeFileSync(file, `${secret}\n`, { mode: 0o600 });
  return secret;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const production = env.NODE_ENV === 'production';
  const dataDir = resolve(env.MATRIZ_DATA_DIR ?? 'data');
  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new ConfigError(`PORT is not a port: ${env.PORT}`);
  const clockStart = env.MATRIZ_CLOCK?.trim() || null;
  if (clockStart && production) throw new ConfigError('MATRIZ_CLOCK is refused when NODE_ENV=production');
  if (clockStart && Number.isNaN(Date.parse(clockStart))) {
    throw new ConfigError(`MATRIZ_CLOCK is not an ISO-8601 instant: ${clockStart}`);
  }
  const timezone = env.MATRIZ_TIMEZONE ?? 'America/Santo_Domingo';
  if (!isTimeZone(timezone)) throw new ConfigError(`MATRIZ_TIMEZONE is not an IANA time zone: ${timezone}`);
  const webDir = resolve(env.MATRIZ_WEB_DIR ?? 'web/dist');
  return {
    port,
    host: env.HOST ?? '127.0.0.1',
    databaseUrl: env.DATABASE_URL ?? `sqlite:${join(dataDir, 'matriz.db')}`,
    dataDir,
    modules: parseModules(env.MATRIZ_MODULES),
    demo: parseDemo(env.MATRIZ_DEMO),
    clockStart,
    secret: loadSecret(dataDir, env.MATRIZ_SECRET),
    timezone,
    production,
    sessionIdleMinutes: Number(env.MATRIZ_SESSION_IDLE_MINUTES ?? 480),
    lockoutThreshold: 5,
    lockoutMinutes: 15,
    webDir: existsSync(webDir) ? webDir : null,
    logLevel: env.LOG_LEVEL ?? (env.NODE_ENV === 'test' ? 'silent' : 'info'),
  };
}
