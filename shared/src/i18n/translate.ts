import { catalogEn } from './catalog-en.ts';
import { catalogEs } from './catalog-es.ts';
import { interpolate } from './interpolate.ts';
import type { Catalog } from './merge-catalogs.ts';

export type Language = 'es' | 'en';

export const catalogs: Record<Language, Catalog> = { es: catalogEs, en: catalogEn };

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
  return interpolate(lookup(catalogs[language], key) ?? lookup(catalogs.es, key) ?? key, values);
}

/** Picks the language from an Accept-Language header: English only when asked for first. */
export function languageFrom(acceptLanguage: string | undefined): Language {
  const first = (acceptLanguage ?? '').split(',')[0]?.trim().toLowerCase() ?? '';
  return first.startsWith('en') ? 'en' : 'es';
}
