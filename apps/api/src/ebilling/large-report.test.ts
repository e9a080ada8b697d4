// A 50 MB report is stored, read and refused without stalling anyone else: the bytes go in and
// out of the database piece by piece, and the parsing runs in the reader thread, so /healthz (and
// every other request) keeps answering while it happens.
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../test/harness.ts';
import { anImdpa, saleOf } from '../test/reports.ts';
import { ownPracticeScenario } from '../test/scenarios.ts';

let api: TestApi;
let inbox: string;
beforeAll(async () => {
  inbox = path.join(tmpdir(), `kinpay-large-${process.pid}-${Date.now()}`);
  api = await startTestApi({ REPORTS_INBOX: inbox, REPORTS_MAX_BYTES: String(64 * 1024 * 1024) });
});
afterAll(async () => {
  await api?.close();
  await rm(inbox, { recursive: true, force: true });
});

/** About `megabytes` MB of IMDPA14 lines for one account, ending in a line that repeats the first. */
function largeImdpa(accountNumber: string, megabytes: number): string {
  const sales = Array.from({ length: 200 }, () => saleOf(accountNumber, 100));
  const block = anImdpa(sales);
  const lines = block.split(/\r?\n/).filter(Boolean);
  const out: string[] = [];
  let size = 0;
  for (let round = 0; size < megabytes * 1024 * 1024; round++) {
    for (const line of lines) {
      // Unique transaction IDs across rounds: the round number in place of the IDs' padding.
      const unique = line.replace(/\|([0-9a-f]{32})\|/, (_m, id: string) => `|${round.toString(16).padStart(6, '0')}${id.slice(6)}|`);
      out.push(unique);
      size += unique.length + 2;
    }
  }
  out.push(out[0]!);
  return `${out.join('\r\n')}\r\n`;
}

describe('a 50 MB report', () => {
  it('is read off the request thread: /healthz answers within 500 ms throughout, and the file fails with its reason', async () => {
    const p = await ownPracticeScenario(api.db);
    const settings = await api.db.clearinghouseSettings.findFirstOrThrow({ where: { practiceId: p.practiceId } });
    const folder = path.join(inbox, 'instamed', settings.clearinghouseId!);
    await mkdir(folder, { recursive: true });
    const content = largeImdpa(p.patients.ava!.accountNumber, 50);
    expect(content.length).toBeGreaterThan(50 * 1024 * 1024);
    await writeFile(path.join(folder, 'big.txt'), content);

    const billing = await api.signedIn(p.users.billing!.email);
    let done = false;
    const run = billing.data('mutation { fetchAndProcessReports { reportsFailed reports { status error } } }').finally(() => (done = true));
    const latencies: number[] = [];
    while (!done) {
      const started = performance.now();
      const response = await fetch(`${api.url}/healthz`);
      expect(response.status).toBe(200);
      latencies.push(performance.now() - started);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const { fetchAndProcessReports } = await run;
    expect(fetchAndProcessReports.reportsFailed).toBe(1);
    // Read to the end: the repeated transaction is the last line.
    const lastLine = content.trimEnd().split('\r\n').length;
    expect(fetchAndProcessReports.reports[0].error).toMatch(new RegExp(`^Line ${lastLine}: transaction ID \\w+ is already in this file at line 1 `));
    expect(latencies.length).toBeGreaterThan(10);
    expect(Math.max(...latencies)).toBeLessThan(500);
  }, 240_000);
});
