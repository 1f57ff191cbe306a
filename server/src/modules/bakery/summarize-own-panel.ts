import { daysOfMonth, type Month, monthOf, projectMonth } from '@matriz/shared/bakery/projection';
import { toMajor } from '@matriz/shared/money';
import type { Platform } from '../../platform/platform.ts';
import { bakeryDb } from './bakery.repo.ts';
import { countBasketsLent } from './baskets-lent.ts';
import { loadCalendar } from './load-calendar.ts';
import { totalsByDate, totalsBySeller } from './sales.repo.ts';
import { bakeryToday } from './settings.ts';

/** The route seller's own phone panel: month sales, projection, commission so far and baskets out. */
export async function summarizeOwnPanel(platform: Platform, sellerId: string, requestedMonth?: Month) {
  const db = bakeryDb(platform.db);
  const today = await bakeryToday(platform);
  const month = requestedMonth ?? monthOf(today);
  const days = daysOfMonth(month);
  const range = { from: days[0], to: days[days.length - 1], sellerId };
  const [totals] = await totalsBySeller(db, range);
  const projection = projectMonth(await loadCalendar(db, month), today, Number(totals?.value_cents ?? 0));
  return {
    month,
    month_sales: toMajor(projection.salesCents),
    commission: toMajor(Number(totals?.commission_cents ?? 0)),
    payable: toMajor(Number(totals?.payable_cents ?? 0)),
    projection: toMajor(projection.projectedCents),
    business_days: projection.businessDays,
    elapsed_business_days: projection.elapsedBusinessDays,
    baskets_lent: await countBasketsLent(platform, sellerId),
    daily: (await totalsByDate(db, range)).map((d) => ({
      date: d.sale_date,
      total_sold: toMajor(Number(d.value_cents)),
    })),
  };
}
