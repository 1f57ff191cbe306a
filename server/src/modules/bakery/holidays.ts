import Holidays from 'date-holidays';

const colombia = new Holidays('CO');
const cache = new Map<number, Map<string, string>>();

/**
 * Colombian festivos (Ley Emiliani moves most to Monday) from the date-holidays library, public
 * ones only. Its CO data already includes La Virgen de Chiquinquirá from 2026 (moved to the
 * Monday after 9 July by the same rule), so nothing is added by hand; the test pins 2026-07-13.
 */
export function colombianHolidays(year: number): Map<string, string> {
  let days = cache.get(year);
  if (!days) {
    days = new Map();
    for (const holiday of colombia.getHolidays(year)) {
      if (holiday.type !== 'public') continue;
      const date = holiday.date.slice(0, 10);
      days.set(date, days.has(date) ? `${days.get(date)} / ${holiday.name}` : holiday.name);
    }
    cache.set(year, days);
  }
  return days;
}
