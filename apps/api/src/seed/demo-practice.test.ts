import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../test/harness.ts';
import { DEMO_LOGINS, DEMO_PASSWORD, seedDemoPractice, type SeedProgress } from './demo-practice.ts';
import { addRandomFamilies, emptyRows, prng, slicesByPatient, type PracticeRows } from './practice-generator.ts';

let api: TestApi;
const progress: SeedProgress[] = [];
beforeAll(async () => {
  api = await startTestApi();
  await seedDemoPractice(api.db, { patientCount: 120, onProgress: (p) => progress.push(p) });
});
afterAll(() => api.close());

describe('seeding', () => {
  it('says how far it is every 40 patients', () => {
    expect(progress).toEqual([
      { patients: 40, total: 120 },
      { patients: 80, total: 120 },
      { patients: 120, total: 120 },
    ]);
  });

  it('cuts the rows into slices that hold each row once, each after the rows it refers to', () => {
    const rows = emptyRows();
    addRandomFamilies(rows, randomUUID(), prng(7), { patientCount: 95, firstAccountNumber: 1 });
    const slices = slicesByPatient(rows, 40);
    expect(slices.map((s) => s.patients.length)).toEqual([40, 40, 15]);
    for (const table of Object.keys(rows) as (keyof PracticeRows)[]) {
      expect(slices.flatMap((s) => s[table] as unknown[]).length, table).toBe(rows[table].length);
      expect(new Set(slices.flatMap((s) => s[table] as unknown[]))).toEqual(new Set(rows[table] as unknown[]));
    }
    const seen = { guardians: new Set<string>(), patients: new Set<string>(), charges: new Set<string>(), payments: new Set<string>() };
    for (const slice of slices) {
      for (const g of slice.guardians) seen.guardians.add(g.id!);
      for (const p of slice.patients) seen.patients.add(p.id!);
      for (const c of slice.charges) seen.charges.add(c.id!);
      for (const p of slice.payments) seen.payments.add(p.id!);
      for (const link of slice.links) expect(seen.guardians.has(link.guardianId) && seen.patients.has(link.patientId)).toBe(true);
      for (const account of slice.creditAccounts) expect(seen.patients.has(account.patientId)).toBe(true);
      for (const charge of slice.charges) expect(seen.patients.has(charge.patientId)).toBe(true);
      for (const a of slice.applications) expect(seen.payments.has(a.paymentId) && seen.charges.has(a.chargeId)).toBe(true);
    }
  });
});

describe('the demo practice', () => {
  it('has every demo login, with the documented password', async () => {
    for (const login of DEMO_LOGINS) {
      const client = api.client();
      const result = await client.signIn(login.email, DEMO_PASSWORD);
      expect(result.errors, login.email).toBeUndefined();
      expect(result.data!.signIn.role).toBe(login.role);
    }
  });

  it('gives Rivera two children, one owing and one paid up, and Chen one owing', async () => {
    const rivera = api.client();
    await rivera.signIn('parent.rivera@demo.kinpay.test', DEMO_PASSWORD);
    const family = await rivera.data('{ patients { edges { node { firstName balance { amountCents } payNowUrl } } } }');
    expect(family.patients.edges.map((e: any) => [e.node.firstName, e.node.balance.amountCents > 0, e.node.payNowUrl !== null])).toEqual([
      ['Lucia', false, false],
      ['Mateo', true, true],
    ]);
    const chen = api.client();
    await chen.signIn('parent.chen@demo.kinpay.test', DEMO_PASSWORD);
    const emily = (await chen.data('{ patients { edges { node { firstName balance { amountCents } } } } }')).patients.edges;
    expect(emily).toHaveLength(1);
    expect(emily[0].node.balance.amountCents).toBeGreaterThan(0);
  });

  it('keeps every credit account equal to the open balances of its charges (the ledger invariant)', async () => {
    const mismatches = await api.db.$queryRaw<{ patientId: string }[]>`
      SELECT ca."patientId"
      FROM "CreditAccount" ca
      LEFT JOIN "Charge" c ON c."patientId" = ca."patientId"
      GROUP BY ca."patientId", ca."balanceDueCents"
      HAVING ca."balanceDueCents" <> COALESCE(SUM(c."amountCents" - c."insurancePaidCents" - c."adjustmentCents" - c."patientPaidCents"), 0)`;
    expect(mismatches).toEqual([]);
    const applied = await api.db.$queryRaw<{ chargeId: string }[]>`
      SELECT c.id AS "chargeId" FROM "Charge" c LEFT JOIN "PaymentApplication" pa ON pa."chargeId" = c.id
      GROUP BY c.id, c."patientPaidCents" HAVING c."patientPaidCents" <> COALESCE(SUM(pa."amountCents"), 0)`;
    expect(applied).toEqual([]);
    expect(await api.db.patient.count()).toBe(120);
    expect(await api.db.creditAccount.count({ where: { balanceDueCents: { gt: 0 } } })).toBeGreaterThan(10);
  });
});
