import { fieldPlace } from '@matriz/shared/i18n/field-place';
import { type Language, translate } from '@matriz/shared/i18n/translate';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import type { core } from 'zod';
import { en, es } from 'zod/locales';
import { AppError } from '../errors.ts';
import { requestLanguage } from './language.ts';
import type { App } from './types.ts';

interface Refusal {
  status: number;
  code: string;
  details: Record<string, unknown>;
}

/**
 * Details holding a field's path (`other`: the field a limit's target must belong to): the message
 * says it in words, the details keep the path for programs.
 */
const FIELD_DETAILS = ['field', 'other'];

function inWords(language: Language, details: Record<string, unknown>): Record<string, unknown> {
  const words = { ...details };
  for (const key of FIELD_DETAILS) {
    const path = details[key];
    if (typeof path === 'string') words[key] = fieldPlace(language, path);
  }
  return words;
}

export function sendError(request: FastifyRequest, reply: FastifyReply, refusal: Refusal): FastifyReply {
  const language = requestLanguage(request);
  const message = translate(language, `errors.${refusal.code}`, inWords(language, refusal.details));
  return reply.status(refusal.status).send({
    success: false,
    error: { code: refusal.code, message, details: refusal.details },
  });
}

const zodDefaults = en().localeError;
const zodMessages: Record<Language, core.$ZodErrorMap> = { es: es().localeError, en: zodDefaults };

const textOf = (message: ReturnType<core.$ZodErrorMap>) =>
  typeof message === 'string' ? message : (message?.message ?? null);

/**
 * zod writes its own messages in English; a schema's own message (already in Spanish) is kept, and
 * zod's default is said again in the caller's language.
 */
function reasonOf(message: string | undefined, raw: core.$ZodRawIssue, language: Language) {
  if (!message) return 'inválido';
  const issue = withReceived(message, raw);
  if (textOf(zodDefaults(issue)) !== message) return message;
  return textOf(zodMessages[language](issue)) ?? message;
}

/** A value of each type zod names in "received …", for an issue handed over without its input. */
const SAMPLES: Record<string, unknown> = {
  boolean: true,
  number: 0,
  string: '',
  array: [],
  object: {},
  null: null,
  undefined: undefined,
};

/**
 * The provider does not pass the rejected value on, and zod's message for a wrong type names its
 * type ("expected number, received boolean"): without it the message would not be recognised as
 * zod's own and would reach the user in English.
 */
function withReceived(message: string, issue: core.$ZodRawIssue): core.$ZodRawIssue {
  const received = /received (\w+)$/.exec(message)?.[1];
  if (issue.code !== 'invalid_type' || 'input' in issue || !received || !(received in SAMPLES)) return issue;
  return { ...(issue as object), input: SAMPLES[received] } as core.$ZodRawIssue;
}

function validationRefusal(error: FastifyError, language: Language): Refusal {
  const issues = hasZodFastifySchemaValidationErrors(error)
    ? error.validation.map((v) => ({
        field: v.instancePath.replace(/^\//, '').replace(/\//g, '.'),
        // The provider hands zod's issue over as `keyword` (its code) and `params` (the rest).
        reason: reasonOf(v.message, { ...v.params, code: v.keyword } as core.$ZodRawIssue, language),
      }))
    : [{ field: '', reason: error.message }];
  const where = error.validationContext ?? 'body';
  const first = issues[0];
  const field = first.field ? `${where}.${first.field}` : where;
  return { status: 400, code: 'VALIDATION_ERROR', details: { field, reason: first.reason, issues } };
}

function refusalOf(error: FastifyError, language: Language): Refusal | null {
  if (error instanceof AppError) return { status: error.status, code: error.code, details: error.details };
  if (error.validation) return validationRefusal(error, language);
  switch (error.code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return { status: 400, code: 'INVALID_JSON', details: {} };
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return { status: 413, code: 'PAYLOAD_TOO_LARGE', details: {} };
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return { status: 415, code: 'UNSUPPORTED_MEDIA_TYPE', details: {} };
  }
  if (error instanceof SyntaxError && error.statusCode === 400)
    return { status: 400, code: 'INVALID_JSON', details: {} };
  if (error.statusCode === 429) return { status: 429, code: 'RATE_LIMITED', details: {} };
  if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
    return { status: error.statusCode, code: 'BAD_REQUEST', details: { reason: error.message } };
  }
  return null;
}

export function installErrorHandling(app: App): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const refusal = refusalOf(error, requestLanguage(request));
    if (refusal) return sendError(request, reply, refusal);
    request.log.error({ err: error }, 'unhandled error');
    return sendError(request, reply, { status: 500, code: 'INTERNAL', details: { request_id: request.id } });
  });
}
