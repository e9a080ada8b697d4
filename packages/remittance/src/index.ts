/**
 * Clearinghouse payment-posting files (and InstaMed's per-payment notices) turned into one list of
 * transactions to post, and written back out in the publishers' layouts for the sandbox and for tests.
 * No I/O, no database. README.md says what each format is and where the published pages stop.
 */
import { ReportFormatError } from './contract.ts';
import type { ParsedReport, ReportFormat } from './contract.ts';
import { checkReport } from './checks.ts';
import { detectFormat } from './detect.ts';
import { parseImdpa } from './imdpa.ts';
import { parseInstaMedNotice } from './instamed-notice.ts';
import { assertNoControlCharacters, stripBom } from './text.ts';
import { parseWaystarCsv } from './waystar-csv.ts';
import { parse835 } from './x12-835.ts';

export * from './contract.ts';
export { detectFormat } from './detect.ts';
export type { DetectedFormat } from './detect.ts';
export { decodeReportBytes } from './text.ts';
export { UNKNOWN_ACCOUNT } from './shared.ts';
export { write835, dpa835FileName, ACCEPTED_GS08 } from './x12-835.ts';
export type { Write835Options } from './x12-835.ts';
export { writeImdpa, IMDPA_VERSIONS, IMDPA_VERSION_NAMES, IMDPA_STATUS_EFFECTS } from './imdpa.ts';
export type { ImdpaVersion, WriteImdpaOptions, StatusEffect } from './imdpa.ts';
export { writeWaystarCsv, waystarTransactionId, WAYSTAR_COLUMNS } from './waystar-csv.ts';
export type { WriteWaystarCsvOptions } from './waystar-csv.ts';
export { writeInstaMedNotice, instaMedNoticeKey, INSTAMED_EVENTS, INSTAMED_EVENT_KINDS, NOTICE_CONTENT_TYPES } from './instamed-notice.ts';
export type { InstaMedEvent, NoticeEncoding, WriteInstaMedNoticeOptions } from './instamed-notice.ts';
export { CLEARINGHOUSE_TIME_ZONE, asNewYorkWallClock } from './time.ts';

export interface ParseReportOptions {
  /** Skip detection (e.g. the format the report was stored as). */
  format?: ReportFormat;
  /** Used only when the content does not say (e.g. `*_dpa835_*.rep`, `*PAY.prp.csv`). */
  fileName?: string;
}

const READERS: Record<ReportFormat, (content: string) => ParsedReport> = {
  X12_835: parse835,
  IMDPA: parseImdpa,
  WAYSTAR_CSV: parseWaystarCsv,
  INSTAMED_WEBHOOK: parseInstaMedNotice,
};

/**
 * Reads a report into transactions to post: detects the format when not given, parses, then applies the
 * checks every format shares (amount ceiling, one transaction ID per transaction, a location for each).
 * Throws ReportFormatError (InsuranceRemittanceError for an insurer's ERA) with one sentence staff can read.
 */
export function parseReport(content: string, options: ParseReportOptions = {}): ParsedReport {
  const text = stripBom(content);
  assertNoControlCharacters(text);
  const format = options.format ?? detectFormat(text, options.fileName)?.format ?? null;
  if (format === null) {
    throw new ReportFormatError(
      'The file is not in a format Kinpay reads: an InstaMed EOD Posting File (IMDPA10 to IMDPA14, or 1.2.2), ' +
        'an InstaMed X12 835 (dpa835), a Waystar Daily Transaction Report (CSV) or an InstaMed notice.',
    );
  }
  const reader = READERS[format];
  if (reader === undefined || !Object.hasOwn(READERS, format)) throw new ReportFormatError(`"${String(format)}" is not a report format Kinpay reads.`);
  return checkReport(reader(text));
}
