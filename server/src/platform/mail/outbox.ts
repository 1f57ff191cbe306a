import { mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { AppError, notFound } from '../errors.ts';

/** E-mails that could not go to an SMTP server, kept as `.eml` files, newest first. */
export const OUTBOX_FILE = /^[0-9A-Za-z_.-]{1,120}\.eml$/;

export function outboxDir(dataDir: string): string {
  return join(dataDir, 'outbox');
}

export async function writeOutboxFile(dataDir: string, name: string, content: Buffer): Promise<string> {
  const dir = outboxDir(dataDir);
  await mkdir(dir, { recursive: true });
  const file = join(dir, name);
  await writeFile(file, content, { mode: 0o600 });
  return file;
}

export interface OutboxEntry {
  file: string;
  size: number;
  created_at: string;
  to: string;
  subject: string;
}

function header(head: string, name: string): string {
  const match = new RegExp(`^${name}:[ \\t]*(.*(?:\\n[ \\t].*)*)`, 'im').exec(head);
  return match ? decodeMimeWords(match[1].replace(/\n[ \t]+/g, ' ').trim()) : '';
}

/** Decodes RFC 2047 encoded words (=?UTF-8?Q?…?= / =?UTF-8?B?…?=) for display. */
function decodeMimeWords(text: string): string {
  return text
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(/=\?([^?]+)\?([QqBb])\?([^?]*)\?=/g, (_, _charset: string, encoding: string, data: string) => {
      if (encoding.toUpperCase() === 'B') return Buffer.from(data, 'base64').toString('utf8');
      const bytes = data
        .replace(/_/g, ' ')
        .replace(/=([0-9A-Fa-f]{2})/g, (_m, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));
      return Buffer.from(bytes, 'latin1').toString('utf8');
    });
}

export async function listOutbox(dataDir: string, limit = 500): Promise<OutboxEntry[]> {
  const dir = outboxDir(dataDir);
  let names: string[];
  try {
    names = await readdir(dir);
  } catch {
    return [];
  }
  const files = names
    .filter((n) => OUTBOX_FILE.test(n))
    .sort()
    .reverse()
    .slice(0, limit);
  const entries: OutboxEntry[] = [];
  for (const file of files) {
    const path = join(dir, file);
    const [info, content] = await Promise.all([stat(path), readFile(path)]);
    const text = content.subarray(0, 16_384).toString('utf8').replace(/\r\n/g, '\n');
    const head = text.split('\n\n')[0];
    entries.push({
      file,
      size: info.size,
      created_at: info.mtime.toISOString(),
      to: header(head, 'To'),
      subject: header(head, 'Subject'),
    });
  }
  return entries;
}

/** The raw bytes of one outbox file; the name is checked, never a path from the client. */
export async function readOutboxFile(dataDir: string, file: string): Promise<Buffer> {
  if (!OUTBOX_FILE.test(file)) throw new AppError('VALIDATION_ERROR', 400, { field: 'file', reason: '.eml' });
  try {
    return await readFile(join(outboxDir(dataDir), file));
  } catch {
    throw notFound('outbox', file);
  }
}
