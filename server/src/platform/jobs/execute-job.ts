import { newId } from '../ids.ts';
import { notifyNow } from '../notifications/notify.ts';
import type { Platform } from '../platform.ts';
import { DEFAULT_MAX_ATTEMPTS, DEFAULT_RETRY_BASE_MS, JobAlert, type JobDefinition } from './job.ts';
import { findRun, finishRun, insertRun, releaseJob } from './jobs.repo.ts';
import { backoffMs, nextRunAfter } from './schedule.ts';
import { type JobOutcome, type JobRunsTable, type JobsTable, jobsDb, type RunTrigger } from './tables.ts';

export interface Claim {
  row: JobsTable;
  owner: string;
  manual: boolean;
  requestedBy: string | null;
}

const MAX_ERROR = 2000;

function errorText(error: unknown): string {
  const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return text.slice(0, MAX_ERROR);
}

function resultJson(value: unknown): string | null {
  if (value === undefined || value === null) return null;
  try {
    return JSON.stringify(value).slice(0, 20_000);
  } catch {
    return null;
  }
}

/**
 * Runs a job whose lease this instance holds, records the run, then sets the next run and gives the
 * lease back: on success the next scheduled slot; on failure a retry after an exponential back-off,
 * until maxAttempts, then the next slot (and the admins are told). A run by hand that fails does not
 * retry: the admin sees the error on the screen.
 */
export async function executeJob(
  platform: Platform,
  job: JobDefinition,
  claim: Claim,
): Promise<JobRunsTable> {
  const db = jobsDb(platform.db);
  const { row, owner, manual } = claim;
  const started = platform.clock.now();
  const attempt = manual ? 1 : row.attempts + 1;
  const trigger: RunTrigger = manual ? 'manual' : row.attempts > 0 ? 'retry' : 'schedule';
  const runId = newId();
  await insertRun(db, {
    id: runId,
    job_name: job.name,
    trigger,
    attempt,
    instance_id: owner,
    scheduled_for: manual ? null : row.next_run_at,
    started_at: started.toISOString(),
    finished_at: null,
    outcome: 'running',
    error: null,
    result_json: null,
    requested_by: claim.requestedBy,
  });

  let outcome: JobOutcome = 'ok';
  let error: string | null = null;
  let result: unknown = null;
  try {
    result = await job.run(platform, { now: started, runId, attempt, trigger, instanceId: owner });
  } catch (cause) {
    error = errorText(cause);
    if (cause instanceof JobAlert) {
      outcome = 'alert';
      result = cause.result;
    } else {
      outcome = 'failed';
    }
  }

  const finished = platform.clock.now();
  const zone = platform.config.timezone;
  const scheduled = () => nextRunAfter(job.schedule, finished, zone).toISOString();
  let nextRunAt = row.next_run_at;
  let attempts = row.attempts;
  if (manual) {
    // A run by hand leaves the schedule alone, except that a slot it just covered is not run again.
    if (outcome !== 'failed' && row.next_run_at <= finished.toISOString() && row.attempts === 0) {
      nextRunAt = scheduled();
    }
  } else if (outcome === 'failed' && attempt < (job.maxAttempts ?? DEFAULT_MAX_ATTEMPTS)) {
    outcome = 'retrying';
    attempts = attempt;
    nextRunAt = new Date(
      finished.getTime() + backoffMs(attempt, job.retryBaseMs ?? DEFAULT_RETRY_BASE_MS),
    ).toISOString();
  } else {
    attempts = 0;
    nextRunAt = scheduled();
  }

  await finishRun(db, runId, {
    finished_at: finished.toISOString(),
    outcome,
    error,
    result_json: resultJson(result),
  });
  await releaseJob(db, job.name, owner, {
    next_run_at: nextRunAt,
    attempts,
    last_run_at: started.toISOString(),
    last_finished_at: finished.toISOString(),
    last_outcome: outcome,
    last_error: error,
    updated_at: finished.toISOString(),
  });

  if (outcome === 'failed' && !manual) {
    await notifyNow(platform, {
      permission: 'platform.jobs.manage',
      kind: 'job.failed',
      title: { key: 'notifications.job_failed.title', values: { job: job.name } },
      body: { key: 'notifications.job_failed.body', values: { job: job.name, attempts: attempt, error } },
      link: '/admin/jobs',
      email: true,
    }).catch((cause) => console.error('job failure notification failed', job.name, cause));
  }
  return (await findRun(db, runId))!;
}
