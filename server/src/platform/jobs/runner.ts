import { newId } from '../ids.ts';
import type { Platform } from '../platform.ts';
import { executeJob } from './execute-job.ts';
import { DEFAULT_LEASE_MS, type JobDefinition } from './job.ts';
import { claimDueJob } from './jobs.repo.ts';
import { registerJobs } from './register-jobs.ts';
import { jobsDb } from './tables.ts';

export interface JobRunnerOptions {
  /** Identifies this server instance in leases and run history. */
  instanceId?: string;
  /** How often to look for due jobs (default 15 s). */
  pollMs?: number;
  log?: { error(object: unknown, message?: string): void };
}

/**
 * Polls the schedule and runs the due jobs it can lease. Any number of instances may poll the same
 * database: the lease makes each run happen once.
 */
export class JobRunner {
  readonly instanceId: string;
  private registered = false;
  private readonly byName: Map<string, JobDefinition>;

  constructor(
    private readonly platform: Platform,
    jobs: JobDefinition[],
    instanceId?: string,
  ) {
    this.instanceId = instanceId ?? newId();
    this.byName = new Map(jobs.map((j) => [j.name, j]));
  }

  /** One pass: claims and runs every due job, one after the other. Returns how many ran. */
  async tick(): Promise<number> {
    if (!this.registered) {
      await registerJobs(this.platform, [...this.byName.values()]);
      this.registered = true;
    }
    let ran = 0;
    for (const job of this.byName.values()) {
      const now = this.platform.clock.now();
      const leaseUntil = new Date(now.getTime() + (job.leaseMs ?? DEFAULT_LEASE_MS)).toISOString();
      const row = await claimDueJob(
        jobsDb(this.platform.db),
        job.name,
        this.instanceId,
        leaseUntil,
        now.toISOString(),
      );
      if (!row) continue;
      await executeJob(this.platform, job, { row, owner: this.instanceId, manual: false, requestedBy: null });
      ran += 1;
    }
    return ran;
  }
}

/**
 * Starts polling; returns a function that stops it and waits for the run in progress.
 * main.ts starts it after the migrations: `const stopJobs = startJobRunner(platform, jobs, { pollMs })`.
 */
export function startJobRunner(
  platform: Platform,
  jobs: JobDefinition[],
  options: JobRunnerOptions = {},
): () => Promise<void> {
  const runner = new JobRunner(platform, jobs, options.instanceId);
  const pollMs = options.pollMs ?? 15_000;
  const log = options.log ?? { error: (object: unknown, message?: string) => console.error(message, object) };
  let stopped = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let current: Promise<void> = Promise.resolve();

  const loop = () => {
    if (stopped) return;
    current = runner
      .tick()
      .then(() => undefined)
      .catch((error: unknown) => log.error({ err: error }, 'job runner pass failed'))
      .finally(() => {
        if (!stopped) {
          timer = setTimeout(loop, pollMs);
          timer.unref?.();
        }
      });
  };
  timer = setTimeout(loop, 0);
  timer.unref?.();

  return async () => {
    stopped = true;
    clearTimeout(timer);
    await current;
  };
}
