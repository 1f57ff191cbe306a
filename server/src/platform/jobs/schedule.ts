/**
 * When a job runs, in the operator's time zone: a small spec instead of cron.
 *   { every: 'minutes', n: 5 }                      every 5 minutes (aligned to the clock)
 *   { every: 'day', at: '02:00' }                   daily at 02:00 local time
 *   { every: 'week', weekday: 1, at: '06:00' }      ISO weekday 1 = Monday … 7 = Sunday
 *   { every: 'month', day: 1, at: '06:00' }         day 29–31 falls back to the month's last day
 */
export type ScheduleSpec =
  | { every: 'minutes'; n: number }
  | { every: 'day'; at: string }
  | { every: 'week'; weekday: number; at: string }
  | { every: 'month'; day: number; at: string };

const TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;

export function checkSchedule(spec: ScheduleSpec): ScheduleSpec {
  const bad = (why: string) => new Error(`Bad job schedule ${JSON.stringify(spec)}: ${why}`);
  if (spec.every === 'minutes') {
    if (!Number.isInteger(spec.n) || spec.n < 1 || spec.n > 1440) throw bad('n must be 1–1440');
    return spec;
  }
  if (!TIME.test(spec.at)) throw bad('at must be HH:MM');
  if (spec.every === 'week' && (!Number.isInteger(spec.weekday) || spec.weekday < 1 || spec.weekday > 7))
    throw bad('weekday must be 1 (Monday) … 7 (Sunday)');
  if (spec.every === 'month' && (!Number.isInteger(spec.day) || spec.day < 1 || spec.day > 31))
    throw bad('day must be 1–31');
  if (!['day', 'week', 'month'].includes(spec.every)) throw bad('unknown period');
  return spec;
}

interface LocalParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function localParts(instant: Date, timeZone: string): LocalParts {
  let format = formatters.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, format);
  }
  const parts: Record<string, number> = {};
  for (const part of format.formatToParts(instant)) {
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

function offsetMs(instant: Date, timeZone: string): number {
  const p = localParts(instant, timeZone);
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return asUtc - Math.floor(instant.getTime() / 1000) * 1000;
}

/** The instant of a wall-clock time in a zone (DST-safe; a time skipped by DST lands just after the gap). */
export function zonedTime(
  year: number,
  month: number,
  day: number,
  hour: number,
  minute: number,
  timeZone: string,
): Date {
  const guess = Date.UTC(year, month - 1, day, hour, minute);
  const first = offsetMs(new Date(guess), timeZone);
  let result = guess - first;
  const second = offsetMs(new Date(result), timeZone);
  if (second !== first) result = guess - second;
  return new Date(result);
}

/** Adds days to a calendar date (no time zone involved). */
function addDays(year: number, month: number, day: number, days: number) {
  const d = new Date(Date.UTC(year, month - 1, day + days));
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

function isoWeekday(year: number, month: number, day: number): number {
  const weekday = new Date(Date.UTC(year, month - 1, day)).getUTCDay();
  return weekday === 0 ? 7 : weekday;
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** The first scheduled instant strictly after `after`. */
export function nextRunAfter(spec: ScheduleSpec, after: Date, timeZone: string): Date {
  if (spec.every === 'minutes') {
    const step = spec.n * 60_000;
    return new Date((Math.floor(after.getTime() / step) + 1) * step);
  }
  const [hour, minute] = spec.at.split(':').map(Number);
  const today = localParts(after, timeZone);
  if (spec.every === 'day' || spec.every === 'week') {
    for (let offset = 0; offset <= 8; offset += 1) {
      const date = addDays(today.year, today.month, today.day, offset);
      if (spec.every === 'week' && isoWeekday(date.year, date.month, date.day) !== spec.weekday) continue;
      const candidate = zonedTime(date.year, date.month, date.day, hour, minute, timeZone);
      if (candidate.getTime() > after.getTime()) return candidate;
    }
  } else {
    for (let offset = 0; offset <= 2; offset += 1) {
      const monthIndex = today.month - 1 + offset;
      const year = today.year + Math.floor(monthIndex / 12);
      const month = (monthIndex % 12) + 1;
      const day = Math.min(spec.day, daysInMonth(year, month));
      const candidate = zonedTime(year, month, day, hour, minute, timeZone);
      if (candidate.getTime() > after.getTime()) return candidate;
    }
  }
  throw new Error(`No next run for ${JSON.stringify(spec)}`);
}

/** Exponential back-off: base, 2×base, 4×base … capped. */
export function backoffMs(attempt: number, baseMs: number, maxMs = 6 * 60 * 60_000): number {
  return Math.min(maxMs, baseMs * 2 ** Math.max(0, attempt - 1));
}
