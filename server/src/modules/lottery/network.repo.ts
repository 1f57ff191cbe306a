import type { ExpressionBuilder, Selectable, Updateable } from 'kysely';
import { countAll, likeContains, searchFold, searchFolded } from '../../platform/db/sql.ts';
import type { PlatformTables } from '../../platform/db/tables.ts';
import type { AllLotteryTables, LotteryDb } from './db.ts';
import type {
  LotteryAgentsTable,
  LotteryAssignmentsTable,
  LotteryBancasTable,
  LotteryTables,
  LotteryZonesTable,
} from './tables.ts';

type BancaAs<Alias extends string> = PlatformTables &
  AllLotteryTables & { [A in Alias]: AllLotteryTables['lottery_bancas'] };

/** Bancas (aliased `b`) a user is assigned to: directly, or through a zone assigned to them. */
export function assignedToUser(eb: ExpressionBuilder<BancaAs<'b'>, 'b'>, userId: string) {
  const assigned = (column: 'banca_id' | 'zone_id') =>
    eb
      .selectFrom('lottery_assignments')
      .select(column)
      .where('user_id', '=', userId)
      .where(column, 'is not', null)
      .$narrowType<{ [C in typeof column]: string }>();
  return eb.or([eb('b.id', 'in', assigned('banca_id')), eb('b.zone_id', 'in', assigned('zone_id'))]);
}

export interface ListFilter {
  q?: string;
  active?: boolean;
  page: number;
  pageSize: number;
}

export type ZoneRow = Selectable<LotteryZonesTable> & { banca_count: number; active_banca_count: number };
export type BancaRow = Selectable<LotteryTables['lottery_bancas']> & {
  zone_code: string;
  zone_name: string;
  /** 0 when the zone is switched off: none of its bancas sells. */
  zone_active: number;
  user_count: number;
};
export type AgentRow = Selectable<LotteryAgentsTable> & { zone_name: string | null };

// ── zones ────────────────────────────────────────────────────────────────────────────────────

function zonesQuery(db: LotteryDb) {
  return db
    .selectFrom('lottery_zones as z')
    .selectAll('z')
    .select((eb) =>
      eb
        .selectFrom('lottery_bancas as b')
        .select(countAll().as('n'))
        .whereRef('b.zone_id', '=', 'z.id')
        .as('banca_count'),
    )
    .select((eb) =>
      eb
        .selectFrom('lottery_bancas as b')
        .select(countAll().as('n'))
        .whereRef('b.zone_id', '=', 'z.id')
        .where('b.active', '=', 1)
        .as('active_banca_count'),
    );
}

export async function listZones(
  db: LotteryDb,
  filter: ListFilter,
): Promise<{ items: ZoneRow[]; total: number }> {
  let where = db.selectFrom('lottery_zones as z');
  if (filter.q) {
    const pattern = likeContains(searchFold(filter.q));
    where = where.where((eb) =>
      eb.or([eb(searchFolded('z.code'), 'like', pattern), eb(searchFolded('z.name'), 'like', pattern)]),
    );
  }
  if (filter.active !== undefined) where = where.where('z.active', '=', filter.active ? 1 : 0);
  const total = await where.select(countAll().as('n')).executeTakeFirstOrThrow();
  const ids = where.select('z.id');
  const items = await zonesQuery(db)
    .where('z.id', 'in', ids)
    .orderBy('z.code')
    .limit(filter.pageSize)
    .offset((filter.page - 1) * filter.pageSize)
    .execute();
  return { items: items.map(withCount), total: Number(total.n) };
}

const withCount = <T extends { banca_count: unknown; active_banca_count: unknown }>(row: T) => ({
  ...row,
  banca_count: Number(row.banca_count),
  active_banca_count: Number(row.active_banca_count),
});

export async function findZone(db: LotteryDb, id: string): Promise<ZoneRow | null> {
  const row = await zonesQuery(db).where('z.id', '=', id).executeTakeFirst();
  return row ? withCount(row) : null;
}

export async function insertZone(db: LotteryDb, zone: LotteryZonesTable): Promise<void> {
  await db.insertInto('lottery_zones').values(zone).execute();
}

export async function updateZoneRow(
  db: LotteryDb,
  id: string,
  changes: Updateable<LotteryZonesTable>,
): Promise<void> {
  await db.updateTable('lottery_zones').set(changes).where('id', '=', id).execute();
}

/** Rows elsewhere that point at the zone: while any exists it can only be deactivated. */
export async function zoneUses(db: LotteryDb, id: string): Promise<number> {
  const [bancas, agents, people] = await Promise.all([
    db
      .selectFrom('lottery_bancas')
      .select(countAll().as('n'))
      .where('zone_id', '=', id)
      .executeTakeFirstOrThrow(),
    db
      .selectFrom('lottery_agents')
      .select(countAll().as('n'))
      .where('zone_id', '=', id)
      .executeTakeFirstOrThrow(),
    db
      .selectFrom('lottery_assignments')
      .select(countAll().as('n'))
      .where('zone_id', '=', id)
      .executeTakeFirstOrThrow(),
  ]);
  return Number(bancas.n) + Number(agents.n) + Number(people.n);
}

export async function deleteZoneRow(db: LotteryDb, id: string): Promise<void> {
  await db.deleteFrom('lottery_zones').where('id', '=', id).execute();
}

// ── bancas ───────────────────────────────────────────────────────────────────────────────────

function bancasQuery(db: LotteryDb) {
  return db
    .selectFrom('lottery_bancas as b')
    .innerJoin('lottery_zones as z', 'z.id', 'b.zone_id')
    .selectAll('b')
    .select(['z.code as zone_code', 'z.name as zone_name', 'z.active as zone_active'])
    .select((eb) =>
      eb
        .selectFrom('lottery_assignments as a')
        .select(countAll().as('n'))
        .whereRef('a.banca_id', '=', 'b.id')
        .as('user_count'),
    );
}

export interface BancaFilter extends ListFilter {
  zoneId?: string;
  /** Data scope: only the bancas this user works at, directly or through a zone. */
  visibleTo?: string;
}

export async function listBancas(
  db: LotteryDb,
  filter: BancaFilter,
): Promise<{ items: BancaRow[]; total: number }> {
  let where = db.selectFrom('lottery_bancas as b');
  if (filter.q) {
    const pattern = likeContains(searchFold(filter.q));
    where = where.where((eb) =>
      eb.or([
        eb(searchFolded('b.code'), 'like', pattern),
        eb(searchFolded('b.name'), 'like', pattern),
        eb(searchFolded('b.owner_name'), 'like', pattern),
      ]),
    );
  }
  if (filter.active !== undefined) where = where.where('b.active', '=', filter.active ? 1 : 0);
  if (filter.zoneId) where = where.where('b.zone_id', '=', filter.zoneId);
  if (filter.visibleTo) {
    const userId = filter.visibleTo;
    where = where.where((eb) => assignedToUser(eb, userId));
  }
  const total = await where.select(countAll().as('n')).executeTakeFirstOrThrow();
  const items = await bancasQuery(db)
    .where('b.id', 'in', where.select('b.id'))
    .orderBy('b.code')
    .limit(filter.pageSize)
    .offset((filter.page - 1) * filter.pageSize)
    .execute();
  return { items: items.map(withUserCount), total: Number(total.n) };
}

const withUserCount = <T extends { user_count: unknown }>(row: T) => ({
  ...row,
  user_count: Number(row.user_count),
});

export async function findBanca(db: LotteryDb, id: string): Promise<BancaRow | null> {
  const row = await bancasQuery(db).where('b.id', '=', id).executeTakeFirst();
  return row ? withUserCount(row) : null;
}

export async function findBancaByCode(db: LotteryDb, code: string): Promise<BancaRow | null> {
  const row = await bancasQuery(db).where('b.code', '=', code).executeTakeFirst();
  return row ? withUserCount(row) : null;
}

export async function insertBancas(db: LotteryDb, bancas: LotteryBancasTable[]): Promise<void> {
  if (bancas.length > 0) await db.insertInto('lottery_bancas').values(bancas).execute();
}

/**
 * Saves an edit and counts it in `version`; with `expectedVersion`, only over that version, so of
 * two edits opened on the same one the second finds it gone. Returns whether the row was written.
 */
export async function updateBancaRow(
  db: LotteryDb,
  id: string,
  changes: Updateable<LotteryBancasTable>,
  expectedVersion?: number,
): Promise<boolean> {
  let query = db
    .updateTable('lottery_bancas')
    .set((eb) => ({ ...changes, version: eb('version', '+', 1) }))
    .where('id', '=', id);
  if (expectedVersion !== undefined) query = query.where('version', '=', expectedVersion);
  const result = await query.executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function bancaUses(db: LotteryDb, id: string): Promise<number> {
  const people = await db
    .selectFrom('lottery_assignments')
    .select(countAll().as('n'))
    .where('banca_id', '=', id)
    .executeTakeFirstOrThrow();
  return Number(people.n);
}

/** The banca's own configuration goes with it; any other reference makes the delete fail. */
export async function deleteBancaRow(db: LotteryDb, id: string): Promise<void> {
  await db
    .deleteFrom('lottery_prize_multipliers')
    .where('scope', '=', 'banca')
    .where('scope_id', '=', id)
    .execute();
  await db.deleteFrom('lottery_commission_rates').where('banca_scope', '=', id).execute();
  await db.deleteFrom('lottery_bancas').where('id', '=', id).execute();
}

/** The bancas a user may sell at: assigned directly, or in a zone assigned to them; active only. */
export async function findBancasOfUser(db: LotteryDb, userId: string): Promise<BancaRow[]> {
  const rows = await bancasQuery(db)
    .where('b.active', '=', 1)
    .where((eb) => assignedToUser(eb, userId))
    .orderBy('b.code')
    .execute();
  return rows.map(withUserCount);
}

// ── assignments ──────────────────────────────────────────────────────────────────────────────

export async function listAssignments(
  db: LotteryDb,
  filter: { bancaId?: string; zoneId?: string; userId?: string },
) {
  let query = db
    .selectFrom('lottery_assignments as a')
    .innerJoin('users as u', 'u.id', 'a.user_id')
    .leftJoin('lottery_bancas as b', 'b.id', 'a.banca_id')
    .leftJoin('lottery_zones as z', (join) =>
      join.on((eb) => eb.or([eb('z.id', '=', eb.ref('a.zone_id')), eb('z.id', '=', eb.ref('b.zone_id'))])),
    )
    .select([
      'a.id',
      'a.user_id',
      'u.username',
      'u.full_name',
      'u.active as user_active',
      'a.role',
      'a.banca_id',
      'b.code as banca_code',
      'b.name as banca_name',
      'z.id as zone_id',
      'z.name as zone_name',
      'a.created_at',
    ]);
  if (filter.bancaId) query = query.where('a.banca_id', '=', filter.bancaId);
  if (filter.zoneId) query = query.where('a.zone_id', '=', filter.zoneId);
  if (filter.userId) query = query.where('a.user_id', '=', filter.userId);
  return query.orderBy('u.username').orderBy('a.created_at').limit(1000).execute();
}

export type AssignmentRow = Awaited<ReturnType<typeof listAssignments>>[number];

export async function findAssignment(
  db: LotteryDb,
  id: string,
): Promise<Selectable<LotteryAssignmentsTable> | null> {
  return (
    (await db.selectFrom('lottery_assignments').selectAll().where('id', '=', id).executeTakeFirst()) ?? null
  );
}

export async function insertAssignments(db: LotteryDb, rows: LotteryAssignmentsTable[]): Promise<void> {
  if (rows.length > 0) await db.insertInto('lottery_assignments').values(rows).execute();
}

export async function deleteAssignmentRow(db: LotteryDb, id: string): Promise<void> {
  await db.deleteFrom('lottery_assignments').where('id', '=', id).execute();
}

export async function findUserBrief(db: LotteryDb, userId: string) {
  return (
    (await db
      .selectFrom('users')
      .select(['id', 'username', 'active'])
      .where('id', '=', userId)
      .executeTakeFirst()) ?? null
  );
}

export async function findUserIdsByUsername(
  db: LotteryDb,
  usernames: string[],
): Promise<Map<string, string>> {
  if (usernames.length === 0) return new Map();
  const rows = await db
    .selectFrom('users')
    .select(['id', 'username'])
    .where('username', 'in', usernames)
    .execute();
  return new Map(rows.map((r) => [r.username, r.id]));
}

// ── agents ───────────────────────────────────────────────────────────────────────────────────

function agentsQuery(db: LotteryDb) {
  return db
    .selectFrom('lottery_agents as g')
    .leftJoin('lottery_zones as z', 'z.id', 'g.zone_id')
    .selectAll('g')
    .select('z.name as zone_name');
}

export async function listAgents(
  db: LotteryDb,
  filter: ListFilter,
): Promise<{ items: AgentRow[]; total: number }> {
  let where = db.selectFrom('lottery_agents as g');
  if (filter.q) {
    const pattern = likeContains(searchFold(filter.q));
    where = where.where((eb) =>
      eb.or([eb(searchFolded('g.code'), 'like', pattern), eb(searchFolded('g.name'), 'like', pattern)]),
    );
  }
  if (filter.active !== undefined) where = where.where('g.active', '=', filter.active ? 1 : 0);
  const total = await where.select(countAll().as('n')).executeTakeFirstOrThrow();
  const items = await agentsQuery(db)
    .where('g.id', 'in', where.select('g.id'))
    .orderBy('g.code')
    .limit(filter.pageSize)
    .offset((filter.page - 1) * filter.pageSize)
    .execute();
  return { items, total: Number(total.n) };
}

export async function findAgent(db: LotteryDb, id: string): Promise<AgentRow | null> {
  return (await agentsQuery(db).where('g.id', '=', id).executeTakeFirst()) ?? null;
}

export async function insertAgents(db: LotteryDb, agents: LotteryAgentsTable[]): Promise<void> {
  if (agents.length > 0) await db.insertInto('lottery_agents').values(agents).execute();
}

export async function updateAgentRow(
  db: LotteryDb,
  id: string,
  changes: Updateable<LotteryAgentsTable>,
): Promise<void> {
  await db.updateTable('lottery_agents').set(changes).where('id', '=', id).execute();
}

export async function deleteAgentRow(db: LotteryDb, id: string): Promise<void> {
  await db.deleteFrom('lottery_agents').where('id', '=', id).execute();
}
