import { daysOfMonth, type Month, monthOf, projectMonth } from '@matriz/shared/bakery/projection';
import { toMajor } from '@matriz/shared/money';
import { invalid } from '../../platform/errors.ts';
import type { Platform } from '../../platform/platform.ts';
import { bakeryDb } from './bakery.repo.ts';
import { loadCalendar } from './load-calendar.ts';
import { totalsByDate, totalsBySeller } from './sales.repo.ts';
import { listSellers } from './sellers.repo.ts';
import { bakeryToday } from './settings.ts';

export interface PanelFilter {
  month?: Month;
  from?: string;
  to?: string;
  sellerId?: string;
}

function monthRange(month: Month) {
  const days = daysOfMonth(month);
  return { from: days[0], to: days[days.length - 1] };
}

/**
 * Admin and semiadmin summary: per seller total sold, commission and the month's projection.
 * A date range filters the totals; the projection is always of one month (the chosen one, or the
 * month the range ends in), recomputed from the confirmed sales each time it is asked for.
 */
export async function summarizePanel(platform: Platform, filter: PanelFilter) {
  const db = bakeryDb(platform.db);
  const today = await bakeryToday(platform);
  const month = filter.month ?? (filter.to ? monthOf(filter.to) : monthOf(today));
  const range =
    filter.from || filter.to
      ? { from: filter.from ?? '0000-01-01', to: filter.to ?? today }
      : monthRange(month);
  if (range.from > range.to) throw invalid('DATE_RANGE_INVALID', { from: range.from, to: range.to });
  const calendar = await loadCalendar(db, month);
  const monthTotals = new Map(
    (await totalsBySeller(db, { ...monthRange(month), sellerId: filter.sellerId })).map((r) => [
      r.seller_id,
      r,
    ]),
  );
  const rangeTotals = new Map(
    (await totalsBySeller(db, { ...range, sellerId: filter.sellerId })).map((r) => [r.seller_id, r]),
  );
  const sellers = await listSellers(db, { sellerId: filter.sellerId });
  const rows = sellers
    .filter((s) => s.active === 1 || rangeTotals.has(s.user_id))
    .map((seller) => {
      const inRange = rangeTotals.get(seller.user_id);
      const projection = projectMonth(
        calendar,
        today,
        Number(monthTotals.get(seller.user_id)?.value_cents ?? 0),
      );
      return {
        seller,
        sales: Number(inRange?.sales ?? 0),
        valueCents: Number(inRange?.value_cents ?? 0),
        commissionCents: Number(inRange?.commission_cents ?? 0),
        payableCents: Number(inRange?.payable_cents ?? 0),
        projection,
      };
    });
  const sum = (pick: (r: (typeof rows)[number]) => number) =>
    toMajor(rows.reduce((total, r) => total + pick(r), 0));
  const reference = projectMonth(calendar, today, 0);
  return {
    from: range.from,
    to: range.to,
    month,
    business_days: reference.businessDays,
    elapsed_business_days: reference.elapsedBusinessDays,
    sellers: rows.map((r) => ({
      seller_id: r.seller.user_id,
      username: r.seller.username,
      full_name: r.seller.full_name,
      sales: r.sales,
      total_sold: toMajor(r.valueCents),
      commission: toMajor(r.commissionCents),
      payable: toMajor(r.payableCents),
      month_sold: toMajor(r.projection.salesCents),
      projection: toMajor(r.projection.projectedCents),
    })),
    totals: {
      total_sold: sum((r) => r.valueCents),
      commission: sum((r) => r.commissionCents),
      payable: sum((r) => r.payableCents),
      projection: sum((r) => r.projection.projectedCents),
    },
    daily: (await totalsByDate(db, { ...range, sellerId: filter.sellerId })).map((d) => ({
      date: d.sale_date,
      total_sold: toMajor(Number(d.value_cents)),
    })),
  };
}
