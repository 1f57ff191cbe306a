import type { UserView } from '@matriz/shared/api/users';
import type { UserRow } from './users.repo.ts';

export function presentUser(user: UserRow): UserView {
  return {
    id: user.id,
    username: user.username,
    full_name: user.full_name,
    email: user.email,
    roles: user.roles,
    active: user.active === 1,
    created_at: user.created_at,
    last_login_at: user.last_login_at,
  };
}

/** The audit's before/after picture of a user: never the password hash. */
export function auditPicture(user: UserRow) {
  return {
    username: user.username,
    full_name: user.full_name,
    email: user.email,
    roles: user.roles,
    active: user.active === 1,
  };
}
