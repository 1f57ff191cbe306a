import { type Cents, divideHalfUp } from '../money.ts';

/** YYYY-MM */
export type Month = string;
/** YYYY-MM-DD */
export type Day = string;

export interface CalendarOverride {
  isBusinessDay: boolean;
  reason: string;
}

export interface CalendarDay {
  date: Day;
  /** 0 = Sunday … 6 = Saturday */
  weekday: number;
  holiday: string | null;
  override: CalendarOverride | null;
  businessDay: boolean;
}

export function daysOfMonth(month: Month): Day[] {
  const [year, monthNumber] = month.split('-').map(Number);
  const count = new Date(Date.UTC(year, monthNumber, 0)).getUTCDate();
  return Array.from({ length: count }, (_, i) => `${month}-${String(i + 1).padStart(2, '0')}`);
}

export function weekdayOf(day: Day): number {
  return new Date(`${day}T12:00:00Z`).getUTCDay();
}

/**
 * Monday to Saturday, minus festivos, then the admin's overrides win either way (a Saturday
 * closed for inventory, a festivo the bakery works).
 */
export function buildCalendar(
  month: Month,
  holidays: ReadonlyMap<Day, string>,
  overrides: ReadonlyMap<Day, CalendarOverride>,
): CalendarDay[] {
  return daysOfMonth(month).map((date) => {
    const weekday = weekdayOf(date);
    const holiday = holidays.get(date) ?? null;
    const override = overrides.get(date) ?? null;
    const businessDay = override ? override.isBusinessDay : weekday !== 0 && holiday === null;
    return { date, weekday, holiday, override, businessDay };
  });
}

export interface Projection {
  businessDays: number;
  elapsedBusinessDays: number;
  salesCents: Cents;
  projectedCents: Cents;
}

/**
 * projection = sales so far ÷ business days elapsed × business days in the month.
 * "Elapsed" counts the business days up to and including `today`, so the day's sales count the
 * day they happen; a past month has every day elapsed (projection = actual), a future month none.
 */
export function projectMonth(calendar: readonly CalendarDay[], today: Day, salesCents: Cents): Projection {
  const businessDays = calendar.filter((d) => d.businessDay);
  const elapsed = businessDays.filter((d) => d.date <= today).length;
  const projectedCents = elapsed === 0 ? salesCents : divideHalfUp(salesCents * businessDays.length, elapsed);
  return { businessDays: businessDays.length, elapsedBusinessDays: elapsed, salesCents, projectedCents };
}

export function monthOf(day: Day): Month {
  return day.slice(0, 7);
}
