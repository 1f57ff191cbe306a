import { z } from 'zod';

export const LoginBody = z.strictObject({
  username: z.string().trim().min(1).max(64),
  password: z.string().min(1).max(256),
});

export const SessionUser = z.object({
  id: z.string(),
  username: z.string(),
  full_name: z.string(),
  roles: z.array(z.string()),
  permissions: z.array(z.string()),
});
export type SessionUser = z.infer<typeof SessionUser>;

export const MeResponse = z.object({
  user: SessionUser,
  modules: z.array(z.string()),
  must_change_password: z.boolean(),
});
export type MeResponse = z.infer<typeof MeResponse>;

/** Password policy: long enough to resist guessing, no composition theatre. */
export const NewPassword = z.string().min(8).max(256);

export const ChangePasswordBody = z.strictObject({
  current_password: z.string().min(1).max(256),
  new_password: NewPassword,
});

export const ApiTokenBody = z.strictObject({
  name: z.string().trim().min(1).max(100),
  scopes: z.array(z.string().min(1).max(100)).min(1).max(100),
  expires_at: z.iso.datetime().optional(),
});
