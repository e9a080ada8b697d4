// The mail capture, spoken to with a minimal SMTP client over node:net (nodemailer is not a
// dependency of this package), and read through the sandbox's pages and API.
import net from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { MailBox, startMailCapture, type CapturedMail, type MailCapture } from './mail.ts';
import { startSandbox, type RunningSandbox } from './test-server.ts';

/** One SMTP conversation: `send` writes a line and resolves with the server's full reply. */
async function smtpClient(port: number) {
  const socket = net.connect(port, '127.0.0.1');
  socket.setEncoding('utf8');
  let buffer = '';
  let wake: (() => void) | null = null;
  let failure: Error | null = null;
  socket.on('data', (chunk: string) => {
    buffer += chunk;
    wake?.();
  });
  socket.on('error', (error) => {
    failure = error;
    wake?.();
  });
  socket.on('close', () => {
    failure ??= new Error(`connection closed; unread: ${JSON.stringify(buffer)}`);
    wake?.();
  });
  const reply = async (): Promise<string> => {
    for (;;) {
      // A reply is "250-..." lines, then one "250 ..." line.
      const match = /^(?:\d{3}-[^\r\n]*\r\n)*\d{3}(?: [^\r\n]*)?\r\n/.exec(buffer);
      if (match) {
        buffer = buffer.slice(match[0].length);
        return match[0];
      }
      if (failure) throw failure;
      await new Promise<void>((resolve) => (wake = resolve));
      wake = null;
    }
  };
  const greeting = await reply();
  return {
    greeting,
    send: async (text: string) => {
      socket.write(`${text}\r\n`);
      return reply();
    },
    close: () => socket.end(),
  };
}

/** Sends one message, with dot-stuffing; returns every reply. */
async function sendMail(port: number, { from, to, message }: { from: string; to: string[]; message: string }) {
  const client = await smtpClient(port);
  const replies: Record<string, string> = { greeting: client.greeting };
  replies.ehlo = await client.send('EHLO test.local');
  replies.mail = await client.send(`MAIL FROM:<${from}>`);
  for (const rcpt of to) replies.rcpt = await client.send(`RCPT TO:<${rcpt}>`);
  replies.data = await client.send('DATA');
  const body = message.replace(/\r?\n/g, '\r\n').replace(/^\./gm, '..');
  replies.end = await client.send(`${body}\r\n.`);
  replies.quit = await client.send('QUIT');
  client.close();
  return replies;
}

const MESSAGE = [
  'From: Kinpay <no-reply@kinpay.test>',
  'To: Dana Parent <parent@example.test>',
  'Subject: Payment received: $40.10',
  'Date: Wed, 25 Nov 2026 14:30:15 +0000',
  'Content-Type: text/plain; charset=utf-8',
  '',
  'We received your payment of $40.10 for Sofia.',
  '<script>alert("x")</script> & more',
  '.a line that starts with a dot',
].join('\n');

let capture: MailCapture;
let sandbox: RunningSandbox;
beforeAll(async () => {
  capture = await startMailCapture({ port: 0, host: '127.0.0.1' });
  sandbox = await startSandbox(undefined, { mail: capture.mailbox });
});
afterAll(async () => {
  await sandbox.close();
  await capture.close();
});
afterEach(() => {
  capture.mailbox.clear();
});

describe('mail capture', () => {
  it('receives a message over SMTP without AUTH or STARTTLS and keeps it parsed', async () => {
    const replies = await sendMail(capture.port, { from: 'no-reply@kinpay.test', to: ['parent@example.test', 'hidden@example.test'], message: MESSAGE });
    expect(replies.greeting).toMatch(/^220 /);
    expect(replies.ehlo).toMatch(/^250/);
    expect(replies.ehlo).toContain('SIZE 1048576');
    expect(replies.ehlo).not.toMatch(/AUTH|STARTTLS/);
    expect(replies.end).toMatch(/^250 /);

    const [mail, ...others] = capture.messages();
    expect(others).toEqual([]);
    expect(mail).toEqual({
      id: expect.stringMatching(/^\d+$/),
      receivedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      from: 'Kinpay <no-reply@kinpay.test>',
      to: ['parent@example.test'],
      subject: 'Payment received: $40.10',
      text: 'We received your payment of $40.10 for Sofia.\n<script>alert("x")</script> & more\n.a line that starts with a dot',
      date: '2026-11-25T14:30:15.000Z',
      envelope: { from: 'no-reply@kinpay.test', to: ['parent@example.test', 'hidden@example.test'] },
    } satisfies Record<keyof CapturedMail, unknown>);
  });

  it('refuses AUTH and a message over the size limit', async () => {
    const small = await startMailCapture({ port: 0, host: '127.0.0.1', maxBytes: 1000 });
    try {
      const client = await smtpClient(small.port);
      await client.send('EHLO test.local');
      expect(await client.send('AUTH PLAIN AGF1c2VyAHBhc3M=')).toMatch(/^5\d\d /);
      await client.send('MAIL FROM:<a@example.test>');
      await client.send('RCPT TO:<b@example.test>');
      await client.send('DATA');
      expect(await client.send(`Subject: big\r\n\r\n${'x'.repeat(2000)}\r\n.`)).toMatch(/^552 /);
      client.close();
      expect(small.messages()).toEqual([]);
    } finally {
      await small.close();
    }
  });

  it('lists messages newest first on /mail and shows one, escaped, on /mail/:id', async () => {
    await sendMail(capture.port, { from: 'no-reply@kinpay.test', to: ['parent@example.test'], message: MESSAGE });
    await sendMail(capture.port, { from: 'no-reply@kinpay.test', to: ['other@example.test'], message: 'Subject: Second <one>\n\nHi' });
    const [second, first] = capture.messages();
    expect(second!.subject).toBe('Second <one>');

    const list = await (await fetch(`${sandbox.base}/mail`)).text();
    expect(list).toContain('Captured mail (2)');
    const firstLink = `<a href="/mail/${first!.id}">Payment received: $40.10</a>`;
    const secondLink = `<a href="/mail/${second!.id}">Second &lt;one&gt;</a>`;
    expect(list.indexOf(secondLink)).toBeGreaterThan(0);
    expect(list.indexOf(secondLink)).toBeLessThan(list.indexOf(firstLink));
    expect(list).toContain('<td>parent@example.test</td>');

    const one = await fetch(`${sandbox.base}/mail/${first!.id}`);
    expect(one.status).toBe(200);
    const page = await one.text();
    expect(page).toContain('<h1>Payment received: $40.10</h1>');
    expect(page).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; more');
    expect(page).not.toContain('<script>');
    expect(page).toContain('<dt>From</dt><dd>Kinpay &lt;no-reply@kinpay.test&gt;</dd>');
    expect(page).toContain('<dt>To</dt><dd>parent@example.test</dd>');
    expect(page).not.toContain('Delivered to'); // the envelope named no one else

    expect((await fetch(`${sandbox.base}/mail/999999`)).status).toBe(404);
    expect((await fetch(`${sandbox.base}/mail/nope`)).status).toBe(404);
  });

  it('answers GET /api/mail and empties it with DELETE /api/mail', async () => {
    await sendMail(capture.port, { from: 'a@example.test', to: ['b@example.test'], message: 'Subject: Hello\n\nBody' });
    const list = (await (await fetch(`${sandbox.base}/api/mail`)).json()) as { messages: CapturedMail[] };
    expect(list.messages).toEqual(capture.messages());
    expect(list.messages[0]).toMatchObject({ from: 'a@example.test', to: ['b@example.test'], subject: 'Hello', text: 'Body', date: null });
    expect(await (await fetch(`${sandbox.base}/api/mail`, { method: 'DELETE' })).json()).toEqual({ deleted: 1 });
    expect(await (await fetch(`${sandbox.base}/api/mail`)).json()).toEqual({ messages: [] });
    expect(await (await fetch(`${sandbox.base}/mail`)).text()).toContain('No mail received yet.');
  });
});

describe('MailBox', () => {
  it('keeps the newest messages up to its limit and never reuses an id', () => {
    const box = new MailBox({ limit: 2 });
    const add = (subject: string) =>
      box.add({ receivedAt: '2026-11-25T00:00:00.000Z', from: '', to: [], subject, text: '', date: null, envelope: { from: '', to: [] } });
    add('1');
    add('2');
    add('3');
    expect(box.list().map((m) => [m.id, m.subject])).toEqual([
      ['3', '3'],
      ['2', '2'],
    ]);
    expect(box.get('1')).toBeUndefined();
    expect(box.clear()).toBe(2);
    expect(add('4').id).toBe('4');
  });

  it('hands out copies', () => {
    const box = new MailBox();
    box.add({ receivedAt: '', from: '', to: ['a@example.test'], subject: 's', text: '', date: null, envelope: { from: '', to: [] } });
    box.list()[0]!.to.push('b@example.test');
    expect(box.list()[0]!.to).toEqual(['a@example.test']);
  });
});
