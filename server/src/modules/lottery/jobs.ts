import type { JobDefinition } from '../../platform/jobs/job.ts';
import { advanceDraws } from './advance-draws.ts';
import { generateDrawsForSalesWindow } from './generate-draws.ts';

/** The draw calendar runs itself: the coming days' draws every night, open/close every minute. */
export const lotteryJobs: JobDefinition[] = [
  {
    name: 'lottery.draws.generate',
    schedule: { every: 'day', at: '00:05' },
    run: async (platform) => generateDrawsForSalesWindow(platform),
  },
  {
    name: 'lottery.draws.advance',
    schedule: { every: 'minutes', n: 1 },
    leaseMs: 60_000,
    run: async (platform) => {
      const { opened, closed } = await advanceDraws(platform);
      return { opened: opened.length, closed: closed.length };
    },
  },
];
