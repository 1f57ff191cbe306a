import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * The QR on a ticket carries `code.signature`: an HMAC of the code, the lines hash and the total
 * with the operator secret, so a forged or altered ticket is recognised at payment.
 */
export function signTicket(secret: string, code: string, linesHash: string, grandTotalCents: number): string {
  return createHmac('sha256', secret)
    .update(`${code}|${linesHash}|${grandTotalCents}`)
    .digest('base64url')
    .slice(0, 22);
}

export function qrPayload(code: string, signature: string): string {
  return `MTZ1:${code}:${signature}`;
}

/** Reads a scanned QR or barcode: the bare code, or the signed QR payload. */
export function parseScan(scanned: string): { code: string; signature: string | null } | null {
  const text = scanned.trim();
  const qr = /^MTZ1:([A-Z0-9]{1,10}-\d{8}-\d{4,6}):([A-Za-z0-9_-]{22})$/.exec(text);
  if (qr) return { code: qr[1], signature: qr[2] };
  const bare = /^([A-Z0-9]{1,10})-?(\d{8})-?(\d{4,6})$/.exec(text.toUpperCase());
  if (bare) return { code: `${bare[1]}-${bare[2]}-${bare[3]}`, signature: null };
  return null;
}

export function signatureMatches(expected: string, given: string): boolean {
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** `LAN-20251007-0001`: prefix, business date, sequence of the day (at least four digits). */
export function ticketCode(prefix: string, businessDate: string, sequence: number): string {
  return `${prefix}-${businessDate.replaceAll('-', '')}-${String(sequence).padStart(4, '0')}`;
}
