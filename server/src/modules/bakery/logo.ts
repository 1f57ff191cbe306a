import type { Actor } from '../../platform/audit/audit.ts';
import { AppError } from '../../platform/errors.ts';
import type { Platform } from '../../platform/platform.ts';
import { bakeryDb, readSetting, writeSetting } from './bakery.repo.ts';

export const MAX_LOGO_BYTES = 512 * 1024;

interface StoredLogo {
  filename: string;
  mime: 'image/png' | 'image/jpeg';
  size: number;
  data_base64: string;
}

export interface Logo {
  mime: 'image/png' | 'image/jpeg';
  bytes: Buffer;
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const JPEG_SIGNATURE = Buffer.from([0xff, 0xd8, 0xff]);

/** The declared type must match the file's own signature; a name is only a label, never a path. */
export async function uploadLogo(
  platform: Platform,
  actor: Actor,
  input: { filename: string; mime: 'image/png' | 'image/jpeg'; dataBase64: string },
): Promise<{ filename: string; mime: string; size: number }> {
  if (/[/\\]|\.\./.test(input.filename) || input.filename.startsWith('.')) {
    throw new AppError('LOGO_BAD_NAME', 422, { filename: input.filename });
  }
  const bytes = Buffer.from(input.dataBase64, 'base64');
  if (bytes.length > MAX_LOGO_BYTES)
    throw new AppError('LOGO_TOO_LARGE', 413, { size: bytes.length, max: MAX_LOGO_BYTES });
  const signature = input.mime === 'image/png' ? PNG_SIGNATURE : JPEG_SIGNATURE;
  if (bytes.length < 16 || !bytes.subarray(0, signature.length).equals(signature)) {
    throw new AppError('LOGO_BAD_TYPE', 415, { mime: input.mime });
  }
  const stored: StoredLogo = {
    filename: input.filename,
    mime: input.mime,
    size: bytes.length,
    data_base64: bytes.toString('base64'),
  };
  await platform.db.transaction().execute(async (trx) => {
    await writeSetting(bakeryDb(trx), 'logo', stored, platform.clock.now().toISOString());
    await platform.audit(trx, actor, {
      entity: 'bakery_settings',
      entityId: 'logo',
      action: 'upload_logo',
      after: { filename: stored.filename, mime: stored.mime, size: stored.size },
    });
  });
  return { filename: stored.filename, mime: stored.mime, size: stored.size };
}

export async function loadLogo(platform: Platform): Promise<Logo | null> {
  const stored = await readSetting<StoredLogo>(bakeryDb(platform.db), 'logo');
  return stored ? { mime: stored.mime, bytes: Buffer.from(stored.data_base64, 'base64') } : null;
}
