// Fetch and Process Reports: bring in every new report for a practice (from the clearinghouse's
// report feed and from its drop folders), then process everything stored and not yet processed
// (including webhook notices). Every source resolves to the practice through the clearinghouse
// IDs it owns, so one practice never picks up another's files. Safe to run twice at once, and on
// several API instances: storing and posting are both keyed, and a file another instance already
// moved is simply gone.
import { createHash, randomBytes } from 'node:crypto';
import { mkdir, readdir, readFile, rename, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Clearinghouse, PrismaClient } from '@kinpay/db';
import { currentSettings } from '../preferences/pay-now.ts';
import { accountsOf, practiceOwning } from './accounts.ts';
import type { ReportReader } from './reading/report-reader.ts';
import { emptySummary, processReceivedReports, sourceKeyOf, storeReport, type RunSummary } from './reports.ts';

export interface FetchOptions {
  /** The clearinghouse report feed (the sandbox's in demos); unset = no feed. */
  reportsFeedUrl: string | undefined;
  /**
   * Drop folder: files for a practice go in <inbox>/<clearinghouse>/<ID>/ (e.g. inbox/instamed/demogp.test/),
   * or <inbox>/<ID>/ when no other clearinghouse has that ID, or <inbox>/ when there is one practice.
   */
  inbox: string;
  /** Larger files are refused before they are read (kept on disk, reported FAILED). */
  maxReportBytes: number;
  reader: ReportReader;
}

export interface FetchRunSummary extends RunSummary {
  /** Why a source could not be read, in words for staff; null when all were. */
  fetchError: string | null;
}

export async function fetchAndProcessReports(db: PrismaClient, practiceId: string, options: FetchOptions): Promise<FetchRunSummary> {
  const summary: FetchRunSummary = { ...emptySummary(), fetchError: null };
  const problems: string[] = [];
  const settings = await currentSettings(db, practiceId);
  if (options.reportsFeedUrl && settings?.clearinghouse && settings.clearinghouseId) {
    const owner = await practiceOwning(db, settings.clearinghouse, settings.clearinghouseId);
    if (owner !== practiceId) {
      problems.push(
        `The clearinghouse ID ${settings.clearinghouseId} belongs to another practice on this server, so its reports were not fetched here. Check the ID under Preferences.`,
      );
    } else {
      try {
        await fetchFromFeed(db, practiceId, settings.clearinghouse, settings.clearinghouseId, options, summary);
      } catch (error) {
        problems.push(`Could not fetch reports from the clearinghouse: ${(error as Error).message}. Reports already received were still processed.`);
      }
    }
  }
  try {
    await pickUpDropFolders(db, practiceId, options, summary);
  } catch (error) {
    problems.push(`Could not read the drop folder: ${(error as Error).message}. Reports already received were still processed.`);
  }
  summary.fetchError = problems.length ? problems.join(' ') : null;
  await processReceivedReports(db, options.reader, practiceId, summary);
  return summary;
}

const FEED_FORMAT: Record<Clearinghouse, string> = { INSTAMED: 'X12_835', WAYSTAR: 'WAYSTAR_CSV' };

/** A newly stored report counts as fetched; one refused on arrival (too large) also as failed. */
function count(summary: RunSummary, report: { id: string; status: string }, created: boolean) {
  if (!created) return;
  summary.reportsFetched++;
  if (report.status === 'FAILED') {
    summary.reportsFailed++;
    summary.reportIds.push(report.id);
  }
}

async function fetchFromFeed(
  db: PrismaClient,
  practiceId: string,
  clearinghouse: Clearinghouse,
  clearinghouseId: string,
  options: FetchOptions,
  summary: RunSummary,
) {
  const feedUrl = options.reportsFeedUrl!;
  const listUrl = new URL('/api/reports', feedUrl);
  listUrl.searchParams.set('clearinghouse', clearinghouse);
  listUrl.searchParams.set('practice', clearinghouseId);
  listUrl.searchParams.set('format', FEED_FORMAT[clearinghouse]);
  const list = (await (await getOk(listUrl)).json()) as { reports?: unknown };
  const names = Array.isArray(list.reports)
    ? list.reports.map((r: { name?: unknown }) => r?.name).filter((n): n is string => typeof n === 'string' && n !== '')
    : [];
  const keys = new Map(names.map((name) => [sourceKeyOf(name), name]));
  const known = new Set(
    (
      await db.remittanceReport.findMany({
        where: { practiceId, source: 'CLEARINGHOUSE', sourceKey: { in: [...keys.keys()] }, status: { not: 'RECEIVING' } },
        select: { sourceKey: true },
      })
    ).map((r) => r.sourceKey),
  );
  for (const [sourceKey, name] of keys) {
    if (known.has(sourceKey)) continue;
    const body = await readLimited(await getOk(new URL(`/api/reports/${encodeURIComponent(name)}`, feedUrl)), options.maxReportBytes);
    const { report, created } = await storeReport(db, {
      practiceId,
      clearinghouse,
      clearinghouseId,
      source: 'CLEARINGHOUSE',
      fileName: name,
      sourceKey,
      ...body,
    });
    count(summary, report, created);
  }
}

async function getOk(url: URL) {
  const response = await fetch(url, { signal: AbortSignal.timeout(60_000) });
  if (!response.ok) throw new Error(`${url.pathname} answered ${response.status}`);
  return response;
}

/** Reads a response body up to the limit; past it, the file is refused without keeping its bytes. */
async function readLimited(response: Response, maxBytes: number): Promise<{ content: Uint8Array | null; sizeBytes: number; refusal?: string }> {
  const declared = Number(response.headers.get('content-length') ?? Number.NaN);
  if (declared > maxBytes) {
    await response.body?.cancel();
    return { content: null, sizeBytes: declared, refusal: tooLarge(declared, maxBytes) };
  }
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of (response.body ?? []) as AsyncIterable<Uint8Array>) {
    size += chunk.byteLength;
    if (size > maxBytes) {
      // Best effort: the refusal stands whether or not the connection closes cleanly.
      await response.body?.cancel().catch((error: unknown) => console.warn('[fetch] cancelling an oversized download failed:', error));
      return { content: null, sizeBytes: size, refusal: tooLarge(size, maxBytes, true) };
    }
    chunks.push(chunk);
  }
  return { content: Buffer.concat(chunks), sizeBytes: size };
}

const megabytes = (bytes: number) => `${(bytes / 1_048_576).toFixed(1)} MB`;

function tooLarge(size: number, maxBytes: number, atLeast = false): string {
  return (
    `The file is ${atLeast ? 'more than ' : ''}${megabytes(size)}; Kinpay reads report files up to ${megabytes(maxBytes)} (REPORTS_MAX_BYTES). ` +
    'It was not read or posted. Ask the clearinghouse to split it, or raise the limit.'
  );
}

interface DropFolder {
  folder: string;
  clearinghouse: Clearinghouse | null;
  clearinghouseId: string | null;
}

/** The folders whose files are this practice's: one per clearinghouse ID it owns. */
async function dropFoldersOf(db: PrismaClient, practiceId: string, inbox: string): Promise<DropFolder[]> {
  const folders: DropFolder[] = [];
  for (const account of await accountsOf(db, practiceId)) {
    const at = { clearinghouse: account.clearinghouse, clearinghouseId: account.clearinghouseId };
    folders.push({ folder: path.join(inbox, account.clearinghouse.toLowerCase(), account.clearinghouseId), ...at });
    // The short form only when the ID is unique across clearinghouses: it must name one practice.
    const sameId = await db.clearinghouseAccount.count({ where: { clearinghouseId: account.clearinghouseId } });
    if (sameId === 1) folders.push({ folder: path.join(inbox, account.clearinghouseId), ...at });
  }
  // Files straight in the inbox belong to the only practice there is.
  if ((await db.practice.count()) === 1) folders.push({ folder: inbox, clearinghouse: null, clearinghouseId: null });
  return folders;
}

/** Stores each file of the practice's drop folders, then moves it to processed/ under a short name. */
async function pickUpDropFolders(db: PrismaClient, practiceId: string, options: FetchOptions, summary: RunSummary) {
  for (const { folder, clearinghouse, clearinghouseId } of await dropFoldersOf(db, practiceId, options.inbox)) {
    const entries = await readdir(folder, { withFileTypes: true }).catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT' || error.code === 'ENOTDIR') return [];
      throw error;
    });
    const names = entries
      .filter((e) => e.isFile() && !e.name.startsWith('.'))
      .map((e) => e.name)
      .sort();
    if (!names.length) continue;
    const done = path.join(folder, 'processed');
    await mkdir(done, { recursive: true });
    for (const name of names) {
      const file = path.join(folder, name);
      const picked = await readDropped(file, options.maxReportBytes);
      // Another instance took it first: it stores the report, we have nothing to do.
      if (picked === null) continue;
      // Keyed by name and bytes: the same file dropped twice is stored once; a new file that reuses
      // an old name is still stored.
      const { report, created } = await storeReport(db, {
        practiceId,
        clearinghouse,
        clearinghouseId,
        source: 'DROP_FOLDER',
        fileName: name,
        sourceKey: sourceKeyOf(name, picked.digest),
        content: picked.content,
        sizeBytes: picked.sizeBytes,
        refusal: picked.refusal,
      });
      count(summary, report, created);
      // Still being stored by another instance (or by one that died: it is stored anew later): the
      // file stays until its report is whole.
      if (report.status !== 'RECEIVING') await moveAside(file, done, name);
    }
  }
}

async function readDropped(file: string, maxBytes: number) {
  try {
    const { size } = await stat(file);
    if (size > maxBytes) {
      // Identified by name and size: the bytes are never read.
      return { content: null, sizeBytes: size, digest: `size:${size}`, refusal: tooLarge(size, maxBytes) };
    }
    const content = await readFile(file);
    return { content, sizeBytes: content.byteLength, digest: createHash('sha256').update(content).digest('hex'), refusal: undefined };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

/**
 * processed/<UTC time>-<random><extension>: short whatever the original name's length (the
 * report row keeps the original), and never two files on one name.
 */
async function moveAside(file: string, done: string, name: string) {
  const extension = /\.[A-Za-z0-9]{1,8}$/.exec(name)?.[0] ?? '';
  const target = path.join(done, `${new Date().toISOString().replace(/[-:.]/g, '').slice(0, 15)}-${randomBytes(4).toString('hex')}${extension}`);
  await rename(file, target).catch((error: NodeJS.ErrnoException) => {
    if (error.code !== 'ENOENT') throw error;
  });
}
