import type { JobDefinition } from '../../platform/jobs/job.ts';
import { emailSellerReports } from './email-seller-reports.ts';
import { remindMissingPedidos } from './remind-missing-pedidos.ts';

/**
 * Ticks every 15 minutes; from the configured hour (settings `reminders.pedidoReminderAt`, default
 * 10:00 Bogotá) of a business day it reminds the sellers still without today's pedido, once a day.
 */
export const pedidoReminderJob: JobDefinition = {
  name: 'bakery.pedido.reminder',
  schedule: { every: 'minutes', n: 15 },
  maxAttempts: 3,
  run: (platform, context) => remindMissingPedidos(platform, context.now),
};

export const weeklyReportJob: JobDefinition = {
  name: 'bakery.report.weekly',
  schedule: { every: 'week', weekday: 1, at: '06:00' },
  maxAttempts: 3,
  leaseMs: 30 * 60_000,
  run: (platform, context) => emailSellerReports(platform, 'weekly', context.now),
};

export const monthlyReportJob: JobDefinition = {
  name: 'bakery.report.monthly',
  schedule: { every: 'month', day: 1, at: '06:00' },
  maxAttempts: 3,
  leaseMs: 30 * 60_000,
  run: (platform, context) => emailSellerReports(platform, 'monthly', context.now),
};

export const bakeryMailJobs = [pedidoReminderJob, weeklyReportJob, monthlyReportJob];
