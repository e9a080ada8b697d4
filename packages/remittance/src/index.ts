/**
 * Clearinghouse end-of-day reports (and InstaMed's per-payment notices) turned into one list of
 * transactions to post, and written back out for the sandbox and for test fixtures. No I/O, no database.
 */
import { parse835 } from './x12-835.ts';
import { parseImdpa } from './imdpa.ts';
import { parseInstaMedWebhook } from './instamed-webhook.ts';
import { parseWaystarCsv } from './waystar-csv.ts';
import { ReportFormatError } from './types.ts';
import type { ParsedReport, ReportFormat } from './types.ts';

export { ReportFormatError } from './types.ts';
export type { ParsedReport, PaymentMethod, ReportFormat, ReportTransaction, TransactionKind } from './types.ts';
export { write835 } from './x12-835.ts';
export type { Write835Options } from './x12-835.ts';
export { writeImdpa } from './imdpa.ts';
export type { WriteImdpaOptions } from './imdpa.ts';
export { writeWaystarCsv } from './waystar-csv.ts';
export { INSTAMED_EVENTS, writeInstaMedWebhook } from './instamed-webhook.ts';
export type { InstaMedEvent } from './instamed-webhook.ts';

/**
 * Recognizes a format from the content; the file name is only a fallback (e.g. `*_dpa835_*.rep`,
 * `*PAY.prp.csv`), so that a damaged file still gets the reader whose error message explains the damage.
 */
export function detectFormat(content: string, fileName?: string): ReportFormat | null {
  const text = content.replace(/^\uFEFF/, '').trimStart();
  if (text.startsWith('ISA')) return 'X12_835';
  if (text.startsWith('{')) {
    try {
      const value: unknown = JSON.parse(text);
      if (typeof value === 'object' && value !== null && 'EventType' in value) return 'INSTAMED_WEBHOOK';
    } catch {
      // not JSON: fall through to the other formats
    }
  }
  const lines = text.split(/\r\n|\r|\n/);
  const firstLine = lines[0] ?? '';
  if (firstLine.startsWith('H|IMDPA')) return 'IMDPA';
  // Waystar's header before the pipe count: a quoted CSV cell could in theory hold pipes.
  if (/(^|,)\s*"?trans type"?\s*(,|$)/i.test(firstLine)) return 'WAYSTAR_CSV';
  if (lines.some((line) => line.split('|').length - 1 >= 15)) return 'IMDPA';

  const name = fileName?.split(/[\\/]/).pop() ?? '';
  if (/_dpa835_.*\.rep$|\.835$/i.test(name)) return 'X12_835';
  if (/PAY\.prp\.csv$/i.test(name)) return 'WAYSTAR_CSV';
  return null;
}

/** Reads a report into transactions to post; throws ReportFormatError with a sentence staff can read. */
export function parseReport(content: string, format?: ReportFormat): ParsedReport {
  const resolved = format ?? detectFormat(content);
  switch (resolved) {
    case 'X12_835':
      return parse835(content);
    case 'IMDPA':
      return parseImdpa(content);
    case 'WAYSTAR_CSV':
      return parseWaystarCsv(content);
    case 'INSTAMED_WEBHOOK':
      return parseInstaMedWebhook(content);
    case null:
      throw new ReportFormatError(
        'The file is not in a format this portal reads (X12 835, InstaMed IMDPA10, Waystar Daily Transaction Report CSV or an InstaMed notice).',
      );
  }
}
