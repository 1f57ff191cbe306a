/**
 * A refusal the user can act on: a stable upper-case code, an HTTP status, and details that
 * name the field, line or figure at fault. The message is rendered per language at the edge.
 */
export class AppError extends Error {
  constructor(
    readonly code: string,
    readonly status: 400 | 401 | 403 | 404 | 409 | 413 | 415 | 422 | 429,
    readonly details: Record<string, unknown> = {},
  ) {
    super(code);
  }
}

export const notFound = (entity: string, id?: string) => new AppError('NOT_FOUND', 404, { entity, id });
export const forbidden = (permission?: string) =>
  new AppError('FORBIDDEN', 403, permission ? { permission } : {});
export const conflict = (code: string, details: Record<string, unknown> = {}) =>
  new AppError(code, 409, details);
export const invalid = (code: string, details: Record<string, unknown> = {}) =>
  new AppError(code, 422, details);
