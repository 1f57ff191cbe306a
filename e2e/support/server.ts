import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));
const READY_TIMEOUT_MS = 60_000;
const LOG_LIMIT = 200_000;

export interface TestServer {
  /** `http://127.0.0.1:<port>` */
  url: string;
  dataDir: string;
  /** What the server printed so far (tail), for failure messages. */
  logs(): string;
  stop(): Promise<void>;
  /** kill -9: no shutdown at all, the data stays for a restart. */
  crash(): Promise<void>;
}

export interface StartOptions {
  /** Reuse this data folder (and database) instead of a fresh one; it is kept on stop. */
  dataDir?: string;
  /** Load the demo data into an empty database (default true). */
  demo?: boolean;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.unref();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

function exited(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    else child.once('exit', () => resolve());
  });
}

/**
 * Starts the real server (`node --import tsx server/src/main.ts`) on a free port with a fresh SQLite
 * database and the demo data, serving the built web app from web/dist; resolves once /readyz answers 200.
 */
export async function startServer(
  extraEnv: Record<string, string> = {},
  options: StartOptions = {},
): Promise<TestServer> {
  if (options.dataDir === undefined && !existsSync(join(REPO_ROOT, 'web/dist/index.html'))) {
    throw new Error(
      'web/dist is missing: run `npm run build` (npm run test:e2e does it) before the e2e specs',
    );
  }
  const ownsData = options.dataDir === undefined;
  const dataDir = options.dataDir ?? (await mkdtemp(join(tmpdir(), 'matriz-e2e-')));
  const port = await freePort();
  // What the caller gives wins; the test runner's own clock and node options are not inherited.
  const { MATRIZ_CLOCK: _clock, NODE_OPTIONS: _options, ...inherited } = process.env;
  const env: NodeJS.ProcessEnv = {
    ...inherited,
    PORT: String(port),
    HOST: '127.0.0.1',
    DATABASE_URL: `sqlite:${join(dataDir, 'e2e.db')}`,
    MATRIZ_DEMO: options.demo === false ? '0' : '1',
    MATRIZ_DATA_DIR: dataDir,
    ...extraEnv,
  };

  const child = spawn(process.execPath, ['--import', 'tsx', 'server/src/main.ts'], {
    cwd: REPO_ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const collect = (chunk: Buffer) => {
    output += chunk.toString();
    if (output.length > LOG_LIMIT) output = output.slice(-LOG_LIMIT / 2);
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);

  const url = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited(child);
      clearTimeout(timer);
    }
    if (ownsData) await rm(dataDir, { recursive: true, force: true });
  };
  const crash = async () => {
    child.kill('SIGKILL');
    await exited(child);
  };

  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      await stop();
      throw new Error(
        `the server exited with code ${child.exitCode} before it was ready:\n${output.slice(-4000)}`,
      );
    }
    try {
      const response = await fetch(`${url}/readyz`);
      if (response.status === 200) {
        return { url, dataDir, logs: () => output, stop, crash };
      }
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  await stop();
  throw new Error(
    `the server did not answer /readyz within ${READY_TIMEOUT_MS / 1000} s:\n${output.slice(-4000)}`,
  );
}
