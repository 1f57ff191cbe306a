import type { Kysely, Transaction } from 'kysely';
import type { PlatformTables } from '../db/tables.ts';

type Db = Kysely<PlatformTables> | Transaction<PlatformTables>;

const MODULE = 'platform';
const KEY = 'signing_certificate';

/** The stored certificate: the PKCS#12 bytes, its password encrypted with the operator secret, and a summary. */
export interface StoredCertificate {
  p12_base64: string;
  password_enc: string;
  subject: string;
  issuer: string;
  serial: string;
  not_before: string;
  not_after: string;
  fingerprint_sha256: string;
  uploaded_at: string;
  uploaded_by: string | null;
}

export async function readStoredCertificate(db: Db): Promise<StoredCertificate | null> {
  const row = await db
    .selectFrom('settings')
    .select('value_json')
    .where('module', '=', MODULE)
    .where('key', '=', KEY)
    .executeTakeFirst();
  return row ? (JSON.parse(row.value_json) as StoredCertificate) : null;
}

export async function writeStoredCertificate(db: Db, value: StoredCertificate, at: string): Promise<void> {
  const value_json = JSON.stringify(value);
  await db
    .insertInto('settings')
    .values({ module: MODULE, key: KEY, value_json, updated_at: at })
    .onConflict((oc) => oc.columns(['module', 'key']).doUpdateSet({ value_json, updated_at: at }))
    .execute();
}
