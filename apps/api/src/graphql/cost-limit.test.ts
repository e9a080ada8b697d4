// The cost limit counts the pages a request really asks for, whether `first` is written in the
// query, passed as a variable, or left to its default.
import { Kind, parse, type DocumentNode, type OperationDefinitionNode } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as webDocuments from '../../../web/src/gql/graphql.ts';
import { COST_LIMIT } from '../server.ts';
import { startTestApi, type TestApi } from '../test/harness.ts';
import { createPractice, TEST_PASSWORD } from '../test/scenarios.ts';
import { operationCost } from './cost-limit.ts';
import { buildSchema } from './schema.ts';

const schema = buildSchema();
const cost = (query: string | DocumentNode, variables: Record<string, unknown> = {}) => {
  const document = typeof query === 'string' ? parse(query) : query;
  const operation = document.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)!;
  return operationCost(schema, document, operation, variables, COST_LIMIT);
};

// node = 2 + 1.2 × 1; edges = 2 + 1.2 × node; patients = (2 + 1.2 × edges) × page
const perPatient = 2 + 1.2 * (2 + 1.2 * (2 + 1.2 * 1));

describe('operationCost', () => {
  it('multiplies a page by `first`, written, from a variable, or by the default page when left out', () => {
    expect(cost('{ patients(first: 10) { edges { node { firstName } } } }')).toBeCloseTo(perPatient * 10);
    expect(cost('query ($n: Int) { patients(first: $n) { edges { node { firstName } } } }', { n: 10 })).toBeCloseTo(perPatient * 10);
    expect(cost('query ($n: Int = 40) { patients(first: $n) { edges { node { firstName } } } }')).toBeCloseTo(perPatient * 40);
    expect(cost('{ patients { edges { node { firstName } } } }')).toBeCloseTo(perPatient * 25);
  });

  it('counts a page size the field will refuse as the largest page', () => {
    expect(cost('query ($n: Int) { patients(first: $n) { edges { node { firstName } } } }', { n: 1_000_000 })).toBeCloseTo(perPatient * 100);
  });

  it('counts fragments by their fields, as GraphQL Armor does, and aliases each time', () => {
    const inline = cost('{ patients(first: 10) { edges { node { firstName } } } }');
    const spread = cost('{ patients(first: 10) { edges { node { ...N } } } } fragment N on Patient { firstName }');
    // The spread adds its own 1 + 2, at no extra depth.
    expect(spread).toBeCloseTo(inline + 10 * 1.2 * 1.2 * 3);
    expect(cost('{ a: patients(first: 10) { totalCount } b: patients(first: 10) { totalCount } }')).toBeCloseTo(
      2 * cost('{ patients(first: 10) { totalCount } }'),
    );
  });
});

describe('the SPA’s operations', () => {
  const operations = Object.entries(webDocuments).filter(
    (entry): entry is [string, DocumentNode] =>
      entry[0].endsWith('Document') && (entry[1] as DocumentNode)?.definitions?.some((d) => d.kind === Kind.OPERATION_DEFINITION),
  );
  it.each(operations)('%s fits the cost limit even at the largest page', (_name, document) => {
    const variables = { first: 100 };
    expect(cost(document, variables)).toBeLessThanOrEqual(COST_LIMIT.maxCost);
  });
});

describe('the server refuses what costs too much, before it runs', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi();
  });
  afterAll(() => api.close());

  const HEAVY = `patients(first: $first) { edges { node { id firstName lastName accountNumber
    charges(includePaid: true) { id serviceDate amount { amountCents } balance { amountCents } }
    payments { id amount { amountCents } applications { amount { amountCents } charge { id } } } } } }`;

  it('eight copies of a heavy page with `first` as a variable are refused; one is answered', async () => {
    const practice = await createPractice(api.db, { name: 'Cost Pediatrics', users: { billing: { role: 'BILLING' } }, patients: {} });
    const billing = api.client();
    await billing.signIn(practice.users.billing!.email, TEST_PASSWORD);
    const one = await billing.request(`query ($first: Int) { ${HEAVY} }`, { first: 100 });
    expect(one.errors).toBeUndefined();
    const copies = Array.from({ length: 8 }, (_, i) => `c${i}: ${HEAVY}`).join('\n');
    const eight = await billing.request(`query ($first: Int) { ${copies} }`, { first: 100 });
    expect(eight.data).toBeUndefined();
    expect(eight.errors).toEqual([expect.objectContaining({ message: expect.stringMatching(/^Query Cost limit of 20000 exceeded, found \d+\.$/) })]);
    expect(eight.errors![0]!.extensions!.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });
});
