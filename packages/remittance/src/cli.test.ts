import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it, vi } from 'vitest';
import { processIo, runCli } from './cli.ts';

const fixtures = fileURLToPath(new URL('../fixtures/', import.meta.url));
const packageDir = fileURLToPath(new URL('../', import.meta.url));

function run(args: string[], files: Record<string, Uint8Array> = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const code = runCli(args, {
    readFile: (path) => files[path] ?? readFileSync(path),
    out: (line) => out.push(line),
    err: (line) => err.push(line),
  });
  return { code, out, err };
}

describe('pnpm remittance inspect <file>', () => {
  it('prints the format, one row per transaction, skipped records, payee, test flag and balance', () => {
    const { code, out } = run(['inspect', `${fixtures}maplegrove_dpa835_20261125_1.rep`]);
    expect(code).toBe(0);
    expect(out).toEqual([
      `File: maplegrove_dpa835_20261125_1.rep (${readFileSync(`${fixtures}maplegrove_dpa835_20261125_1.rep`).length} bytes)`,
      'Detected: X12_835, X12 835 (005010X221A1)',
      'Format: X12_835, dpa835 1.0 (005010X221A1) (INSTAMED)',
      'Transactions: 6',
      '  Kind    Account    Amount     Transaction ID                    Original ID                       Location',
      '  SALE    100234     $40.00     7f3a9c2e4b1d4e8f9a0b1c2d3e4f5a6b  -                                 transaction set 0001 (segment 12)',
      '  REFUND  100871     $15.00     e4c1a7b9d2f3486a9b0c1d2e3f4a5b6c  5b2d8e1f9c3a4b7d6e0f2a1c3b5d7e9f  transaction set 0002 (segment 21)',
      '  SALE    (unknown)  $25.00     2a6f0b3c8d1e4f5a9b7c6d0e1f2a3b4c  -                                 transaction set 0003 (segment 29)',
      '  SALE    101552     $1,234.56  9d4e2f1a0b3c4d5e6f7a8b9c0d1e2f3a  -                                 transaction set 0004 (segment 38)',
      '  SALE    100235     $20.00     3e8b1c5d7f9a4e2b6c0d8f1a3b5c7e9d  -                                 transaction set 0005 (segment 48)',
      '  SALE    100412     $35.00     b1c2d3e4f5a64b7c8d9e0f1a2b3c4d5e  -                                 transaction set 0006 (segment 58)',
      'Skipped: 1',
      '  transaction set 0005 (segment 49): CLP02 4 (denied): no money moved',
      'Payee: name MAPLE GROVE PEDIATRICS; NPI 1467589012',
      'Test file: no',
      'Balance: BPR02 $1,336.61 = CLP04 $1,339.56 − PLB $2.95 in all; each of the 6 transaction sets balances, refunds (BPR03 D) counted negative',
      'Net of the transactions: $1,339.56',
    ]);
  });

  it('says "Would fail: <reason>" and exits 1 for a file that would fail', () => {
    const era = run(['inspect', `${fixtures}era/edi835parser-5010-uhc-single-line.txt`]);
    expect(era.code).toBe(1);
    expect(era.out.at(-1)).toBe(
      'Would fail: This is an insurance remittance (ERA) from UNITED HEALTHCARE INSURANCE COMPANY (87726), not a patient payment file; Kinpay posts patient payments.',
    );
    const latin1 = run(['inspect', 'x.txt'], { 'x.txt': Uint8Array.from([0x43, 0x61, 0x66, 0xe9]) });
    expect(latin1.code).toBe(1);
    expect(latin1.out.at(-1)).toBe(
      'Would fail: The file is not UTF-8 text: byte 0xE9 at offset 3 (line 1) is not valid UTF-8. Ask the clearinghouse to send it as UTF-8 (or plain ASCII) text.',
    );
  });

  it('exits 2 with the usage for anything else', () => {
    expect(run([]).code).toBe(2);
    expect(run(['show', 'x']).err).toEqual(['Usage: pnpm remittance inspect <file>']);
    for (const args of [['inspect'], ['inspect', 'a.rep', 'b.rep']]) {
      expect(run(args)).toEqual({ code: 2, out: [], err: ['Usage: pnpm remittance inspect <file>'] });
    }
    const missing = run(['inspect', '/nonexistent/file']);
    expect(missing.code).toBe(2);
    expect(missing.err).toEqual(["Cannot read /nonexistent/file: ENOENT: no such file or directory, open '/nonexistent/file'"]);
  });

  it('prints what each format says: the payee it names, a test file, a format without totals, a day without payments', () => {
    const waystar = run(['inspect', `${fixtures}maplegrove_20261125PAY.prp.csv`]).out;
    expect(waystar).toContain('Payee: account name Maple Grove Pediatrics');
    expect(waystar).toContain('Balance: (the format has no totals to check)');
    expect(waystar.at(-1)).toBe('Net of the transactions: $1,299.56');
    expect(run(['inspect', `${fixtures}maplegrove_dpa835_20261127_1.rep`]).out).toContain('Test file: yes (ISA15 = T)');
    const declined = run(['inspect', `${fixtures}instamed_notice_declined.json`]).out;
    expect(declined.slice(2, 6)).toEqual([
      'Format: INSTAMED_WEBHOOK, JSON notice (INSTAMED)',
      'Transactions: 0',
      'Skipped: 1',
      '  the notice: Declined notice: no money moved',
    ]);
    expect(declined).toContain('Payee: merchant ID MGPEDS01');
    const unnamed = run(['inspect', 'n.json'], { 'n.json': new TextEncoder().encode('{"EventType":"Error"}') }).out;
    expect(unnamed).toContain('Payee: (not named)');
  });

  it('a file it cannot tell says so; a name it knows gets the reader that explains the damage', () => {
    const garbled = new TextEncoder().encode('garbled');
    expect(run(['inspect', 'notes.txt'], { 'notes.txt': garbled }).out).toEqual([
      'File: notes.txt (7 bytes)',
      'Detected: no format Kinpay reads',
      'Would fail: The file is not in a format Kinpay reads: an InstaMed EOD Posting File (IMDPA10 to IMDPA14, or 1.2.2), an InstaMed X12 835 (dpa835), a Waystar Daily Transaction Report (CSV) or an InstaMed notice.',
    ]);
    expect(run(['inspect', 'in/x_dpa835_20261125_1.rep'], { 'in/x_dpa835_20261125_1.rep': garbled }).out).toEqual([
      'File: x_dpa835_20261125_1.rep (7 bytes)',
      'Detected: X12_835, X12 835',
      'Would fail: The file does not start with an ISA segment, so it is not an X12 835 interchange.',
    ]);
  });

  it('processIo reads a relative path from where the command was typed (INIT_CWD), else from the working directory', () => {
    expect(processIo({ INIT_CWD: fixtures }).readFile('maplegrove_IMDPA13_20261129.txt')).toEqual(readFileSync(`${fixtures}maplegrove_IMDPA13_20261129.txt`));
    expect(processIo({}).readFile(`${fixtures}maplegrove_IMDPA13_20261129.txt`)).toEqual(readFileSync(`${fixtures}maplegrove_IMDPA13_20261129.txt`));
    expect(() => processIo({ INIT_CWD: '/nonexistent' }).readFile('maplegrove_IMDPA13_20261129.txt')).toThrow(/ENOENT/);
    const out = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    const err = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    try {
      processIo().out('one line');
      processIo().err('a problem');
      expect(out).toHaveBeenCalledWith('one line\n');
      expect(err).toHaveBeenCalledWith('a problem\n');
    } finally {
      out.mockRestore();
      err.mockRestore();
    }
  });

  it('runs as a script under tsx, as the root `pnpm remittance` does, reading a relative path from where the user typed it', () => {
    // pnpm runs the root script from the repository root and sets INIT_CWD to the directory the command was typed in.
    const cli = fileURLToPath(new URL('./cli.ts', import.meta.url));
    const inspect = (file: string) =>
      spawnSync(process.execPath, ['--import', 'tsx', cli, 'inspect', file], {
        cwd: packageDir,
        encoding: 'utf8',
        env: { ...process.env, INIT_CWD: fixtures },
      });
    const result = inspect('maplegrove_IMDPA122_20261128.txt');
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('Format: IMDPA, IMDPA12 (1.2.2 H/D) (INSTAMED)');
    expect(result.stdout).toContain('Payee: merchant ID MGPEDS01');
    const failing = inspect('era/pyx12-5010-denied-zero-pay.txt');
    expect(failing.status).toBe(1);
    expect(failing.stdout).toContain('Would fail: This is an insurance remittance (ERA) from PAYER');
  });
});
