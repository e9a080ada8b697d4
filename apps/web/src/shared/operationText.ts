// The text of a GraphQL operation exactly as Apollo Client sends it (with the `__typename` fields
// its cache adds), written onto each document at build time by plugins/graphql-documents.ts. The
// browser then needs no GraphQL printer: the sign-in page posts this text itself, and in the
// build Apollo Client's own `print` reads it.
import type { DocumentNode } from 'graphql';

/** `Symbol.for` of this names the property (a symbol: GraphQL's AST tools copy it, JSON ignores it). */
export const OPERATION_TEXT_KEY = 'kinpay.operationText';

export function operationText(document: DocumentNode): string {
  const text: unknown = (document as unknown as Record<symbol, unknown>)[Symbol.for(OPERATION_TEXT_KEY)];
  if (typeof text !== 'string') {
    const operation = document.definitions.find((definition) => 'operation' in definition);
    throw new Error(`The GraphQL operation ${operation?.name?.value ?? '(unnamed)'} has no text: was \`pnpm codegen\` run after it was written?`);
  }
  return text;
}
