import { useEffect, useState } from 'react';

/** The current time, refreshed every `everyMs`; for countdowns. */
export function useNow(everyMs = 1_000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), everyMs);
    return () => window.clearInterval(timer);
  }, [everyMs]);
  return now;
}

/** "1 h 05 min 09 s", "4 min 30 s", "" when past. */
export function formatCountdown(ms: number): string {
  if (ms <= 0) return '';
  const total = Math.floor(ms / 1000);
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = total % 60;
  const two = (n: number) => String(n).padStart(2, '0');
  if (hours > 0) return `${hours} h ${two(minutes)} min`;
  return `${minutes} min ${two(seconds)} s`;
}

/** "14h05m", "4m30s", "" when past: a countdown that fits beside a name on a phone's draw chip. */
export function formatCountdownShort(ms: number): string {
  if (ms <= 0) return '';
  const total = Math.floor(ms / 1000);
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const two = (n: number) => String(n).padStart(2, '0');
  if (hours > 0) return `${hours}h${two(minutes)}m`;
  return `${minutes}m${two(total % 60)}s`;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

/** HH:MM of an instant in a zone (the operator's, so every screen shows Santo Domingo time). */
export function timeIn(iso: string, timeZone: string): string {
  let format = formatters.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-GB', {
      timeZone,
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    formatters.set(timeZone, format);
  }
  return format.format(new Date(iso));
}
