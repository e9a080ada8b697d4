import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorCodes } from '../test/api-client.ts';
import { startTestApi, type TestApi } from '../test/harness.ts';
import { standardScenario, TEST_PASSWORD } from '../test/scenarios.ts';

let api: TestApi;
let s: Awaited<ReturnType<typeof standardScenario>>;
beforeAll(async () => {
  api = await startTestApi();
  s = await standardScenario(api.db);
});
afterAll(() => api.close());

const ME = '{ me { email role firstName practice { name } } }';

describe('sign-in', () => {
  it('signs in with email and password and sets an httpOnly, SameSite session cookie', async () => {
    const client = api.client();
    const result = await client.signIn(s.maple.users.rivera!.email.toUpperCase(), TEST_PASSWORD);
    expect(result.errors).toBeUndefined();
    expect(client.lastSetCookie).toMatch(/^kinpay_session=[\w-]{40,};/);
    expect(client.lastSetCookie).toMatch(/HttpOnly/i);
    expect(client.lastSetCookie).toMatch(/SameSite=Lax/i);
    const { me } = await client.data(ME);
    expect(me).toEqual({ email: s.maple.users.rivera!.email, role: 'PARENT', firstName: 'Sofia', practice: { name: 'Test Pediatrics' } });
  });

  it('stores only a hash of the session token', async () => {
    const client = await api.signedIn(s.maple.users.chen!.email);
    const token = client.cookie!.split('=')[1]!;
    const sessions = await api.db.session.findMany({ where: { userId: s.maple.users.chen!.id } });
    expect(sessions.length).toBeGreaterThan(0);
    expect(sessions.map((x) => x.id)).not.toContain(token);
  });

  it('gives one message for a wrong password and an unknown email', async () => {
    const wrongPassword = await api.client().signIn(s.maple.users.billing!.email, 'not-it');
    const unknownEmail = await api.client().signIn('nobody@nowhere.test', TEST_PASSWORD);
    expect(errorCodes(wrongPassword)).toEqual(['BAD_USER_INPUT']);
    expect(wrongPassword.errors![0]!.message).toBe('Wrong email or password.');
    expect(unknownEmail.errors![0]!.message).toBe('Wrong email or password.');
  });

  it('locks an email after 5 failed attempts, even with the right password', async () => {
    const email = s.maple.users.carter!.email;
    for (let i = 0; i < 5; i++) expect(errorCodes(await api.client().signIn(email, `guess-${i}`))).toEqual(['BAD_USER_INPUT']);
    const locked = await api.client().signIn(email, TEST_PASSWORD);
    expect(errorCodes(locked)).toEqual(['TOO_MANY_REQUESTS']);
    expect(locked.errors![0]!.message).toMatch(/Too many sign-in attempts/);
    const failures = await api.db.auditEvent.count({ where: { action: 'auth.sign_in_failed', actorUserId: s.maple.users.carter!.id } });
    expect(failures).toBe(5);
  });

  it('a disabled user cannot sign in', async () => {
    await api.db.user.update({ where: { id: s.other.users.parent!.id }, data: { disabledAt: new Date() } });
    expect(errorCodes(await api.client().signIn(s.other.users.parent!.email, TEST_PASSWORD))).toEqual(['BAD_USER_INPUT']);
  });
});

describe('sessions', () => {
  it('sign-out ends the session on the server, not just in the browser', async () => {
    const client = await api.signedIn(s.maple.users.admin!.email);
    const stolenCookie = client.cookie;
    expect((await client.data(ME)).me.role).toBe('ADMIN');
    expect(await client.data('mutation { signOut }')).toEqual({ signOut: true });
    const replay = api.client();
    replay.cookie = stolenCookie;
    expect((await replay.data(ME)).me).toBeNull();
  });

  it('an idle session expires', async () => {
    const client = await api.signedIn(s.maple.users.billing!.email);
    const idle = new Date(Date.now() - (api.config.session.idleMinutes + 1) * 60_000);
    await api.db.session.updateMany({ where: { userId: s.maple.users.billing!.id }, data: { lastSeenAt: idle } });
    expect((await client.data(ME)).me).toBeNull();
    expect(await api.db.session.count({ where: { userId: s.maple.users.billing!.id } })).toBe(0);
  });

  it('a forged cookie is no session', async () => {
    const client = api.client();
    client.cookie = 'kinpay_session=forged-token-value';
    expect((await client.data(ME)).me).toBeNull();
  });
});

describe('signed out', () => {
  // Every root field that needs a session, called without one.
  const guarded: [string, string][] = [
    ['patients', '{ patients { totalCount } }'],
    ['patient', '{ patient(id: "00000000-0000-0000-0000-000000000000") { id } }'],
    ['clearinghouseSettings', '{ clearinghouseSettings { onlinePaymentsEnabled } }'],
    ['clearinghouseOptions', '{ clearinghouseOptions { name } }'],
    ['portalStatus', '{ portalStatus { sandbox } }'],
    ['remittanceReports', '{ remittanceReports { totalCount } }'],
    ['payments', '{ payments { totalCount } }'],
    ['unmatchedPayments', '{ unmatchedPayments { id } }'],
    ['ebillingStatus', '{ ebillingStatus { unmatchedCount } }'],
    ['ebillingPreferences', '{ ebillingPreferences { agentEnabled } }'],
    ['fetchAndProcessReports', 'mutation { fetchAndProcessReports { paymentsPosted } }'],
    ['processReports', 'mutation { processReports { paymentsPosted } }'],
    [
      'matchUnmatchedPayment',
      'mutation { matchUnmatchedPayment(paymentId: "00000000-0000-0000-0000-000000000000", patientId: "00000000-0000-0000-0000-000000000000") { id } }',
    ],
    [
      'matchUnmatchedRefund',
      'mutation { matchUnmatchedRefund(paymentId: "00000000-0000-0000-0000-000000000000", saleId: "00000000-0000-0000-0000-000000000000") { id } }',
    ],
    ['retryReport', 'mutation { retryReport(id: "00000000-0000-0000-0000-000000000000") { id } }'],
    ['resolvePaymentConflict', 'mutation { resolvePaymentConflict(id: "00000000-0000-0000-0000-000000000000", note: "x") { id } }'],
    ['paymentConflicts', '{ paymentConflicts { id } }'],
    [
      'updateEbillingPreferences',
      'mutation { updateEbillingPreferences(input: { agentEnabled: true, agentIntervalMinutes: 5, notificationEmails: [] }) { agentEnabled } }',
    ],
    [
      'updateClearinghouseSettings',
      'mutation { updateClearinghouseSettings(input: { clearinghouse: INSTAMED, clearinghouseId: "evil.id", onlinePaymentsEnabled: true }) { onlinePaymentsEnabled } }',
    ],
  ];

  it('the list covers every root field with @requireAuth', async () => {
    const { buildSchema } = await import('../graphql/schema.ts');
    const { authRuleOf } = await import('../graphql/auth-directives.ts');
    const schema = buildSchema();
    const required = [schema.getQueryType()!, schema.getMutationType()!]
      .flatMap((t) => Object.values(t.getFields()))
      .filter((f) => authRuleOf(schema, f)?.kind === 'requireAuth')
      .map((f) => f.name)
      .sort();
    expect(guarded.map(([name]) => name).sort()).toEqual(required);
  });

  it.each(guarded)('%s answers UNAUTHENTICATED and no data', async (_name, query) => {
    const result = await api.client().request(query);
    expect(errorCodes(result)).toEqual(['UNAUTHENTICATED']);
    // Non-null fields null the whole response; nullable ones come back null.
    expect(Object.values(result.data ?? {}).filter((v) => v !== null)).toEqual([]);
  });

  it('me is null rather than an error', async () => {
    expect(await api.client().data(ME)).toEqual({ me: null });
  });

  it('signed-out requests change nothing', async () => {
    expect(await api.db.clearinghouseSettings.count({ where: { clearinghouseId: 'evil.id' } })).toBe(0);
  });
});
