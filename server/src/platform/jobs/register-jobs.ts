import type { Platform } from '../platform.ts';
import type { JobDefinition } from './job.ts';
import { insertJobIfMissing, updateJobSchedule } from './jobs.repo.ts';
import { checkSchedule, nextRunAfter } from './schedule.ts';
import { jobsDb } from './tables.ts';

/** Makes sure every known job has its row; a job seen for the first time waits for its first slot. */
export async function registerJobs(platform: Platform, jobs: JobDefinition[]): Promise<void> {
  const names = new Set<string>();
  for (const job of jobs) {
    if (names.has(job.name)) throw new Error(`Duplicate job: ${job.name}`);
    names.add(job.name);
    checkSchedule(job.schedule);
  }
  const db = jobsDb(platform.db);
  const now = platform.clock.now();
  const at = now.toISOString();
  for (const job of jobs) {
    const scheduleJson = JSON.stringify(job.schedule);
    const nextRunAt = nextRunAfter(job.schedule, now, platform.config.timezone).toISOString();
    await insertJobIfMissing(db, {
      name: job.name,
      schedule_json: scheduleJson,
      next_run_at: nextRunAt,
      lease_owner: null,
      lease_until: null,
      attempts: 0,
      last_run_at: null,
      last_finished_at: null,
      last_outcome: null,
      last_error: null,
      created_at: at,
      updated_at: at,
    });
    await updateJobSchedule(db, job.name, scheduleJson, nextRunAt, at);
  }
}
