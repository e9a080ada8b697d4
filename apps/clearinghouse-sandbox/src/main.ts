// Runs the clearinghouse sandbox: SANDBOX_PORT (default 4100), SANDBOX_DATA_DIR (default
// <repo>/data/sandbox; empty for memory only), SANDBOX_HOST (default: every interface),
// SANDBOX_SMTP_PORT (mail capture, default 2525; 0 = off), SANDBOX_WEBHOOK_URL and
// SANDBOX_WEBHOOK_SECRET (InstaMed notices to the portal; off when unset), SANDBOX_WEBHOOK_ENCODING
// (json, xml or nvp; default json).
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { loadIntegrationConfig, loadSandboxConfig } from './config.ts';
import { MailBox, startMailCapture, type MailCapture } from './mail.ts';
import { createSandboxApp } from './server.ts';
import { PaymentStore } from './store.ts';
import { WebhookNotifier } from './webhook.ts';

const config = loadSandboxConfig();
const integrations = loadIntegrationConfig();
const store = config.dataDir ? PaymentStore.open(config.dataDir) : new PaymentStore();
const webhook = integrations.webhook ? new WebhookNotifier(store, integrations.webhook) : undefined;
const mailbox = new MailBox();

let mailCapture: MailCapture | undefined;
if (integrations.smtpPort !== null) {
  try {
    mailCapture = await startMailCapture({ port: integrations.smtpPort, host: config.host, mailbox });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    console.error(
      code === 'EADDRINUSE'
        ? `Clearinghouse sandbox: SMTP port ${integrations.smtpPort} is already in use (set SANDBOX_SMTP_PORT, or 0 for no mail capture).`
        : `Clearinghouse sandbox: the mail capture could not start: ${(error as Error).message}`,
    );
    process.exit(1);
  }
}

const app = createSandboxApp({ store, webhook, mail: mailbox });
const server = http.createServer(app);
server.once('error', (error: NodeJS.ErrnoException) => {
  console.error(
    error.code === 'EADDRINUSE'
      ? `Clearinghouse sandbox: port ${config.port} is already in use (set SANDBOX_PORT).`
      : `Clearinghouse sandbox could not start: ${error.message}`,
  );
  process.exit(1);
});
server.listen({ port: config.port, host: config.host }, () => {
  const { port } = server.address() as AddressInfo;
  console.log(`Clearinghouse sandbox: http://localhost:${port}`);
  console.log(store.file ? `  Payments file: ${store.file}` : '  Payments kept in memory only (SANDBOX_DATA_DIR is empty).');
  console.log(`  Report feed: http://localhost:${port}/api/reports?clearinghouse=INSTAMED&practice=<Payment ID> (listing settles new payments)`);
  console.log(
    webhook
      ? `  Webhook notices: POST ${webhook.target} (${webhook.encoding.toUpperCase()})`
      : '  Webhook notices: off (set SANDBOX_WEBHOOK_URL and SANDBOX_WEBHOOK_SECRET).',
  );
  console.log(
    mailCapture ? `Mail capture: smtp://localhost:${mailCapture.port}, read at http://localhost:${port}/mail` : 'Mail capture: off (SANDBOX_SMTP_PORT=0).',
  );
});

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    void Promise.all([new Promise<void>((resolve) => server.close(() => resolve())), mailCapture?.close(), webhook?.close()]).then(() => process.exit(0));
    server.closeIdleConnections();
    // Browsers hold keep-alive connections open; do not wait on them for long.
    setTimeout(() => {
      server.closeAllConnections();
      process.exit(0);
    }, 3000).unref();
  });
}
