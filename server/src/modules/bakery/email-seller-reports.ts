import type { Language } from '@matriz/shared/i18n/translate';
import { businessDate } from '../../platform/clock.ts';
import { renderTablePdf } from '../../platform/exports/pdf.ts';
import { profilesFor } from '../../platform/notifications/notifications.repo.ts';
import { notify } from '../../platform/notifications/notify.ts';
import { notificationDb } from '../../platform/notifications/tables.ts';
import type { Platform } from '../../platform/platform.ts';
import { bakeryDb } from './bakery.repo.ts';
import { buildSalesReport } from './build-report.ts';
import { claimSend, sentSellerIds } from './mail-log.ts';
import { listSellers } from './sellers.repo.ts';
import { loadSettings } from './settings.ts';

export type ReportPeriod = 'weekly' | 'monthly';

function shift(day: string, days: number): string {
  const date = new Date(`${day}T12:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** The previous full week (Monday–Sunday) or calendar month before `today`. */
export function previousPeriod(period: ReportPeriod, today: string): { from: string; to: string } {
  if (period === 'weekly') {
    const weekday = (new Date(`${today}T12:00:00Z`).getUTCDay() + 6) % 7; // 0 = Monday
    const monday = shift(today, -weekday);
    return { from: shift(monday, -7), to: shift(monday, -1) };
  }
  const to = shift(`${today.slice(0, 7)}-01`, -1);
  return { from: `${to.slice(0, 7)}-01`, to };
}

/**
 * E-mails every active route seller with an address their own sales report (by product, PDF) for
 * the previous week or month, in their language; once per seller and period (bakery_mail_log).
 */
export async function emailSellerReports(
  platform: Platform,
  period: ReportPeriod,
  now: Date = platform.clock.now(),
) {
  const { timezone } = await loadSettings(platform);
  const range = previousPeriod(period, businessDate(now, timezone));
  const key = `${range.from}..${range.to}`;
  const kind = period === 'weekly' ? 'report_weekly' : 'report_monthly';
  const db = bakeryDb(platform.db);
  const [sellers, already] = await Promise.all([
    listSellers(db, { active: true }),
    sentSellerIds(db, kind, key),
  ]);
  const candidates = sellers.filter((s) => s.user_active === 1 && !already.has(s.user_id));
  const ids = candidates.map((s) => s.user_id);
  const emails = new Map(
    ids.length === 0
      ? []
      : (
          await db
            .selectFrom('users')
            .select(['id', 'email'])
            .where('id', 'in', ids)
            .where('email', 'is not', null)
            .execute()
        )
          .filter((u) => u.email?.trim())
          .map((u) => [u.id, u.email as string]),
  );
  const profiles = await profilesFor(notificationDb(platform.db), [...emails.keys()]);
  let sent = 0;
  for (const seller of candidates) {
    if (!emails.has(seller.user_id)) continue;
    const language: Language = profiles.get(seller.user_id)?.language === 'en' ? 'en' : 'es';
    const report = await buildSalesReport(
      platform,
      { group: 'product', from: range.from, to: range.to, sellerId: seller.user_id },
      language,
    );
    const pdf = await renderTablePdf(report);
    const delivery = await platform.db.transaction().execute(async (trx) => {
      const claimed = await claimSend(bakeryDb(trx), {
        kind,
        seller_id: seller.user_id,
        period: key,
        sent_at: now.toISOString(),
      });
      if (!claimed) return null;
      const values = { name: seller.full_name, from: range.from, to: range.to };
      return notify(platform, trx, {
        userIds: [seller.user_id],
        kind: 'bakery.report',
        title: { key: `notifications.bakery_report_${period}.title`, values },
        body: { key: `notifications.bakery_report_${period}.body`, values },
        link: '/bakery/panel',
        email: {
          attachments: [
            {
              filename: `reporte-${period === 'weekly' ? 'semanal' : 'mensual'}-${range.from}-${range.to}.pdf`,
              content: pdf,
              contentType: 'application/pdf',
            },
          ],
        },
      });
    });
    if (!delivery) continue;
    await delivery.deliver();
    sent++;
  }
  return { period, from: range.from, to: range.to, sent };
}
