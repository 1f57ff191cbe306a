import { OutboxFileParams } from '@matriz/shared/api/jobs';
import type { App } from '../http/types.ts';
import type { Platform } from '../platform.ts';
import { listOutbox, readOutboxFile } from './outbox.ts';

/** The admin's view of e-mails kept in the outbox folder (no SMTP server configured, or it failed). */
export function registerMailRoutes(app: App, platform: Platform): void {
  const access = { access: 'platform.jobs.manage' as const };

  app.get('/mail/outbox', { config: access, schema: { tags: ['mail'] } }, async () => {
    const items = await listOutbox(platform.config.dataDir);
    return { items, total: items.length };
  });

  app.get(
    '/mail/outbox/:file',
    { config: access, schema: { tags: ['mail'], params: OutboxFileParams } },
    async (request, reply) => {
      const content = await readOutboxFile(platform.config.dataDir, request.params.file);
      return reply
        .type('message/rfc822')
        .header('Content-Disposition', `attachment; filename="${request.params.file}"`)
        .send(content);
    },
  );
}
