import { createCipheriv, createDecipheriv, createHash, hkdfSync, randomBytes } from 'node:crypto';
import forge from 'node-forge';
import type { Actor } from '../audit/audit.ts';
import { AppError } from '../errors.ts';
import type { Platform } from '../platform.ts';
import { readStoredCertificate, type StoredCertificate, writeStoredCertificate } from './sign-pdf.repo.ts';

/** AES-256-GCM with a key derived from the operator secret: `v1.<iv>.<tag>.<ciphertext>` (base64url). */
function passwordKey(secret: string): Buffer {
  return Buffer.from(hkdfSync('sha256', secret, 'matriz', 'signing-certificate-password', 32));
}

export function encryptSecret(secret: string, plain: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', passwordKey(secret), iv);
  const data = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return ['v1', iv, cipher.getAuthTag(), data]
    .map((p) => (typeof p === 'string' ? p : p.toString('base64url')))
    .join('.');
}

export function decryptSecret(secret: string, sealed: string): string {
  const [version, iv, tag, data] = sealed.split('.');
  if (version !== 'v1' || !iv || !tag || data === undefined) throw new Error('Unknown sealed secret format');
  const decipher = createDecipheriv('aes-256-gcm', passwordKey(secret), Buffer.from(iv, 'base64url'));
  decipher.setAuthTag(Buffer.from(tag, 'base64url'));
  return Buffer.concat([decipher.update(Buffer.from(data, 'base64url')), decipher.final()]).toString('utf8');
}

export interface CertificateSummary {
  subject: string;
  /** The certificate's common name (CN), used as the signer's name. */
  commonName: string;
  issuer: string;
  serial: string;
  notBefore: Date;
  notAfter: Date;
  fingerprintSha256: string;
}

/** forge hands attribute values as binary strings: UTF8String bytes are decoded for display. */
function text(value: unknown): string {
  const raw = String(value ?? '');
  try {
    return forge.util.decodeUtf8(raw);
  } catch {
    return raw;
  }
}

const dn = (attributes: forge.pki.CertificateField[]) =>
  attributes.map((a) => `${a.shortName ?? a.name}=${text(a.value)}`).join(', ');

/** Opens a PKCS#12 file; refuses anything else with a clear error. */
export function readPkcs12(p12: Buffer, password: string): CertificateSummary {
  let asn1: forge.asn1.Asn1;
  try {
    asn1 = forge.asn1.fromDer(forge.util.createBuffer(p12.toString('binary')));
  } catch {
    throw new AppError('CERTIFICATE_INVALID', 422);
  }
  let parsed: forge.pkcs12.Pkcs12Pfx;
  try {
    parsed = forge.pkcs12.pkcs12FromAsn1(asn1, false, password);
  } catch (error) {
    const message = error instanceof Error ? error.message : '';
    if (/password|MAC/i.test(message)) throw new AppError('CERTIFICATE_PASSWORD_WRONG', 422);
    throw new AppError('CERTIFICATE_INVALID', 422);
  }
  const keyBags = [
    ...(parsed.getBags({ bagType: forge.pki.oids.pkcs8ShroudedKeyBag })[forge.pki.oids.pkcs8ShroudedKeyBag] ??
      []),
    ...(parsed.getBags({ bagType: forge.pki.oids.keyBag })[forge.pki.oids.keyBag] ?? []),
  ];
  const key = keyBags.find((b) => b.key)?.key as forge.pki.rsa.PrivateKey | undefined;
  if (!key) throw new AppError('CERTIFICATE_NO_KEY', 422);
  const certs = (parsed.getBags({ bagType: forge.pki.oids.certBag })[forge.pki.oids.certBag] ?? [])
    .map((b) => b.cert)
    .filter((c): c is forge.pki.Certificate => !!c);
  const cert = certs.find((c) => (c.publicKey as forge.pki.rsa.PublicKey).n?.equals(key.n)) ?? null;
  if (!cert) throw new AppError('CERTIFICATE_NO_KEY', 422);
  const der = Buffer.from(forge.asn1.toDer(forge.pki.certificateToAsn1(cert)).getBytes(), 'binary');
  const cn = cert.subject.getField('CN')?.value;
  const commonName = cn ? text(cn) : dn(cert.subject.attributes);
  return {
    subject: dn(cert.subject.attributes),
    commonName,
    issuer: dn(cert.issuer.attributes),
    serial: cert.serialNumber,
    notBefore: cert.validity.notBefore,
    notAfter: cert.validity.notAfter,
    fingerprintSha256: createHash('sha256').update(der).digest('hex'),
  };
}

export type CertificateInfo = Omit<StoredCertificate, 'p12_base64' | 'password_enc'>;

const info = (stored: StoredCertificate): CertificateInfo => {
  const { p12_base64: _p12, password_enc: _password, ...rest } = stored;
  return rest;
};

/** The admin uploads the operator's PKCS#12 certificate; the password is kept encrypted. */
export async function uploadSigningCertificate(
  platform: Platform,
  actor: Actor,
  p12: Buffer,
  password: string,
): Promise<CertificateInfo> {
  const summary = readPkcs12(p12, password);
  const now = platform.clock.now();
  if (summary.notAfter.getTime() < now.getTime()) {
    throw new AppError('CERTIFICATE_EXPIRED', 422, { not_after: summary.notAfter.toISOString() });
  }
  const stored: StoredCertificate = {
    p12_base64: p12.toString('base64'),
    password_enc: encryptSecret(platform.config.secret, password),
    subject: summary.subject,
    issuer: summary.issuer,
    serial: summary.serial,
    not_before: summary.notBefore.toISOString(),
    not_after: summary.notAfter.toISOString(),
    fingerprint_sha256: summary.fingerprintSha256,
    uploaded_at: now.toISOString(),
    uploaded_by: actor.username,
  };
  await platform.db.transaction().execute(async (trx) => {
    const before = await readStoredCertificate(trx);
    await writeStoredCertificate(trx, stored, now.toISOString());
    await platform.audit(trx, actor, {
      entity: 'signing_certificate',
      entityId: summary.fingerprintSha256,
      action: before ? 'replace' : 'upload',
      before: before ? info(before) : undefined,
      after: info(stored),
    });
  });
  return info(stored);
}

export async function signingCertificateInfo(platform: Platform): Promise<CertificateInfo | null> {
  const stored = await readStoredCertificate(platform.db);
  return stored ? info(stored) : null;
}

/** The certificate with its password, for signing; refuses when none was uploaded. */
export async function loadSigningCertificate(
  platform: Platform,
): Promise<{ p12: Buffer; password: string; summary: CertificateSummary }> {
  const stored = await readStoredCertificate(platform.db);
  if (!stored) throw new AppError('CERTIFICATE_MISSING', 409);
  const p12 = Buffer.from(stored.p12_base64, 'base64');
  const password = decryptSecret(platform.config.secret, stored.password_enc);
  return { p12, password, summary: readPkcs12(p12, password) };
}
