import { mkdir, writeFile } from 'node:fs/promises';
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
let s: Awaited<ReturnType<typeof standardScenario>>;
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
  s = await standardScenario(api.db);
});
afterAll(async () => {
  await api.close();
  await new Promise<void>((resolve) => smtp.close(() => resolve()));
});

const options = () => ({
  ...api.server.services.ebilling.fetchOptions,
  reportsFeedUrl: undefined,
  mailer: createMailer(api.db, `smtp://127.0.0.1:${smtpPort}`, 'Kinpay <no-reply@kinpay.test>'),
  tickMs: 60_000,
  autoStart: false,
});

async function dropFor(name: string, content: string) {
  await mkdir(path.join(inbox, 'testpeds.demo'), { recursive: true });
  await writeFile(path.join(inbox, 'testpeds.demo', name), content);
}

describe('the Agent', () => {
  it('does nothing for a practice that has not turned it on', async () => {
    await dropFor('first.rep', an835([saleOf(s.maple.patients.mateo!.accountNumber, 1000)]));
    const agent = startAgent(api.db, options());
    expect(await agent.runOnce()).toEqual([]);
    expect(await api.db.payment.count({ where: { practiceId: s.maple.practiceId, transactionId: { not: null } } })).toBe(0);
  });

  it('fetches and processes on schedule once turned on, and not again before the interval', async () => {
    await api.db.ebillingPreferences.create({ data: { practiceId: s.maple.practiceId, agentEnabled: true, agentIntervalMinutes: 30 } });
    const agent = startAgent(api.db, options());
    expect(await agent.runOnce(new Date())).toEqual([s.maple.practiceId]);
    expect((await api.db.creditAccount.findUniqueOrThrow({ where: { patientId: s.maple.patients.mateo!.id } })).balanceDueCents).toBe(8500n);
    expect(await agent.runOnce(new Date(Date.now() + 10 * 60_000))).toEqual([]);
    await dropFor('second.rep', an835([saleOf(s.maple.patients.mateo!.accountNumber, 500)]));
    expect(await agent.runOnce(new Date(Date.now() + 31 * 60_000))).toEqual([s.maple.practiceId]);
    expect((await api.db.creditAccount.findUniqueOrThrow({ where: { patientId: s.maple.patients.mateo!.id } })).balanceDueCents).toBe(8000n);
  });

  it('runs in one API instance at a time', async () => {
    await api.db.ebillingPreferences.update({ where: { practiceId: s.maple.practiceId }, data: { agentLastRunAt: null } });
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
    await api.db.ebillingPreferences.update({ where: { practiceId: s.maple.practiceId }, data: { notificationEmails: ['office@testpeds.test'] } });
    mails.length = 0;
    const billing = await api.signedIn(s.maple.users.billing!.email);
    await dropFor('receipt.rep', an835([saleOf(s.maple.patients.emily!.accountNumber, 4000)]));
    const { fetchAndProcessReports } = await billing.data('mutation { fetchAndProcessReports { paymentsPosted } }');
    expect(fetchAndProcessReports.paymentsPosted).toBe(1);
    await expect.poll(() => mails.length, { timeout: 10_000 }).toBe(2);
    const receipt = mails.find((m) => m.to === s.maple.users.chen!.email)!;
    expect(receipt.subject).toBe('Payment received - Test Pediatrics');
    expect(receipt.text).toContain('received your payment of $40.00 for Emily');
    const staff = mails.find((m) => m.to === 'office@testpeds.test')!;
    expect(staff.text).toContain('1 payment(s) posted, net $40.00.');
    // Sent once: the outbox marks them, and a second send finds nothing.
    expect(await options().mailer.sendQueued()).toBe(0);
    expect(await api.db.emailMessage.count({ where: { sentAt: null } })).toBe(0);
  });

  const queue = (n: number, tag: string) =>
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
    mails.length = 0;
    await queue(12, 'concurrent');
    const sent = await Promise.all([options().mailer.sendQueued(), options().mailer.sendQueued()]);
    expect(sent[0] + sent[1]).toBe(12);
    const delivered = mails
      .filter((m) => m.subject === 'concurrent')
      .map((m) => m.to)
      .sort();
    expect(delivered).toEqual(Array.from({ length: 12 }, (_, i) => `concurrent${i}@family.test`).sort());
  });

  it('an email the mail server refused is tried again later, not dropped', async () => {
    mails.length = 0;
    await queue(1, 'retry');
    const down = createMailer(api.db, 'smtp://127.0.0.1:1', 'Kinpay <no-reply@kinpay.test>');
    expect(await down.sendQueued()).toBe(0);
    const failed = await api.db.emailMessage.findUniqueOrThrow({ where: { dedupeKey: 'retry:0' } });
    expect(failed).toMatchObject({ sentAt: null, attempts: 1 });
    expect(failed.error).toMatch(/ECONNREFUSED|connect/i);

    // Not straight away: it waits before the next try.
    expect(await options().mailer.sendQueued()).toBe(0);
    // Once the wait is over, the next send delivers it and clears the error.
    await api.db.emailMessage.update({ where: { id: failed.id }, data: { nextAttemptAt: new Date(Date.now() - 1000) } });
    expect(await options().mailer.sendQueued()).toBe(1);
    expect(mails.filter((m) => m.subject === 'retry')).toHaveLength(1);
    expect(await api.db.emailMessage.findUniqueOrThrow({ where: { id: failed.id } })).toMatchObject({ error: null, attempts: 2 });
  });
});
