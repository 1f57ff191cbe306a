import type { Platform } from '../platform.ts';
import type { ScheduleSpec } from './schedule.ts';
import type { RunTrigger } from './tables.ts';

export interface JobContext {
  /** The instant the run started (from the platform clock). */
  now: Date;
  runId: string;
  /** 1 on the scheduled run, 2… on retries. */
  attempt: number;
  trigger: RunTrigger;
  instanceId: string;
}

/**
 * A scheduled job. It must be idempotent: a run can be retried after a failure, run by hand, or
 * (after a crash mid-run) run again once its lease expires. Whatever it returns (JSON) is kept with
 * the run as its result.
 */
export interface JobDefinition {
  /** Stable name, `<module>.<what>`, e.g. `lottery.draws.generate`. */
  name: string;
  schedule: ScheduleSpec;
  run(platform: Platform, context: JobContext): Promise<unknown>;
  /** Attempts before the run counts as failed and waits for its next scheduled time (default 3). */
  maxAttempts?: number;
  /** First retry delay; doubles on every further attempt (default 1 minute). */
  retryBaseMs?: number;
  /** How long a run may take before another instance may take it over (default 15 minutes). */
  leaseMs?: number;
}

export const DEFAULT_MAX_ATTEMPTS = 3;
export const DEFAULT_RETRY_BASE_MS = 60_000;
export const DEFAULT_LEASE_MS = 15 * 60_000;

/**
 * Thrown by a job that ran but found a problem and already raised the alert (e.g. a broken audit
 * chain): the run is recorded with outcome `alert`, without retries.
 */
export class JobAlert extends Error {
  constructor(
    message: string,
    readonly result: unknown = null,
  ) {
    super(message);
    this.name = 'JobAlert';
  }
}
