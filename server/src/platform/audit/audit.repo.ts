import type { Kysely } from 'kysely';
import { countAll } from '../db/sql.ts';
import type { PlatformTables } from '../db/tables.ts';

export interface AuditFilter {
  user?: string;
  entity?: string;
  entityId?: string;
  action?: string;
  from?: string;
  to?: string;
  page: number;
  pageSize: number;
}

export async function searchAudit(db: Kysely<PlatformTables>, filter: AuditFilter) {
  let query = db.selectFrom('audit_log');
  if (filter.user) {
    const user = filter.user.toLowerCase();
    query = query.where((eb) => eb.or([eb('user_id', '=', user), eb('username', '=', user)]));
  }
  if (filter.entity) query = query.where('entity', '=', filter.entity);
  if (filter.entityId) query = query.where('entity_id', '=', filter.entityId);
  if (filter.action) query = query.where('action', '=', filter.action);
  if (filter.from) query = query.where('business_date', '>=', filter.from);
  if (filter.to) query = query.where('business_date', '<=', filter.to);
  const total = await query.select(countAll().as('n')).executeTakeFirstOrThrow();
  const rows = await query
    .selectAll()
    .orderBy('seq', 'desc')
    .limit(filter.pageSize)
    .offset((filter.page - 1) * filter.pageSize)
    .execute();
  return { rows, total: Number(total.n) };
}
