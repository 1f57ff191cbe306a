import type { Kysely, Transaction } from 'kysely';
import { countAll, likeContains } from '../db/sql.ts';
import type { PlatformTables, UsersTable } from '../db/tables.ts';

type Db = Kysely<PlatformTables> | Transaction<PlatformTables>;

export interface UserRow extends UsersTable {
  roles: string[];
}

async function withRoles(db: Db, users: UsersTable[]): Promise<UserRow[]> {
  if (users.length === 0) return [];
  const roles = await db
    .selectFrom('user_roles')
    .select(['user_id', 'role'])
    .where(
      'user_id',
      'in',
      users.map((u) => u.id),
    )
    .orderBy('role')
    .execute();
  return users.map((u) => ({ ...u, roles: roles.filter((r) => r.user_id === u.id).map((r) => r.role) }));
}

export async function findUserById(db: Db, id: string): Promise<UserRow | null> {
  const user = await db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
  return user ? (await withRoles(db, [user]))[0] : null;
}

export async function findUserByUsername(db: Db, username: string): Promise<UserRow | null> {
  const user = await db
    .selectFrom('users')
    .selectAll()
    .where('username', '=', username.toLowerCase())
    .executeTakeFirst();
  return user ? (await withRoles(db, [user]))[0] : null;
}

export interface UserFilter {
  q?: string;
  active?: boolean;
  role?: string;
  page: number;
  pageSize: number;
}

export async function listUsers(db: Db, filter: UserFilter): Promise<{ items: UserRow[]; total: number }> {
  let query = db.selectFrom('users');
  if (filter.q) {
    const pattern = likeContains(filter.q.toLowerCase());
    query = query.where((eb) =>
      eb.or([
        eb(eb.fn('lower', ['username']), 'like', pattern),
        eb(eb.fn('lower', ['full_name']), 'like', pattern),
      ]),
    );
  }
  if (filter.active !== undefined) query = query.where('active', '=', filter.active ? 1 : 0);
  if (filter.role) {
    const role = filter.role;
    query = query.where('id', 'in', (eb) =>
      eb.selectFrom('user_roles').select('user_id').where('role', '=', role),
    );
  }
  const total = await query.select(countAll().as('n')).executeTakeFirstOrThrow();
  const users = await query
    .selectAll()
    .orderBy('username')
    .limit(filter.pageSize)
    .offset((filter.page - 1) * filter.pageSize)
    .execute();
  return { items: await withRoles(db, users), total: Number(total.n) };
}

export async function insertUser(db: Db, user: UsersTable, roles: string[]): Promise<void> {
  await db.insertInto('users').values(user).execute();
  await setUserRoles(db, user.id, roles);
}

export async function setUserRoles(db: Db, userId: string, roles: string[]): Promise<void> {
  await db.deleteFrom('user_roles').where('user_id', '=', userId).execute();
  if (roles.length > 0) {
    await db
      .insertInto('user_roles')
      .values(roles.map((role) => ({ user_id: userId, role })))
      .execute();
  }
}

export async function updateUser(db: Db, id: string, changes: Partial<UsersTable>): Promise<void> {
  await db.updateTable('users').set(changes).where('id', '=', id).execute();
}

export async function deleteUserRow(db: Db, id: string): Promise<void> {
  await db.deleteFrom('users').where('id', '=', id).execute();
}

export async function userActedInAudit(db: Db, id: string): Promise<boolean> {
  const row = await db
    .selectFrom('audit_log')
    .select('seq')
    .where('user_id', '=', id)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

export async function countUsers(db: Db): Promise<number> {
  const row = await db.selectFrom('users').select(countAll().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}
