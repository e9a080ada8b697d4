// `pnpm remittance inspect <file>`: what Kinpay would make of a clearinghouse file, without posting it.
// Prints the detected format, one row per transaction, the skipped records, the payee, the test flag and
// the balancing check; or "Would fail: <reason>" and exits 1.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { formatCents } from '@kinpay/money';
import { ReportFormatError, decodeReportBytes, detectFormat, parseReport } from './index.ts';
import type { ParsedReport } from './index.ts';

export interface CliIo {
  readFile(path: string): Uint8Array;
  out(line: string): void;
  err(line: string): void;
}

const USAGE = 'Usage: pnpm remittance inspect <file>';

/** Runs the command; returns the exit code (0 readable, 1 the file would fail, 2 usage or I/O error). */
export function runCli(args: string[], io: CliIo): number {
  const [command, path, ...rest] = args;
  if (command !== 'inspect' || path === undefined || rest.length > 0) {
    io.err(USAGE);
    return 2;
  }
  let bytes: Uint8Array;
  try {
    bytes = io.readFile(path);
  } catch (error) {
    io.err(`Cannot read ${path}: ${error instanceof Error ? error.message : String(error)}`);
    return 2;
  }
  const name = path.split(/[\\/]/).pop() ?? path;
  io.out(`File: ${name} (${bytes.length} bytes)`);
  try {
    const text = decodeReportBytes(bytes);
    const detected = detectFormat(text, name);
    io.out(`Detected: ${detected ? `${detected.format}, ${detected.version}` : 'no format Kinpay reads'}`);
    const report = parseReport(text, { fileName: name });
    printReport(report, io);
    return 0;
  } catch (error) {
    if (!(error instanceof ReportFormatError)) throw error;
    io.out(`Would fail: ${error.message}`);
    return 1;
  }
}

function printReport(report: ParsedReport, io: CliIo): void {
  io.out(`Format: ${report.format}, ${report.version} (${report.publisher})`);
  io.out(`Transactions: ${report.transactions.length}`);
  const rows = report.transactions.map((t) => [
    t.kind,
    t.accountNumber ?? '(unknown)',
    formatCents(t.amountCents),
    t.transactionId,
    t.originalTransactionId ?? '-',
    t.location,
  ]);
  printTable(['Kind', 'Account', 'Amount', 'Transaction ID', 'Original ID', 'Location'], rows, io);
  io.out(`Skipped: ${report.skipped.length}`);
  for (const s of report.skipped) io.out(`  ${s.location}: ${s.reason}`);
  const payee = [
    ...report.payee.names.map((n) => `name ${n}`),
    ...report.payee.npis.map((n) => `NPI ${n}`),
    ...report.payee.merchantIds.map((m) => `merchant ID ${m}`),
    ...report.payee.accountNames.map((a) => `account name ${a}`),
  ];
  io.out(`Payee: ${payee.length ? payee.join('; ') : '(not named)'}`);
  io.out(`Test file: ${report.test ? 'yes (ISA15 = T)' : 'no'}`);
  io.out(`Balance: ${report.balance ?? '(the format has no totals to check)'}`);
  const net = report.transactions.reduce((sum, t) => sum + (t.kind === 'SALE' ? t.amountCents : -t.amountCents), 0);
  io.out(`Net of the transactions: ${formatCents(net)}`);
}

function printTable(header: string[], rows: string[][], io: CliIo): void {
  if (rows.length === 0) return;
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) => `  ${cells.map((c, i) => c.padEnd(widths[i]!)).join('  ')}`.trimEnd();
  io.out(line(header));
  for (const row of rows) io.out(line(row));
}

/**
 * The process's files and streams. pnpm runs the root script from the repository root and sets INIT_CWD
 * to where the user typed the command: a relative path means from there.
 */
export function processIo(env: NodeJS.ProcessEnv = process.env): CliIo {
  return {
    readFile: (path) => readFileSync(resolve(env.INIT_CWD ?? process.cwd(), path)),
    out: (line) => process.stdout.write(`${line}\n`),
    err: (line) => process.stderr.write(`${line}\n`),
  };
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = runCli(process.argv.slice(2), processIo());
}
