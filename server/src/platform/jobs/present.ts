import type { JobRunView, JobView } from '@matriz/shared/api/jobs';
import type { ScheduleSpec } from './schedule.ts';
import type { JobRunsTable, JobsTable } from './tables.ts';

export function presentJob(row: JobsTable, registered: boolean, now: Date): JobView {
  return {
    name: row.name,
    schedule: JSON.parse(row.schedule_json) as ScheduleSpec,
    registered,
    next_run_at: row.next_run_at,
    running: row.lease_until !== null && row.lease_until > now.toISOString(),
    lease_owner: row.lease_owner,
    lease_until: row.lease_until,
    attempts: row.attempts,
    last_run_at: row.last_run_at,
    last_finished_at: row.last_finished_at,
    last_outcome: row.last_outcome,
    last_error: row.last_error,
  };
}

export function presentRun(row: JobRunsTable): JobRunView {
  return {
    id: row.id,
    job_name: row.job_name,
    trigger: row.trigger,
    attempt: row.attempt,
    instance_id: row.instance_id,
    scheduled_for: row.scheduled_for,
    started_at: row.started_at,
    finished_at: row.finished_at,
    outcome: row.outcome,
    error: row.error,
    result: row.result_json === null ? null : JSON.parse(row.result_json),
    requested_by: row.requested_by,
  };
}
