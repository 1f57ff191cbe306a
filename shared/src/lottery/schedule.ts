/**
 * Draw instants from weekly schedules (DOMAIN.md §2). A schedule gives wall-clock times in the
 * lottery's own IANA zone; the instants are computed per date, so a New York draw at 22:30 lands
 * at 23:30 in Santo Domingo in January and at 22:30 in July. Intl only, no I/O.
 */

export const DRAW_STATUSES = ['scheduled', 'open', 'closed', 'resulted', 'settled'] as const;
export type DrawStatus = (typeof DRAW_STATUSES)[number];

/** Sunday = 0 … Saturday = 6, as `Date.getUTCDay`. */
export const WEEKDAYS = [0, 1, 2, 3, 4, 5, 6] as const;

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

export function isTimeOfDay(value: string): boolean {
  return TIME.test(value);
}

export function isIsoDate(value: string): boolean {
  if (!DATE.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
}

export function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function wallClockFormatter(timeZone: string): Intl.DateTimeFormat {
  let format = formatters.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, format);
  }
  return format;
}

interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

function wallClockOf(instant: Date, timeZone: string): WallClock {
  const parts: Record<string, number> = {};
  for (const part of wallClockFormatter(timeZone).formatToParts(instant)) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  return {
    year: parts.year,
    month: parts.month,
    day: parts.day,
    hour: parts.hour,
    minute: parts.minute,
    second: parts.second,
  };
}

/** Milliseconds the zone's wall clock is ahead of UTC at that instant (−4 h → −14 400 000). */
function zoneOffsetMs(instant: Date, timeZone: string): number {
  const w = wallClockOf(instant, timeZone);
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  return asUtc - Math.floor(instant.getTime() / 1000) * 1000;
}

/**
 * The instant at which the wall clock in `timeZone` shows `date` `time` (HH:MM). Across a DST change
 * the offset of the result itself is used; a time skipped by a spring-forward lands one hour later.
 */
export function zonedTimeToInstant(date: string, time: string, timeZone: string): Date {
  const [year, month, day] = date.split('-').map(Number);
  const [hour, minute] = time.split(':').map(Number);
  const wall = Date.UTC(year, month - 1, day, hour, minute);
  const firstGuess = wall - zoneOffsetMs(new Date(wall), timeZone);
  const secondOffset = zoneOffsetMs(new Date(firstGuess), timeZone);
  return new Date(wall - secondOffset);
}

/** YYYY-MM-DD of an instant in an IANA zone. */
export function localDate(instant: Date, timeZone: string): string {
  const w = wallClockOf(instant, timeZone);
  return `${w.year}-${String(w.month).padStart(2, '0')}-${String(w.day).padStart(2, '0')}`;
}

/** HH:MM of an instant in an IANA zone. */
export function localTime(instant: Date, timeZone: string): string {
  const w = wallClockOf(instant, timeZone);
  return `${String(w.hour).padStart(2, '0')}:${String(w.minute).padStart(2, '0')}`;
}

export function addDays(date: string, days: number): string {
  const at = new Date(`${date}T00:00:00Z`);
  at.setUTCDate(at.getUTCDate() + days);
  return at.toISOString().slice(0, 10);
}

export function weekdayOf(date: string): number {
  return new Date(`${date}T00:00:00Z`).getUTCDay();
}

/** One weekly slot: on `weekday`, sales close at `closeTime` and the draw is at `drawTime` (lottery zone). */
export interface ScheduleSlot {
  weekday: number;
  closeTime: string;
  drawTime: string;
}

export interface PlannedDraw {
  /** The date in the lottery's own zone. */
  drawDate: string;
  drawTime: string;
  closeAt: string;
  drawAt: string;
  /** The date of the draw instant in the operator's zone: what reports group by. */
  businessDate: string;
  slot: ScheduleSlot;
}

/**
 * The draws of one lottery whose business date (operator zone) falls in
 * [fromBusinessDate, fromBusinessDate + days). Lottery dates one day either side are tried so a
 * draw that crosses midnight between the two zones lands on the right business date.
 */
export function planDraws(
  slots: readonly ScheduleSlot[],
  lotteryZone: string,
  operatorZone: string,
  fromBusinessDate: string,
  days: number,
): PlannedDraw[] {
  const lastBusinessDate = addDays(fromBusinessDate, days - 1);
  const planned: PlannedDraw[] = [];
  for (let offset = -1; offset <= days; offset++) {
    const drawDate = addDays(fromBusinessDate, offset);
    const weekday = weekdayOf(drawDate);
    for (const slot of slots) {
      if (slot.weekday !== weekday) continue;
      const drawAt = zonedTimeToInstant(drawDate, slot.drawTime, lotteryZone);
      const businessDate = localDate(drawAt, operatorZone);
      if (businessDate < fromBusinessDate || businessDate > lastBusinessDate) continue;
      planned.push({
        drawDate,
        drawTime: slot.drawTime,
        closeAt: zonedTimeToInstant(drawDate, slot.closeTime, lotteryZone).toISOString(),
        drawAt: drawAt.toISOString(),
        businessDate,
        slot,
      });
    }
  }
  return planned.sort((a, b) => (a.drawAt < b.drawAt ? -1 : a.drawAt > b.drawAt ? 1 : 0));
}

/** What a schedule slot must satisfy: valid times, and sales closing no later than the draw. */
export function slotProblem(slot: ScheduleSlot): 'WEEKDAY' | 'TIME' | 'CLOSE_AFTER_DRAW' | null {
  if (!Number.isInteger(slot.weekday) || slot.weekday < 0 || slot.weekday > 6) return 'WEEKDAY';
  if (!isTimeOfDay(slot.closeTime) || !isTimeOfDay(slot.drawTime)) return 'TIME';
  return slot.closeTime > slot.drawTime ? 'CLOSE_AFTER_DRAW' : null;
}

export interface SellableDraw {
  status: string;
  close_at: string;
}

/**
 * Whether a sale may still go into a draw at `now`. The clock decides: a draw whose close instant
 * has passed is not sellable even if no job has flipped its status yet.
 */
export function isDrawSellable(draw: SellableDraw, now: Date): boolean {
  return draw.status === 'open' && Date.parse(draw.close_at) > now.getTime();
}

/**
 * The status to show: an `open` row past its close instant is already closed, and so is one of a
 * switched-off lottery (`lottery_active` 0, when the row carries it): nothing sells into either.
 */
export function effectiveDrawStatus(
  draw: { status: string; close_at: string; lottery_active?: number },
  now: Date,
): DrawStatus {
  if (draw.status === 'open' && (draw.lottery_active === 0 || !isDrawSellable(draw, now))) return 'closed';
  return draw.status as DrawStatus;
}

/**
 * The close instant a weekly schedule gives an existing draw (its date and time in the lottery's
 * zone), or null when no slot of that weekday has its draw time any more.
 */
export function scheduledCloseAt(
  draw: { drawDate: string; drawTime: string },
  slots: readonly ScheduleSlot[],
  lotteryZone: string,
): string | null {
  const weekday = weekdayOf(draw.drawDate);
  const slot = slots.find((s) => s.weekday === weekday && s.drawTime === draw.drawTime);
  return slot ? zonedTimeToInstant(draw.drawDate, slot.closeTime, lotteryZone).toISOString() : null;
}

/**
 * Whether opening hours (HH:MM, operator's zone) include `time`. A closing time at or before the
 * opening one runs past midnight: 08:00–00:00 closes at midnight, 22:00–08:00 the next morning.
 */
export function isWithinOpeningHours(time: string, opensAt: string, closesAt: string): boolean {
  return opensAt < closesAt ? time >= opensAt && time < closesAt : time >= opensAt || time < closesAt;
}
