// Online payment settings through the real server. Every test starts from a practice of its own
// that never configured payments, so each passes alone and in any order.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorCodes } from '../test/api-client.ts';
import { startTestApi, type TestApi } from '../test/harness.ts';
import { standardScenario } from '../test/scenarios.ts';

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(() => api.close());

let practices = 0;
/** The standard families in practices of their own, payments not set up; `paymentId` is an InstaMed Payment ID no other test uses. */
async function unconfigured() {
  const s = await standardScenario(api.db, { paymentsConfigured: false });
  return { ...s, paymentId: `peds${++practices}.settings` };
}

const UPDATE = `mutation ($input: UpdateClearinghouseSettingsInput!) {
  updateClearinghouseSettings(input: $input) {
    clearinghouse clearinghouseId onlinePaymentsEnabled payNowUrlPreview sandbox updatedAt
    updatedBy { firstName lastName }
    history { version clearinghouse clearinghouseId onlinePaymentsEnabled changedBy { firstName } }
  }
}`;
const SETTINGS = '{ clearinghouseSettings { clearinghouse clearinghouseId onlinePaymentsEnabled payNowUrlPreview history { version } } }';

describe('online payment settings', () => {
  const instamed = (clearinghouseId: string, onlinePaymentsEnabled = true) => ({
    input: { clearinghouse: 'INSTAMED', clearinghouseId, onlinePaymentsEnabled },
  });

  it('start unconfigured', async () => {
    const s = await unconfigured();
    const admin = await api.signedIn(s.maple.users.admin!.email);
    expect((await admin.data(SETTINGS)).clearinghouseSettings).toEqual({
      clearinghouse: null,
      clearinghouseId: null,
      onlinePaymentsEnabled: false,
      payNowUrlPreview: null,
      history: [],
    });
  });

  it('an admin chooses InstaMed and enters the Payment ID; the ID is normalized and the change is recorded', async () => {
    const s = await unconfigured();
    const admin = await api.signedIn(s.maple.users.admin!.email);
    const typed = `  ${s.paymentId.replace('peds', 'PEDS').replace('settings', 'Settings')} `;
    const { updateClearinghouseSettings: saved } = await admin.data(UPDATE, instamed(typed));
    expect(saved).toMatchObject({
      clearinghouse: 'INSTAMED',
      clearinghouseId: s.paymentId,
      onlinePaymentsEnabled: true,
      payNowUrlPreview: `http://localhost:4100/Form/PaymentPortal/Default?id=${s.paymentId}`,
      sandbox: true,
      updatedBy: { firstName: 'Dana', lastName: 'Whitfield' },
      history: [{ version: 1, clearinghouse: 'INSTAMED', clearinghouseId: s.paymentId, onlinePaymentsEnabled: true, changedBy: { firstName: 'Dana' } }],
    });
    const audit = await api.db.auditEvent.findFirstOrThrow({ where: { action: 'clearinghouse_settings.updated', practiceId: s.maple.practiceId } });
    expect(audit.actorUserId).toBe(s.maple.users.admin!.id);
    expect(audit.detail).toMatchObject({ version: 1, from: null, to: { clearinghouseId: s.paymentId, onlinePaymentsEnabled: true } });
  });

  it('an invalid ID is refused with a message for the admin, and nothing changes', async () => {
    const s = await unconfigured();
    const admin = await api.signedIn(s.maple.users.admin!.email);
    const result = await admin.request(UPDATE, instamed('pay.instamed.com/maple grove'));
    expect(errorCodes(result)).toEqual(['BAD_USER_INPUT']);
    expect(result.errors![0]!.extensions!.field).toBe('clearinghouseId');
    expect(result.errors![0]!.message).toBe('An InstaMed Payment ID has only letters, digits and dots (like demogp.test); this one has "/".');
    expect(await api.db.clearinghouseSettings.count({ where: { practiceId: s.maple.practiceId } })).toBe(0);
  });

  it('turning payments on needs an ID', async () => {
    const s = await unconfigured();
    const admin = await api.signedIn(s.maple.users.admin!.email);
    const result = await admin.request(UPDATE, instamed(''));
    expect(result.errors![0]!.message).toBe('Enter the practice’s InstaMed Payment ID to turn on online payments.');
    expect(await api.db.clearinghouseSettings.count({ where: { practiceId: s.maple.practiceId } })).toBe(0);
  });

  it('saving the same settings again adds no version', async () => {
    const s = await unconfigured();
    const admin = await api.signedIn(s.maple.users.admin!.email);
    await admin.data(UPDATE, instamed(s.paymentId));
    await admin.data(UPDATE, instamed(s.paymentId));
    expect((await admin.data(SETTINGS)).clearinghouseSettings.history).toEqual([{ version: 1 }]);
  });

  it('an admin turns online payments off; the ID is kept and the preview goes', async () => {
    const s = await unconfigured();
    const admin = await api.signedIn(s.maple.users.admin!.email);
    await admin.data(UPDATE, instamed(s.paymentId));
    const { updateClearinghouseSettings: saved } = await admin.data(UPDATE, instamed(s.paymentId, false));
    expect(saved).toMatchObject({ onlinePaymentsEnabled: false, clearinghouseId: s.paymentId, payNowUrlPreview: null });
    expect(saved.history.map((h: any) => [h.version, h.onlinePaymentsEnabled])).toEqual([
      [2, false],
      [1, true],
    ]);
  });

  it('Waystar uses its own ID rules and the deployment’s page template', async () => {
    const s = await unconfigured();
    const admin = await api.signedIn(s.maple.users.admin!.email);
    const bad = await admin.request(UPDATE, { input: { clearinghouse: 'WAYSTAR', clearinghouseId: 'maple.grove', onlinePaymentsEnabled: true } });
    expect(bad.errors![0]!.message).toMatch(/A Waystar site ID has only letters, digits and hyphens; this one has "."/);
    const siteId = `12345-${practices}`;
    const { updateClearinghouseSettings: saved } = await admin.data(UPDATE, {
      input: { clearinghouse: 'WAYSTAR', clearinghouseId: siteId, onlinePaymentsEnabled: true },
    });
    expect(saved.payNowUrlPreview).toBe(`http://localhost:4100/waystar/pay/${siteId}`);
  });

  it('billing staff can read the settings but not change them', async () => {
    const s = await unconfigured();
    const admin = await api.signedIn(s.maple.users.admin!.email);
    await admin.data(UPDATE, instamed(s.paymentId));
    const billing = await api.signedIn(s.maple.users.billing!.email);
    expect((await billing.data(SETTINGS)).clearinghouseSettings).toMatchObject({ clearinghouse: 'INSTAMED', clearinghouseId: s.paymentId });
    const result = await billing.request(UPDATE, instamed(`billing.${s.paymentId}`));
    expect(errorCodes(result)).toEqual(['FORBIDDEN']);
    expect(result.data).toBeNull();
    expect(await api.db.clearinghouseSettings.count({ where: { practiceId: s.maple.practiceId } })).toBe(1);
  });

  it('a parent can neither read nor change them', async () => {
    const s = await unconfigured();
    const parent = await api.signedIn(s.maple.users.rivera!.email);
    expect(errorCodes(await parent.request(SETTINGS))).toEqual(['FORBIDDEN']);
    expect(errorCodes(await parent.request(UPDATE, instamed(`parent.${s.paymentId}`)))).toEqual(['FORBIDDEN']);
    expect(await api.db.clearinghouseSettings.count({ where: { practiceId: s.maple.practiceId } })).toBe(0);
  });

  it('an admin changes only their own practice', async () => {
    const s = await unconfigured();
    const admin = await api.signedIn(s.maple.users.admin!.email);
    await admin.data(UPDATE, instamed(s.paymentId));
    const otherAdmin = await api.signedIn(s.other.users.admin!.email);
    await otherAdmin.data(UPDATE, instamed(`other.${s.paymentId}`));
    expect((await admin.data(SETTINGS)).clearinghouseSettings.clearinghouseId).toBe(s.paymentId);
    expect((await otherAdmin.data(SETTINGS)).clearinghouseSettings.clearinghouseId).toBe(`other.${s.paymentId}`);
  });

  it('options list both clearinghouses, with Waystar unavailable when no page template is set', async () => {
    const noWaystar = await startTestApi({ WAYSTAR_PAYMENT_URL_TEMPLATE: '' });
    try {
      const scenario = await standardScenario(noWaystar.db);
      const admin = await noWaystar.signedIn(scenario.maple.users.admin!.email);
      const { clearinghouseOptions } = await admin.data('{ clearinghouseOptions { clearinghouse name idLabel available } }');
      expect(clearinghouseOptions).toEqual([
        { clearinghouse: 'INSTAMED', name: 'InstaMed', idLabel: 'Payment ID', available: true },
        { clearinghouse: 'WAYSTAR', name: 'Waystar', idLabel: 'Site ID', available: false },
      ]);
      const result = await admin.request(UPDATE, { input: { clearinghouse: 'WAYSTAR', clearinghouseId: '12345', onlinePaymentsEnabled: true } });
      expect(result.errors![0]!.message).toMatch(/Waystar payments are not set up on this server/);
    } finally {
      await noWaystar.close();
    }
  });
});
