// The Agent and the email outbox. Every test makes its own practice, and looks only at its own
// practice's runs and mail, so each passes alone and in any order.
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../test/harness.ts';
import { an835, saleOf } from '../test/reports.ts';
import { standardScenario } from '../test/scenarios.ts';
import { acquireLease, startAgent } from './agent.ts';
import { createMailer } from './notifications.ts';

interface Mail {
  to: string;
  subject: string;
  text: string;
}
let api: TestApi;
let inbox: string;
let smtp: SMTPServer;
let smtpPort: number;
const mails: Mail[] = [];

beforeAll(async () => {
  smtp = new SMTPServer({
    disabledCommands: ['AUTH', 'STARTTLS'],
    onData(stream, _session, done) {
      simpleParser(stream).then((m) => {
        mails.push({ to: (Array.isArray(m.to) ? m.to[0] : m.to)?.text ?? '', subject: m.subject ?? '', text: m.text ?? '' });
        done();
      }, done);
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
  smtpPort = (smtp.server.address() as { port: number }).port;
  inbox = path.join(tmpdir(), `kinpay-agent-${process.pid}-${Date.now()}`);
  api = await startTestApi({ REPORTS_INBOX: inbox, SMTP_URL: `smtp://127.0.0.1:${smtpPort}` });
});
afterAll(async () => {
  await api?.close();
  await new Promise<void>((resolve) => smtp.close(() => resolve()));
  await rm(inbox, { recursive: true, force: true });
});

type Scenario = Awaited<ReturnType<typeof standardScenario>> & { paymentId: string };
let practices = 0;
/** The standard families in a practice of their own, with its own InstaMed Payment ID. */
async function scenario(): Promise<Scenario> {
  const paymentId = `peds${++practices}.agent`;
  return { ...(await standardScenario(api.db, { clearinghouseId: paymentId })), paymentId };
}
const agentOn = (s: Scenario, data: { agentLastRunAt?: Date | null; notificationEmails?: string[] } = {}) =>
  api.db.ebillingPreferences.create({ data: { practiceId: s.maple.practiceId, agentEnabled: true, agentIntervalMinutes: 30, ...data } });

const options = () => ({
  ...api.server.services.ebilling.fetchOptions,
  reportsFeedUrl: undefined,
  mailer: createMailer(api.db, `smtp://127.0.0.1:${smtpPort}`, 'Kinpay <no-reply@kinpay.test>'),
  tickMs: 60_000,
  autoStart: false,
});

async function dropFor(s: Scenario, name: string, content: string) {
  await mkdir(path.join(inbox, s.paymentId), { recursive: true });
  await writeFile(path.join(inbox, s.paymentId, name), content);
}
const balanceDue = async (patientId: string) => (await api.db.creditAccount.findUniqueOrThrow({ where: { patientId } })).balanceDueCents;

describe('the Agent', () => {
  it('does nothing for a practice that has not turned it on', async () => {
    const s = await scenario();
    await dropFor(s, 'first.rep', an835([saleOf(s.maple.patients.mateo!.accountNumber, 1000)]));
    const agent = startAgent(api.db, options());
    const ran = await agent.runOnce();
    expect(ran).not.toBeNull();
    expect(ran).not.toContain(s.maple.practiceId);
    expect(await api.db.payment.count({ where: { practiceId: s.maple.practiceId, transactionId: { not: null } } })).toBe(0);
  });

  it('fetches and processes on schedule once turned on, and not again before the interval', async () => {
    const s = await scenario();
    await dropFor(s, 'first.rep', an835([saleOf(s.maple.patients.mateo!.accountNumber, 1000)]));
    await agentOn(s);
    const agent = startAgent(api.db, options());
    const start = Date.now();
    expect(await agent.runOnce(new Date(start))).toContain(s.maple.practiceId);
    expect(await balanceDue(s.maple.patients.mateo!.id)).toBe(8500n);
    expect(await agent.runOnce(new Date(start + 10 * 60_000))).not.toContain(s.maple.practiceId);
    await dropFor(s, 'second.rep', an835([saleOf(s.maple.patients.mateo!.accountNumber, 500)]));
    expect(await agent.runOnce(new Date(start + 29 * 60_000))).not.toContain(s.maple.practiceId);
    expect(await balanceDue(s.maple.patients.mateo!.id)).toBe(8500n);
    expect(await agent.runOnce(new Date(start + 31 * 60_000))).toContain(s.maple.practiceId);
    expect(await balanceDue(s.maple.patients.mateo!.id)).toBe(8000n);
  });

  it('runs in one API instance at a time', async () => {
    const s = await scenario();
    await agentOn(s, { agentLastRunAt: null });
    const a = startAgent(api.db, options());
    const b = startAgent(api.db, options());
    const runs = await Promise.all([a.runOnce(), b.runOnce(), a.runOnce(), b.runOnce()]);
    expect(runs.flatMap((r) => r ?? []).filter((id) => id === s.maple.practiceId)).toHaveLength(1);
  });

  it('waits while another instance holds the lease, and takes over when the lease runs out', async () => {
    expect(await acquireLease(api.db, 'ebilling-agent', 'other-instance', 60_000)).toBe(true);
    const agent = startAgent(api.db, options());
    expect(await agent.runOnce()).toBeNull();
    await api.db.jobLease.update({ where: { name: 'ebilling-agent' }, data: { leaseUntil: new Date(Date.now() - 1000) } });
    expect(await agent.runOnce()).not.toBeNull();
  });
});

describe('notifications', () => {
  it('email the parent a receipt, and the practice’s listed addresses, when a payment posts', async () => {
    const s = await scenario();
    const office = `office@${s.paymentId}.test`;
    await api.db.ebillingPreferences.create({ data: { practiceId: s.maple.practiceId, notificationEmails: [office] } });
    const billing = await api.signedIn(s.maple.users.billing!.email);
    await dropFor(s, 'receipt.rep', an835([saleOf(s.maple.patients.emily!.accountNumber, 4000)]));
    const { fetchAndProcessReports } = await billing.data('mutation { fetchAndProcessReports { paymentsPosted } }');
    expect(fetchAndProcessReports.paymentsPosted).toBe(1);
    const ours = () => mails.filter((m) => m.to === s.maple.users.chen!.email || m.to === office);
    await expect.poll(() => ours().length, { timeout: 10_000 }).toBe(2);
    const receipt = ours().find((m) => m.to === s.maple.users.chen!.email)!;
    expect(receipt.subject).toBe('Payment received - Test Pediatrics');
    expect(receipt.text).toContain('received your payment of $40.00 for Emily');
    const staff = ours().find((m) => m.to === office)!;
    expect(staff.text).toContain('1 payment(s) posted, net $40.00.');
    // Sent once: the outbox marks them, and a second send does not send them again.
    expect(await api.db.emailMessage.count({ where: { practiceId: s.maple.practiceId, sentAt: null } })).toBe(0);
    await options().mailer.sendQueued();
    expect(ours()).toHaveLength(2);
  });

  const queue = (s: Scenario, n: number, tag: string) =>
    api.db.emailMessage.createMany({
      data: Array.from({ length: n }, (_, i) => ({
        practiceId: s.maple.practiceId,
        to: `${tag}${i}@family.test`,
        subject: tag,
        text: 'hello',
        dedupeKey: `${tag}:${i}`,
      })),
    });

  it('two API instances sending at the same moment send each email once', async () => {
    const s = await scenario();
    await queue(s, 12, 'concurrent');
    const sent = await Promise.all([options().mailer.sendQueued(), options().mailer.sendQueued()]);
    // Both went through the whole outbox (12, plus whatever else was due); each email went out once.
    expect(sent[0] + sent[1]).toBeGreaterThanOrEqual(12);
    const delivered = mails
      .filter((m) => m.subject === 'concurrent')
      .map((m) => m.to)
      .sort();
    expect(delivered).toEqual(Array.from({ length: 12 }, (_, i) => `concurrent${i}@family.test`).sort());
  });

  it('an email the mail server refused is tried again later, not dropped', async () => {
    const s = await scenario();
    await queue(s, 1, 'retry');
    const down = createMailer(api.db, 'smtp://127.0.0.1:1', 'Kinpay <no-reply@kinpay.test>');
    expect(await down.sendQueued()).toBe(0);
    const failed = await api.db.emailMessage.findUniqueOrThrow({ where: { dedupeKey: 'retry:0' } });
    expect(failed).toMatchObject({ sentAt: null, attempts: 1 });
    expect(failed.error).toMatch(/ECONNREFUSED|connect/i);

    // Not straight away: it waits before the next try.
    await options().mailer.sendQueued();
    expect(await api.db.emailMessage.findUniqueOrThrow({ where: { id: failed.id } })).toMatchObject({ sentAt: null, attempts: 1 });
    expect(mails.filter((m) => m.subject === 'retry')).toHaveLength(0);
    // Once the wait is over, the next send delivers it and clears the error.
    await api.db.emailMessage.update({ where: { id: failed.id }, data: { nextAttemptAt: new Date(Date.now() - 1000) } });
    expect(await options().mailer.sendQueued()).toBeGreaterThanOrEqual(1);
    expect(mails.filter((m) => m.subject === 'retry')).toHaveLength(1);
    expect(await api.db.emailMessage.findUniqueOrThrow({ where: { id: failed.id } })).toMatchObject({ error: null, attempts: 2 });
  });
});
