import bakeryEn from './bakery.en.json' with { type: 'json' };
import bakeryEs from './bakery.es.json' with { type: 'json' };
import lotteryEn from './lottery.en.json' with { type: 'json' };
import lotteryEs from './lottery.es.json' with { type: 'json' };
import platformEn from './platform.en.json' with { type: 'json' };
import platformEs from './platform.es.json' with { type: 'json' };
import webEn from './web.en.json' with { type: 'json' };
import webEs from './web.es.json' with { type: 'json' };

export type Language = 'es' | 'en';
type Catalog = Record<string, unknown>;

/** One catalogue per area so each module owns its strings; merged one level deep (errors, ui …). */
function merge(...parts: Catalog[]): Catalog {
  const merged: Catalog = {};
  for (const part of parts) {
    for (const [section, entries] of Object.entries(part)) {
      merged[section] = { ...((merged[section] as Catalog | undefined) ?? {}), ...(entries as Catalog) };
    }
  }
  return merged;
}

export const catalogs: Record<Language, Catalog> = {
  es: merge(platformEs, webEs, lotteryEs, bakeryEs),
  en: merge(platformEn, webEn, lotteryEn, bakeryEn),
};

function lookup(catalog: unknown, key: string): string | undefined {
  let node: unknown = catalog;
  for (const part of key.split('.')) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return typeof node === 'string' ? node : undefined;
}

/** Translates a dotted key with {{name}} placeholders; Spanish is the fallback for missing English. */
export function translate(language: Language, key: string, values: Record<string, unknown> = {}): string {
  const template = lookup(catalogs[language], key) ?? lookup(catalogs.es, key) ?? key;
  return template.replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(values[name] ?? ''));
}

/** Picks the language from an Accept-Language header: English only when asked for first. */
export function languageFrom(acceptLanguage: string | undefined): Language {
  const first = (acceptLanguage ?? '').split(',')[0]?.trim().toLowerCase() ?? '';
  return first.startsWith('en') ? 'en' : 'es';
}
