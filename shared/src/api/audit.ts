import { z } from 'zod';
import { Page } from './common.ts';

export const AuditQuery = Page.extend({
  user: z.string().max(64).optional(),
  entity: z.string().max(64).optional(),
  entity_id: z.string().max(64).optional(),
  action: z.string().max(64).optional(),
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
});

export const AuditEntry = z.object({
  id: z.string(),
  seq: z.number().int(),
  at: z.string(),
  user_id: z.string().nullable(),
  username: z.string().nullable(),
  entity: z.string(),
  entity_id: z.string().nullable(),
  action: z.string(),
  before: z.unknown(),
  after: z.unknown(),
  ip: z.string().nullable(),
});
export type AuditEntry = z.infer<typeof AuditEntry>;
