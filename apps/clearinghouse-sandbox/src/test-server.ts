// Starts the sandbox on a free port for a test file.
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { MailBox } from './mail.ts';
import { createSandboxApp } from './server.ts';
import { PaymentStore } from './store.ts';
import { WebhookNotifier, type WebhookOptions } from './webhook.ts';

export interface RunningSandbox {
  base: string;
  store: PaymentStore;
  /** Present when started with webhook options. */
  webhook: WebhookNotifier | undefined;
  close(): Promise<void>;
}

export async function startSandbox(store = new PaymentStore(), options: { webhook?: WebhookOptions; mail?: MailBox } = {}): Promise<RunningSandbox> {
  const webhook = options.webhook && new WebhookNotifier(store, options.webhook);
  const app = createSandboxApp({ store, webhook, mail: options.mail });
  const server = await new Promise<Server>((resolve, reject) => {
    const s = app.listen(0, (error?: Error) => (error ? reject(error) : resolve(s)));
  });
  const { port } = server.address() as AddressInfo;
  return {
    base: `http://127.0.0.1:${port}`,
    store,
    webhook,
    close: async () => {
      await webhook?.close();
      await new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      });
    },
  };
}
