import {
  buildCalendar,
  type CalendarDay,
  type CalendarOverride,
  daysOfMonth,
  type Month,
} from '@matriz/shared/bakery/projection';
import type { BakeryDb } from './bakery.repo.ts';
import { overridesBetween } from './calendar.repo.ts';
import { colombianHolidays } from './holidays.ts';

/** The month's days: Monday–Saturday minus festivos, with the admin's overrides applied. */
export async function loadCalendar(db: BakeryDb, month: Month): Promise<CalendarDay[]> {
  const days = daysOfMonth(month);
  const rows = await overridesBetween(db, days[0], days[days.length - 1]);
  const overrides = new Map<string, CalendarOverride>(
    rows.map((r) => [r.day, { isBusinessDay: r.is_business_day === 1, reason: r.reason }]),
  );
  return buildCalendar(month, colombianHolidays(Number(month.slice(0, 4))), overrides);
}

export function presentCalendar(month: Month, calendar: CalendarDay[]) {
  return {
    month,
    business_days: calendar.filter((d) => d.businessDay).length,
    days: calendar.map((d) => ({
      date: d.date,
      weekday: d.weekday,
      holiday: d.holiday,
      business_day: d.businessDay,
      override: d.override ? { is_business_day: d.override.isBusinessDay, reason: d.override.reason } : null,
    })),
  };
}
