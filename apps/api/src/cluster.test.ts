// The API as a real process with API_WORKERS=2. On the PostgreSQL server (`pnpm test:postgres`) it
// runs as a cluster: both workers serve, and what must be shared is (sessions, sign-in limits, the
// Agent's lease); a worker killed is replaced; SIGTERM stops them all. On the embedded database
// (PGlite, one process's files) it runs as one process whatever API_WORKERS says.
// Each request goes over a new connection: the primary hands connections to the workers in turn.
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, rm } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { openDatabase } from '@kinpay/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseForProcess, TEST_DB_KIND } from './test/database.ts';
import { createPractice, TEST_PASSWORD, type CreatedPractice } from './test/scenarios.ts';

interface Answer {
  worker: number;
  body: any;
  setCookie: string | undefined;
}

/** One request on a connection of its own; `worker` is the pid that answered (Kinpay-Worker). */
function request(port: number, pathname: string, { body, cookie }: { body?: unknown; cookie?: string } = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port,
        path: pathname,
        method: body ? 'POST' : 'GET',
        agent: false,
        headers: { ...(body ? { 'content-type': 'application/json' } : {}), ...(cookie ? { cookie } : {}) },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () => {
          const setCookie = res.headers['set-cookie']?.[0]?.split(';')[0];
          resolve({ worker: Number(res.headers['kinpay-worker']), body: text ? JSON.parse(text) : null, setCookie });
        });
      },
    );
    // A connection the primary handed to a worker at the moment it died is never answered.
    req.setTimeout(5_000, () => req.destroy(new Error(`no answer to ${pathname} in 5 s`)));
    req.on('error', reject);
    req.end(body ? JSON.stringify(body) : undefined);
  });
}

const graphql = (port: number, query: string, variables: Record<string, unknown> = {}, cookie?: string) =>
  request(port, '/graphql', { body: { query, variables }, cookie });
const signIn = (port: number, email: string, password: string) =>
  graphql(port, 'mutation ($email: String!, $password: String!) { signIn(email: $email, password: $password) { email } }', { email, password });
const errorCode = (answer: Answer) => answer.body?.errors?.[0]?.extensions?.code as string | undefined;

/** Repeats `ask` until a worker accepted by `wanted` answers (the primary hands out connections in turn). */
async function answeredBy(wanted: (pid: number) => boolean, ask: () => Promise<Answer>, tries = 20): Promise<Answer> {
  for (let i = 0; i < tries; i++) {
    const answer = await ask();
    if (wanted(answer.worker)) return answer;
  }
  throw new Error(`no wanted worker answered in ${tries} tries`);
}

interface Api {
  main: ChildProcess;
  port: number;
  output(): string;
}

async function startApi(env: Record<string, string>): Promise<Api> {
  const { DATABASE_URL: _serverDatabase, ...inherited } = process.env;
  const main = spawn(process.execPath, ['--import', 'tsx', path.join(import.meta.dirname, 'main.ts')], {
    // No .env of the developer's: this test decides every variable.
    env: { ...inherited, ENV_FILE: '', NODE_ENV: 'test', PORT: '0', HOST: '127.0.0.1', SEED_DEMO: 'false', API_WORKERS: '2', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  main.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  main.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const port = await new Promise<number>((resolve, reject) => {
    main.stdout.on('data', () => {
      const match = /Portal:\s+http:\/\/localhost:(\d+)\//.exec(output);
      if (match) resolve(Number(match[1]));
    });
    main.once('exit', (code) => reject(new Error(`exited early (${code}): ${output}`)));
  });
  return { main, port, output: () => output };
}

async function stopApi(api: Api | undefined) {
  if (!api || api.main.exitCode !== null || api.main.signalCode !== null) return;
  api.main.kill('SIGKILL');
  await once(api.main, 'exit');
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

let dataDir: string;
let database: Awaited<ReturnType<typeof databaseForProcess>>;
beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'kinpay-cluster-'));
  database = await databaseForProcess(dataDir);
});
afterAll(async () => {
  await database?.dispose();
  await rm(dataDir, { recursive: true, force: true });
});

describe.runIf(TEST_DB_KIND === 'pglite')('on the embedded database', () => {
  let api: Api | undefined;
  afterAll(() => stopApi(api));

  it('runs one process whatever API_WORKERS says, and says so', async () => {
    api = await startApi(database.env);
    expect(api.output()).toContain('one API process: the embedded database belongs to one, so API_WORKERS=2 applies only with DATABASE_URL');
    const workers = new Set<number>();
    for (let i = 0; i < 4; i++) workers.add((await request(api.port, '/healthz')).worker);
    expect([...workers]).toEqual([api.main.pid]);
  }, 120_000);
});

describe.runIf(TEST_DB_KIND === 'postgres')('on a PostgreSQL server', () => {
  let api: Api | undefined;
  let practice: CreatedPractice;
  // The Agent's feed: every request is held a while, so two runs at once would overlap here.
  const feed = { inFlight: 0, maxInFlight: 0, practices: new Set<string>() };
  const feedServer = http.createServer((req, res) => {
    feed.inFlight++;
    feed.maxInFlight = Math.max(feed.maxInFlight, feed.inFlight);
    feed.practices.add(new URL(req.url!, 'http://feed').searchParams.get('practice') ?? '');
    setTimeout(() => {
      feed.inFlight--;
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ reports: [] }));
    }, 2500);
  });

  beforeAll(async () => {
    feedServer.listen(0, '127.0.0.1');
    await once(feedServer, 'listening');
    const db = await openDatabase({ databaseUrl: database.env.DATABASE_URL! }, { migrate: false });
    try {
      practice = await createPractice(db.prisma, {
        name: 'Cluster Pediatrics',
        users: { admin: { role: 'ADMIN' }, billing: { role: 'BILLING' }, guessed: { role: 'BILLING' } },
        patients: {},
        clearinghouse: { clearinghouse: 'INSTAMED', clearinghouseId: 'cluster.one', onlinePaymentsEnabled: true, changedBy: 'admin' },
      });
      const second = await createPractice(db.prisma, {
        name: 'Second Pediatrics',
        users: { admin: { role: 'ADMIN' } },
        patients: {},
        clearinghouse: { clearinghouse: 'INSTAMED', clearinghouseId: 'cluster.two', onlinePaymentsEnabled: true, changedBy: 'admin' },
      });
      // Both due at once for the Agent: without the lease, each worker could take one.
      await db.prisma.ebillingPreferences.createMany({
        data: [practice, second].map((p) => ({ practiceId: p.practiceId, agentEnabled: true, agentIntervalMinutes: 60 })),
      });
    } finally {
      await db.close();
    }
    const feedPort = (feedServer.address() as AddressInfo).port;
    api = await startApi({ ...database.env, AGENT_ENABLED: 'true', AGENT_TICK_SECONDS: '1', CLEARINGHOUSE_REPORTS_URL: `http://127.0.0.1:${feedPort}` });
    // The Agent runs here, whatever order the tests below run in (a worker killed while it holds the lease would hold it up).
    const until = Date.now() + 60_000;
    while ((feed.practices.size < 2 || feed.inFlight > 0) && Date.now() < until) await new Promise((resolve) => setTimeout(resolve, 200));
  }, 180_000);

  afterAll(async () => {
    feedServer.close();
    if (!api || api.main.exitCode !== null) return;
    // Stopping is checked here, after every test, whatever order they ran in.
    const workers = new Set<number>();
    for (let i = 0; i < 4; i++) workers.add((await request(api.port, '/healthz')).worker);
    const exited = once(api.main, 'exit');
    api.main.kill('SIGTERM');
    const [code] = await exited;
    try {
      expect(code, api.output()).toBe(0);
      for (const pid of workers) expect(alive(pid), `worker ${pid} still running`).toBe(false);
    } finally {
      await stopApi(api);
    }
  }, 60_000);

  it('serves requests from two worker processes on one port', async () => {
    const workers = new Set<number>();
    for (let i = 0; i < 6; i++) {
      const answer = await request(api!.port, '/healthz');
      expect(answer.body).toEqual({ ok: true });
      workers.add(answer.worker);
    }
    expect(workers.size, api!.output()).toBe(2);
    expect(workers.has(api!.main.pid!)).toBe(false);
    expect(api!.output()).toContain('Kinpay is running (PostgreSQL server, 2 API workers)');
  });

  it('keeps a session made through one worker valid on the other, and ends it on both', async () => {
    const { email } = practice.users.billing!;
    const signedIn = await signIn(api!.port, email, TEST_PASSWORD);
    expect(signedIn.body.errors).toBeUndefined();
    const cookie = signedIn.setCookie!;
    const other = await answeredBy(
      (pid) => pid !== signedIn.worker,
      () => graphql(api!.port, '{ me { email } }', {}, cookie),
    );
    expect(other.body.data.me).toEqual({ email });

    const signedOut = await graphql(api!.port, 'mutation { signOut }', {}, cookie);
    const after = await answeredBy(
      (pid) => pid !== signedOut.worker,
      () => graphql(api!.port, '{ me { email } }', {}, cookie),
    );
    expect(after.body.data.me).toBeNull();
  });

  it('counts wrong passwords across workers: the 6th for one email is refused whichever worker answers', async () => {
    const { email } = practice.users.guessed!;
    const failures = [];
    for (let i = 0; i < 5; i++) failures.push(await signIn(api!.port, email, 'not-the-password'));
    expect(failures.map(errorCode)).toEqual(Array(5).fill('BAD_USER_INPUT'));
    expect(new Set(failures.map((f) => f.worker)).size).toBe(2);

    const refused = [];
    for (let i = 0; i < 4; i++) refused.push(await signIn(api!.port, email, i === 3 ? TEST_PASSWORD : 'not-the-password'));
    expect(refused.map(errorCode)).toEqual(Array(4).fill('TOO_MANY_REQUESTS'));
    expect(new Set(refused.map((f) => f.worker)).size).toBe(2);
  });

  it('runs the Agent in one worker at a time', () => {
    expect([...feed.practices].sort()).toEqual(['cluster.one', 'cluster.two']);
    expect(feed.maxInFlight).toBe(1);
  });

  it('replaces a worker that dies', async () => {
    const before = new Set<number>();
    for (let i = 0; i < 10 && before.size < 2; i++) before.add((await request(api!.port, '/healthz')).worker);
    const [victim, survivor] = [...before] as [number, number];
    process.kill(victim, 'SIGKILL');
    const replacement = await answeredBy(
      (pid) => !before.has(pid),
      async () => {
        // Until the new worker listens, the survivor answers every connection (and one handed to
        // the victim as it died is lost).
        const answer = await request(api!.port, '/healthz').catch(() => ({ worker: victim, body: null, setCookie: undefined }));
        if (before.has(answer.worker)) await new Promise((resolve) => setTimeout(resolve, 250));
        return answer;
      },
      200,
    );
    expect(api!.output()).toContain(`API worker ${victim} stopped unexpectedly (SIGKILL); starting another`);
    const workers = new Set<number>();
    for (let i = 0; i < 6; i++) workers.add((await request(api!.port, '/healthz')).worker);
    expect([...workers].sort()).toEqual([survivor, replacement.worker].sort());
  }, 60_000);
});
