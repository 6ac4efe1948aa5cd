/**
 * One error vocabulary: services throw AppError with a stable code; the HTTP error handler turns
 * it into RFC 9457 problem details with a title translated from the `codes` catalogue.
 */
export interface FieldError {
  path: string;
  /** Key of the `validation` catalogue (e.g. `phone`, `required`). */
  code: string;
  params?: Record<string, unknown>;
}

export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly params: Record<string, unknown> = {},
    readonly fieldErrors: FieldError[] = [],
    readonly headers: Record<string, string> = {},
  ) {
    super(code);
    this.name = 'AppError';
  }
}

export const notFound = (code = 'NOT_FOUND') => new AppError(404, code);
export const forbidden = (code = 'AUTH_FORBIDDEN') => new AppError(403, code);
export const unauthorized = (code = 'AUTH_REQUIRED') => new AppError(401, code);
export const conflict = (code: string, fieldErrors: FieldError[] = []) =>
  new AppError(409, code, {}, fieldErrors);
export const invalid = (fieldErrors: FieldError[]) => new AppError(400, 'VALIDATION_FAILED', {}, fieldErrors);
