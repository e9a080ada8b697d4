import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorCodes } from '../test/api-client.ts';
import { startTestApi, type TestApi } from '../test/harness.ts';
import { createPractice, standardScenario } from '../test/scenarios.ts';

let api: TestApi;
let s: Awaited<ReturnType<typeof standardScenario>>;
beforeAll(async () => {
  api = await startTestApi();
  s = await standardScenario(api.db);
});
afterAll(() => api.close());

const FAMILY = `{
  patients(first: 100) {
    totalCount
    edges { node {
      id firstName lastName dateOfBirth accountNumber
      balance { amountCents currency formatted }
      payNowUrl payNowUnavailableReason
      charges { cptCode serviceDate amount { amountCents } insurancePaid { amountCents } adjustments { amountCents } balance { amountCents formatted } }
    } }
  }
}`;

const PATIENT = `query ($id: ID!) { patient(id: $id) { id firstName balance { amountCents } charges(includePaid: true) { id } } }`;

describe('a parent', () => {
  it('sees each of their children with balance, open charges and a Pay Now link where a balance is due', async () => {
    const rivera = await api.signedIn(s.maple.users.rivera!.email);
    const { patients } = await rivera.data(FAMILY);
    expect(patients.totalCount).toBe(2);
    const [lucia, mateo] = patients.edges.map((e: any) => e.node);
    expect(mateo).toMatchObject({
      firstName: 'Mateo',
      dateOfBirth: '2019-03-04',
      accountNumber: s.maple.patients.mateo!.accountNumber,
      balance: { amountCents: 9500, currency: 'USD', formatted: '$95.00' },
      payNowUrl: 'http://localhost:4100/Form/PaymentPortal/Default?id=testpeds.demo',
      payNowUnavailableReason: null,
    });
    // Open charges only, newest first; each one's balance is what the family still owes on it.
    expect(mateo.charges.map((c: any) => [c.cptCode, c.balance.amountCents])).toEqual([
      ['87880', 3500],
      ['99213', 2000],
      ['99392', 4000],
    ]);
    expect(lucia).toMatchObject({ firstName: 'Lucia', balance: { amountCents: 0 }, payNowUrl: null, payNowUnavailableReason: 'NO_BALANCE_DUE', charges: [] });
  });

  it('with a credit gets no Pay Now link, and is told it is a credit', async () => {
    const carter = await api.signedIn(s.maple.users.carter!.email);
    const { patients } = await carter.data(FAMILY);
    expect(patients.edges[0].node).toMatchObject({
      firstName: 'Noah',
      balance: { amountCents: -1500, formatted: '-$15.00' },
      payNowUrl: null,
      payNowUnavailableReason: 'CREDIT_ON_ACCOUNT',
    });
  });

  it('cannot read another family’s child through patient(id): it is not there', async () => {
    const rivera = await api.signedIn(s.maple.users.rivera!.email);
    expect(await rivera.data(PATIENT, { id: s.maple.patients.emily!.id })).toEqual({ patient: null });
    expect(await rivera.data(PATIENT, { id: s.other.patients.zoe!.id })).toEqual({ patient: null });
    expect((await rivera.data(PATIENT, { id: s.maple.patients.mateo!.id })).patient.firstName).toBe('Mateo');
  });

  it('cannot widen patients() with search or filters', async () => {
    const rivera = await api.signedIn(s.maple.users.rivera!.email);
    // Zoe Rivera (other practice) and Emily (other family) share nothing with this parent.
    const byName = await rivera.data('{ patients(search: "Rivera") { edges { node { firstName } } } }');
    expect(byName.patients.edges.map((e: any) => e.node.firstName)).toEqual(['Lucia', 'Mateo']);
    const byAccount = await rivera.data('query ($q: String) { patients(search: $q) { totalCount } }', { q: s.maple.patients.emily!.accountNumber });
    expect(byAccount.patients.totalCount).toBe(0);
    // Noah Carter (another family) holds a credit: the filter does not reach him.
    const credits = await rivera.data('{ patients(hasCredit: true) { totalCount } }');
    expect(credits.patients.totalCount).toBe(0);
  });

  it('cannot page into another family with a cursor made from their child’s id', async () => {
    const rivera = await api.signedIn(s.maple.users.rivera!.email);
    const forged = Buffer.from(`patient:${s.maple.patients.emily!.id}`).toString('base64url');
    const result = await rivera.request('query ($after: String) { patients(after: $after) { edges { node { firstName } } } }', { after: forged });
    expect(errorCodes(result)).toEqual(['BAD_USER_INPUT']);
    expect(result.data).toBeNull();
  });

  it('cannot reach staff settings', async () => {
    const rivera = await api.signedIn(s.maple.users.rivera!.email);
    const result = await rivera.request('{ clearinghouseSettings { clearinghouseId } }');
    expect(errorCodes(result)).toEqual(['FORBIDDEN']);
    expect(result.data).toBeNull();
  });

  it('loads charges of all children in one query (no query per child)', async () => {
    const family = await createPractice(api.db, {
      name: 'Big Family Pediatrics',
      users: { mom: { role: 'PARENT' } },
      patients: Object.fromEntries(
        Array.from({ length: 6 }, (_, i) => [
          `kid${i}`,
          {
            firstName: `Kid${i}`,
            lastName: 'Big',
            dateOfBirth: '2015-01-01',
            guardians: ['mom'],
            charges: [{ daysAgo: 5, cptCode: '99213', amountCents: 12000, insurancePaidCents: 9000, adjustmentCents: 0 }],
          },
        ]),
      ),
    });
    const mom = await api.signedIn(family.users.mom!.email);
    const countCharges = await countChargeQueries(() => mom.data(FAMILY));
    expect(countCharges).toBe(1);
  });
});

/** Counts charge.findMany calls on the server's Prisma client while `run` executes. */
async function countChargeQueries(run: () => Promise<unknown>) {
  const original = api.db.charge.findMany.bind(api.db.charge);
  let calls = 0;
  (api.db.charge as any).findMany = (...args: any[]) => {
    calls++;
    return original(...args);
  };
  try {
    await run();
  } finally {
    (api.db.charge as any).findMany = original;
  }
  return calls;
}

describe('staff', () => {
  it('see every patient of their practice, and only theirs, sorted by name', async () => {
    const billing = await api.signedIn(s.maple.users.billing!.email);
    const { patients } = await billing.data('{ patients { totalCount edges { node { firstName lastName } } } }');
    expect(patients.edges.map((e: any) => `${e.node.firstName} ${e.node.lastName}`)).toEqual(['Noah Carter', 'Emily Chen', 'Lucia Rivera', 'Mateo Rivera']);
    expect(patients.totalCount).toBe(4);
  });

  it('cannot open a patient of another practice', async () => {
    const admin = await api.signedIn(s.other.users.admin!.email);
    expect(await admin.data(PATIENT, { id: s.maple.patients.mateo!.id })).toEqual({ patient: null });
  });

  it('filter by balance due and search by name or account number', async () => {
    const billing = await api.signedIn(s.maple.users.billing!.email);
    const q =
      'query ($search: String, $hasBalance: Boolean) { patients(search: $search, hasBalance: $hasBalance) { totalCount edges { node { firstName } } } }';
    const names = async (vars: Record<string, unknown>) => (await billing.data(q, vars)).patients.edges.map((e: any) => e.node.firstName);
    expect(await names({ hasBalance: true })).toEqual(['Emily', 'Mateo']);
    expect(await names({ search: 'rIVERA' })).toEqual(['Lucia', 'Mateo']);
    expect(await names({ search: 'mateo rivera' })).toEqual(['Mateo']);
    expect(await names({ search: s.maple.patients.emily!.accountNumber })).toEqual(['Emily']);
    expect(await names({ search: 'rivera', hasBalance: true })).toEqual(['Mateo']);
    expect(await names({ search: 'nobody-by-this-name' })).toEqual([]);
  });

  it('list the patients holding a credit (Current credits), with the amount', async () => {
    const billing = await api.signedIn(s.maple.users.billing!.email);
    const { patients } = await billing.data(
      '{ patients(hasCredit: true) { totalCount edges { node { firstName credit { amountCents } balance { amountCents } } } } }',
    );
    expect(patients).toEqual({ totalCount: 1, edges: [{ node: { firstName: 'Noah', credit: { amountCents: 1500 }, balance: { amountCents: -1500 } } }] });
    // Both filters: owing and holding a credit at once; nobody here.
    expect((await billing.data('{ patients(hasBalance: true, hasCredit: true) { totalCount edges { node { id } } } }')).patients).toEqual({
      totalCount: 0,
      edges: [],
    });
  });

  it('page through patients with cursors, seeing each patient once', async () => {
    const billing = await api.signedIn(s.maple.users.billing!.email);
    const q = 'query ($after: String) { patients(first: 3, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { firstName } } } }';
    const first = (await billing.data(q)).patients;
    expect(first.edges.map((e: any) => e.node.firstName)).toEqual(['Noah', 'Emily', 'Lucia']);
    expect(first.pageInfo.hasNextPage).toBe(true);
    const second = (await billing.data(q, { after: first.pageInfo.endCursor })).patients;
    expect(second.edges.map((e: any) => e.node.firstName)).toEqual(['Mateo']);
    expect(second.pageInfo.hasNextPage).toBe(false);
    expect(second.totalCount).toBe(4);
  });

  it('page size is bounded', async () => {
    const billing = await api.signedIn(s.maple.users.billing!.email);
    expect(errorCodes(await billing.request('{ patients(first: 101) { totalCount } }'))).toEqual(['BAD_USER_INPUT']);
    expect(errorCodes(await billing.request('{ patients(first: 0) { totalCount } }'))).toEqual(['BAD_USER_INPUT']);
  });

  it('see paid charges too when they ask', async () => {
    const billing = await api.signedIn(s.maple.users.billing!.email);
    const { patient } = await billing.data(PATIENT, { id: s.maple.patients.lucia!.id });
    expect(patient.charges).toHaveLength(2);
  });
});

describe('Pay Now depends on the practice’s settings', () => {
  it('no link anywhere when online payments are off, with the reason', async () => {
    const admin = await api.signedIn(s.maple.users.admin!.email);
    await admin.data(
      'mutation { updateClearinghouseSettings(input: { clearinghouse: INSTAMED, clearinghouseId: "testpeds.demo", onlinePaymentsEnabled: false }) { onlinePaymentsEnabled } }',
    );
    const rivera = await api.signedIn(s.maple.users.rivera!.email);
    const mateo = (await rivera.data(FAMILY)).patients.edges[1].node;
    expect(mateo).toMatchObject({ firstName: 'Mateo', payNowUrl: null, payNowUnavailableReason: 'ONLINE_PAYMENTS_OFF' });
    await admin.data(
      'mutation { updateClearinghouseSettings(input: { clearinghouse: INSTAMED, clearinghouseId: "testpeds.demo", onlinePaymentsEnabled: true }) { onlinePaymentsEnabled } }',
    );
    const again = (await rivera.data(FAMILY)).patients.edges[1].node;
    expect(again.payNowUrl).toBe('http://localhost:4100/Form/PaymentPortal/Default?id=testpeds.demo');
  });

  it('no link for a practice that never configured payments', async () => {
    const api2Practice = await createPractice(api.db, {
      name: 'Unconfigured Pediatrics',
      users: { mom: { role: 'PARENT' } },
      patients: {
        kid: {
          firstName: 'Ada',
          lastName: 'Owes',
          dateOfBirth: '2016-02-02',
          guardians: ['mom'],
          charges: [{ daysAgo: 3, cptCode: '99213', amountCents: 12000, insurancePaidCents: 0, adjustmentCents: 0 }],
        },
      },
    });
    const mom = await api.signedIn(api2Practice.users.mom!.email);
    expect((await mom.data(FAMILY)).patients.edges[0].node).toMatchObject({ payNowUrl: null, payNowUnavailableReason: 'ONLINE_PAYMENTS_OFF' });
  });
});
