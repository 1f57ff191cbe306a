import { JobNameParams, JobRunsQuery } from '@matriz/shared/api/jobs';
import { notFound } from '../errors.ts';
import type { App } from '../http/types.ts';
import { newId } from '../ids.ts';
import type { Platform } from '../platform.ts';
import type { JobDefinition } from './job.ts';
import { findJobRow, listJobRows, listRuns } from './jobs.repo.ts';
import { presentJob, presentRun } from './present.ts';
import { registerJobs } from './register-jobs.ts';
import { runJobNow } from './run-job-now.ts';
import { jobsDb } from './tables.ts';

/** The jobs screen: schedule, last outcome, history, run now. */
export function registerJobRoutes(
  app: App,
  platform: Platform,
  jobs: JobDefinition[],
  options: { instanceId?: string } = {},
): void {
  const access = { access: 'platform.jobs.manage' as const };
  const instanceId = options.instanceId ?? `http-${newId()}`;
  const registered = new Set<string>();
  const isKnown = (name: string) => jobs.some((j) => j.name === name);

  app.get('/jobs', { config: access, schema: { tags: ['jobs'] } }, async () => {
    const fresh = jobs.filter((j) => !registered.has(j.name));
    if (fresh.length > 0) {
      await registerJobs(platform, fresh);
      for (const job of fresh) registered.add(job.name);
    }
    const rows = await listJobRows(jobsDb(platform.db));
    const now = platform.clock.now();
    return { items: rows.map((r) => presentJob(r, isKnown(r.name), now)) };
  });

  app.post(
    '/jobs/:name/run',
    { config: access, schema: { tags: ['jobs'], params: JobNameParams } },
    async (request) => {
      const run = await runJobNow(platform, request.actor, jobs, request.params.name, instanceId);
      const row = await findJobRow(jobsDb(platform.db), request.params.name);
      return { run: presentRun(run), job: presentJob(row!, true, platform.clock.now()) };
    },
  );

  app.get(
    '/jobs/:name/runs',
    { config: access, schema: { tags: ['jobs'], params: JobNameParams, querystring: JobRunsQuery } },
    async (request) => {
      const { name } = request.params;
      const q = request.query;
      const db = jobsDb(platform.db);
      if (!(await findJobRow(db, name)) && !isKnown(name)) throw notFound('job', name);
      const { items, total } = await listRuns(db, name, q.page, q.page_size);
      return { items: items.map(presentRun), total, page: q.page, page_size: q.page_size };
    },
  );
}
