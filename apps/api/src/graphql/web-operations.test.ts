// Every operation the SPA sends must pass the server's validation, limits included: a query
// one fragment too deep fails only against the real server, and then a parent sees nothing.
import { parse, print, specifiedRules, validate, visit, Kind, type DocumentNode, type SelectionSetNode } from 'graphql';
import { describe, expect, it } from 'vitest';
import * as webDocuments from '../../../web/src/gql/graphql.ts';
import { graphqlLimits } from '../server.ts';
import { buildSchema } from './schema.ts';

/** Apollo Client adds __typename to every selection set but the operation's root. */
function withTypenames(doc: DocumentNode): DocumentNode {
  return visit(doc, {
    SelectionSet: {
      leave(node: SelectionSetNode, _key, parent) {
        if (parent && !Array.isArray(parent) && (parent as { kind?: string }).kind === Kind.OPERATION_DEFINITION) return undefined;
        if (node.selections.some((s) => s.kind === Kind.FIELD && s.name.value === '__typename')) return undefined;
        return { ...node, selections: [...node.selections, { kind: Kind.FIELD, name: { kind: Kind.NAME, value: '__typename' } }] };
      },
    },
  });
}

const operations = Object.entries(webDocuments).filter(
  (entry): entry is [string, DocumentNode] =>
    entry[0].endsWith('Document') && (entry[1] as DocumentNode)?.definitions?.some((d) => d.kind === Kind.OPERATION_DEFINITION),
);

describe('the SPA’s operations', () => {
  const schema = buildSchema();
  const rules = [...specifiedRules, ...graphqlLimits({ production: true }).validationRules];

  it('exist (the generated documents were found)', () => {
    expect(operations.length).toBeGreaterThan(5);
  });

  it.each(operations)('%s passes validation and the depth, cost and alias limits', (_name, document) => {
    const sent = parse(print(withTypenames(document)));
    expect(validate(schema, sent, rules).map((e) => e.message)).toEqual([]);
  });
});
