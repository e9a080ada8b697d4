// Errors the domain raises, with a code: services and repositories throw these and know nothing of
// GraphQL. One boundary (graphql/errors.ts, formatError) turns each code into what a client sees;
// anything else is a fault of ours, logged and masked.

export type DomainErrorCode =
  /** Not signed in, or the session ended. */
  | 'UNAUTHENTICATED'
  /** Signed in, but this user may not do that. */
  | 'FORBIDDEN'
  /** What was asked is wrong or not possible; the message says why, for the person who asked. */
  | 'INVALID_INPUT'
  /** Too many attempts; the message says how long to wait. */
  | 'RATE_LIMITED';

export class DomainError extends Error {
  override name = 'DomainError';
  constructor(
    readonly code: DomainErrorCode,
    message: string,
    /** The input field the message is about, for forms. */
    readonly field?: string,
  ) {
    super(message);
  }
}

export const unauthenticated = (message = 'Please sign in.') => new DomainError('UNAUTHENTICATED', message);
export const forbidden = (message = 'You do not have permission to do that.') => new DomainError('FORBIDDEN', message);
export const invalidInput = (message: string, field?: string) => new DomainError('INVALID_INPUT', message, field);
export const rateLimited = (message: string) => new DomainError('RATE_LIMITED', message);
