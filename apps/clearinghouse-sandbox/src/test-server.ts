// Starts the sandbox on a free port for a test file.
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createSandboxApp } from './server.ts';
import { PaymentStore } from './store.ts';

export interface RunningSandbox {
  base: string;
  store: PaymentStore;
  close(): Promise<void>;
}

export async function startSandbox(store = new PaymentStore()): Promise<RunningSandbox> {
  const app = createSandboxApp({ store });
  const server = await new Promise<Server>((resolve, reject) => {
    const s = app.listen(0, (error?: Error) => (error ? reject(error) : resolve(s)));
  });
  const { port } = server.address() as AddressInfo;
  return {
    base: `http://127.0.0.1:${port}`,
    store,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
