import { z } from 'zod';
import { Page } from './common.ts';

export const JobOutcome = z.enum(['ok', 'retrying', 'failed', 'alert']);
export type JobOutcome = z.infer<typeof JobOutcome>;
export const RunOutcome = z.enum(['running', 'ok', 'retrying', 'failed', 'alert']);
export type RunOutcome = z.infer<typeof RunOutcome>;

export const ScheduleView = z.union([
  z.object({ every: z.literal('minutes'), n: z.number().int() }),
  z.object({ every: z.literal('day'), at: z.string() }),
  z.object({ every: z.literal('week'), weekday: z.number().int(), at: z.string() }),
  z.object({ every: z.literal('month'), day: z.number().int(), at: z.string() }),
]);
export type ScheduleView = z.infer<typeof ScheduleView>;

export const JobView = z.object({
  name: z.string(),
  schedule: ScheduleView,
  /** false: the row exists but no enabled module of this server defines the job (it will not run). */
  registered: z.boolean(),
  next_run_at: z.string(),
  running: z.boolean(),
  lease_owner: z.string().nullable(),
  lease_until: z.string().nullable(),
  attempts: z.number().int(),
  last_run_at: z.string().nullable(),
  last_finished_at: z.string().nullable(),
  last_outcome: JobOutcome.nullable(),
  last_error: z.string().nullable(),
});
export type JobView = z.infer<typeof JobView>;

export const JobRunView = z.object({
  id: z.string(),
  job_name: z.string(),
  trigger: z.enum(['schedule', 'retry', 'manual']),
  attempt: z.number().int(),
  instance_id: z.string(),
  scheduled_for: z.string().nullable(),
  started_at: z.string(),
  finished_at: z.string().nullable(),
  outcome: RunOutcome,
  error: z.string().nullable(),
  result: z.unknown(),
  requested_by: z.string().nullable(),
});
export type JobRunView = z.infer<typeof JobRunView>;

export const JobNameParams = z.strictObject({ name: z.string().min(1).max(100) });
export const JobRunsQuery = Page;

// Mail outbox (e-mails kept as files when no SMTP server is configured).
export const OutboxItem = z.object({
  file: z.string(),
  size: z.number().int(),
  created_at: z.string(),
  to: z.string(),
  subject: z.string(),
});
export type OutboxItem = z.infer<typeof OutboxItem>;
export const OutboxFileParams = z.strictObject({
  file: z.string().regex(/^[0-9A-Za-z_.-]{1,120}\.eml$/, 'nombre de archivo .eml'),
});

// The operator's signing certificate (PKCS#12) for signed PDFs.
export const CertificateUploadBody = z.strictObject({
  /** The .p12/.pfx file, base64-encoded. */
  p12_base64: z.string().min(16).max(700_000),
  password: z.string().max(256),
});
export const CertificateView = z.object({
  subject: z.string(),
  issuer: z.string(),
  serial: z.string(),
  not_before: z.string(),
  not_after: z.string(),
  fingerprint_sha256: z.string(),
  uploaded_at: z.string(),
});
export type CertificateView = z.infer<typeof CertificateView>;
