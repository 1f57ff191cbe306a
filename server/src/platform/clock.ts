/** Time comes from an injected clock so tests and demos can stand at any instant. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** A clock that starts at `start` and then runs at real speed. */
export function clockStartingAt(start: string | Date): Clock {
  const offset = new Date(start).getTime() - Date.now();
  return { now: () => new Date(Date.now() + offset) };
}

/** A clock that moves only when told to; for tests. */
export class ManualClock implements Clock {
  private current: number;
  constructor(start: string | Date) {
    this.current = new Date(start).getTime();
  }
  now(): Date {
    return new Date(this.current);
  }
  set(instant: string | Date): void {
    this.current = new Date(instant).getTime();
  }
  advance(ms: number): void {
    this.current += ms;
  }
}

const formats = new Map<string, Intl.DateTimeFormat>();

/** Building an Intl formatter costs tens of microseconds: hot paths reuse one per locale and options. */
export function dateFormat(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, options);
    formats.set(key, format);
  }
  return format;
}

/** Local dates and times change on whole minutes (midnight, DST shifts): one formatting per minute. */
const lastByMinute = new Map<string, { minute: number; text: string }>();

function perMinute(kind: string, instant: Date, timeZone: string, format: () => string): string {
  const minute = Math.floor(instant.getTime() / 60_000);
  const key = `${kind}|${timeZone}`;
  const last = lastByMinute.get(key);
  if (last?.minute === minute) return last.text;
  const text = format();
  lastByMinute.set(key, { minute, text });
  return text;
}

/** YYYY-MM-DD of an instant in an IANA zone. */
export function businessDate(instant: Date, timeZone: string): string {
  return perMinute('date', instant, timeZone, () =>
    dateFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(instant),
  );
}

/** HH:MM (24 h) of an instant in an IANA zone. */
export function localTime(instant: Date, timeZone: string): string {
  return perMinute('time', instant, timeZone, () =>
    dateFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(instant),
  );
}
