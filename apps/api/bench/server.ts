// The API server as the bench runs it: createApiServer on 127.0.0.1 with production settings (as
// deployed), on the bench's database, with users signed in over real HTTP.
import type { PrismaClient } from '@kinpay/db';
import { loadConfig } from '../src/config.ts';
import { createApiServer } from '../src/server.ts';
import { ApiClient } from '../src/test/api-client.ts';
import { BENCH_PASSWORD } from './data.ts';

export interface BenchServer {
  url: string;
  signIn(email: string): Promise<ApiClient>;
  close(): Promise<void>;
}

/** Production settings; Pay Now through InstaMed so payNowUrl is computed; `env` adds to them. */
export async function startBenchServer(prisma: PrismaClient, env: Record<string, string> = {}): Promise<BenchServer> {
  const config = loadConfig({
    NODE_ENV: 'production',
    COOKIE_SECURE: 'false',
    INSTAMED_BASE_URL: 'http://localhost:4100',
    WEB_DIST: '/nonexistent',
    // The Agent stays off: nothing but the bench's own requests runs in the server.
    AGENT_ENABLED: 'false',
    ...env,
  });
  const server = await createApiServer(config, prisma);
  try {
    const port = await server.listen(0, '127.0.0.1');
    const url = `http://127.0.0.1:${port}`;
    return {
      url,
      async signIn(email) {
        const client = new ApiClient(url);
        const result = await client.signIn(email, BENCH_PASSWORD);
        if (result.errors) throw new Error(`sign-in as ${email} failed: ${JSON.stringify(result.errors)}`);
        return client;
      },
      close: () => server.close(),
    };
  } catch (error) {
    await server.close();
    throw error;
  }
}
