import { z } from 'zod';
import { NewPassword } from './auth.ts';
import { Page } from './common.ts';

const Username = z
  .string()
  .trim()
  .toLowerCase()
  .min(3)
  .max(32)
  .regex(/^[a-z0-9._-]+$/, 'minúsculas, dígitos, punto, guion');

export const UserView = z.object({
  id: z.string(),
  username: z.string(),
  full_name: z.string(),
  email: z.string().nullable(),
  roles: z.array(z.string()),
  active: z.boolean(),
  created_at: z.string(),
  last_login_at: z.string().nullable(),
});
export type UserView = z.infer<typeof UserView>;

export const UserListQuery = Page.extend({
  q: z.string().trim().max(100).optional(),
  active: z.enum(['true', 'false']).optional(),
  role: z.string().max(32).optional(),
});

export const CreateUserBody = z.strictObject({
  username: Username,
  full_name: z.string().trim().min(1).max(120),
  email: z.email().max(200).nullable().optional(),
  password: NewPassword,
  roles: z.array(z.string().max(32)).min(1).max(8),
});

export const UpdateUserBody = z.strictObject({
  full_name: z.string().trim().min(1).max(120).optional(),
  email: z.email().max(200).nullable().optional(),
  roles: z.array(z.string().max(32)).min(1).max(8).optional(),
});

export const ResetPasswordBody = z.strictObject({ new_password: NewPassword });
