// `pnpm loadtest`: the Monday-morning rush. 200 parents open the family page at once, then staff
// page through patients, against the API started as deployed (src/main.ts in its own process), on
// the PostgreSQL server and on embedded PGlite. Prints requests/s, latency, errors and the API's
// memory and CPU per request beside /healthz under the same load (the floor). See README.md.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ms } from '../bench/stats.ts';
import { FAMILY_PAGE, STAFF_PATIENTS_PAGE, STAFF_PATIENTS_PAGE_LANDING } from '../bench/web-operations.ts';
import { BENCH_PASSWORD, type ParentLogin } from '../bench/data.ts';
import { ApiClient } from '../src/test/api-client.ts';
import { startApi, type ApiProcess } from './api-process.ts';
import { graphqlErrorCodesOf, runPhase, type ConnectionPlan, type PhaseResult } from './phases.ts';
import { cpuBetween, cpuSnapshot, sampleMemory, treeCpuMs } from './proc.ts';
import { seedPglite, seedPostgres, type Seeded } from './seed.ts';
import { formatLoad, isBusy, loadAverageLine, machineRecord } from '../bench/machine.ts';
import { parseCommandLine } from '../bench/options.ts';

const apiDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const repoRoot = path.resolve(apiDir, '../..');
const resultsDir = path.join(apiDir, 'bench/results');
/** Paths as seen from the repository root (pnpm runs the script in apps/api). */
const shown = (file: string) => path.relative(repoRoot, file);
const PHASES = ['healthz', 'family', 'staff'] as const;
type PhaseName = (typeof PHASES)[number];
const PHASE_LABEL: Record<PhaseName, string> = { healthz: '/healthz', family: 'family page', staff: 'staff patients' };
const TARGET = { familyShareOfFloor: 0.4, familyP99Ms: 1000 };
/** Pause after sign-in and between phases, at least. */
const SETTLE_MS = 2_000;
/** The API counts as idle below this share of one core (over half a second). */
const IDLE_CPU_SHARE = 0.25;

const HELP = `Usage: pnpm loadtest [-- options]
  --db=postgres|pglite|both   databases (default both; env LOADTEST_DB)
  --duration=S                seconds per phase (default 60; env LOADTEST_DURATION)
  --connections=N             concurrent connections per phase (default 200; env LOADTEST_CONNECTIONS)
  --phases=LIST               healthz,family,staff (default all three, in that order)
  --patients=N                practice size (default 5000; env LOADTEST_PATIENTS)
  --parents=N                 parent logins signed in, one per connection (default 200; env LOADTEST_PARENTS)
  --staff-sessions=N          staff sessions the staff phase shares (default 5)
  --workers=N                 API_WORKERS for the PostgreSQL API (default: the environment's, else the API's: one per core)
  --pool-size=N               DATABASE_POOL_SIZE for the PostgreSQL API (default: unset, the API's default)
  --timeout=S                 seconds before a request counts as timed out (default 30)
  --seed=N                    data generator seed (default 20261126)
  --profile                   start the API with node --cpu-prof: a .cpuprofile per thread (the
                              API's, the embedded database's, each cluster worker's) in
                              bench/results/loadtest-<time>-<db>-profile/ when the API stops
PostgreSQL: LOADTEST_SERVER_URL (default postgres://postgres@127.0.0.1:5432); a database
kinpay_loadtest_<pid> is created for the run and dropped at the end.`;

function parseOptions(argv: string[], env: NodeJS.ProcessEnv) {
  const { get, given, int, optionalInt, flag } = parseCommandLine(argv, env, {
    help: HELP,
    envPrefix: 'LOADTEST',
    known: ['db', 'duration', 'connections', 'phases', 'patients', 'parents', 'staff-sessions', 'workers', 'pool-size', 'timeout', 'seed', 'profile'],
    flags: ['profile'],
  });
  const db = get('db') ?? 'both';
  if (!['postgres', 'pglite', 'both'].includes(db)) throw new Error(`--db must be postgres, pglite or both (got ${db})`);
  const phases = (get('phases') ?? PHASES.join(',')).split(',').map((p) => p.trim());
  for (const p of phases) if (!PHASES.includes(p as PhaseName)) throw new Error(`--phases takes ${PHASES.join(', ')} (got ${p})`);
  const workersRaw = given('workers') ?? env.API_WORKERS;
  const workers = workersRaw === undefined || workersRaw === '' ? undefined : Number(workersRaw);
  if (workers !== undefined && (!Number.isInteger(workers) || workers < 1 || workers > 64))
    throw new Error(`--workers must be an integer from 1 to 64 (got ${workersRaw})`);
  // Bounded: a typo must not start a day-long run or 100,000 sockets.
  return {
    databases: (db === 'both' ? ['postgres', 'pglite'] : [db]) as ('postgres' | 'pglite')[],
    duration: int('duration', 60, 1, 1800),
    connections: int('connections', 200, 1, 2000),
    // In the order given on the command line is not wanted: the floor comes first.
    phases: PHASES.filter((p) => phases.includes(p)),
    patients: int('patients', 5000, 500, 200_000),
    parents: int('parents', 200, 1, 5000),
    staffSessions: int('staff-sessions', 5, 1, 50),
    workers,
    poolSize: optionalInt('pool-size', 1, 1000),
    timeout: int('timeout', 30, 1, 300),
    seed: int('seed', 20261126, 0, 2 ** 31),
    profile: flag('profile'),
    serverUrl: (env.LOADTEST_SERVER_URL ?? 'postgres://postgres@127.0.0.1:5432').replace(/\/+$/, ''),
  };
}
type Options = ReturnType<typeof parseOptions>;

const log = (line: string) => console.log(line);
const fmt = (n: number) => n.toLocaleString('en-US');
const mb = (bytes: number) => Math.round(bytes / 1048576);
const sleep = (msValue: number) => new Promise((resolve) => setTimeout(resolve, msValue));

/**
 * Waits until the API is idle: autocannon drops its connections at the end of a phase, but the
 * server still works through the requests it had accepted (up to `timeout` seconds of them on a
 * slow database), which would otherwise land in the next phase. Returns the seconds it took.
 */
async function settle(pid: number, maxSeconds: number): Promise<number> {
  const started = performance.now();
  await sleep(SETTLE_MS);
  while (performance.now() - started < maxSeconds * 1000) {
    const before = treeCpuMs(pid);
    await sleep(500);
    if ((treeCpuMs(pid) - before) / 500 < IDLE_CPU_SHARE) break;
  }
  return Math.round((performance.now() - started) / 100) / 10;
}

// --- Stopping: Ctrl-C, the overall deadline, or an error all stop the API and drop the database.

const cleanups: (() => Promise<unknown>)[] = [];
let stopPhase: (() => void) | undefined;
let stopping = false;

async function cleanUp() {
  while (cleanups.length) await cleanups.pop()!().catch((error: unknown) => console.error('cleanup failed:', error));
}

function abort(reason: string) {
  if (stopping) return;
  stopping = true;
  console.error(`\nloadtest stopped: ${reason}; stopping the API and removing the database`);
  stopPhase?.();
  void cleanUp().finally(() => process.exit(1));
}

// --- Sessions.

/** An address of the benchmarking range (198.18.0.0/15, RFC 2544) per phone. */
const addressOf = (n: number) => `198.18.${Math.floor(n / 250)}.${(n % 250) + 1}`;

/** Signs in each email over HTTP, `concurrency` at a time; the clients keep the session cookies. */
async function signInAll(url: string, emails: string[], firstAddress: number, concurrency = 8): Promise<ApiClient[]> {
  const clients: ApiClient[] = new Array<ApiClient>(emails.length);
  let next = 0;
  const worker = async () => {
    while (next < emails.length) {
      const i = next++;
      const client = new ApiClient(url, { 'x-forwarded-for': addressOf(firstAddress + i) });
      const result = await client.signIn(emails[i]!, BENCH_PASSWORD);
      if (result.errors?.length || !client.cookie?.startsWith('kinpay_session=')) {
        throw new Error(`sign-in ${i + 1} of ${emails.length} failed: ${JSON.stringify(result.errors?.map((e) => e.extensions?.code ?? e.message))}`);
      }
      clients[i] = client;
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, emails.length) }, worker));
  return clients;
}

const graphqlBody = (operationName: string, query: string, variables: Record<string, unknown>) => JSON.stringify({ operationName, query, variables });
const FAMILY_BODY = graphqlBody('FamilyPage', FAMILY_PAGE, {});
const STAFF_BODY = graphqlBody('PatientsPage', STAFF_PATIENTS_PAGE, STAFF_PATIENTS_PAGE_LANDING);

function graphqlPlan(client: ApiClient, body: string, right: (body: string) => string | null): ConnectionPlan {
  return {
    method: 'POST',
    path: '/graphql',
    headers: { 'content-type': 'application/json', cookie: client.cookie!, ...client.headers },
    body,
    check(text) {
      const codes = graphqlErrorCodesOf(text);
      if (codes) return { kind: 'graphql', codes };
      const what = right(text);
      return what ? { kind: 'wrong', what } : null;
    },
  };
}

/** The family page must show this parent's children and no one else's (string checks: cheap at 200 connections). */
function familyCheck(parent: ParentLogin, n: number) {
  return (body: string) => {
    if (!body.includes(`"totalCount":${parent.patientIds.length},`)) return `parent ${n}: not ${parent.patientIds.length} children`;
    const missing = parent.patientIds.filter((id) => !body.includes(`"id":"${id}"`)).length;
    return missing ? `parent ${n}: ${missing} of their children missing` : null;
  };
}

function staffCheck(patients: number) {
  return (body: string) =>
    body.includes(`"totalCount":${patients},`) && body.includes('"hasNextPage":true') ? null : `staff list: not a first page of ${fmt(patients)} patients`;
}

/** Before any load: every session sees exactly what it should, through the same checks. */
async function checkSessions(parents: { client: ApiClient; plan: ConnectionPlan }[], staff: { client: ApiClient; plan: ConnectionPlan }[]) {
  for (const { client, plan } of [...parents, ...staff]) {
    const response = await fetch(`${client.baseUrl}/graphql`, { method: 'POST', headers: plan.headers, body: plan.body, signal: AbortSignal.timeout(30_000) });
    const problem = response.ok ? plan.check(await response.text()) : { kind: 'wrong' as const, what: `HTTP ${response.status}` };
    if (problem)
      throw new Error(`before the load, a session's own request failed: ${problem.kind === 'graphql' ? `GraphQL ${problem.codes.join(', ')}` : problem.what}`);
  }
}

// --- One database.

interface PhaseRun extends PhaseResult {
  /** API process tree CPU (user + system) during the phase, per answered request. */
  apiCpuMsPerRequest: number | null;
  apiCpuSeconds: number | null;
  /** PostgreSQL: CPU of the server's backends for the load test's database, per answered request (PGlite runs inside the API: in apiCpuMsPerRequest). */
  dbCpuMsPerRequest: number | null;
  /** The load generator's own CPU (this process), % of one core: near 100 % means it, not the API, set the pace. */
  loadGeneratorCpuPercent: number;
  peakRssMB: number;
  /** How long the API took to go idle after the phase ended (requests it had accepted). */
  drainSeconds?: number;
  /** answered/s ÷ /healthz answered/s of the same run. */
  shareOfFloor: number | null;
}

interface DatabaseRun {
  kind: 'postgres' | 'pglite';
  counts: Record<string, number>;
  seedSeconds: number;
  apiEnv: Record<string, string>;
  /** The most processes the API tree had, and which (e.g. node x3 with API_WORKERS=2). */
  apiProcesses: { most: number; names: string };
  signIn: { parents: number; staff: number; seconds: number };
  phases: PhaseRun[];
  /** after: null when the API did not survive the load. */
  memoryMB: { before: number; peak: number; after: number | null };
  memorySamples: { atMs: number; rssMB: number; processes: number; phase: string }[];
  targets: { name: string; value: string; pass: boolean | null }[];
  apiLog: string;
}

async function runDatabase(kind: 'postgres' | 'pglite', options: Options, stamp: string): Promise<DatabaseRun> {
  log(`\n${kind}: seeding ${fmt(options.patients)} patients, ${options.parents} parent logins, ${options.staffSessions} staff logins`);
  const seedOptions = {
    patients: options.patients,
    parents: options.parents,
    staff: options.staffSessions - 1,
    seed: options.seed,
    log: (l: string) => log(l),
  };
  const seeded: Seeded = kind === 'postgres' ? await seedPostgres(options.serverUrl, seedOptions) : await seedPglite(seedOptions);
  cleanups.push(() => seeded.drop());
  log(
    `  seeded in ${seeded.seedSeconds} s: ${fmt(seeded.counts.patients!)} patients, ${fmt(seeded.counts.charges!)} charges, ${fmt(seeded.counts.payments!)} payments`,
  );

  // The inbox and anything else the API keeps on disk go to a directory of the run's own.
  const scratch = await mkdtemp(path.join(os.tmpdir(), 'kinpay-loadtest-api-'));
  cleanups.push(() => rm(scratch, { recursive: true, force: true }));
  const apiEnv: Record<string, string> = { DATA_DIR: scratch, ...seeded.env };
  if (kind === 'postgres' && options.workers !== undefined) apiEnv.API_WORKERS = String(options.workers);
  if (kind === 'postgres' && options.poolSize !== undefined) apiEnv.DATABASE_POOL_SIZE = String(options.poolSize);
  const apiLog = path.join(resultsDir, `loadtest-${stamp}-${kind}-api.log`);
  const profileDir = options.profile ? path.join(resultsDir, `loadtest-${stamp}-${kind}-profile`) : undefined;
  const api: ApiProcess = await startApi(apiEnv, { logFile: apiLog, profileDir });
  cleanups.push(() => api.stop());
  const memory = sampleMemory(api.pid);
  cleanups.push(() => Promise.resolve(memory.stop()));
  log(
    `  API pid ${api.pid} at ${api.url} (${Object.entries(apiEnv)
      .map(([k, v]) => `${k}=${k === 'DATABASE_URL' ? v.replace(/^.*\//, '…/') : v}`)
      .join(' ')}); log ${shown(apiLog)}` + (profileDir ? `; CPU profiles in ${shown(profileDir)} when it stops` : ''),
  );

  let t = performance.now();
  const parentClients = await signInAll(
    api.url,
    seeded.parents.map((p) => p.email),
    0,
  );
  const staffClients = await signInAll(api.url, seeded.staffEmails, seeded.parents.length);
  const signInSeconds = Math.round((performance.now() - t) / 100) / 10;
  log(`  signed in ${parentClients.length} parents and ${staffClients.length} staff over HTTP in ${signInSeconds} s (a distinct X-Forwarded-For each)`);
  const parents = parentClients.map((client, i) => ({ client, plan: graphqlPlan(client, FAMILY_BODY, familyCheck(seeded.parents[i]!, i + 1)) }));
  const staff = staffClients.map((client) => ({ client, plan: graphqlPlan(client, STAFF_BODY, staffCheck(seeded.counts.patients!)) }));
  t = performance.now();
  await checkSessions(parents, staff);
  log(
    `  checked: each parent sees exactly their 1–3 children, staff see all ${fmt(seeded.counts.patients!)} patients (${Math.round(performance.now() - t)} ms)`,
  );

  const healthzPlan: ConnectionPlan = {
    method: 'GET',
    path: '/healthz',
    headers: {},
    check: (body) => (body === '{"ok":true}' ? null : { kind: 'wrong', what: `/healthz said ${body.slice(0, 40)}` }),
  };
  const plansOf: Record<PhaseName, ConnectionPlan[]> = { healthz: [healthzPlan], family: parents.map((p) => p.plan), staff: staff.map((s) => s.plan) };

  await settle(api.pid, options.timeout);
  memory.mark('before');
  const before = memory.now()!;
  const runs: PhaseRun[] = [];
  let crashed: string | undefined;
  for (const name of options.phases) {
    memory.mark(name);
    const cpuBefore = treeCpuMs(api.pid);
    const dbBefore = seeded.backendPids ? cpuSnapshot(await seeded.backendPids()) : undefined;
    const ownBefore = process.cpuUsage();
    const result = await runPhase(PHASE_LABEL[name], api.url, plansOf[name], {
      connections: options.connections,
      duration: options.duration,
      timeoutSeconds: options.timeout,
      onStart: (stop) => (stopPhase = stop),
    });
    // A process that ended has no CPU time to read any more.
    const cpuMs = api.exited() ? null : treeCpuMs(api.pid) - cpuBefore;
    const own = process.cpuUsage(ownBefore);
    const dbCpuMs = dbBefore && seeded.backendPids ? cpuBetween(dbBefore, cpuSnapshot(await seeded.backendPids())) : undefined;
    stopPhase = undefined;
    const phaseSamples = memory.samples.filter((s) => s.phase === name);
    const floor = runs.find((r) => r.name === PHASE_LABEL.healthz);
    const run: PhaseRun = {
      ...result,
      apiCpuMsPerRequest: result.answered && cpuMs !== null ? Math.round((cpuMs / result.answered) * 100) / 100 : null,
      apiCpuSeconds: cpuMs === null ? null : Math.round(cpuMs / 100) / 10,
      dbCpuMsPerRequest: dbCpuMs === undefined || !result.answered ? null : Math.round((dbCpuMs / result.answered) * 100) / 100,
      loadGeneratorCpuPercent: Math.round(((own.user + own.system) / 1000 / (result.seconds * 1000)) * 100),
      peakRssMB: mb(Math.max(...phaseSamples.map((s) => s.rssBytes))),
      shareOfFloor: floor && name !== 'healthz' ? Math.round((result.requestsPerSecond / floor.requestsPerSecond) * 1000) / 1000 : null,
    };
    runs.push(run);
    log(`  ${phaseLine(run)}`);
    memory.mark(`after ${name}`);
    if (api.exited()) {
      // The worst miss, not a setup error: report what was measured and stop this database.
      crashed = `the API exited during ${PHASE_LABEL[name]} (${JSON.stringify(api.exited())}); see ${shown(apiLog)}`;
      log(`  ${crashed}`);
      break;
    }
    run.drainSeconds = await settle(api.pid, options.timeout);
  }
  memory.mark('after');
  const after = memory.now()!;
  const loadSamples = memory.samples.filter((s) => (options.phases as string[]).includes(s.phase));
  const peak = Math.max(...loadSamples.map((s) => s.rssBytes));
  const busiest = memory.samples.reduce((a, b) => (b.processes > a.processes ? b : a));
  const apiProcesses = { most: busiest.processes, names: busiest.names };
  memory.stop();

  const family = runs.find((r) => r.name === PHASE_LABEL.family);
  const targets: DatabaseRun['targets'] = [];
  if (crashed) targets.push({ name: 'the API stays up', value: crashed, pass: false });
  if (family) {
    const failures = family.non2xx + family.errors + family.timeouts + family.graphqlErrors + family.wrongAnswers;
    const p99 = family.latency?.p99 ?? Infinity;
    if (kind === 'postgres') {
      targets.push({
        name: `family throughput >= ${TARGET.familyShareOfFloor * 100}% of /healthz`,
        value: family.shareOfFloor === null ? 'no /healthz phase' : `${Math.round(family.shareOfFloor * 100)}%`,
        pass: family.shareOfFloor === null ? null : family.shareOfFloor >= TARGET.familyShareOfFloor,
      });
    }
    targets.push({ name: 'family: no errors, no timeouts', value: `${failures} failed (${family.timeouts} timeouts)`, pass: failures === 0 });
    if (kind === 'postgres') targets.push({ name: `family p99 < ${TARGET.familyP99Ms} ms`, value: `${ms(p99)} ms`, pass: p99 < TARGET.familyP99Ms });
    else targets.push({ name: 'family p99 (reported, no target)', value: `${ms(p99)} ms`, pass: null });
  }
  return {
    kind,
    counts: seeded.counts,
    seedSeconds: seeded.seedSeconds,
    apiEnv: { ...apiEnv, ...(apiEnv.DATABASE_URL ? { DATABASE_URL: apiEnv.DATABASE_URL.replace(/^.*\//, '…/') } : {}) },
    apiProcesses,
    signIn: { parents: parentClients.length, staff: staffClients.length, seconds: signInSeconds },
    phases: runs,
    memoryMB: { before: mb(before.rssBytes), peak: mb(peak), after: crashed ? null : mb(after.rssBytes) },
    memorySamples: memory.samples.map((s) => ({ atMs: s.atMs, rssMB: Math.round((s.rssBytes / 1048576) * 10) / 10, processes: s.processes, phase: s.phase })),
    targets,
    apiLog: shown(apiLog),
  };
}

// --- Printing.

const COLUMNS = [
  'phase',
  'conns',
  'req/s',
  'p50 ms',
  'p95 ms',
  'p99 ms',
  'non-2xx',
  'errors',
  'timeouts',
  'GQL err',
  'wrong',
  'vs floor',
  'API CPU ms/req',
  'DB CPU ms/req',
  'peak MB',
  'gen CPU',
];

function cells(r: PhaseRun): string[] {
  const l = r.latency;
  return [
    r.name,
    String(r.connections),
    fmt(r.requestsPerSecond),
    l ? ms(l.p50) : '-',
    l ? ms(l.p95) : '-',
    l ? ms(l.p99) : '-',
    fmt(r.non2xx),
    fmt(r.errors),
    fmt(r.timeouts),
    fmt(r.graphqlErrors),
    fmt(r.wrongAnswers),
    r.shareOfFloor === null ? (r.name === PHASE_LABEL.healthz ? 'floor' : '-') : `${Math.round(r.shareOfFloor * 100)}%`,
    r.apiCpuMsPerRequest === null ? '-' : r.apiCpuMsPerRequest.toFixed(2),
    r.dbCpuMsPerRequest === null ? '-' : r.dbCpuMsPerRequest.toFixed(2),
    String(r.peakRssMB),
    `${r.loadGeneratorCpuPercent}%`,
  ];
}

function phaseLine(r: PhaseRun) {
  const failed = r.non2xx + r.errors + r.timeouts + r.graphqlErrors + r.wrongAnswers;
  return `${r.name}: ${fmt(r.requestsPerSecond)} req/s, p99 ${r.latency ? ms(r.latency.p99) : '-'} ms, ${failed} failed (${r.timeouts} timeouts)`;
}

function table(rows: string[][]) {
  const widths = COLUMNS.map((c, i) => Math.max(c.length, ...rows.map((r) => r[i]!.length)));
  const line = (r: string[]) => r.map((v, i) => (i === 0 ? v.padEnd(widths[i]!) : v.padStart(widths[i]!))).join('  ');
  return [line(COLUMNS), ...rows.map(line)].join('\n');
}

function report(r: DatabaseRun, options: Options) {
  const workers = r.apiEnv.API_WORKERS ? `API_WORKERS=${r.apiEnv.API_WORKERS}, ` : '';
  log(
    `\n${r.kind}: ${fmt(r.counts.patients!)} patients, ${r.signIn.parents} parents and ${r.signIn.staff} staff signed in; ` +
      `${workers}API process tree: ${r.apiProcesses.names}; ${options.connections} connections, ${options.duration} s per phase`,
  );
  log(table(r.phases.map(cells)));
  log(`memory (RSS of the API process tree): before ${r.memoryMB.before} MB, peak ${r.memoryMB.peak} MB, after ${r.memoryMB.after ?? '-'} MB`);
  for (const t of r.targets) log(`target ${t.name}: ${t.value}${t.pass === null ? '' : t.pass ? '  PASS' : '  FAIL'}`);
  for (const p of r.phases) {
    if (p.graphqlErrors) log(`  ${p.name}: GraphQL error codes ${JSON.stringify(p.graphqlErrorCodes)}`);
    if (p.wrongAnswers) log(`  ${p.name}: wrong answers, e.g. ${p.wrongAnswerExamples.join('; ')}`);
    if (p.non2xx) log(`  ${p.name}: status codes ${JSON.stringify(p.statusCodes)}`);
  }
}

// --- Main.

async function main() {
  const options = parseOptions(process.argv.slice(2), process.env);
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  await mkdir(resultsDir, { recursive: true });
  // Bounded in time: seeding and sign-in get 15 minutes a database, each phase its duration and timeout and a minute.
  const deadlineMs = options.databases.length * (15 * 60_000 + options.phases.length * (options.duration + options.timeout + 60) * 1000);
  setTimeout(() => abort(`the run took longer than ${Math.round(deadlineMs / 60_000)} minutes`), deadlineMs).unref();
  process.once('SIGINT', () => abort('interrupted'));
  process.once('SIGTERM', () => abort('terminated'));

  const loadAtStart = os.loadavg();
  log(
    `Kinpay load test: ${options.databases.join(' + ')}, phases ${options.phases.join(' → ')}, ${options.connections} connections × ${options.duration} s each, ` +
      `timeout ${options.timeout} s; node ${process.version}, ${os.cpus().length} cores, load average ${formatLoad(loadAtStart)}`,
  );
  if (isBusy(loadAtStart)) log('warning: the machine is busy: the load generator, the API and other work share the cores');

  const results: DatabaseRun[] = [];
  for (const kind of options.databases) {
    try {
      results.push(await runDatabase(kind, options, stamp));
    } finally {
      await cleanUp();
    }
  }

  log(
    '\nreq/s = answers per second; latency over every answer; errors = connection errors (timeouts apart); GQL err = 200 answers with GraphQL errors; ' +
      "wrong = 200 answers without errors that are not the session's data; vs floor = req/s ÷ /healthz req/s; " +
      'API CPU ms/req = API process tree CPU ÷ answers; DB CPU ms/req = PostgreSQL backends of the test database ÷ answers (PGlite: inside the API); gen CPU = the load generator (this process), % of one core.',
  );
  for (const r of results) report(r, options);
  const loadAtEnd = os.loadavg();
  log(`\n${loadAverageLine(loadAtStart, loadAtEnd)}`);

  const file = path.join(resultsDir, `loadtest-${stamp}.json`);
  const output = {
    finishedAt: new Date().toISOString(),
    machine: machineRecord(loadAtStart, loadAtEnd),
    options: { ...options, serverUrl: undefined },
    targets: TARGET,
    operations: {
      family: { operationName: 'FamilyPage', query: FAMILY_PAGE },
      staff: { operationName: 'PatientsPage', query: STAFF_PATIENTS_PAGE, variables: STAFF_PATIENTS_PAGE_LANDING },
    },
    databases: results,
  };
  await writeFile(file, `${JSON.stringify(output, null, 2)}\n`);
  log(`results written to ${shown(file)}`);
}

main().then(
  () => process.exit(0),
  async (error: unknown) => {
    console.error(`\nloadtest failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    await cleanUp();
    process.exit(1);
  },
);
