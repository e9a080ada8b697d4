// Runs the clearinghouse sandbox: SANDBOX_PORT (default 4100), SANDBOX_DATA_DIR (default
// <repo>/data/sandbox; empty for memory only), SANDBOX_HOST (default: every interface).
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { loadSandboxConfig } from './config.ts';
import { createSandboxApp } from './server.ts';
import { PaymentStore } from './store.ts';

const config = loadSandboxConfig();
const store = config.dataDir ? PaymentStore.open(config.dataDir) : new PaymentStore();
const app = createSandboxApp({ store });

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
});

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    server.close(() => process.exit(0));
    server.closeIdleConnections();
    // Browsers hold keep-alive connections open; do not wait on them for long.
    setTimeout(() => {
      server.closeAllConnections();
      process.exit(0);
    }, 3000).unref();
  });
}
