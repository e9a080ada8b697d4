import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../test/harness.ts';
import { DEMO_LOGINS, DEMO_PASSWORD, seedDemoPractice } from './demo-practice.ts';

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
  await seedDemoPractice(api.db, { patientCount: 120 });
});
afterAll(() => api.close());

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
