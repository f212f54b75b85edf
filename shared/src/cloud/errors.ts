/** An error a caller can act on: a stable code and a plain Chinese message. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export type ErrorCode =
  | 'INVALID_INPUT'
  | 'UNKNOWN_ACTION'
  | 'NOT_SIGNED_IN'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'POLICY_VIOLATION'
  | 'INVALID_STATE'
  | 'TOO_MANY_ATTEMPTS'
  | 'INTERNAL';

export const forbidden = (message = '您没有权限进行此操作') => new AppError('FORBIDDEN', message);
export const notFound = (what: string) => new AppError('NOT_FOUND', `${what}不存在`);
export const invalidState = (message: string) => new AppError('INVALID_STATE', message);
export const conflict = (message: string) => new AppError('CONFLICT', message);

/** WeChat's database reports a duplicate _id on add with this code (errCode -502001). */
export function isDuplicateKeyError(error: unknown): boolean {
  const e = error as { errCode?: number; code?: string; message?: string } | null;
  return !!e && (e.errCode === -502001 || e.code === 'DATABASE_DUPLICATE_WRITE' || /duplicate/i.test(String(e.message ?? '')));
}

export function isNotFoundError(error: unknown): boolean {
  const e = error as { message?: string } | null;
  return !!e && /does not exist/i.test(String(e.message ?? ''));
}
