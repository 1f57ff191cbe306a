import type { JobDefinition } from '../../platform/jobs/job.ts';
import { advanceDraws } from './advance-draws.ts';
import { expirePrizes } from './expire-prizes.ts';
import { generateDrawsForSalesWindow } from './generate-draws.ts';
import { moneyJobs } from './money-jobs.ts';
import { saleCatalog } from './sale-catalog.ts';
import { settlePendingDraws } from './settle-draw.ts';

/** The draw calendar runs itself: the coming days' draws every night, open/close every minute. */
export const lotteryJobs: JobDefinition[] = [
  {
    name: 'lottery.draws.generate',
    schedule: { every: 'day', at: '00:05' },
    run: async (platform) => {
      const generated = await generateDrawsForSalesWindow(platform);
      saleCatalog(platform).invalidate();
      return generated;
    },
  },
  {
    name: 'lottery.draws.advance',
    schedule: { every: 'minutes', n: 1 },
    leaseMs: 60_000,
    run: async (platform) => {
      const { opened, closed } = await advanceDraws(platform);
      if (opened.length > 0 || closed.length > 0) saleCatalog(platform).invalidate();
      return { opened: opened.length, closed: closed.length };
    },
  },
  {
    name: 'lottery.draws.settle',
    schedule: { every: 'minutes', n: 1 },
    leaseMs: 10 * 60_000,
    run: async (platform) => settlePendingDraws(platform),
  },
  {
    name: 'lottery.prizes.expire',
    schedule: { every: 'day', at: '00:20' },
    run: async (platform) => expirePrizes(platform),
  },
  ...moneyJobs,
];
