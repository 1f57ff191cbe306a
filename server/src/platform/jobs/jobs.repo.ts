import { countAll } from '../db/sql.ts';
import type { JobRunsTable, JobsDb, JobsTable } from './tables.ts';

export async function listJobRows(db: JobsDb): Promise<JobsTable[]> {
  return db.selectFrom('jobs').selectAll().orderBy('name').execute();
}

export async function findJobRow(db: JobsDb, name: string): Promise<JobsTable | undefined> {
  return db.selectFrom('jobs').selectAll().where('name', '=', name).executeTakeFirst();
}

/** Creates the job's row the first time a server knows the job; a no-op afterwards. */
export async function insertJobIfMissing(db: JobsDb, row: JobsTable): Promise<void> {
  await db
    .insertInto('jobs')
    .values(row)
    .onConflict((oc) => oc.column('name').doNothing())
    .execute();
}

/** A changed schedule (new release) moves the next run; unchanged rows are left alone. */
export async function updateJobSchedule(
  db: JobsDb,
  name: string,
  scheduleJson: string,
  nextRunAt: string,
  at: string,
): Promise<void> {
  await db
    .updateTable('jobs')
    .set({ schedule_json: scheduleJson, next_run_at: nextRunAt, updated_at: at })
    .where('name', '=', name)
    .where('schedule_json', '<>', scheduleJson)
    .execute();
}

/**
 * Takes the lease of a due job: ONE conditional UPDATE, so of several instances polling at once
 * exactly one gets the row back (works the same on SQLite and PostgreSQL, no FOR UPDATE).
 */
export async function claimDueJob(
  db: JobsDb,
  name: string,
  owner: string,
  leaseUntil: string,
  now: string,
): Promise<JobsTable | undefined> {
  return db
    .updateTable('jobs')
    .set({ lease_owner: owner, lease_until: leaseUntil })
    .where('name', '=', name)
    .where('next_run_at', '<=', now)
    .where((eb) => eb.or([eb('lease_until', 'is', null), eb('lease_until', '<', now)]))
    .returningAll()
    .executeTakeFirst();
}

/** Takes the lease for a run by hand: due or not, as long as no run holds it. */
export async function claimJobNow(
  db: JobsDb,
  name: string,
  owner: string,
  leaseUntil: string,
  now: string,
): Promise<JobsTable | undefined> {
  return db
    .updateTable('jobs')
    .set({ lease_owner: owner, lease_until: leaseUntil })
    .where('name', '=', name)
    .where((eb) => eb.or([eb('lease_until', 'is', null), eb('lease_until', '<', now)]))
    .returningAll()
    .executeTakeFirst();
}

/** Records the outcome and gives the lease back, only if this owner still holds it. */
export async function releaseJob(
  db: JobsDb,
  name: string,
  owner: string,
  changes: Pick<
    JobsTable,
    | 'next_run_at'
    | 'attempts'
    | 'last_run_at'
    | 'last_finished_at'
    | 'last_outcome'
    | 'last_error'
    | 'updated_at'
  >,
): Promise<boolean> {
  const result = await db
    .updateTable('jobs')
    .set({ ...changes, lease_owner: null, lease_until: null })
    .where('name', '=', name)
    .where('lease_owner', '=', owner)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function insertRun(db: JobsDb, row: JobRunsTable): Promise<void> {
  await db.insertInto('job_runs').values(row).execute();
}

export async function finishRun(
  db: JobsDb,
  id: string,
  changes: Pick<JobRunsTable, 'finished_at' | 'outcome' | 'error' | 'result_json'>,
): Promise<void> {
  await db.updateTable('job_runs').set(changes).where('id', '=', id).execute();
}

export async function findRun(db: JobsDb, id: string): Promise<JobRunsTable | undefined> {
  return db.selectFrom('job_runs').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function listRuns(
  db: JobsDb,
  name: string,
  page: number,
  pageSize: number,
): Promise<{ items: JobRunsTable[]; total: number }> {
  const query = db.selectFrom('job_runs').where('job_name', '=', name);
  const total = await query.select(countAll().as('n')).executeTakeFirstOrThrow();
  const items = await query
    .selectAll()
    .orderBy('started_at', 'desc')
    .orderBy('id', 'desc')
    .limit(pageSize)
    .offset((page - 1) * pageSize)
    .execute();
  return { items, total: Number(total.n) };
}
