/**
 * The one error type services throw. `code` decides the HTTP status in one place
 * (httpStatusFor); `field` names the offending input for 400s.
 *
 * - `invalid` 400: bad input; `field` says which.
 * - `unauthenticated` 401: no or bad credentials.
 * - `forbidden` 403: authenticated, but the role does not allow it.
 * - `not_found` 404: missing, or belongs to another organisation (we do not say which).
 * - `conflict` 409: the state does not allow it (already set up, duplicate name).
 * - `too_large` 413, `rate_limited` 429, `unavailable` 503.
 */
export type ErrorCode =
  | "invalid"
  | "unauthenticated"
  | "forbidden"
  | "not_found"
  | "conflict"
  | "too_large"
  | "rate_limited"
  | "unavailable";

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details: { field?: string; [key: string]: unknown } = {},
  ) {
    super(message);
    this.name = "AppError";
  }
}

const statusByCode: Record<ErrorCode, number> = {
  invalid: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  too_large: 413,
  rate_limited: 429,
  unavailable: 503,
};

export function httpStatusFor(code: ErrorCode): number {
  return statusByCode[code];
}

export const notFound = (what: string) => new AppError("not_found", `${what} not found`);
/** `reason` is a stable key a client can translate; the message stays for developers. */
export const invalid = (field: string, message: string, reason?: string) =>
  new AppError("invalid", `${field}: ${message}`, reason ? { field, reason } : { field });
