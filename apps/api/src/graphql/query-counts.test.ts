// No query per row: the staff Payments page and the family page read each kind of related row
// (patients, applications, charges, reports, notices) once per request, however many rows the
// page shows. Counted on the real server, with every database operation it makes recorded.
import type { PrismaClient } from '@kinpay/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient } from '../test/api-client.ts';
import { startTestApi, type TestApi } from '../test/harness.ts';
import { createPractice, TEST_PASSWORD } from '../test/scenarios.ts';
import { createApiServer, type ApiServer } from '../server.ts';
import { postBatch, type LedgerTransaction } from '../ebilling/ledger.ts';

let api: TestApi;
let counted: ApiServer;
let countedUrl: string;
const operations: string[] = [];

beforeAll(async () => {
  api = await startTestApi();
  // The same server, on a database client that records every operation it runs.
  const db = api.db.$extends({
    query: {
      $allOperations({ model, operation, args, query }) {
        operations.push(`${model ?? ''}.${operation}`);
        return query(args);
      },
    },
  }) as unknown as PrismaClient;
  counted = await createApiServer(api.config, db);
  countedUrl = `http://127.0.0.1:${await counted.listen(0, '127.0.0.1')}`;
});
afterAll(async () => {
  await counted.close();
  await api.close();
});

const visit = (daysAgo: number) => ({ daysAgo, cptCode: '99213', amountCents: 12000, insurancePaidCents: 8000, adjustmentCents: 0 });

/** A practice whose family has `children` children, each with charges and `paymentsEach` posted payments. */
async function practiceWith(children: number, paymentsEach: number) {
  const practice = await createPractice(api.db, {
    name: `Count Pediatrics ${children}x${paymentsEach}`,
    users: { billing: { role: 'BILLING' }, mom: { role: 'PARENT' } },
    patients: Object.fromEntries(
      Array.from({ length: children }, (_, i) => [
        `kid${i}`,
        { firstName: `Kid${i}`, lastName: 'Count', dateOfBirth: '2019-01-01', guardians: ['mom'], charges: [visit(40), visit(20), visit(5)] },
      ]),
    ),
  });
  let seq = 0;
  const transactions: LedgerTransaction[] = Object.values(practice.patients).flatMap((kid) =>
    Array.from({ length: paymentsEach }, () => ({
      transactionId: `${practice.practiceId.slice(0, 8)}${(++seq).toString(16).padStart(24, '0')}`,
      kind: 'SALE' as const,
      amountCents: 1500,
      accountNumber: kid.accountNumber,
      payerName: null,
      method: 'CARD' as const,
      cardType: null,
      authorizationNumber: null,
      occurredAt: new Date(Date.UTC(2026, 10, 1, 12, seq)),
      originalTransactionId: null,
      location: `line ${seq}`,
    })),
  );
  await api.db.$transaction((tx) => postBatch(tx, { practiceId: practice.practiceId, clearinghouse: 'INSTAMED', reportId: null, transactions }));
  return practice;
}

async function countOf(email: string, query: string, variables?: Record<string, unknown>) {
  const client = new ApiClient(countedUrl);
  await client.signIn(email, TEST_PASSWORD);
  operations.length = 0;
  await client.data(query, variables);
  return operations.length;
}

const PAYMENTS_PAGE = `query ($first: Int) { payments(first: $first) { totalCount nodes { id amount { formatted } kind transactionId
  patient { firstName lastName accountNumber } applications { amount { amountCents } charge { serviceDate description } } report { fileName } reverses { id } remaining { amountCents } } } }`;

const FAMILY_PAGE = `{ patients(first: 25) { edges { node { firstName balance { formatted } payNowUrl payNowUnavailableReason
  charges { serviceDate amount { amountCents } balance { amountCents } }
  payments { amount { amountCents } kind applications { amount { amountCents } charge { serviceDate } } reverses { id } }
  paymentsBeingPosted { amount { amountCents } } balanceAfterPaymentsBeingPosted { amountCents } } } } }`;

describe('queries per page', () => {
  it('the staff Payments page: the same number of queries for 5 payments as for 25', async () => {
    const small = await practiceWith(1, 5);
    const large = await practiceWith(5, 5);
    const few = await countOf(small.users.billing!.email, PAYMENTS_PAGE, { first: 25 });
    const many = await countOf(large.users.billing!.email, PAYMENTS_PAGE, { first: 25 });
    // Session, the page and its count, then one read per kind of related row.
    expect(few).toBeGreaterThanOrEqual(5);
    expect(many).toBe(few);
    expect(many).toBeLessThanOrEqual(10);
  });

  it('the family page: the same number of queries for 1 child as for 6, each with payments', async () => {
    const one = await practiceWith(1, 2);
    const six = await practiceWith(6, 2);
    const few = await countOf(one.users.mom!.email, FAMILY_PAGE);
    const many = await countOf(six.users.mom!.email, FAMILY_PAGE);
    expect(few).toBeGreaterThanOrEqual(5);
    expect(many).toBe(few);
    expect(many).toBeLessThanOrEqual(12);
  });

  it('a first page that holds the whole list costs no count query, and its totalCount is still exact', async () => {
    const family = await practiceWith(3, 1);
    const client = new ApiClient(countedUrl);
    await client.signIn(family.users.mom!.email, TEST_PASSWORD);
    operations.length = 0;
    const whole = await client.data('{ patients(first: 25) { totalCount edges { node { firstName } } } }');
    const wholeOperations = operations.length;
    expect(whole.patients.totalCount).toBe(3);
    // A full page cannot know what follows it: it counts, one statement more.
    operations.length = 0;
    const firstTwo = await client.data('{ patients(first: 2) { totalCount pageInfo { hasNextPage endCursor } } }');
    expect(firstTwo.patients.totalCount).toBe(3);
    expect(operations.length).toBe(wholeOperations + 1);
    // A later page counts too, whatever its length.
    const rest = await client.data('query ($after: String) { patients(first: 2, after: $after) { totalCount edges { node { firstName } } } }', {
      after: firstTwo.patients.pageInfo.endCursor,
    });
    expect(rest.patients).toMatchObject({ totalCount: 3, edges: [expect.anything()] });
  });

  it('who is asking is one statement: the session and its user together', async () => {
    const family = await practiceWith(1, 1);
    const client = new ApiClient(countedUrl);
    await client.signIn(family.users.mom!.email, TEST_PASSWORD);
    operations.length = 0;
    await client.data('{ me { email } }');
    // The raw join finds the session; `me` then reads its own row.
    expect(operations).toEqual(['.$queryRaw', 'User.findUnique']);
  });
});
