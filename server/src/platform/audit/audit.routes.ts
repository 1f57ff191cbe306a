import { AuditQuery } from '@matriz/shared/api/audit';
import type { App } from '../http/types.ts';
import type { Platform } from '../platform.ts';
import { searchAudit } from './audit.repo.ts';

const parse = (json: string | null): unknown => (json === null ? null : JSON.parse(json));

export function registerAuditRoutes(app: App, platform: Platform): void {
  app.get(
    '/audit',
    { config: { access: 'platform.audit.read' }, schema: { tags: ['audit'], querystring: AuditQuery } },
    async (request) => {
      const q = request.query;
      const { rows, total } = await searchAudit(platform.db, {
        user: q.user,
        entity: q.entity,
        entityId: q.entity_id,
        action: q.action,
        from: q.from,
        to: q.to,
        page: q.page,
        pageSize: q.page_size,
      });
      return {
        items: rows.map((r) => ({
          id: r.id,
          seq: Number(r.seq),
          at: r.at,
          user_id: r.user_id,
          username: r.username,
          entity: r.entity,
          entity_id: r.entity_id,
          action: r.action,
          before: parse(r.before_json),
          after: parse(r.after_json),
          ip: r.ip,
        })),
        total,
        page: q.page,
        page_size: q.page_size,
      };
    },
  );
}
