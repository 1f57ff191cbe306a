import { IdParams } from '@matriz/shared/api/common';
import type { Permission } from '@matriz/shared/auth/permissions';
import type { App } from '../../platform/http/types.ts';
import type { Platform } from '../../platform/platform.ts';
import { deleteRecord } from './delete-record.ts';
import type { RecordKind } from './records.ts';
import { setRecordActive } from './set-record-active.ts';

/** POST …/:id/deactivate, POST …/:id/reactivate and DELETE …/:id for one kind of record. */
export function registerRecordStateRoutes(
  app: App,
  platform: Platform,
  basePath: string,
  kind: RecordKind,
  access: Permission,
): void {
  const options = { config: { access }, schema: { tags: ['lottery'], params: IdParams } };
  app.post(`${basePath}/:id/deactivate`, options, async (request) => {
    await setRecordActive(platform, request.actor, kind, request.params.id, false);
    return { success: true };
  });
  app.post(`${basePath}/:id/reactivate`, options, async (request) => {
    await setRecordActive(platform, request.actor, kind, request.params.id, true);
    return { success: true };
  });
  app.delete(`${basePath}/:id`, options, async (request) => {
    await deleteRecord(platform, request.actor, kind, request.params.id);
    return { success: true };
  });
}
