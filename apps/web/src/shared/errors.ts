// Turns what Apollo rejects with into what a person can read. Only typed errors with
// extensions.code carry a message written for the user; the server masks everything else.
import { CombinedGraphQLErrors, ServerError } from '@apollo/client/errors';
import type { GraphQLFormattedError } from 'graphql';

export type ErrorCode = 'UNAUTHENTICATED' | 'FORBIDDEN' | 'BAD_USER_INPUT' | 'TOO_MANY_REQUESTS' | (string & {});

export function graphQLErrors(error: unknown): readonly GraphQLFormattedError[] {
  return CombinedGraphQLErrors.is(error) ? error.errors : [];
}

export function codeOf(error: GraphQLFormattedError): ErrorCode | undefined {
  const code = error.extensions?.['code'];
  return typeof code === 'string' ? code : undefined;
}

/** The first GraphQL error with this code (and, if given, this `extensions.field`). */
export function findGraphQLError(error: unknown, code: ErrorCode, field?: string): GraphQLFormattedError | undefined {
  return graphQLErrors(error).find((e) => codeOf(e) === code && (field === undefined || e.extensions?.['field'] === field));
}

export function isUnauthenticated(error: unknown): boolean {
  if (findGraphQLError(error, 'UNAUTHENTICATED')) return true;
  return ServerError.is(error) && error.statusCode === 401;
}

export const GENERIC_MESSAGE = 'Something went wrong on our side. Please try again.';
export const NETWORK_MESSAGE = 'We couldn’t reach Kinpay. Check your internet connection and try again.';

/**
 * The error as an `Error`, to throw to an error boundary. Apollo's errors already are one (and stay
 * the same object, so the boundary still recognises UNAUTHENTICATED); anything else is wrapped.
 */
export function asError(error: unknown): Error {
  return error instanceof Error ? error : new Error(describeError(error), { cause: error });
}

/** A sentence for the person at the screen. */
export function describeError(error: unknown): string {
  const [first] = graphQLErrors(error);
  if (first?.message) return first.message;
  if (ServerError.is(error)) return error.statusCode >= 500 ? GENERIC_MESSAGE : NETWORK_MESSAGE;
  if (error instanceof TypeError) return NETWORK_MESSAGE; // fetch() failed: offline or server down
  return GENERIC_MESSAGE;
}
