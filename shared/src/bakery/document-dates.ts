/**
 * Which dates a pedido, extra or devolución may carry, and which of them a sale of a given day takes.
 *
 * A route seller writes down what happens on the route now: from yesterday (a return counted the next
 * morning) to a few days ahead (Saturday's pedido for Monday, or for the Tuesday after a festivo).
 * The admin corrects the records, so may go back (and ahead) a whole year.
 */
export const SELLER_DAYS_BACK = 1;
export const SELLER_DAYS_AHEAD = 3;
export const ADMIN_DAYS_AROUND = 366;

/** YYYY-MM-DD moved by whole days (negative: back). */
export function shiftDay(day: string, days: number): string {
  const date = new Date(`${day}T12:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

export interface DateWindow {
  min: string;
  max: string;
}

/** The dates a document may have when written on `today` (the bakery's day), by who writes it. */
export function documentDateWindow(today: string, managesDocuments: boolean): DateWindow {
  return managesDocuments
    ? { min: shiftDay(today, -ADMIN_DAYS_AROUND), max: shiftDay(today, ADMIN_DAYS_AROUND) }
    : { min: shiftDay(today, -SELLER_DAYS_BACK), max: shiftDay(today, SELLER_DAYS_AHEAD) };
}

export function dateOutside(date: string, window: DateWindow): 'too_early' | 'too_late' | null {
  if (date < window.min) return 'too_early';
  if (date > window.max) return 'too_late';
  return null;
}

/** The part a document plays in a sale. */
export type SaleRole = 'pedido' | 'extra' | 'previous_return' | 'return';

/**
 * The pedido, the extras and the devolución del día are those of the sale's own day; the devolución
 * anterior is bread taken back out from an earlier day's return.
 */
export function fitsSaleDate(role: SaleRole, documentDate: string, saleDate: string): boolean {
  return role === 'previous_return' ? documentDate < saleDate : documentDate === saleDate;
}
