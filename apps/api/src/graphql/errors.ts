// The one boundary between domain errors and what a GraphQL client sees. A DomainError becomes a
// typed error with extensions.code (and extensions.field for forms); GraphQL's own errors (parse,
// validation) pass through; anything else is a fault of ours: logged, and masked.
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { DomainError, type DomainErrorCode } from '../errors.ts';

/** The code each domain error carries to the client. Exhaustive: a new code must be mapped here. */
export function clientCode(code: DomainErrorCode): string {
  switch (code) {
    case 'UNAUTHENTICATED':
      return 'UNAUTHENTICATED';
    case 'FORBIDDEN':
      return 'FORBIDDEN';
    case 'INVALID_INPUT':
      return 'BAD_USER_INPUT';
    case 'RATE_LIMITED':
      return 'TOO_MANY_REQUESTS';
    default: {
      const unmapped: never = code;
      throw new Error(`Unmapped domain error code ${String(unmapped)}`);
    }
  }
}

/** Codes whose message was written for the client (Apollo's own, for requests it could not run). */
const GRAPHQL_CODES = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
  'OPERATION_RESOLUTION_FAILURE',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  // Apollo reports bad variables this way; the message names the variable, not its value.
  'BAD_USER_INPUT',
]);

export const MASKED_MESSAGE = 'Something went wrong on our side. Please try again.';

/**
 * Apollo's formatError: domain errors get their client code; unexpected errors (a database error,
 * a bug) reach the client as one generic message, and the original is logged without variables,
 * which may hold personal data.
 */
export function formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const original = error instanceof GraphQLError ? (error.originalError ?? error) : error;
  if (original instanceof DomainError) {
    return {
      message: original.message,
      ...(formatted.locations ? { locations: formatted.locations } : {}),
      ...(formatted.path ? { path: formatted.path } : {}),
      extensions: { code: clientCode(original.code), ...(original.field ? { field: original.field } : {}) },
    };
  }
  const code = formatted.extensions?.code;
  if (!(original instanceof GraphQLError && original.originalError === undefined) || typeof code !== 'string' || !GRAPHQL_CODES.has(code)) {
    console.error('[graphql] unexpected error at', formatted.path?.join('.') ?? '(request)', original);
    return { message: MASKED_MESSAGE, path: formatted.path, extensions: { code: 'INTERNAL_SERVER_ERROR' } };
  }
  const { stacktrace: _stack, ...extensions } = formatted.extensions ?? {};
  return { ...formatted, extensions };
}
