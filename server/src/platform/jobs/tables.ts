import type { Kysely, Transaction } from 'kysely';
import type { PlatformTables } from '../db/tables.ts';

export type JobOutcome = 'ok' | 'retrying' | 'failed' | 'alert';
export type RunOutcome = 'running' | JobOutcome;
export type RunTrigger = 'schedule' | 'retry' | 'manual';

export interface JobsTable {
  name: string;
  schedule_json: string;
  next_run_at: string;
  lease_owner: string | null;
  lease_until: string | null;
  attempts: number;
  last_run_at: string | null;
  last_finished_at: string | null;
  last_outcome: JobOutcome | null;
  last_error: string | null;
  created_at: string;
  updated_at: string;
}

export interface JobRunsTable {
  id: string;
  job_name: string;
  trigger: RunTrigger;
  attempt: number;
  instance_id: string;
  scheduled_for: string | null;
  started_at: string;
  finished_at: string | null;
  outcome: RunOutcome;
  error: string | null;
  result_json: string | null;
  requested_by: string | null;
}

export type JobsTables = {
  jobs: JobsTable;
  job_runs: JobRunsTable;
};

export type JobsSchema = PlatformTables & JobsTables;
export type JobsDb = Kysely<JobsSchema> | Transaction<JobsSchema>;

export function jobsDb(db: Kysely<PlatformTables> | Transaction<PlatformTables>): JobsDb {
  return db.withTables<JobsTables>();
}
