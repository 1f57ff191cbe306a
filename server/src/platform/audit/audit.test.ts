import { execFileSync } from 'node:child_process';
import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { describeEngines } from '../../../test/harness.ts';
import { verifyAuditChain } from './audit.ts';

describeEngines('cadena de auditoría', (t) => {
  it('verifica íntegra tras cambios reales y detecta una fila alterada directamente en la base', async () => {
    const app = t();
    const admin = await app.login('admin');
    await app.app.inject({
      method: 'POST',
      url: '/api/v1/users',
      headers: { cookie: admin },
      payload: {
        username: 'cajera2',
        full_name: 'Cajera Dos',
        password: 'clave-segura',
        roles: ['vendedor'],
      },
    });
    const intact = await verifyAuditChain(app.platform.db);
    expect(intact.ok).toBe(true);
    expect(intact.checked).toBeGreaterThan(5);

    const target = await app.platform.db
      .selectFrom('audit_log')
      .select('seq')
      .where('action', '=', 'create')
      .orderBy('seq', 'desc')
      .executeTakeFirstOrThrow();
    await sql`update audit_log set after_json = ${'{"username":"otra"}'} where seq = ${target.seq}`.execute(
      app.platform.db,
    );
    const broken = await verifyAuditChain(app.platform.db);
    expect(broken).toMatchObject({ ok: false, brokenAt: Number(target.seq), reason: 'row content altered' });
  });

  it('detecta filas borradas al final de la cadena', async () => {
    const app = t();
    const last = await app.platform.db.selectFrom('audit_head').select('seq').executeTakeFirstOrThrow();
    await sql`delete from audit_log where seq = ${last.seq}`.execute(app.platform.db);
    const result = await verifyAuditChain(app.platform.db);
    expect(result.ok).toBe(false);
  });

  it('la pantalla de auditoría filtra por entidad y usuario', async () => {
    const app = t();
    const admin = await app.login('admin');
    const response = await app.app.inject({
      method: 'GET',
      url: '/api/v1/audit?entity=user&action=login&user=admin',
      headers: { cookie: admin },
    });
    const items = response.json().items;
    expect(items.length).toBeGreaterThan(0);
    expect(
      items.every(
        (i: { action: string; username: string }) => i.action === 'login' && i.username === 'admin',
      ),
    ).toBe(true);
    expect(items[0].ip).toBeTruthy();
  });
});

it('npm run audit:verify sale con error cuando una fila fue alterada (SQLite)', async () => {
  const { createTestApp } = await import('../../../test/harness.ts');
  const app = await createTestApp('sqlite');
  const file = app.platform.config.databaseUrl.slice('sqlite:'.length);
  const env = {
    ...process.env,
    DATABASE_URL: app.platform.config.databaseUrl,
    MATRIZ_DATA_DIR: app.platform.config.dataDir,
    MATRIZ_SECRET: 'x',
  };
  const run = () => {
    try {
      return {
        code: 0,
        out: execFileSync('node', ['--import', 'tsx', 'server/src/cli/audit-verify.ts'], {
          env,
          encoding: 'utf8',
        }),
      };
    } catch (error) {
      const failure = error as { status: number; stderr: string };
      return { code: failure.status, out: failure.stderr };
    }
  };
  await sql`update audit_log set ip = '6.6.6.6' where seq = 2`.execute(app.platform.db);
  expect(file).toMatch(/test\.db$/);
  const result = run();
  expect(result.code).toBe(1);
  expect(result.out).toMatch(/ALTERADA en el registro 2/);
  await app.close();
});
