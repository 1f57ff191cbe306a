import { languageFrom, translate } from '@matriz/shared/i18n/translate';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AppError } from '../errors.ts';
import type { App } from './types.ts';

interface Refusal {
  status: number;
  code: string;
  details: Record<string, unknown>;
}

export function sendError(request: FastifyRequest, reply: FastifyReply, refusal: Refusal): FastifyReply {
  const language = languageFrom(request.headers['accept-language']);
  const message = translate(language, `errors.${refusal.code}`, refusal.details);
  return reply.status(refusal.status).send({
    success: false,
    error: { code: refusal.code, message, details: refusal.details },
  });
}

function validationRefusal(error: FastifyError): Refusal {
  const issues = hasZodFastifySchemaValidationErrors(error)
    ? error.validation.map((v) => ({
        field: [
          v.instancePath.replace(/^\//, '').replace(/\//g, '.') ||
            (v.params as { issue?: { path?: unknown[] } })?.issue?.path?.join('.') ||
            '',
        ].join(''),
        reason: v.message ?? 'inválido',
      }))
    : [{ field: '', reason: error.message }];
  const where = error.validationContext ?? 'body';
  const first = issues[0];
  const field = first.field ? `${where}.${first.field}` : where;
  return { status: 400, code: 'VALIDATION_ERROR', details: { field, reason: first.reason, issues } };
}

function refusalOf(error: FastifyError): Refusal | null {
  if (error instanceof AppError) return { status: error.status, code: error.code, details: error.details };
  if (error.validation) return validationRefusal(error);
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
    const refusal = refusalOf(error);
    if (refusal) return sendError(request, reply, refusal);
    request.log.error({ err: error }, 'unhandled error');
    return sendError(request, reply, { status: 500, code: 'INTERNAL', details: { request_id: request.id } });
  });
}
