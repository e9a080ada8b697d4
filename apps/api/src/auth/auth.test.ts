import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { errorCodes } from '../test/api-client.ts';
import { startTestApi, type TestApi } from '../test/harness.ts';
import { createPractice, standardScenario, TEST_PASSWORD } from '../test/scenarios.ts';

let api: TestApi;
let s: Awaited<ReturnType<typeof standardScenario>>;
beforeAll(async () => {
  // Behind a proxy on loopback, as in production: a test signs in "from" an address of its own
  // (X-Forwarded-For), so the per-address limit of one test never reaches another.
  api = await startTestApi({ TRUST_PROXY: 'loopback' });
  s = await standardScenario(api.db);
});
afterAll(() => api.close());
afterEach(() => {
  vi.useRealTimers();
});

let addresses = 0;
/** A client signing in from an address no other test uses. */
const fromNewAddress = () => api.client({ 'x-forwarded-for': `203.0.113.${++addresses}` });

/** A user of a practice of their own, for a test that changes or locks them. */
async function ownUser() {
  const p = await createPractice(api.db, { name: 'Own Sessions Pediatrics', users: { user: { role: 'BILLING' } }, patients: {} });
  return p.users.user!;
}

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

  it('locks a client address after 30 failed attempts across any emails, even with the right password; other addresses still sign in', async () => {
    const user = await ownUser();
    const guesser = fromNewAddress();
    // One guess per email: the per-email limit (5) never trips, only the per-address one can.
    for (let i = 0; i < 30; i++) expect(errorCodes(await guesser.signIn(`nobody${i}@nowhere.test`, 'guess')), `attempt ${i + 1}`).toEqual(['BAD_USER_INPUT']);
    const locked = await guesser.signIn(user.email, TEST_PASSWORD);
    expect(errorCodes(locked)).toEqual(['TOO_MANY_REQUESTS']);
    expect(locked.errors![0]!.message).toMatch(/Too many sign-in attempts/);
    expect(errorCodes(await fromNewAddress().signIn(user.email, TEST_PASSWORD))).toEqual([]);
  });

  it('a successful sign-in clears the email’s failed attempts', async () => {
    const user = await ownUser();
    const client = fromNewAddress();
    for (let i = 0; i < 4; i++) expect(errorCodes(await client.signIn(user.email, `typo-${i}`))).toEqual(['BAD_USER_INPUT']);
    expect(errorCodes(await client.signIn(user.email, TEST_PASSWORD))).toEqual([]);
    // Four more typos: still told the password is wrong, not locked out (8 failures in the window, but 4 since the sign-in).
    for (let i = 0; i < 4; i++) expect(errorCodes(await client.signIn(user.email, `typo-again-${i}`)), `typo ${i + 1}`).toEqual(['BAD_USER_INPUT']);
    expect(errorCodes(await client.signIn(user.email, TEST_PASSWORD))).toEqual([]);
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

  it('a session ends SESSION_MAX_HOURS after sign-in, however active it is', async () => {
    const { idleMinutes, maxHours } = api.config.session;
    // Only Date is faked: the server's clock moves, its sockets and timers run as usual.
    vi.useFakeTimers({ toFake: ['Date'], now: new Date() });
    const signedInAt = Date.now();
    const user = await ownUser();
    const client = await api.signedIn(user.email);
    // In use all along: a request a little before each idle timeout, up to a minute before the end.
    const end = signedInAt + maxHours * 3_600_000;
    for (let at = signedInAt + (idleMinutes - 1) * 60_000; at < end - 60_000; at += (idleMinutes - 1) * 60_000) {
      vi.setSystemTime(at);
      expect((await client.data(ME)).me?.email, `${(at - signedInAt) / 60_000} minutes in`).toBe(user.email);
    }
    vi.setSystemTime(end - 60_000);
    expect((await client.data(ME)).me?.email).toBe(user.email);
    vi.setSystemTime(end + 60_000);
    expect((await client.data(ME)).me).toBeNull();
    expect(await api.db.session.count({ where: { userId: user.id } })).toBe(0);
  });

  it('each use moves the idle expiry: a session in use outlives SESSION_IDLE_MINUTES', async () => {
    const { idleMinutes } = api.config.session;
    vi.useFakeTimers({ toFake: ['Date'], now: new Date() });
    const signedInAt = Date.now();
    const user = await ownUser();
    const client = await api.signedIn(user.email);
    const used = signedInAt + (idleMinutes - 2) * 60_000;
    vi.setSystemTime(used);
    expect((await client.data(ME)).me?.email).toBe(user.email);
    expect((await api.db.session.findFirstOrThrow({ where: { userId: user.id } })).lastSeenAt.getTime()).toBe(used);
    // Past the idle timeout counted from sign-in, within it counted from the last use.
    vi.setSystemTime(used + (idleMinutes - 2) * 60_000);
    expect((await client.data(ME)).me?.email).toBe(user.email);
    // And idle for longer than the timeout, it ends.
    vi.setSystemTime(used + (idleMinutes - 2) * 60_000 + (idleMinutes + 1) * 60_000);
    expect((await client.data(ME)).me).toBeNull();
  });

  it('disabling a user ends the sessions they already have', async () => {
    const user = await ownUser();
    const [laptop, phone] = [await api.signedIn(user.email), await api.signedIn(user.email)];
    expect((await laptop.data(ME)).me?.email).toBe(user.email);
    await api.db.user.update({ where: { id: user.id }, data: { disabledAt: new Date() } });
    expect((await laptop.data(ME)).me).toBeNull();
    expect(errorCodes(await phone.request('{ patients { totalCount } }'))).toEqual(['UNAUTHENTICATED']);
    expect(await api.db.session.count({ where: { userId: user.id } })).toBe(0);
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
