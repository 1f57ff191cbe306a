import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { notificationDb } from '../notifications/tables.ts';
import { auditVerifyJob } from './audit-verify.job.ts';
import type { JobDefinition } from './job.ts';
import { findJobRow, listRuns } from './jobs.repo.ts';
import { JobRunner, startJobRunner } from './runner.ts';
import { jobsDb } from './tables.ts';
import { call, describeKit, type KitApp, sleep } from './test-kit.ts';

const MINUTE = 60_000;

function counterJob(
  name: string,
  schedule: JobDefinition['schedule'],
  behaviour: () => Promise<unknown> = async () => null,
) {
  const calls: Date[] = [];
  const job: JobDefinition = {
    name,
    schedule,
    retryBaseMs: MINUTE,
    maxAttempts: 3,
    async run(_platform, context) {
      calls.push(context.now);
      return behaviour();
    },
  };
  return { job, calls };
}

async function runsOf(kit: KitApp, name: string) {
  return (await listRuns(jobsDb(kit.platform.db), name, 1, 100)).items;
}

describeKit('tareas programadas', (t) => {
  it('una tarea vencida corre una vez y pasa a su próximo horario en la zona del operador', async () => {
    const kit = t();
    kit.clock.set('2026-01-29T05:00:00Z'); // 01:00 in Santo Domingo
    const { job, calls } = counterJob('test.daily', { every: 'day', at: '02:00' }, async () => ({ done: 3 }));
    const runner = new JobRunner(kit.platform, [job], 'inst-a');
    expect(await runner.tick()).toBe(0);
    const row = await findJobRow(jobsDb(kit.platform.db), 'test.daily');
    expect(row?.next_run_at).toBe('2026-01-29T06:00:00.000Z');

    kit.clock.set('2026-01-29T06:00:05Z');
    expect(await runner.tick()).toBe(1);
    expect(await runner.tick()).toBe(0);
    expect(calls).toHaveLength(1);
    const after = await findJobRow(jobsDb(kit.platform.db), 'test.daily');
    expect(after).toMatchObject({
      next_run_at: '2026-01-30T06:00:00.000Z',
      last_outcome: 'ok',
      lease_owner: null,
      lease_until: null,
      attempts: 0,
    });
    const [run] = await runsOf(kit, 'test.daily');
    expect(run).toMatchObject({ outcome: 'ok', trigger: 'schedule', instance_id: 'inst-a', attempt: 1 });
    expect(JSON.parse(run.result_json!)).toEqual({ done: 3 });
  });

  it('reintenta con espera exponencial y, agotados los intentos, avisa a quien administra tareas', async () => {
    const kit = t();
    kit.clock.set('2026-02-02T03:59:00Z');
    let failures = 0;
    const { job, calls } = counterJob('test.flaky', { every: 'day', at: '00:00' }, async () => {
      failures += 1;
      throw new Error(`SMTP caído ${failures}`);
    });
    const runner = new JobRunner(kit.platform, [job], 'inst-a');
    await runner.tick();
    kit.clock.set('2026-02-02T04:00:00Z');
    expect(await runner.tick()).toBe(1);
    let row = await findJobRow(jobsDb(kit.platform.db), 'test.flaky');
    expect(row).toMatchObject({
      attempts: 1,
      last_outcome: 'retrying',
      next_run_at: '2026-02-02T04:01:00.000Z',
    });
    expect(row?.last_error).toMatch(/SMTP caído 1/);

    kit.clock.set('2026-02-02T04:00:59Z');
    expect(await runner.tick()).toBe(0);
    kit.clock.set('2026-02-02T04:01:00Z');
    expect(await runner.tick()).toBe(1);
    row = await findJobRow(jobsDb(kit.platform.db), 'test.flaky');
    expect(row).toMatchObject({
      attempts: 2,
      last_outcome: 'retrying',
      next_run_at: '2026-02-02T04:03:00.000Z',
    });

    kit.clock.set('2026-02-02T04:03:00Z');
    expect(await runner.tick()).toBe(1);
    row = await findJobRow(jobsDb(kit.platform.db), 'test.flaky');
    expect(row).toMatchObject({
      attempts: 0,
      last_outcome: 'failed',
      next_run_at: '2026-02-03T04:00:00.000Z',
    });
    expect(calls).toHaveLength(3);
    const runs = await runsOf(kit, 'test.flaky');
    expect(runs.map((r) => [r.trigger, r.attempt, r.outcome])).toEqual([
      ['retry', 3, 'failed'],
      ['retry', 2, 'retrying'],
      ['schedule', 1, 'retrying'],
    ]);
    const notes = await notificationDb(kit.platform.db)
      .selectFrom('notifications')
      .innerJoin('users', 'users.id', 'notifications.user_id')
      .select(['users.username', 'notifications.title'])
      .where('kind', '=', 'job.failed')
      .execute();
    expect(notes.map((n) => n.username)).toEqual(['admin']);
    expect(notes[0].title).toContain('test.flaky');
  });

  it('ejecutar ahora: auditado, registra el resultado, exige platform.jobs.manage y no pisa una ejecución en curso', async () => {
    const kit = t();
    kit.clock.set('2026-02-03T12:00:00Z');
    const { job, calls } = counterJob(
      'test.manual',
      { every: 'week', weekday: 1, at: '06:00' },
      async () => ({ ok: 1 }),
    );
    kit.jobs.push(job);
    const admin = await kit.login('admin');
    const list = await call(kit, admin, 'GET', '/jobs');
    expect(list.status).toBe(200);
    const listed = list.body.items.find((j: { name: string }) => j.name === 'test.manual');
    expect(listed).toMatchObject({
      registered: true,
      last_outcome: null,
      next_run_at: '2026-02-09T10:00:00.000Z',
    });

    const run = await call(kit, admin, 'POST', '/jobs/test.manual/run');
    expect(run.status).toBe(200);
    expect(run.body.run).toMatchObject({
      outcome: 'ok',
      trigger: 'manual',
      requested_by: 'admin',
      result: { ok: 1 },
    });
    expect(run.body.job).toMatchObject({
      last_outcome: 'ok',
      next_run_at: '2026-02-09T10:00:00.000Z',
      running: false,
    });
    expect(calls).toHaveLength(1);

    const audit = await kit.platform.db
      .selectFrom('audit_log')
      .selectAll()
      .where('entity', '=', 'job')
      .where('entity_id', '=', 'test.manual')
      .execute();
    expect(audit.map((a) => [a.action, a.username])).toEqual([['run', 'admin']]);

    const history = await call(kit, admin, 'GET', '/jobs/test.manual/runs');
    expect(history.body.total).toBe(1);

    // A run holding the lease (another instance) makes "run now" wait.
    await jobsDb(kit.platform.db)
      .updateTable('jobs')
      .set({ lease_owner: 'other', lease_until: '2026-02-03T12:10:00.000Z' })
      .where('name', '=', 'test.manual')
      .execute();
    const busy = await call(kit, admin, 'POST', '/jobs/test.manual/run');
    expect(busy.status).toBe(409);
    expect(busy.body.error.code).toBe('JOB_RUNNING');
    // …until its lease expires (the instance died).
    kit.clock.set('2026-02-03T12:10:01Z');
    expect((await call(kit, admin, 'POST', '/jobs/test.manual/run')).status).toBe(200);

    expect((await call(kit, admin, 'POST', '/jobs/no.such/run')).status).toBe(404);
    const supervisor = await kit.login('supervisor1');
    expect((await call(kit, supervisor, 'GET', '/jobs')).status).toBe(403);
    expect((await call(kit, supervisor, 'POST', '/jobs/test.manual/run')).status).toBe(403);
  });

  it('audit.verify: cadena íntegra → ok; alterada → alerta a quien lee la auditoría', async () => {
    const kit = t();
    kit.clock.set('2026-02-04T06:30:00Z');
    const runner = new JobRunner(kit.platform, [auditVerifyJob], 'inst-a');
    await runner.tick(); // registers: next 02:30 local = 06:30Z… already passed? set after
    kit.clock.set('2026-02-05T06:30:00Z');
    expect(await runner.tick()).toBe(1);
    let row = await findJobRow(jobsDb(kit.platform.db), 'audit.verify');
    expect(row?.last_outcome).toBe('ok');

    const target = await kit.platform.db
      .selectFrom('audit_log')
      .select('seq')
      .orderBy('seq')
      .limit(1)
      .executeTakeFirstOrThrow();
    await sql`update audit_log set ip = '6.6.6.6' where seq = ${target.seq}`.execute(kit.platform.db);
    kit.clock.set('2026-02-06T06:30:00Z');
    expect(await runner.tick()).toBe(1);
    row = await findJobRow(jobsDb(kit.platform.db), 'audit.verify');
    expect(row).toMatchObject({
      last_outcome: 'alert',
      attempts: 0,
      next_run_at: '2026-02-07T06:30:00.000Z',
    });
    expect(row?.last_error).toMatch(/audit chain broken/);
    const notes = await notificationDb(kit.platform.db)
      .selectFrom('notifications')
      .innerJoin('users', 'users.id', 'notifications.user_id')
      .select(['users.username', 'notifications.body', 'notifications.link'])
      .where('kind', '=', 'audit.broken')
      .execute();
    expect(notes.map((n) => n.username)).toEqual(['admin']);
    expect(notes[0].body).toContain(String(target.seq));
    expect(notes[0].link).toBe('/admin/audit');
    await sql`delete from audit_log`.execute(kit.platform.db); // leave no broken chain to later tests' eyes
  });

  it('dos instancias sobre la misma base: cada ejecución vencida ocurre una sola vez', async () => {
    const kit = t();
    const second = await kit.secondInstance();
    try {
      kit.clock.set('2026-03-01T12:00:00Z');
      const names = Array.from({ length: 6 }, (_, i) => `test.race${i}`);
      const counts = new Map<string, number>();
      const make = (): JobDefinition[] =>
        names.map((name) => ({
          name,
          schedule: { every: 'day', at: '09:00' },
          async run() {
            counts.set(name, (counts.get(name) ?? 0) + 1);
            await sleep(20);
          },
        }));
      const a = new JobRunner(kit.platform, make(), 'inst-a');
      const b = new JobRunner(second.platform, make(), 'inst-b');
      await Promise.all([a.tick(), b.tick()]);
      // Make them all due, then race tick against tick.
      await jobsDb(kit.platform.db)
        .updateTable('jobs')
        .set({ next_run_at: '2026-03-01T11:00:00.000Z' })
        .where('name', 'in', names)
        .execute();
      const ran = await Promise.all([a.tick(), b.tick(), a.tick(), b.tick()]);
      expect(ran.reduce((x, y) => x + y, 0)).toBe(names.length);
      for (const name of names) {
        expect(counts.get(name)).toBe(1);
        expect(await runsOf(kit, name)).toHaveLength(1);
      }

      // The same with the real polling loops of two "servers".
      counts.clear();
      kit.clock.set('2026-03-02T13:00:01Z');
      const stopA = startJobRunner(kit.platform, make(), { instanceId: 'loop-a', pollMs: 3 });
      const stopB = startJobRunner(second.platform, make(), { instanceId: 'loop-b', pollMs: 3 });
      const deadline = Date.now() + 10_000;
      while ([...counts.values()].length < names.length && Date.now() < deadline) await sleep(10);
      await sleep(150);
      await Promise.all([stopA(), stopB()]);
      expect(names.map((n) => counts.get(n))).toEqual(names.map(() => 1));
      for (const name of names) expect(await runsOf(kit, name)).toHaveLength(2);
    } finally {
      await second.close();
    }
  });
});
