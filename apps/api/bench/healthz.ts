// The healthz case: does reading a large report stall the API for everyone else? /healthz latency
// (p50/p95/p99/max) while a 50 MB report is picked up from the drop folder, stored and read through
// the real HTTP server (fetchAndProcessReports as billing staff), beside /healthz with nothing else
// running, in the same run on the same server.
//
// The file is an InstaMed IMDPA14 posting file of ~350,000 lines whose last line repeats the
// first line's transaction ID: the reader parses it to the end, then refuses it (a transaction is
// reported once), so the run measures reading (drop folder, hash, 128 KiB chunks into the
// database and back out, decode and parse in the reader thread, the refusal), not posting
// 350,000 payments. Afterwards the report, its chunks and audit events are deleted and checked gone.
import { mkdir, mkdtemp, rename, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { PrismaClient } from '@kinpay/db';
import { anImdpa, saleOf } from '../src/test/reports.ts';
import { BILLING_EMAIL, type Query, type Statement } from './data.ts';
import { deleteRunEvents, FILE_PREFIX, pickPatients, undoLeftovers, undoStatements } from './ebilling.ts';
import { startBenchServer } from './server.ts';
import { summarize, type Stats } from './stats.ts';

/** REPORTS_MAX_BYTES of the bench server: the file is read, not refused for its size. */
export const HEALTHZ_MAX_BYTES = 64 * 1024 * 1024;
const CHUNK_BYTES = 128 * 1024;

export interface HealthzContext {
  prisma: PrismaClient;
  practiceId: string;
  query: Query;
  transaction: (statements: Statement[]) => Promise<void>;
  log: (line: string) => void;
}

export interface HealthzResult {
  fileBytes: number;
  fileLines: number;
  intervalMs: number;
  idleSeconds: number;
  /** /healthz with nothing else running. */
  idle: Stats;
  /** /healthz while fetchAndProcessReports picks up, stores and reads the file. */
  underLoad: Stats;
  failures: { idle: number; underLoad: number };
  /** underLoad.p99 / idle.p99. */
  ratioP99: number;
  /** The fetchAndProcessReports request, as billing staff saw it. */
  mutationMs: number;
  /** The report row's receivedAt to processedAt: chunks in, chunks out, read, refused. */
  receivedToFailedMs: number;
  chunks: number;
  error: string;
}

/**
 * About `megabytes` MB of IMDPA14 lines, each with a transaction ID of its own, then the first line
 * again: the reader parses every line, and the check that a transaction is reported once refuses
 * the file at its last line.
 */
export function largeImdpa(accountNumbers: string[], megabytes: number): { content: Buffer; lines: number } {
  const block = anImdpa(accountNumbers.map((account) => saleOf(account, 2500, { payerName: 'Pat Bench' })))
    .split(/\r?\n/)
    .filter(Boolean);
  const out: string[] = [];
  let size = 0;
  for (let n = 0; size < megabytes * 1024 * 1024; n++) {
    // 32 hex characters like InstaMed's, numbered by line.
    const line = block[n % block.length]!.replace(/\|[0-9a-f]{32}\|/, `|${`b${n.toString(16)}`.padStart(32, 'a')}|`);
    out.push(line);
    size += line.length + 2;
  }
  out.push(out[0]!);
  return { content: Buffer.from(`${out.join('\r\n')}\r\n`, 'utf8'), lines: out.length };
}

/** Polls /healthz from a worker thread until `until` settles; returns the samples. */
async function poll<T>(url: string, intervalMs: number, until: Promise<T>): Promise<{ value: T; samples: number[]; failures: number }> {
  const worker = new Worker(new URL('./healthz-poller.mjs', import.meta.url), { workerData: { url, intervalMs } });
  const done = new Promise<{ samples: number[]; failures: number }>((resolve, reject) => {
    worker.once('message', resolve);
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`the /healthz poller stopped (exit code ${code})`)));
  });
  // Settled (or not waited for, when `until` fails) below; never an unhandled rejection.
  done.catch(() => {});
  try {
    const value = await until;
    worker.postMessage('stop');
    const { samples, failures } = await done;
    return { value, samples, failures };
  } finally {
    await worker.terminate();
  }
}

const FETCH_AND_PROCESS = /* GraphQL */ `
  mutation BenchFetchAndProcess {
    fetchAndProcessReports {
      reportsFetched
      reportsProcessed
      reportsFailed
      paymentsPosted
      fetchError
      reports {
        id
        fileName
        status
        error
        sizeBytes
        receivedAt
        processedAt
      }
    }
  }
`;

interface RunData {
  fetchAndProcessReports: {
    reportsFetched: number;
    reportsProcessed: number;
    reportsFailed: number;
    paymentsPosted: number;
    fetchError: string | null;
    reports: { id: string; fileName: string; status: string; error: string | null; sizeBytes: number; receivedAt: string; processedAt: string | null }[];
  };
}

export async function benchHealthz(
  ctx: HealthzContext,
  { megabytes, intervalMs, idleSeconds }: { megabytes: number; intervalMs: number; idleSeconds: number },
): Promise<HealthzResult> {
  await undoLeftovers(ctx);
  await deleteRunEvents(ctx);
  const dir = await mkdtemp(path.join(os.tmpdir(), 'kinpay-bench-inbox-'));
  // The drop folder of the practice's InstaMed ID (the bench practice claims benchpeds.demo when
  // loaded; a database loaded before ClearinghouseAccount existed got it from the migration).
  let account = await ctx.prisma.clearinghouseAccount.findFirst({ where: { practiceId: ctx.practiceId, clearinghouse: 'INSTAMED' } });
  const createdAccount = !account;
  account ??= await ctx.prisma.clearinghouseAccount.create({
    data: { practiceId: ctx.practiceId, clearinghouse: 'INSTAMED', clearinghouseId: 'benchpeds.demo' },
  });
  const inbox = path.join(dir, 'inbox');
  const folder = path.join(inbox, 'instamed', account.clearinghouseId);
  let server: Awaited<ReturnType<typeof startBenchServer>> | undefined;
  let reportId: string | undefined;

  /** The server stopped, the report and its chunks and audit events deleted (checked), the account and the inbox removed. */
  const cleanup = async () => {
    await server?.close();
    if (reportId) await ctx.transaction(undoStatements(reportId, true));
    await undoLeftovers(ctx);
    await deleteRunEvents(ctx);
    if (createdAccount) await ctx.prisma.clearinghouseAccount.delete({ where: { id: account.id } });
    await rm(dir, { recursive: true, force: true });
    const [left] = await ctx.query(
      `SELECT (SELECT count(*) FROM "RemittanceReport" WHERE "practiceId" = $1::uuid AND "fileName" LIKE $2)
            + (SELECT count(*) FROM "RemittanceReportChunk" c WHERE NOT EXISTS (SELECT 1 FROM "RemittanceReport" r WHERE r.id = c."reportId")) AS n`,
      [ctx.practiceId, `${FILE_PREFIX}%`],
    );
    if (Number(left!.n) !== 0) throw new Error(`healthz: cleanup left ${String(left!.n)} report or chunk row(s)`);
  };

  let result: HealthzResult;
  try {
    const accounts = (await pickPatients(ctx.query, ctx.practiceId, 200)).map((t) => t.accountNumber);
    const t0 = performance.now();
    const { content, lines } = largeImdpa(accounts.length ? accounts : ['100000'], megabytes);
    const fileName = `${FILE_PREFIX}${Date.now()}-healthz.txt`;
    const staged = path.join(dir, fileName);
    await writeFile(staged, content);
    await mkdir(folder, { recursive: true });
    ctx.log(
      `  healthz: ${(content.byteLength / 1048576).toFixed(1)} MB IMDPA14 file, ${lines.toLocaleString('en-US')} lines, the last repeating the first's transaction ID ` +
        `(written in ${((performance.now() - t0) / 1000).toFixed(1)} s); /healthz every ${intervalMs} ms from a worker thread`,
    );

    server = await startBenchServer(ctx.prisma, {
      REPORTS_INBOX: inbox,
      REPORTS_MAX_BYTES: String(Math.max(HEALTHZ_MAX_BYTES, content.byteLength + CHUNK_BYTES)),
    });
    const billing = await server.signIn(BILLING_EMAIL);
    const healthz = `${server.url}/healthz`;
    // Warm-up: the code paths of both phases, with an empty drop folder.
    for (let i = 0; i < 20; i++) await (await fetch(healthz)).text();
    await billing.data<RunData>(FETCH_AND_PROCESS);

    const idle = await poll(healthz, intervalMs, new Promise((resolve) => setTimeout(resolve, idleSeconds * 1000)));
    const idleStats = summarize(idle.samples);

    await rename(staged, path.join(folder, fileName));
    const started = performance.now();
    const load = await poll(healthz, intervalMs, billing.data<RunData>(FETCH_AND_PROCESS));
    const mutationMs = performance.now() - started;
    const loadStats = summarize(load.samples);

    const run = load.value.fetchAndProcessReports;
    const report = run.reports.find((r) => r.fileName === fileName);
    reportId = report?.id;
    if (!report || run.reportsFetched !== 1 || run.reportsFailed !== 1 || run.paymentsPosted !== 0 || report.status !== 'FAILED') {
      throw new Error(
        `healthz: expected the file fetched and refused, got ${JSON.stringify({ ...run, reports: run.reports.map((r) => ({ ...r, error: r.error?.slice(0, 200) })) })}`,
      );
    }
    if (!new RegExp(`^Line ${lines}: .* already in this file at line 1 `).test(report.error ?? '') || report.sizeBytes !== content.byteLength) {
      throw new Error(`healthz: the file was not read to its end and refused for the repeated transaction (${report.sizeBytes} bytes): ${report.error}`);
    }
    const [stored] = await ctx.query(
      `SELECT count(*)::int AS n, coalesce(sum(octet_length(bytes)), 0)::bigint AS bytes FROM "RemittanceReportChunk" WHERE "reportId" = $1::uuid`,
      [report.id],
    );
    if (Number(stored!.bytes) !== content.byteLength)
      throw new Error(`healthz: ${String(stored!.bytes)} bytes stored in chunks, expected ${content.byteLength}`);
    const [posted] = await ctx.query(`SELECT count(*)::int AS n FROM "Payment" WHERE "reportId" = $1::uuid`, [report.id]);
    if (Number(posted!.n) !== 0) throw new Error(`healthz: ${String(posted!.n)} payments posted from the refused file`);

    result = {
      fileBytes: content.byteLength,
      fileLines: lines,
      intervalMs,
      idleSeconds,
      idle: idleStats,
      underLoad: loadStats,
      failures: { idle: idle.failures, underLoad: load.failures },
      ratioP99: Math.round((loadStats.p99 / idleStats.p99) * 10) / 10,
      mutationMs: Math.round(mutationMs),
      receivedToFailedMs: new Date(report.processedAt!).getTime() - new Date(report.receivedAt).getTime(),
      chunks: Number(stored!.n),
      error: report.error!,
    };
    ctx.log(
      `  healthz: fetchAndProcessReports ${(result.mutationMs / 1000).toFixed(1)} s (report received → failed ${(result.receivedToFailedMs / 1000).toFixed(1)} s, ` +
        `${result.chunks} chunks), refused as expected: ${result.error.slice(0, 140)}…`,
    );
    if (idle.failures || load.failures) ctx.log(`  healthz: ${idle.failures} idle and ${load.failures} loaded requests did not answer 200`);
  } catch (error) {
    // The first error is the one to see; the cleanup is still attempted (and the report undone at the next start).
    await cleanup().catch((cleanupError: unknown) => ctx.log(`  the cleanup after that error failed too: ${(cleanupError as Error).message}`));
    throw error;
  }
  await cleanup();
  return result;
}
