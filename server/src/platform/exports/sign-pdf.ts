import { plainAddPlaceholder } from '@signpdf/placeholder-plain';
import { P12Signer } from '@signpdf/signer-p12';
import { SignPdf } from '@signpdf/signpdf';
import type { Platform } from '../platform.ts';
import { loadSigningCertificate } from './sign-pdf.certificate.ts';

export interface SignOptions {
  /** Why it is signed, shown by PDF readers ("Reporte semanal 2026-W05"). */
  reason: string;
  /** Who signs; defaults to the certificate's common name. */
  signerName?: string;
  location?: string;
  contactInfo?: string;
}

/** Room for the PKCS#7 signature: the signer's certificate plus a chain of a few CA certificates. */
const SIGNATURE_LENGTH = 16_384;

/**
 * Signs a PDF (as produced by pdfkit: classic cross-reference table) with the operator's PKCS#12
 * certificate: a detached PKCS#7 signature (adbe.pkcs7.detached, SHA-256) over the whole file but the
 * signature itself, with the signer's name and the signing time (from the platform clock) in the
 * signature dictionary, so Acrobat, Evince/Okular and `pdfsig` show who signed and when.
 */
export async function signPdf(platform: Platform, pdf: Buffer, options: SignOptions): Promise<Buffer> {
  const { p12, password, summary } = await loadSigningCertificate(platform);
  const signingTime = platform.clock.now();
  const prepared = plainAddPlaceholder({
    pdfBuffer: pdf,
    reason: options.reason,
    contactInfo: options.contactInfo ?? '',
    name: options.signerName ?? summary.commonName,
    location: options.location ?? '',
    signingTime,
    signatureLength: SIGNATURE_LENGTH,
    appName: 'Matriz',
  });
  const signer = new P12Signer(p12, { passphrase: password });
  return new SignPdf().sign(prepared, signer, signingTime);
}
