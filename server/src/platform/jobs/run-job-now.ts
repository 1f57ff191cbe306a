import type { Actor } from '../audit/audit.ts';
import { AppError, conflict, notFound } from '../errors.ts';
import type { Platform } from '../platform.ts';
import { executeJob } from './execute-job.ts';
import { DEFAULT_LEASE_MS, type JobDefinition } from './job.ts';
import { claimJobNow, findJobRow } from './jobs.repo.ts';
import { registerJobs } from './register-jobs.ts';
import { type JobRunsTable, jobsDb } from './tables.ts';

/**
 * "Run now" from the jobs screen: takes the lease (refused while a run holds it), audits the request
 * in the same transaction, then runs the job in this request and returns the run.
 */
export async function runJobNow(
  platform: Platform,
  actor: Actor,
  jobs: JobDefinition[],
  name: string,
  instanceId: string,
): Promise<JobRunsTable> {
  const job = jobs.find((j) => j.name === name);
  const db = jobsDb(platform.db);
  if (!job) {
    if (await findJobRow(db, name)) throw new AppError('JOB_NOT_REGISTERED', 409, { job: name });
    throw notFound('job', name);
  }
  if (!(await findJobRow(db, name))) await registerJobs(platform, [job]);
  const now = platform.clock.now();
  const leaseUntil = new Date(now.getTime() + (job.leaseMs ?? DEFAULT_LEASE_MS)).toISOString();
  const row = await platform.db.transaction().execute(async (trx) => {
    const claimed = await claimJobNow(jobsDb(trx), name, instanceId, leaseUntil, now.toISOString());
    if (!claimed) return null;
    await platform.audit(trx, actor, { entity: 'job', entityId: name, action: 'run', after: { instanceId } });
    return claimed;
  });
  if (!row) throw conflict('JOB_RUNNING', { job: name });
  return executeJob(platform, job, { row, owner: instanceId, manual: true, requestedBy: actor.username });
}
