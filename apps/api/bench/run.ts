// `pnpm bench`: latency of the portal's two hot GraphQL queries through the real HTTP server, over
// a practice of 100,000 patients and ~1,000,000 charges, beside the SQL floor (the same question
// asked in SQL directly); the throughput of processing a 10,000-payment 835, IMDPA14 file and
// Waystar report, each beside a raw bulk insert of the same rows; and /healthz latency while a
// 50 MB report is read, beside /healthz idle; on the PostgreSQL server and on embedded PGlite.
// See bench/README.md.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { openDatabase, type Database } from '@kinpay/db';
import pg from 'pg';
import { loadConfig } from '../src/config.ts';
import { createReportReader } from '../src/ebilling/reading/report-reader.ts';
import { BILLING_EMAIL, PARENT_EMAIL, findLoadedPractice, loadPractice, type BenchPractice, type Query, type Statement } from './data.ts';
import { benchEbilling, deleteRunEvents, FILE_KINDS, FLOOR_CONTAINS, footprint, undoLeftovers, type EbillingResult, type FileKindName } from './ebilling.ts';
import { benchHealthz, HEALTHZ_MAX_BYTES, type HealthzResult } from './healthz.ts';
import {
  FAMILY_QUERY,
  SQL_TEXT,
  STAFF_HEAVY_QUERY,
  STAFF_LIST_QUERY,
  checkFamily,
  checkStaffHeavy,
  checkStaffList,
  familySql,
  staffHeavySql,
  staffListSql,
  type Sql,
  type StaffListData,
} from './queries.ts';
import { startBenchServer } from './server.ts';
import { measurePair, ms, type Stats } from './stats.ts';
import { formatLoad, isBusy, loadAverageLine, machineRecord } from './machine.ts';
import { parseCommandLine } from './options.ts';

const benchDir = path.dirname(fileURLToPath(import.meta.url));
const TARGET_P95_MS = 50;
/** The heaviest staff query's p95, at most (PGlite shares the server's thread; PostgreSQL does not). */
const TARGET_HEAVY_P95_MS = { postgres: 100, pglite: 300 } as const;
const TARGET_PAYMENTS_PER_SECOND = 2_000;
const CASES = ['latency', 'ebilling', 'files', 'healthz'] as const;
type Case = (typeof CASES)[number];
/** The file layouts of the throughput cases: ebilling = the 835 (with the target), files = the other two. */
const FILES_OF: Partial<Record<Case, FileKindName[]>> = { ebilling: ['835'], files: ['imdpa', 'waystar'] };

// --- Options: --name=value (or --name value) on the command line, or BENCH_NAME in the environment.

const HELP = `Usage: pnpm bench [-- options]
  --db=postgres|pglite|both   databases to measure (default both; env BENCH_DB)
  --case=all|CASE[,CASE...]   cases to run (default all; env BENCH_CASE):
                                latency   the GraphQL queries beside SQL
                                ebilling  processing a 10,000-payment X12 835 beside a raw insert (target >= 2,000/s on PostgreSQL)
                                files     the same for a 10,000-row IMDPA14 file and a 10,000-row Waystar report
                                healthz   /healthz p50/p95/p99 while a 50 MB report is read through the server, beside idle
  --patients=N                practice size, ~10 charges per patient (default 100000; env BENCH_PATIENTS)
  --pglite-patients=N         practice size on PGlite (default: --patients; env BENCH_PGLITE_PATIENTS)
  --iterations=N              measured requests per case (default 200; env BENCH_ITERATIONS)
  --warmup=N                  unmeasured requests per case first (default 20; env BENCH_WARMUP)
  --seed=N                    data generator seed (default 20261126; env BENCH_SEED)
  --payments=N                payments per file in ebilling and files (default 10000; env BENCH_PAYMENTS)
  --ebilling-rounds=N         measured files per layout and database (default 3; env BENCH_EBILLING_ROUNDS)
  --healthz-mb=N              size of the healthz case's file in MB (default 50; env BENCH_HEALTHZ_MB)
  --healthz-interval-ms=N     /healthz request interval (default 20; env BENCH_HEALTHZ_INTERVAL_MS)
  --healthz-idle-seconds=N    how long /healthz is sampled idle (default 10; env BENCH_HEALTHZ_IDLE_SECONDS)
  --loader=sql|createmany     bulk load with multi-row INSERTs (default) or Prisma createMany (~10x slower)
  --fresh                     reload the PostgreSQL database even if it holds this practice already
  --explain                   print EXPLAIN ANALYZE of the staff list SQL (always on a PostgreSQL miss)
PostgreSQL: BENCH_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/kinpay_bench); the
database is created (dropped first) through the \`test\` database on the same server.`;

function parseOptions(argv: string[], env: NodeJS.ProcessEnv) {
  const { get, int, flag } = parseCommandLine(argv, env, {
    help: HELP,
    envPrefix: 'BENCH',
    known: [
      'db',
      'case',
      'patients',
      'pglite-patients',
      'iterations',
      'warmup',
      'payments',
      'ebilling-rounds',
      'healthz-mb',
      'healthz-interval-ms',
      'healthz-idle-seconds',
      'seed',
      'loader',
      'fresh',
      'explain',
    ],
    flags: ['fresh', 'explain'],
  });
  const db = get('db') ?? 'both';
  if (!['postgres', 'pglite', 'both'].includes(db)) throw new Error(`--db must be postgres, pglite or both (got ${db})`);
  const patients = int('patients', 100_000, 100);
  const loader = get('loader') ?? 'sql';
  if (!['sql', 'createmany'].includes(loader)) throw new Error(`--loader must be sql or createmany (got ${loader})`);
  const kase = get('case') ?? 'all';
  const picked = kase.split(',').map((c) => c.trim());
  for (const c of picked) if (!['all', ...CASES].includes(c)) throw new Error(`--case must be all or a list of ${CASES.join(', ')} (got ${kase})`);
  return {
    databases: (db === 'both' ? ['postgres', 'pglite'] : [db]) as ('postgres' | 'pglite')[],
    cases: CASES.filter((c) => picked.includes('all') || picked.includes(c)),
    patients,
    pglitePatients: int('pglite-patients', patients, 100),
    iterations: int('iterations', 200, 1),
    warmup: int('warmup', 20, 0),
    payments: int('payments', 10_000, 1),
    ebillingRounds: int('ebilling-rounds', 3, 1),
    healthzMb: int('healthz-mb', 50, 1),
    healthzIntervalMs: int('healthz-interval-ms', 20, 1),
    healthzIdleSeconds: int('healthz-idle-seconds', 10, 1),
    seed: int('seed', 20261126, 0),
    loader: loader as 'sql' | 'createmany',
    fresh: flag('fresh'),
    explain: flag('explain'),
    databaseUrl: env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/kinpay_bench',
  };
}
type Options = ReturnType<typeof parseOptions>;

// --- Results.

interface CaseResult {
  name: string;
  graphql: Stats;
  sql: Stats;
  /** GraphQL p95 / SQL p95. */
  ratio: number;
  /** p95 < p95BelowMs (staff list), or p95 <= p95AtMostMs (staff heavy). */
  target?: { p95BelowMs?: number; p95AtMostMs?: number; pass: boolean };
}

interface DatabaseResult {
  kind: 'postgres' | 'pglite';
  patients: number;
  counts: Record<string, number>;
  load: { reused: boolean; seconds: number; loader?: string; generateSeconds?: number; insertSeconds?: number; vacuumAnalyzeSeconds: number };
  sqlVia: string;
  cases: CaseResult[];
  /** ebilling and files: one per file layout (835, IMDPA14, Waystar). */
  throughput: EbillingResult[];
  healthz?: HealthzResult;
  explain?: Record<string, string>;
  /** Wall time of each case on this database, checks and undo included. */
  caseSeconds: Record<string, number>;
}

const log = (line: string) => console.log(line);
const seconds = (msValue: number) => Math.round(msValue / 100) / 10;
const fmt = (n: number) => n.toLocaleString('en-US');

// --- Databases.

async function adminQuery(databaseUrl: string, text: string, params: unknown[] = []) {
  const url = new URL(databaseUrl);
  url.pathname = '/test';
  const client = new pg.Client({ connectionString: url.toString() });
  await client.connect();
  try {
    return (await client.query(text, params)).rows;
  } finally {
    await client.end();
  }
}

interface Prepared {
  database: Database;
  practice: BenchPractice;
  sql: Sql;
  sqlVia: string;
  load: DatabaseResult['load'];
  explainSql?: (text: string, params: unknown[]) => Promise<string>;
  /** Runs the statements in one transaction and commits. */
  transaction(statements: Statement[]): Promise<void>;
  /** After the eBilling case: reclaim the dead rows its updates and deletes left (PostgreSQL, reused). */
  tidy?(): Promise<number>;
  close(): Promise<void>;
}

async function load(
  database: Database,
  { patients, seed, loader }: { patients: number; seed: number; loader: Options['loader'] },
  query: Query,
  vacuum: () => Promise<unknown>,
) {
  const started = performance.now();
  const loaded = await loadPractice(database.prisma, { patients, seed, log, ...(loader === 'sql' ? { query } : {}) });
  const loadMs = performance.now() - started;
  const t = performance.now();
  await vacuum();
  const vacuumMs = performance.now() - t;
  const rows = Object.values(loaded.counts).reduce((s, n) => s + n, 0);
  log(
    `  loaded ${fmt(rows)} rows in ${seconds(loadMs)} s (generate ${seconds(loaded.generateMs)} s, insert ${seconds(loaded.insertMs)} s, ` +
      `${fmt(Math.round(rows / (loaded.insertMs / 1000)))} rows/s with ${loader === 'sql' ? 'multi-row INSERTs' : 'createMany'}); VACUUM ANALYZE ${seconds(vacuumMs)} s`,
  );
  return {
    practice: loaded,
    load: {
      reused: false,
      seconds: seconds(loadMs),
      loader,
      generateSeconds: seconds(loaded.generateMs),
      insertSeconds: seconds(loaded.insertMs),
      vacuumAnalyzeSeconds: seconds(vacuumMs),
    },
  };
}

async function preparePostgres(options: Options): Promise<Prepared> {
  const url = new URL(options.databaseUrl);
  const name = decodeURIComponent(url.pathname.slice(1));
  if (!/^[A-Za-z0-9_]+$/.test(name) || name === 'test') throw new Error(`BENCH_DATABASE_URL must name a database of its own (got ${JSON.stringify(name)})`);
  log(`postgres: ${url.host}/${name}`);

  let database: Database | undefined;
  let practice: BenchPractice | null = null;
  let loadResult: DatabaseResult['load'] | undefined;
  const exists = (await adminQuery(options.databaseUrl, 'SELECT 1 FROM pg_database WHERE datname = $1', [name])).length > 0;
  if (exists && !options.fresh) {
    database = await openDatabase({ databaseUrl: options.databaseUrl });
    practice = await findLoadedPractice(database.prisma, { patients: options.patients, seed: options.seed });
    if (practice) {
      log(`  reusing the loaded database (${fmt(practice.counts.patients!)} patients, ${fmt(practice.counts.charges!)} charges); --fresh reloads it`);
    } else {
      await database.close();
      database = undefined;
    }
  }
  const pool = new pg.Pool({ connectionString: options.databaseUrl, max: 2 });
  try {
    if (!database || !practice) {
      log(`  creating ${name} (dropped first) and loading ${fmt(options.patients)} patients`);
      await adminQuery(options.databaseUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await adminQuery(options.databaseUrl, `CREATE DATABASE "${name}"`);
      database = await openDatabase({ databaseUrl: options.databaseUrl });
      const loaded = await load(
        database,
        options,
        async (text, params) => (await pool.query(text, params)).rows,
        () => pool.query('VACUUM ANALYZE'),
      );
      practice = loaded.practice;
      loadResult = loaded.load;
    } else {
      const t = performance.now();
      await pool.query('ANALYZE');
      loadResult = { reused: true, seconds: 0, vacuumAnalyzeSeconds: seconds(performance.now() - t) };
    }
  } catch (error) {
    await pool.end();
    await database?.close();
    throw error;
  }
  const db = database;
  return {
    database: db,
    practice,
    load: loadResult,
    sql: async (text, params) => (await pool.query(text, params)).rows,
    sqlVia: 'pg (node-postgres) Pool, max 2 connections',
    explainSql: async (text, params) => (await pool.query(`EXPLAIN (ANALYZE, BUFFERS) ${text}`, params)).rows.map((r) => r['QUERY PLAN']).join('\n'),
    async transaction(statements) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        for (const { text, params } of statements) await client.query(text, params);
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK').catch(() => {});
        throw error;
      } finally {
        client.release();
      }
    },
    async tidy() {
      const t = performance.now();
      await pool.query(
        'VACUUM ANALYZE "Charge", "CreditAccount", "Payment", "PaymentApplication", "PaymentConflict", "EmailMessage", "AuditEvent", "RemittanceReport", "RemittanceReportChunk"',
      );
      return performance.now() - t;
    },
    async close() {
      await pool.end();
      await db.close();
    },
  };
}

async function preparePglite(options: Options): Promise<Prepared> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'kinpay-bench-pglite-'));
  log(`pglite: data dir ${dir} (removed afterwards)`);
  let database: Database | undefined;
  try {
    database = await openDatabase({ dataDir: dir });
    const prisma = database.prisma;
    log(`  loading ${fmt(options.pglitePatients)} patients`);
    const loaded = await load(
      database,
      { ...options, patients: options.pglitePatients },
      (text, params) => prisma.$queryRawUnsafe<Record<string, unknown>[]>(text, ...params),
      () => prisma.$executeRawUnsafe('VACUUM ANALYZE'),
    );
    const db = database;
    return {
      database: db,
      practice: loaded.practice,
      load: loaded.load,
      sql: (text, params) => prisma.$queryRawUnsafe<Record<string, unknown>[]>(text, ...params),
      sqlVia: 'prisma.$queryRawUnsafe on the same PGlite instance',
      explainSql: async (text, params) =>
        (await prisma.$queryRawUnsafe<Record<string, unknown>[]>(`EXPLAIN (ANALYZE, BUFFERS) ${text}`, ...params)).map((r) => r['QUERY PLAN']).join('\n'),
      async transaction(statements) {
        await prisma.$transaction(
          async (tx) => {
            for (const { text, params } of statements) await tx.$executeRawUnsafe(text, ...params);
          },
          { timeout: 600_000, maxWait: 30_000 },
        );
      },
      async close() {
        await db.close();
        await rm(dir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await database?.close();
    await rm(dir, { recursive: true, force: true });
    throw error;
  }
}

// --- One database: load, start the real server, sign in, check, measure.

function line(kind: string, c: CaseResult) {
  const bound = c.target?.p95AtMostMs === undefined ? `< ${c.target?.p95BelowMs}` : `<= ${c.target.p95AtMostMs}`;
  const target = c.target ? ` | target p95 ${bound} ms: ${c.target.pass ? 'PASS' : 'FAIL'}` : '';
  return (
    `${kind.padEnd(9)} ${c.name.padEnd(34)} GraphQL p50 ${ms(c.graphql.p50)} ms p95 ${ms(c.graphql.p95)} ms` +
    ` | SQL p50 ${ms(c.sql.p50)} ms p95 ${ms(c.sql.p95)} ms | ratio ${c.ratio.toFixed(1)}x${target}`
  );
}

function ebillingLine(kind: string, e: EbillingResult) {
  const m = e.median;
  const target = e.target ? ` | target >= ${fmt(e.target.paymentsPerSecondAtLeast)}/s: ${e.target.pass ? 'PASS' : 'FAIL'}` : '';
  return (
    `${kind.padEnd(9)} ${`eBilling ${e.file}, ${fmt(e.payments)} payments`.padEnd(34)} API ${fmt(m.paymentsPerSecond)} payments/s (${(m.processMs / 1000).toFixed(2)} s` +
    ` + store ${(m.storeMs / 1000).toFixed(2)} s: ${fmt(m.endToEndPerSecond)}/s)` +
    ` | floor ${fmt(m.floorPaymentsPerSecond)} payments/s (${(m.floorMs / 1000).toFixed(2)} s) | ratio ${m.ratio.toFixed(1)}x${target}`
  );
}

function healthzLine(kind: string, h: HealthzResult) {
  const p = (s: Stats) => `p50 ${ms(s.p50)} p95 ${ms(s.p95)} p99 ${ms(s.p99)} max ${ms(s.max)} ms (n ${s.n})`;
  return (
    `${kind.padEnd(9)} ${`/healthz, ${Math.round(h.fileBytes / 1048576)} MB report read`.padEnd(34)} idle ${p(h.idle)} | reading ${p(h.underLoad)}` +
    ` | ratio p99 ${h.ratioP99.toFixed(1)}x`
  );
}

async function latencyCases(kind: 'postgres' | 'pglite', options: Options, prepared: Prepared) {
  const { database, practice, sql } = prepared;
  const server = await startBenchServer(database.prisma);
  try {
    const parent = await server.signIn(PARENT_EMAIL);
    const staff = await server.signIn(BILLING_EMAIL);

    // Check that GraphQL and SQL agree, and find the cursor of page 3 (after page 2's last patient).
    const family = await checkFamily(parent, sql, practice.parentUserId, practice.practiceId);
    const page1 = await checkStaffList(staff, sql, practice.practiceId, {});
    const page2 = await checkStaffList(staff, sql, practice.practiceId, {
      after: page1.patients.pageInfo.endCursor!,
      afterPatientId: page1.patients.edges.at(-1)!.node.id,
    });
    const page3After = { after: page2.patients.pageInfo.endCursor!, afterPatientId: page2.patients.edges.at(-1)!.node.id };
    await checkStaffList(staff, sql, practice.practiceId, page3After);
    const heavy = await checkStaffHeavy(staff, sql, practice.practiceId);
    log(
      `  checked: GraphQL and SQL agree (family: ${family.children} children, ${family.openCharges} open charges; ` +
        `staff list: ${fmt(page1.patients.totalCount)} patients with a balance; staff heavy: 100 patients, ${fmt(heavy.charges)} charges, ` +
        `${fmt(heavy.payments)} payments, ${fmt(heavy.applications)} applications)`,
    );

    const run = { warmup: options.warmup, iterations: options.iterations };
    const cases: { name: string; graphql: () => Promise<unknown>; sql: () => Promise<unknown>; staff: boolean; heavy?: boolean }[] = [
      {
        name: 'parent family (3 children)',
        graphql: () => parent.data(FAMILY_QUERY),
        sql: () => familySql(sql, practice.parentUserId, practice.practiceId),
        staff: false,
      },
      {
        name: 'staff list (hasBalance, page 1)',
        graphql: () => staff.data<StaffListData>(STAFF_LIST_QUERY, { after: null }),
        sql: () => staffListSql(sql, practice.practiceId),
        staff: true,
      },
      {
        name: 'staff list (hasBalance, page 3)',
        graphql: () => staff.data<StaffListData>(STAFF_LIST_QUERY, { after: page3After.after }),
        sql: () => staffListSql(sql, practice.practiceId, page3After.afterPatientId),
        staff: true,
      },
      {
        name: 'staff heavy (100 patients, all)',
        graphql: () => staff.data(STAFF_HEAVY_QUERY),
        sql: () => staffHeavySql(sql, practice.practiceId),
        staff: true,
        heavy: true,
      },
    ];
    const results: CaseResult[] = [];
    for (const c of cases) {
      const [graphql, floor] = await measurePair(c.graphql, c.sql, run);
      const result: CaseResult = { name: c.name, graphql, sql: floor, ratio: Math.round((graphql.p95 / floor.p95) * 10) / 10 };
      if (c.heavy) result.target = { p95AtMostMs: TARGET_HEAVY_P95_MS[kind], pass: graphql.p95 <= TARGET_HEAVY_P95_MS[kind] };
      else if (c.staff && kind === 'postgres') result.target = { p95BelowMs: TARGET_P95_MS, pass: graphql.p95 < TARGET_P95_MS };
      results.push(result);
      log(line(kind, result));
    }

    const missed = (heavy: boolean) => results.some((r, i) => !!cases[i]!.heavy === heavy && r.target && !r.target.pass);
    let explain: Record<string, string> | undefined;
    if ((options.explain || missed(false) || missed(true)) && prepared.explainSql) {
      const explainSql = prepared.explainSql;
      explain = {};
      if (options.explain || missed(false)) {
        explain.STAFF_PAGE = await explainSql(SQL_TEXT.STAFF_PAGE, [practice.practiceId]);
        explain.STAFF_PAGE_AFTER = await explainSql(SQL_TEXT.STAFF_PAGE_AFTER, [practice.practiceId, page3After.afterPatientId]);
        explain.STAFF_COUNT = await explainSql(SQL_TEXT.STAFF_COUNT, [practice.practiceId]);
        explain.API_STAFF_COUNT = await explainSql(SQL_TEXT.API_STAFF_COUNT, [practice.practiceId]);
      }
      if (options.explain || missed(true)) {
        for (const name of ['HEAVY_PATIENTS', 'HEAVY_COUNT', 'HEAVY_CHARGES', 'HEAVY_PAYMENTS'] as const) {
          explain[name] = await explainSql(SQL_TEXT[name], [practice.practiceId]);
        }
      }
      for (const [name, plan] of Object.entries(explain)) log(`\n  EXPLAIN ANALYZE ${name} (${kind}):\n${plan.replace(/^/gm, '    ')}`);
    }
    return { results, explain };
  } finally {
    await server.close();
  }
}

async function benchDatabase(kind: 'postgres' | 'pglite', options: Options): Promise<DatabaseResult> {
  const prepared = kind === 'postgres' ? await preparePostgres(options) : await preparePglite(options);
  const { database, practice, sql } = prepared;
  try {
    const caseSeconds: Record<string, number> = {};
    const timed = async <T>(name: string, run: () => Promise<T>) => {
      const t = performance.now();
      try {
        return await run();
      } finally {
        caseSeconds[name] = seconds(performance.now() - t);
      }
    };
    const latency = options.cases.includes('latency') ? await timed('latency', () => latencyCases(kind, options, prepared)) : undefined;
    const throughput: EbillingResult[] = [];
    const files = options.cases.flatMap((c) => FILES_OF[c] ?? []);
    const writes = files.length > 0 || options.cases.includes('healthz');
    if (writes) {
      // What an interrupted earlier run left goes first, so the footprint is of the loaded data.
      const cleanup = { practiceId: practice.practiceId, query: sql, transaction: (statements: Statement[]) => prepared.transaction(statements), log };
      await undoLeftovers(cleanup);
      await deleteRunEvents(cleanup);
    }
    const footprintBefore = writes ? await footprint(sql, practice.practiceId) : undefined;
    if (files.length) {
      // The reader the API server would use (same limits), for processReport.
      const { readTimeoutMs, readMemoryMb } = loadConfig({ NODE_ENV: 'production' }).ebilling;
      const reader = createReportReader({ timeoutMs: readTimeoutMs, maxMemoryMb: readMemoryMb });
      try {
        for (const name of files) {
          const file = FILE_KINDS[name];
          log(
            `  eBilling ${file.name}: a file of ${fmt(options.payments)} sales to distinct patients who owe something, stored and processed ` +
              `(storeReport + processReport), ${options.ebillingRounds} round(s) after a 200-payment warm-up`,
          );
          const result = await timed(file.name, () =>
            benchEbilling(
              {
                prisma: database.prisma,
                reader,
                practiceId: practice.practiceId,
                query: sql,
                transaction: (statements) => prepared.transaction(statements),
                log,
              },
              file,
              {
                payments: options.payments,
                rounds: options.ebillingRounds,
                warmupPayments: Math.min(200, options.payments),
                ...(name === '835' && kind === 'postgres' && options.payments === 10_000 ? { targetPerSecond: TARGET_PAYMENTS_PER_SECOND } : {}),
              },
            ),
          );
          throughput.push(result);
          log(ebillingLine(kind, result));
          log(`  (${file.name}: ${caseSeconds[file.name]} s in all, with the warm-up file, checks, floors and undos)`);
        }
      } finally {
        await reader.close();
      }
    }
    let healthz: HealthzResult | undefined;
    if (options.cases.includes('healthz')) {
      healthz = await timed('healthz', () =>
        benchHealthz(
          { prisma: database.prisma, practiceId: practice.practiceId, query: sql, transaction: (statements) => prepared.transaction(statements), log },
          { megabytes: options.healthzMb, intervalMs: options.healthzIntervalMs, idleSeconds: options.healthzIdleSeconds },
        ),
      );
      log(healthzLine(kind, healthz));
      log(`  (healthz: ${caseSeconds.healthz} s in all)`);
    }
    if (footprintBefore) {
      // Everything the eBilling cases wrote is gone again: the loaded database is as it was.
      const after = await footprint(sql, practice.practiceId);
      const changed = Object.keys(footprintBefore).filter((k) => footprintBefore[k] !== after[k]);
      if (changed.length)
        throw new Error(`the eBilling cases left the database changed: ${changed.map((k) => `${k} ${footprintBefore[k]} -> ${after[k]}`).join(', ')}`);
      log(`  checked: the eBilling cases left every table they wrote as it was (${Object.keys(after).length} counts and sums)`);
      if (prepared.tidy) log(`  VACUUM ANALYZE of the tables the eBilling cases wrote: ${seconds(await prepared.tidy())} s`);
    }
    return {
      kind,
      patients: kind === 'postgres' ? options.patients : options.pglitePatients,
      counts: practice.counts,
      load: prepared.load,
      sqlVia: prepared.sqlVia,
      cases: latency?.results ?? [],
      throughput,
      ...(healthz ? { healthz } : {}),
      ...(latency?.explain ? { explain: latency.explain } : {}),
      caseSeconds,
    };
  } finally {
    await prepared.close();
  }
}

// --- Main.

async function main() {
  const options = parseOptions(process.argv.slice(2), process.env);
  const started = performance.now();
  log(
    `Kinpay bench: ${options.databases.join(' + ')}, cases ${options.cases.join(' + ')}, ${fmt(options.patients)} patients` +
      (options.databases.includes('pglite') && options.pglitePatients !== options.patients ? ` (PGlite: ${fmt(options.pglitePatients)})` : '') +
      `, ${options.iterations} iterations after ${options.warmup} warm-up, sequential requests; ` +
      `node ${process.version}, ${os.cpus().length} cores`,
  );
  // graphql-js and Express read NODE_ENV themselves (graphql-js's development instanceof check
  // alone cost 16 % of the heavy staff query): `pnpm bench` sets it, as a deployment does.
  if (process.env.NODE_ENV !== 'production') {
    log(`warning: NODE_ENV is ${process.env.NODE_ENV ?? 'unset'}, not production: libraries run their development checks (run it as \`pnpm bench\`)`);
  }
  const loadAtStart = os.loadavg();
  if (isBusy(loadAtStart)) {
    log(`warning: load average ${formatLoad(loadAtStart)} on ${os.cpus().length} cores: other work on this machine will show up in the latencies (p95 most)`);
  }
  const results: DatabaseResult[] = [];
  for (const kind of options.databases) {
    log('');
    results.push(await benchDatabase(kind, options));
  }

  log('\nSummary (latency per request; GraphQL = real HTTP server + session + Apollo + Prisma; SQL = the same question asked directly):');
  for (const r of results) {
    log(
      `${r.kind}: ${fmt(r.counts.patients!)} patients, ${fmt(r.counts.charges!)} charges; ${r.load.reused ? 'reused the loaded database' : `loaded in ${r.load.seconds} s`}; SQL via ${r.sqlVia}`,
    );
  }
  for (const r of results) for (const c of r.cases) log(line(r.kind, c));
  if (results.some((r) => r.throughput.length)) {
    log(
      `\neBilling throughput (median of ${options.ebillingRounds} round(s); API = processReport: read the stored chunks, decode and parse in the reader thread, ` +
        `match, post, apply, commit; the store (storeReport) beside it, not counted; floor = ${FLOOR_CONTAINS}):`,
    );
    for (const r of results) for (const e of r.throughput) log(ebillingLine(r.kind, e));
  }
  if (results.some((r) => r.healthz)) {
    log(
      `\n/healthz latency (every ${options.healthzIntervalMs} ms from a worker thread) idle for ${options.healthzIdleSeconds} s, then while fetchAndProcessReports ` +
        `picks up, stores and reads a ${options.healthzMb} MB IMDPA14 file that is refused at its last line (read, not posted):`,
    );
    for (const r of results) if (r.healthz) log(healthzLine(r.kind, r.healthz));
  }

  const totalSeconds = seconds(performance.now() - started);
  const loadAtEnd = os.loadavg();
  log(`\n${loadAverageLine(loadAtStart, loadAtEnd)}`);
  const output = {
    finishedAt: new Date().toISOString(),
    totalSeconds,
    machine: machineRecord(loadAtStart, loadAtEnd),
    options: { ...options, databaseUrl: undefined },
    targetStaffListP95Ms: TARGET_P95_MS,
    targetStaffHeavyP95AtMostMs: TARGET_HEAVY_P95_MS,
    targetEbillingPaymentsPerSecond: TARGET_PAYMENTS_PER_SECOND,
    healthzReportsMaxBytes: HEALTHZ_MAX_BYTES,
    databases: results,
    sql: SQL_TEXT,
  };
  const file = path.join(benchDir, 'results', 'latest.json');
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, `${JSON.stringify(output, null, 2)}\n`);
  log(`Total ${totalSeconds} s. Results written to ${path.relative(process.cwd(), file) || file}.`);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(`\nbench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    const cause = error instanceof Error ? error.cause : undefined;
    if (cause) console.error('caused by:', cause);
    process.exit(1);
  },
);
