import { currentLanguage } from '../app/i18n.ts';

const cache = new Map<string, Intl.DateTimeFormat>();
const DAY: Intl.DateTimeFormatOptions = { day: '2-digit', month: '2-digit', year: 'numeric' };

function formatter(options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const language = currentLanguage();
  const key = `${language}|${JSON.stringify(options)}`;
  let format = cache.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(language === 'en' ? 'en-US' : 'es-DO', options);
    cache.set(key, format);
  }
  return format;
}

/** `21/11/2025, 1:08 p. m.` in Spanish, in the browser's zone; '—' for null. */
export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '—';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return formatter({ ...DAY, hour: 'numeric', minute: '2-digit' }).format(date);
}

/** `1:08 p. m.` in Spanish, in the browser's zone; '—' for null. */
export function formatTime(iso: string | null | undefined): string {
  if (!iso) return '—';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return formatter({ hour: 'numeric', minute: '2-digit' }).format(date);
}

/** Same with seconds, for audit trails. */
export function formatTimestamp(iso: string | null | undefined): string {
  if (!iso) return '—';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return formatter({ ...DAY, hour: 'numeric', minute: '2-digit', second: '2-digit' }).format(date);
}
