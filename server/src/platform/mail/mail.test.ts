import type { AddressInfo } from 'node:net';
import PDFDocument from 'pdfkit';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { call, describeKit, type KitApp } from '../jobs/test-kit.ts';
import { notifyNow } from '../notifications/notify.ts';
import { closeMail, configureMail, DEFAULT_FROM } from './mailer.ts';
import { sendMail } from './send-mail.ts';

interface Received {
  from: string;
  to: string[];
  raw: string;
}

async function pdfBytes(text: string): Promise<Buffer> {
  const doc = new PDFDocument();
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  doc.text(text);
  doc.end();
  return done;
}

/** The decoded body of the MIME part whose headers mention `filename`. */
function attachment(raw: string, filename: string): { headers: string; content: Buffer } {
  const text = raw.replace(/\r\n/g, '\n');
  const boundary = /boundary="?([^"\n;]+)"?/.exec(text)![1];
  const part = text
    .split(`--${boundary}`)
    .find((p) => p.includes(`filename=${filename}`) || p.includes(`filename="${filename}"`))!;
  const [headers, ...body] = part.replace(/^\n/, '').split('\n\n');
  return { headers, content: Buffer.from(body.join('\n\n').replace(/\s+/g, ''), 'base64') };
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
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
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

function useSmtp(kit: KitApp) {
  configureMail(kit.platform, { smtpUrl, from: 'Matriz Pruebas <matriz@example.test>' });
}

describeKit('correo', (t) => {
  it('sendMail entrega por SMTP con el PDF adjunto intacto', async () => {
    const kit = t();
    useSmtp(kit);
    const pdf = await pdfBytes('Reporte semanal de la ruta 1');
    const before = received.length;
    const receipt = await sendMail(kit.platform, {
      to: 'ruta1@example.test',
      subject: 'Reporte semanal — ruta 1',
      text: 'Adjunto su reporte semanal.',
      html: '<p>Adjunto su reporte semanal.</p>',
      attachments: [{ filename: 'reporte-semanal.pdf', content: pdf, contentType: 'application/pdf' }],
    });
    expect(receipt.delivery).toBe('smtp');
    expect(received).toHaveLength(before + 1);
    const mail = received.at(-1)!;
    expect(mail.to).toEqual(['ruta1@example.test']);
    expect(mail.from).toBe('matriz@example.test');
    const part = attachment(mail.raw, 'reporte-semanal.pdf');
    expect(part.headers).toMatch(/Content-Type: application\/pdf/);
    expect(part.content.equals(pdf)).toBe(true);
    closeMail(kit.platform);
  });

  it('una notificación con correo (p. ej. el recordatorio) llega por SMTP en el idioma del usuario', async () => {
    const kit = t();
    useSmtp(kit);
    const ruta = await kit.platform.db
      .selectFrom('users')
      .select('id')
      .where('username', '=', 'ruta1')
      .executeTakeFirstOrThrow();
    await kit.platform.db
      .updateTable('users')
      .set({ email: 'ruta1@example.test' })
      .where('id', '=', ruta.id)
      .execute();
    const before = received.length;
    await notifyNow(kit.platform, {
      userIds: [ruta.id],
      kind: 'bakery.reminder',
      title: 'Recordatorio: registre su pedido de mañana',
      body: 'Aún no ha registrado el pedido de mañana.',
      link: '/bakery/documents',
      email: true,
    });
    expect(received).toHaveLength(before + 1);
    expect(received.at(-1)!.to).toEqual(['ruta1@example.test']);
    expect(received.at(-1)!.raw).toMatch(/Subject: =\?UTF-8\?Q\?Recordatorio/);
    closeMail(kit.platform);
  });

  it('sin SMTP_URL el correo va a la bandeja de salida, que el administrador lista y descarga', async () => {
    const kit = t();
    configureMail(kit.platform, { smtpUrl: null, from: DEFAULT_FROM });
    const pdf = await pdfBytes('Reporte mensual');
    const receipt = await sendMail(kit.platform, {
      to: ['a@example.test', 'b@example.test'],
      subject: 'Reporte mensual de enero — año 2026',
      text: 'Adjunto.',
      attachments: [{ filename: 'reporte.pdf', content: pdf, contentType: 'application/pdf' }],
    });
    expect(receipt.delivery).toBe('outbox');
    const admin = await kit.login('admin');
    const list = await call(kit, admin, 'GET', '/mail/outbox');
    const item = list.body.items.find((i: { file: string }) => i.file === receipt.file);
    expect(item).toMatchObject({
      to: 'a@example.test, b@example.test',
      subject: 'Reporte mensual de enero — año 2026',
    });
    const download = await call(kit, admin, 'GET', `/mail/outbox/${receipt.file}`);
    expect(download.status).toBe(200);
    expect(download.raw.headers['content-type']).toMatch(/message\/rfc822/);
    expect(attachment(download.raw.body, 'reporte.pdf').content.equals(pdf)).toBe(true);
    expect((await call(kit, admin, 'GET', '/mail/outbox/..%2Fsecret.key')).status).toBe(400);
    expect((await call(kit, admin, 'GET', '/mail/outbox/nada.eml')).status).toBe(404);
    const seller = await kit.login('juan001');
    expect((await call(kit, seller, 'GET', '/mail/outbox')).status).toBe(403);
  });

  it('un SMTP caído hace fallar sendMail (la tarea reintenta) o, si se pide, guarda en la bandeja', async () => {
    const kit = t();
    configureMail(kit.platform, { smtpUrl: 'smtp://127.0.0.1:1', from: DEFAULT_FROM });
    const message = { to: 'x@example.test', subject: 'Prueba', text: 'x' };
    await expect(sendMail(kit.platform, message)).rejects.toThrow();
    const kept = await sendMail(kit.platform, message, { fallbackToOutbox: true });
    expect(kept.delivery).toBe('outbox');
    closeMail(kit.platform);
  });
});
