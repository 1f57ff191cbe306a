import { businessDate } from '../../platform/clock.ts';
import { notify } from '../../platform/notifications/notify.ts';
import type { Platform } from '../../platform/platform.ts';
import { type BakeryDb, bakeryDb } from './bakery.repo.ts';
import { loadCalendar } from './load-calendar.ts';
import { claimSend, sentSellerIds } from './mail-log.ts';
import { loadReminderSettings } from './reminder-settings.ts';
import { listSellers } from './sellers.repo.ts';
import { loadSettings } from './settings.ts';

/** HH:MM of an instant in a time zone. */
export function localTime(instant: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-GB', {
    timeZone,
    hourCycle: 'h23',
    hour: '2-digit',
    minute: '2-digit',
  }).format(instant);
}

/** Whether the bakery works that day: Monday–Saturday minus festivos, with the admin's overrides. */
export async function isBusinessDay(db: BakeryDb, day: string): Promise<boolean> {
  const calendar = await loadCalendar(db, day.slice(0, 7));
  return calendar.find((d) => d.date === day)?.businessDay ?? false;
}

async function sellersWithPedido(db: BakeryDb, day: string): Promise<Set<string>> {
  const rows = await db
    .selectFrom('bakery_documents')
    .select('seller_id')
    .distinct()
    .where('kind', '=', 'PD')
    .where('doc_date', '=', day)
    .where('status', '!=', 'anulado')
    .execute();
  return new Set(rows.map((r) => r.seller_id));
}

/**
 * From the configured hour (bakery zone) of a business day, reminds every active route seller who
 * has not registered today's pedido — in-app and by e-mail, in the seller's language. At most once
 * per seller and day (bakery_mail_log), so the job can tick every few minutes and be retried.
 */
export async function remindMissingPedidos(platform: Platform, now: Date = platform.clock.now()) {
  const [{ timezone }, { pedidoReminderAt }] = await Promise.all([
    loadSettings(platform),
    loadReminderSettings(platform),
  ]);
  const today = businessDate(now, timezone);
  if (localTime(now, timezone) < pedidoReminderAt) return { day: today, skipped: 'before_hour', reminded: 0 };
  const db = bakeryDb(platform.db);
  if (!(await isBusinessDay(db, today))) return { day: today, skipped: 'non_business_day', reminded: 0 };

  const [sellers, withPedido, already] = await Promise.all([
    listSellers(db, { active: true }),
    sellersWithPedido(db, today),
    sentSellerIds(db, 'pedido_reminder', today),
  ]);
  const due = sellers.filter(
    (s) => s.user_active === 1 && !withPedido.has(s.user_id) && !already.has(s.user_id),
  );
  let reminded = 0;
  for (const seller of due) {
    const delivery = await platform.db.transaction().execute(async (trx) => {
      const claimed = await claimSend(bakeryDb(trx), {
        kind: 'pedido_reminder',
        seller_id: seller.user_id,
        period: today,
        sent_at: now.toISOString(),
      });
      if (!claimed) return null;
      return notify(platform, trx, {
        userIds: [seller.user_id],
        kind: 'bakery.reminder',
        title: { key: 'notifications.bakery_pedido_reminder.title' },
        body: {
          key: 'notifications.bakery_pedido_reminder.body',
          values: { name: seller.full_name, date: today },
        },
        link: '/bakery/documents',
        email: true,
      });
    });
    if (!delivery) continue;
    await delivery.deliver();
    reminded++;
  }
  return { day: today, reminded };
}
