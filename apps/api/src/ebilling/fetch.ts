// Fetch and Process Reports: bring in every new report for a practice (from the clearinghouse's
// report feed and from the drop folder), then process everything stored and not yet processed
// (including webhook notices). Safe to run twice at once: storing and posting are both keyed.
import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, rename } from 'node:fs/promises';
import path from 'node:path';
import type { Clearinghouse, PrismaClient } from '@kinpay/db';
import { currentSettings } from '../preferences/pay-now.ts';
import { emptySummary, processReceivedReports, storeReport, type RunSummary } from './reports.ts';

export interface FetchOptions {
  /** The clearinghouse report feed (the sandbox's in demos); unset = no feed. */
  reportsFeedUrl: string | undefined;
  /** Drop folder: files for a practice go in <inbox>/<clearinghouse ID>/, or <inbox>/ when there is one practice. */
  inbox: string;
}

export interface FetchRunSummary extends RunSummary {
  /** Why the feed could not be read, in words for staff; null when it was. */
  fetchError: string | null;
}

export async function fetchAndProcessReports(db: PrismaClient, practiceId: string, options: FetchOptions): Promise<FetchRunSummary> {
  const summary: FetchRunSummary = { ...emptySummary(), fetchError: null };
  const settings = await currentSettings(db, practiceId);
  if (settings?.clearinghouse && settings.clearinghouseId) {
    if (options.reportsFeedUrl) {
      try {
        summary.reportsFetched += await fetchFromFeed(db, practiceId, settings.clearinghouse, settings.clearinghouseId, options.reportsFeedUrl);
      } catch (error) {
        summary.fetchError = `Could not fetch reports from the clearinghouse: ${(error as Error).message}. Reports already received were still processed.`;
      }
    }
    summary.reportsFetched += await pickUpDropFolder(db, practiceId, settings.clearinghouse, settings.clearinghouseId, options.inbox);
  }
  await processReceivedReports(db, practiceId, summary);
  return summary;
}

const FEED_FORMAT: Record<Clearinghouse, string> = { INSTAMED: 'X12_835', WAYSTAR: 'WAYSTAR_CSV' };

async function fetchFromFeed(db: PrismaClient, practiceId: string, clearinghouse: Clearinghouse, clearinghouseId: string, feedUrl: string) {
  const listUrl = new URL('/api/reports', feedUrl);
  listUrl.searchParams.set('clearinghouse', clearinghouse);
  listUrl.searchParams.set('practice', clearinghouseId);
  listUrl.searchParams.set('format', FEED_FORMAT[clearinghouse]);
  const list = await getOk(listUrl);
  const { reports } = (await list.json()) as { reports: { name: string }[] };
  const known = new Set(
    (await db.remittanceReport.findMany({ where: { practiceId, source: 'CLEARINGHOUSE', sourceKey: { in: reports.map((r) => r.name) } }, select: { sourceKey: true } })).map((r) => r.sourceKey),
  );
  let fetched = 0;
  for (const { name } of reports) {
    if (known.has(name)) continue;
    const content = await (await getOk(new URL(`/api/reports/${encodeURIComponent(name)}`, feedUrl))).text();
    const { created } = await storeReport(db, { practiceId, clearinghouse, source: 'CLEARINGHOUSE', fileName: name, content });
    if (created) fetched++;
  }
  return fetched;
}

async function getOk(url: URL) {
  const response = await fetch(url, { signal: AbortSignal.timeout(15_000) });
  if (!response.ok) throw new Error(`${url.pathname} answered ${response.status}`);
  return response;
}

/** Stores each file of the practice's drop folder, then moves it to processed/. */
async function pickUpDropFolder(db: PrismaClient, practiceId: string, clearinghouse: Clearinghouse, clearinghouseId: string, inbox: string) {
  const folders = [path.join(inbox, clearinghouseId)];
  // Files straight in the inbox belong to the only practice there is.
  if ((await db.practice.count()) === 1) folders.push(inbox);
  let fetched = 0;
  for (const folder of folders) {
    const entries = await readdir(folder, { withFileTypes: true }).catch(() => []);
    const files = entries.filter((e) => e.isFile() && !e.name.startsWith('.')).map((e) => e.name).sort();
    if (!files.length) continue;
    const done = path.join(folder, 'processed');
    await mkdir(done, { recursive: true });
    for (const name of files) {
      const file = path.join(folder, name);
      const content = await readFile(file, 'utf8');
      // Keyed by name and content: the same file dropped twice is stored once; a new file that
      // reuses an old name is still stored.
      const sha = createHash('sha256').update(content).digest('hex');
      const { created } = await storeReport(db, { practiceId, clearinghouse, source: 'DROP_FOLDER', fileName: name, sourceKey: `${name}:${sha}`, content });
      if (created) fetched++;
      await rename(file, path.join(done, `${new Date().toISOString().replace(/[:.]/g, '-')}_${name}`));
    }
  }
  return fetched;
}
