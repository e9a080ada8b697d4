// Starts the real API server (HTTP, sessions, schema, database) for a test file.
import type { Database } from '@kinpay/db';
import { loadConfig, type Config } from '../config.ts';
import { createApiServer, type ApiServer } from '../server.ts';
import { ApiClient } from './api-client.ts';
import { openTestDatabase } from './database.ts';
import { TEST_PASSWORD } from './scenarios.ts';

export interface TestApi {
  url: string;
  db: Database['prisma'];
  server: ApiServer;
  config: Config;
  /** A new browser-like client with its own cookie jar (and these headers on every request). */
  client(headers?: Record<string, string>): ApiClient;
  /** A client signed in as this user (password TEST_PASSWORD). */
  signedIn(email: string): Promise<ApiClient>;
  close(): Promise<void>;
}

export async function startTestApi(env: Record<string, string> = {}): Promise<TestApi> {
  const database = await openTestDatabase();
  const config = loadConfig({
    NODE_ENV: 'test',
    INSTAMED_BASE_URL: 'http://localhost:4100',
    SANDBOX_URL: 'http://localhost:4100',
    WAYSTAR_PAYMENT_URL_TEMPLATE: 'http://localhost:4100/waystar/pay/{id}',
    WEB_DIST: '/nonexistent',
    ...env,
  });
  const server = await createApiServer(config, database.prisma);
  const port = await server.listen(0, '127.0.0.1');
  const url = `http://127.0.0.1:${port}`;
  return {
    url,
    db: database.prisma,
    server,
    config,
    client: (headers) => new ApiClient(url, headers),
    async signedIn(email) {
      const client = new ApiClient(url);
      const result = await client.signIn(email, TEST_PASSWORD);
      if (result.errors) throw new Error(`sign-in as ${email} failed: ${JSON.stringify(result.errors)}`);
      return client;
    },
    async close() {
      await server.close();
      await database.close();
    },
  };
}
