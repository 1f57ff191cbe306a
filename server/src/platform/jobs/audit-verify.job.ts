import { verifyAuditChain } from '../audit/audit.ts';
import { notifyNow } from '../notifications/notify.ts';
import { JobAlert, type JobDefinition } from './job.ts';

/** Nightly check of the audit hash chain; a break alerts everyone who reads the audit trail. */
export const auditVerifyJob: JobDefinition = {
  name: 'audit.verify',
  schedule: { every: 'day', at: '02:30' },
  maxAttempts: 3,
  async run(platform) {
    const result = await verifyAuditChain(platform.db);
    if (result.ok) return { ok: true, checked: result.checked };
    await notifyNow(platform, {
      permission: 'platform.audit.read',
      kind: 'audit.broken',
      title: { key: 'notifications.audit_broken.title' },
      body: {
        key: 'notifications.audit_broken.body',
        values: { seq: result.brokenAt, reason: result.reason, checked: result.checked },
      },
      link: '/admin/audit',
      email: true,
    });
    throw new JobAlert(`audit chain broken at ${result.brokenAt}: ${result.reason}`, result);
  },
};

/** Jobs the platform itself owns; modules bring theirs through ModuleDefinition.jobs. */
export const platformJobs: JobDefinition[] = [auditVerifyJob];
