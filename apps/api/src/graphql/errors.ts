// The only errors a client ever sees: typed, with extensions.code. Anything else is masked.
import { GraphQLError, type GraphQLFormattedError } from 'graphql';

export function unauthenticated(message = 'Please sign in.') {
  return new GraphQLError(message, { extensions: { code: 'UNAUTHENTICATED' } });
}

export function forbidden(message = 'You do not have permission to do that.') {
  return new GraphQLError(message, { extensions: { code: 'FORBIDDEN' } });
}

export function badUserInput(message: string, field?: string) {
  return new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT', ...(field ? { field } : {}) } });
}

export function tooManyRequests(message: string) {
  return new GraphQLError(message, { extensions: { code: 'TOO_MANY_REQUESTS' } });
}

/** Codes whose message was written for the client. */
const PUBLIC_CODES = new Set([
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'BAD_USER_INPUT',
  'TOO_MANY_REQUESTS',
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
  'OPERATION_RESOLUTION_FAILURE',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
]);

export const MASKED_MESSAGE = 'Something went wrong on our side. Please try again.';

/**
 * Apollo's formatError: unexpected errors (a database error, a bug) reach the client as one
 * generic message; the original is logged without variables, which may hold personal data.
 */
export function formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const code = formatted.extensions?.code;
  if (typeof code === 'string' && PUBLIC_CODES.has(code)) {
    const { stacktrace: _stack, ...extensions } = formatted.extensions ?? {};
    return { ...formatted, extensions };
  }
  const original = error instanceof GraphQLError ? (error.originalError ?? error) : error;
  console.error('[graphql] unexpected error at', formatted.path?.join('.') ?? '(request)', original);
  return { message: MASKED_MESSAGE, path: formatted.path, extensions: { code: 'INTERNAL_SERVER_ERROR' } };
}
