// Mail capture for the demo and tests: an SMTP server that accepts every message (no auth, no
// TLS: local use only) and keeps the newest ones in memory, parsed, for /mail and /api/mail.
import type { AddressInfo } from 'node:net';
import { simpleParser, type AddressObject } from 'mailparser';
import { SMTPServer, type SMTPServerDataStream, type SMTPServerSession } from 'smtp-server';

export interface CapturedMail {
  /** 1, 2, 3, ... in the order received; never reused while the process runs. */
  id: string;
  /** ISO 8601, UTC: when the sandbox received it. */
  receivedAt: string;
  /** The From header, as text ("Kinpay <no-reply@kinpay.test>"); the envelope sender when there is none. */
  from: string;
  /** The To header's addresses; the envelope recipients when there is none. */
  to: string[];
  subject: string;
  /** The plain-text body without trailing blank lines (mailparser derives it from the HTML when the message has no text part). */
  text: string;
  /** The Date header, ISO 8601; null when missing or unreadable. */
  date: string | null;
  /** Who the SMTP conversation named, which includes Bcc recipients. */
  envelope: { from: string; to: string[] };
}

/** The captured messages, newest first, at most `limit` of them. */
export class MailBox {
  readonly limit: number;
  #messages: CapturedMail[] = [];
  #nextId = 1;

  constructor({ limit = 200 }: { limit?: number } = {}) {
    this.limit = limit;
  }

  add(mail: Omit<CapturedMail, 'id'>): CapturedMail {
    const stored = { id: String(this.#nextId++), ...mail };
    this.#messages = [stored, ...this.#messages].slice(0, this.limit);
    return structuredClone(stored);
  }

  list(): CapturedMail[] {
    return structuredClone(this.#messages);
  }

  get(id: string): CapturedMail | undefined {
    const found = this.#messages.find((m) => m.id === id);
    return found && structuredClone(found);
  }

  get size(): number {
    return this.#messages.length;
  }

  /** Returns how many were deleted. */
  clear(): number {
    const deleted = this.#messages.length;
    this.#messages = [];
    return deleted;
  }
}

export interface MailCaptureOptions {
  /** 0 picks a free port. */
  port: number;
  /** Undefined: every interface. */
  host?: string;
  /** Where messages go; a new one (last 200) when not given. */
  mailbox?: MailBox;
  /** Largest message accepted, in bytes. Default 1 MB. */
  maxBytes?: number;
}

export interface MailCapture {
  /** The port it listens on (the real one when asked for 0). */
  port: number;
  mailbox: MailBox;
  /** Newest first. */
  messages(): CapturedMail[];
  close(): Promise<void>;
}

export async function startMailCapture({ port, host, mailbox = new MailBox(), maxBytes = 1024 * 1024 }: MailCaptureOptions): Promise<MailCapture> {
  const server = new SMTPServer({
    banner: 'Kinpay clearinghouse sandbox mail capture',
    authOptional: true,
    disabledCommands: ['AUTH', 'STARTTLS'],
    size: maxBytes,
    logger: false,
    // Clients that hang on after close() are cut off after this long.
    closeTimeout: 2_000,
    onData(stream, session, callback) {
      receive(stream, session, mailbox).then(
        () => callback(),
        (error: Error & { responseCode?: number }) => callback(error),
      );
    },
  });
  // smtp-server re-emits the listening socket's errors (EADDRINUSE) on itself.
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  // A client that misbehaves must not bring the sandbox down.
  server.on('error', (error: Error) => console.error(`Mail capture: ${error.message}`));
  return {
    port: (server.server.address() as AddressInfo).port,
    mailbox,
    messages: () => mailbox.list(),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

async function receive(stream: SMTPServerDataStream, session: SMTPServerSession, mailbox: MailBox): Promise<void> {
  const parsed = await simpleParser(stream);
  if (stream.sizeExceeded) {
    throw Object.assign(new Error('Message too large for the sandbox mail capture'), { responseCode: 552 });
  }
  const envelope = {
    from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
    to: session.envelope.rcptTo.map((r) => r.address),
  };
  const headerTo = addresses(parsed.to);
  mailbox.add({
    receivedAt: new Date().toISOString(),
    from: formatAddress(parsed.from) || envelope.from,
    to: headerTo.length ? headerTo : envelope.to,
    subject: parsed.subject ?? '',
    // The line break SMTP needs before the final dot is not part of the text.
    text: (parsed.text ?? '').trimEnd(),
    date: parsed.date && !Number.isNaN(parsed.date.getTime()) ? parsed.date.toISOString() : null,
    envelope,
  });
}

/** `Name <address>` (mailparser's own text quotes the name), or the address alone. */
function formatAddress(header: AddressObject | undefined): string {
  const first = header?.value[0];
  if (!first) return header?.text ?? '';
  const name = first.name.trim();
  const address = first.address ?? '';
  return name && address ? `${name} <${address}>` : name || address;
}

function addresses(header: AddressObject | AddressObject[] | undefined): string[] {
  const objects = header === undefined ? [] : Array.isArray(header) ? header : [header];
  const out: string[] = [];
  const walk = (entries: AddressObject['value']) => {
    for (const entry of entries) {
      if (entry.group) walk(entry.group);
      else if (entry.address) out.push(entry.address);
    }
  };
  for (const object of objects) walk(object.value);
  return out;
}
