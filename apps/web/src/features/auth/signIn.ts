// Signing in without Apollo Client, which the sign-in page does not load (it is a third of the
// page's JavaScript): one POST of the SignIn mutation, its answer read as Apollo's HTTP link reads
// it, so its failures are the errors Apollo would reject with and describeError words them the same.
import { CombinedGraphQLErrors, ServerError, ServerParseError } from '@apollo/client/errors';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import type { GraphQLFormattedError } from 'graphql';
import { operationText } from '../../shared/operationText.ts';

interface GraphQLResponse<Data> {
  data?: Data | null;
  errors?: readonly GraphQLFormattedError[];
}

/** POSTs a mutation to /graphql with the session cookie; its data, or the error Apollo would throw. */
export async function postMutation<Data, Variables>(document: TypedDocumentNode<Data, Variables>, variables: Variables): Promise<Data> {
  // (Only an operation has `operation`; GraphQL's Kind enum is not imported, to keep it off this page.)
  const operation = document.definitions.find((definition) => 'operation' in definition);
  // A failed fetch() (offline, server down) rejects with a TypeError, as it does under Apollo.
  const response = await fetch('/graphql', {
    method: 'POST',
    credentials: 'same-origin',
    headers: { accept: 'application/graphql-response+json,application/json;q=0.9', 'content-type': 'application/json' },
    body: JSON.stringify({ operationName: operation?.name?.value, variables, query: operationText(document) }),
  });
  const bodyText = await response.text();
  // A GraphQL response (that media type) is read whatever its status; anything else only with a 2xx.
  if (!response.headers.get('content-type')?.includes('application/graphql-response+json') && response.status >= 300) {
    throw new ServerError(`Response not successful: Received status code ${response.status}`, { response, bodyText });
  }
  let result: GraphQLResponse<Data>;
  try {
    result = JSON.parse(bodyText) as GraphQLResponse<Data>;
  } catch (error) {
    throw new ServerParseError(error, { response, bodyText });
  }
  if (result.errors?.length) throw new CombinedGraphQLErrors(result);
  if (!result.data) throw new ServerError('Server response was malformed.', { response, bodyText });
  return result.data;
}
