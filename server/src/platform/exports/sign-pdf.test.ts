import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import forge from 'node-forge';
import PDFDocument from 'pdfkit';
import { afterAll, expect, it } from 'vitest';
import { call, describeKit } from '../jobs/test-kit.ts';
import { readStoredCertificate } from './sign-pdf.repo.ts';
import { signPdf } from './sign-pdf.ts';

/** A throw-away self-signed certificate in a PKCS#12 file, as an operator would upload. */
function makeP12(commonName: string, password: string, validDays = 365): Buffer {
  const keys = forge.pki.rsa.generateKeyPair(2048);
  const cert = forge.pki.createCertificate();
  cert.publicKey = keys.publicKey;
  cert.serialNumber = '0a1b2c';
  cert.validity.notBefore = new Date('2026-01-01T00:00:00Z');
  cert.validity.notAfter = new Date(Date.parse('2026-01-01T00:00:00Z') + validDays * 86_400_000);
  const attrs = [
    { name: 'commonName', value: commonName },
    { name: 'organizationName', value: 'Operadora de Prueba' },
    { name: 'countryName', value: 'DO' },
  ];
  cert.setSubject(attrs);
  cert.setIssuer(attrs);
  cert.sign(keys.privateKey, forge.md.sha256.create());
  const asn1 = forge.pkcs12.toPkcs12Asn1(keys.privateKey, [cert], password, { algorithm: '3des' });
  return Buffer.from(forge.asn1.toDer(asn1).getBytes(), 'binary');
}

async function reportPdf(): Promise<Buffer> {
  const doc = new PDFDocument({ info: { Title: 'Reporte semanal' } });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  doc.fontSize(18).text('Reporte semanal — Ruta 1');
  doc.fontSize(11).text('Ventas: 1.234,50');
  doc.end();
  return done;
}

const dir = mkdtempSync(join(tmpdir(), 'matriz-sign-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function pdfsig(pdf: Buffer, name: string): { code: number; out: string } {
  const file = join(dir, name);
  writeFileSync(file, pdf);
  try {
    return { code: 0, out: execFileSync('pdfsig', [file], { encoding: 'utf8' }) };
  } catch (error) {
    const failure = error as { status: number; stdout: string; stderr: string };
    return { code: failure.status, out: `${failure.stdout}${failure.stderr}` };
  }
}

describeKit('PDF firmado', (t) => {
  it('sin certificado cargado, firmar se rechaza con un error claro', async () => {
    const kit = t();
    await expect(signPdf(kit.platform, await reportPdf(), { reason: 'x' })).rejects.toMatchObject({
      code: 'CERTIFICATE_MISSING',
    });
  });

  it('el certificado PKCS#12 se sube (contraseña cifrada); se rechaza lo que no es PKCS#12 o la clave errónea', async () => {
    const kit = t();
    const admin = await kit.login('admin');
    const p12 = makeP12('Panaderia La Matriz SRL', 'clave-p12');
    const garbage = await call(kit, admin, 'POST', '/settings/certificate', {
      p12_base64: Buffer.from('%PDF-1.4 esto no es un certificado').toString('base64'),
      password: 'x',
    });
    expect(garbage.status).toBe(422);
    expect(garbage.body.error.code).toBe('CERTIFICATE_INVALID');
    expect(garbage.body.error.message).toMatch(/PKCS#12/);
    const wrong = await call(kit, admin, 'POST', '/settings/certificate', {
      p12_base64: p12.toString('base64'),
      password: 'otra',
    });
    expect(wrong.body.error.code).toBe('CERTIFICATE_PASSWORD_WRONG');
    expect(
      (await call(kit, admin, 'POST', '/settings/certificate', { path: '/etc/passwd', password: '' })).status,
    ).toBe(400);

    const ok = await call(kit, admin, 'POST', '/settings/certificate', {
      p12_base64: p12.toString('base64'),
      password: 'clave-p12',
    });
    expect(ok.status).toBe(201);
    expect(ok.body.certificate.subject).toMatch(/CN=Panaderia La Matriz SRL/);
    expect(ok.body.certificate).not.toHaveProperty('password_enc');
    const stored = await readStoredCertificate(kit.platform.db);
    expect(stored!.password_enc).not.toContain('clave-p12');
    expect(stored!.password_enc).toMatch(/^v1\./);
    expect((await call(kit, admin, 'GET', '/settings/certificate')).body.certificate.fingerprint_sha256).toBe(
      stored!.fingerprint_sha256,
    );
    const audit = await kit.platform.db
      .selectFrom('audit_log')
      .selectAll()
      .where('entity', '=', 'signing_certificate')
      .execute();
    expect(audit).toHaveLength(1);
    expect(audit[0].after_json).not.toContain('clave-p12');

    const seller = await kit.login('juan001');
    expect(
      (
        await call(kit, seller, 'POST', '/settings/certificate', {
          p12_base64: p12.toString('base64'),
          password: 'clave-p12',
        })
      ).status,
    ).toBe(403);
  });

  it('el PDF firmado valida con pdfsig (firmante y hora) y deja de validar al cambiar un byte', async () => {
    const kit = t();
    const signed = await signPdf(kit.platform, await reportPdf(), {
      reason: 'Reporte semanal 2026-W05',
      location: 'Santo Domingo',
    });
    const good = pdfsig(signed, 'signed.pdf');
    expect(good.code).toBe(0);
    expect(good.out).toMatch(/Signer Certificate Common Name: Panaderia La Matriz SRL/);
    expect(good.out).toMatch(/Signing Time: Jan 29 2026/);
    expect(good.out).toMatch(/Signature Validation: Signature is Valid/);
    expect(good.out).toMatch(/Total document signed/);

    // Change one byte inside the signed range: the text "1.234,50" becomes "1.234,51"… in the raw
    // stream the content is compressed, so flip a byte of the document's Title instead.
    const at = signed.indexOf('Reporte semanal', 0, 'latin1');
    const byteRange = /\/ByteRange \[(\d+) (\d+) (\d+) (\d+)\]/.exec(signed.toString('latin1'))!;
    expect(at).toBeGreaterThan(0);
    expect(at).toBeLessThan(Number(byteRange[2]));
    const tampered = Buffer.from(signed);
    tampered[at] = 'r'.charCodeAt(0);
    const bad = pdfsig(tampered, 'tampered.pdf');
    expect(bad.out).not.toMatch(/Signature is Valid/);
    expect(bad.out).toMatch(/Signature Validation: (Digest Mismatch|Signature is Invalid)/);
  });
});
