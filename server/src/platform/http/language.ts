import { type Language, languageFrom } from '@matriz/shared/i18n/translate';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';

/**
 * `?lang=es|en`, the language chosen in the app. Downloads are plain links, which cannot send the
 * app's Accept-Language: without it a file would follow the browser's language instead.
 */
export const LangQuery = { lang: z.enum(['es', 'en']).optional() };

/** The language of a response: the app's choice (`lang`) first, then Accept-Language. */
export function requestLanguage(request: FastifyRequest): Language {
  const lang = (request.query as { lang?: unknown } | undefined)?.lang;
  return lang === 'es' || lang === 'en' ? lang : languageFrom(request.headers['accept-language']);
}
