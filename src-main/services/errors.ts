/**
 * A failure the user can act on: it carries the ApiError the UI shows (an
 * errors.* key with parameters, and the problems where there are several).
 * Anything else thrown by a service is a bug and reaches the user only as
 * errors.internal.
 */
import type { ApiError, ApiErrorCode } from '../../src-shared/api';
import type { Problem } from '../../src-shared/model/problems';

export class ServiceError extends Error {
  readonly apiError: ApiError;

  constructor(code: ApiErrorCode, key: string, params?: Record<string, string | number>, problems?: Problem[]) {
    super(`${code}: ${key}`);
    this.name = 'ServiceError';
    this.apiError = { code, key, ...(params ? { params } : {}), ...(problems ? { problems } : {}) };
  }
}

export function isServiceError(error: unknown): error is ServiceError {
  return error instanceof ServiceError;
}
