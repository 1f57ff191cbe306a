import { localDate } from '@matriz/shared/lottery/schedule';
import { JobAlert, type JobDefinition } from '../../platform/jobs/job.ts';
import { notifyNow } from '../../platform/notifications/notify.ts';
import { computeCashback } from './compute-cashback.ts';
import { deactivateBancasBelowBalance } from './deactivate-bancas.ts';
import { saleCatalog } from './sale-catalog.ts';
import { verifyLedger } from './verify-ledger.ts';

/** Money jobs (issue 8): nightly ledger proof, caída of the day just ended, deactivation by balance. */
export const moneyJobs: JobDefinition[] = [
  {
    name: 'lottery.ledger.verify',
    schedule: { every: 'day', at: '03:10' },
    leaseMs: 30 * 60_000,
    run: async (platform) => {
      const result = await verifyLedger(platform);
      if (result.ok) return { ok: true, accounts: result.totals.accounts };
      const first = result.problems[0];
      await notifyNow(platform, {
        permission: 'lottery.money.manage',
        kind: 'ledger.broken',
        title: { key: 'notifications.ledger_broken.title' },
        body: {
          key: 'notifications.ledger_broken.body',
          values: { check: first.check, message: first.message },
        },
        link: '/lottery/money',
        email: true,
      });
      throw new JobAlert(`ledger check failed [${first.check}]: ${first.message}`, result.problems);
    },
  },
  {
    name: 'lottery.cashback.compute',
    schedule: { every: 'day', at: '00:40' },
    run: async (platform, context) => {
      const yesterday = localDate(new Date(context.now.getTime() - 86_400_000), platform.config.timezone);
      return computeCashback(platform, yesterday);
    },
  },
  {
    name: 'lottery.bancas.deactivate',
    schedule: { every: 'minutes', n: 5 },
    run: async (platform) => {
      const result = await deactivateBancasBelowBalance(platform);
      if (result.deactivated.length > 0) saleCatalog(platform).invalidate();
      return result;
    },
  },
];
