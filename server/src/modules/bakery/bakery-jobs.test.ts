import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEngines, type TestApp } from '../../../test/harness.ts';
import type { JobContext } from '../../platform/jobs/job.ts';
import { closeMail, configureMail } from '../../platform/mail/mailer.ts';
import { notificationDb } from '../../platform/notifications/tables.ts';
import { pedidoReminderJob, weeklyReportJob } from './bakery-jobs.ts';
import { newDocument, newProduct, newSeller } from './bakery-test-kit.ts';
import { previousPeriod } from './email-seller-reports.ts';

interface Received {
  to: string[];
  raw: string;
}

const received: Received[] = [];
let server: SMTPServer;
let smtpUrl = '';

beforeAll(async () => {
  server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        received.push({
          to: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks).toString('utf8'),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  smtpUrl = `smtp://127.0.0.1:${(server.server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

/** The decoded body of the MIME part whose headers mention a .pdf file. */
function pdfAttachment(raw: string): Buffer | null {
  const text = raw.replace(/\r\n/g, '\n');
  const boundary = /boundary="?([^"\n;]+)"?/.exec(text)?.[1];
  if (!boundary) return null;
  const part = text.split(`--${boundary}`).find((p) => /filename="?[^"\n]*\.pdf/.test(p));
  if (!part) return null;
  const [, ...body] = part.replace(/^\n/, '').split('\n\n');
  return Buffer.from(body.join('\n\n').replace(/\s+/g, ''), 'base64');
}

const to = (address: string) => received.filter((m) => m.to.includes(address));

function run(app: TestApp, job: typeof pedidoReminderJob) {
  const context: JobContext = {
    now: app.clock.now(),
    runId: 'test',
    attempt: 1,
    trigger: 'manual',
    instanceId: 'test',
  };
  return job.run(app.platform, context) as Promise<Record<string, unknown>>;
}

async function withEmail(app: TestApp, seller: { id: string; username: string }): Promise<string> {
  const email = `${seller.username}@example.test`;
  await app.platform.db.updateTable('users').set({ email }).where('id', '=', seller.id).execute();
  return email;
}

it('periodo anterior: semana lunes–domingo y mes calendario', () => {
  expect(previousPeriod('weekly', '2026-02-09')).toEqual({ from: '2026-02-02', to: '2026-02-08' });
  expect(previousPeriod('weekly', '2026-02-11')).toEqual({ from: '2026-02-02', to: '2026-02-08' });
  expect(previousPeriod('monthly', '2026-03-01')).toEqual({ from: '2026-02-01', to: '2026-02-28' });
  expect(previousPeriod('monthly', '2026-01-01')).toEqual({ from: '2025-12-01', to: '2025-12-31' });
});

describeEngines('tareas de correo de la panadería', (t) => {
  let sinPedido: { id: string; username: string };
  let conPedido: { id: string; username: string };
  let mailSin = '';
  let mailCon = '';

  it('recordatorio: solo a quien no registró el pedido de hoy, desde la hora, una vez al día', async () => {
    const app = t();
    configureMail(app.platform, { smtpUrl, from: 'Matriz Pruebas <matriz@example.test>' });
    app.clock.set('2026-02-03T14:30:00Z'); // martes 09:30 en Bogotá
    sinPedido = await newSeller(app, 10, 10);
    conPedido = await newSeller(app, 10, 10);
    mailSin = await withEmail(app, sinPedido);
    mailCon = await withEmail(app, conPedido);
    const product = await newProduct(app, 'panaderia', 1000);
    await newDocument(app, 'PD', conPedido.id, '2026-02-03', [[product.code, 5]]);

    expect(await run(app, pedidoReminderJob)).toMatchObject({ skipped: 'before_hour', reminded: 0 });
    expect(to(mailSin)).toHaveLength(0);

    app.clock.set('2026-02-03T15:15:00Z'); // 10:15
    const result = await run(app, pedidoReminderJob);
    expect(result.reminded).toBeGreaterThanOrEqual(1);
    expect(to(mailSin)).toHaveLength(1);
    expect(to(mailSin)[0].raw).toMatch(/Subject: Recordatorio: registre su pedido de hoy/);
    expect(to(mailCon)).toHaveLength(0);
    const inApp = await notificationDb(app.platform.db)
      .selectFrom('notifications')
      .select('user_id')
      .where('kind', '=', 'bakery.reminder')
      .where('user_id', 'in', [sinPedido.id, conPedido.id])
      .execute();
    expect(inApp.map((n) => n.user_id)).toEqual([sinPedido.id]);

    app.clock.set('2026-02-03T15:30:00Z'); // next tick: nothing again
    expect(await run(app, pedidoReminderJob)).toMatchObject({ reminded: 0 });
    expect(to(mailSin)).toHaveLength(1);
  });

  it('sin recordatorio en festivo (20 de julio, 12 de enero) ni en domingo', async () => {
    const app = t();
    for (const instant of ['2026-07-20T16:00:00Z', '2026-01-12T16:00:00Z', '2026-07-19T16:00:00Z']) {
      app.clock.set(instant);
      expect(await run(app, pedidoReminderJob)).toMatchObject({ skipped: 'non_business_day', reminded: 0 });
    }
    expect(to(mailSin)).toHaveLength(1);
    expect(to(mailCon)).toHaveLength(0);
  });

  it('reporte semanal: cada vendedor con correo recibe su PDF de la semana anterior, una sola vez', async () => {
    const app = t();
    app.clock.set('2026-02-09T11:00:00Z'); // lunes 06:00 en Bogotá
    const result = await run(app, weeklyReportJob);
    expect(result).toMatchObject({ from: '2026-02-02', to: '2026-02-08' });
    for (const address of [mailSin, mailCon]) {
      const mails = to(address).filter((m) => /reporte-semanal/.test(m.raw));
      expect(mails).toHaveLength(1);
      const pdf = pdfAttachment(mails[0].raw);
      expect(pdf?.subarray(0, 4).toString('latin1')).toBe('%PDF');
    }
    expect(await run(app, weeklyReportJob)).toMatchObject({ sent: 0 });
    expect(to(mailSin).filter((m) => /reporte-semanal/.test(m.raw))).toHaveLength(1);
    closeMail(app.platform);
  });
});
