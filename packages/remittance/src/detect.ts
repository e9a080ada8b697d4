// Which format a report is in, from its content first and its file name only as a fallback, so that a
// damaged file still gets the reader whose error explains the damage.
import type { ReportFormat } from './contract.ts';
import { imdpaLayoutOf } from './imdpa.ts';
import { noticeEncodingOf } from './instamed-notice.ts';
import { splitLines, stripBom } from './text.ts';
import { looksLikeWaystarHeader } from './waystar-csv.ts';

export interface DetectedFormat {
  format: ReportFormat;
  /** What the content says it is, e.g. "IMDPA14", "X12 835 (005010X221A1)", "JSON notice". */
  version: string;
}

const NOTICE_VERSIONS = { json: 'JSON notice', xml: 'XML notice', nvp: 'NVP notice' } as const;

export function detectFormat(content: string, fileName?: string): DetectedFormat | null {
  const text = stripBom(content).trimStart();
  if (/^ISA[^A-Za-z0-9\s]/.test(text) || /^ST[^A-Za-z0-9\s]835/.test(text)) {
    const gs08 = groupVersion(text);
    return { format: 'X12_835', version: gs08 ? `X12 835 (${gs08})` : 'X12 835' };
  }
  const encoding = noticeEncodingOf(text);
  if (encoding === 'json' || encoding === 'xml') return { format: 'INSTAMED_WEBHOOK', version: NOTICE_VERSIONS[encoding] };

  const firstLine = splitLines(text)[0] ?? '';
  const layout = imdpaLayoutOf(firstLine);
  // An IMDPA record ID Kinpay does not read: the IMDPA reader says so, naming it.
  if (layout === 'unknown') return { format: 'IMDPA', version: firstLine.slice(0, 7) };
  if (layout !== null) return { format: 'IMDPA', version: layout === 'IMDPA12_HD' ? 'IMDPA12 (1.2.2 H/D)' : layout };
  if (looksLikeWaystarHeader(firstLine)) return { format: 'WAYSTAR_CSV', version: 'Daily Transaction Report' };
  // Name-value pairs: one line of name=value pairs naming InstaMed's event or transaction.
  if (/^[^=&\s]+=[^&]*(?:&[^=&\s]+=[^&]*)*$/.test(text) && /(^|&)(eventtype|transactionid)=/i.test(text)) {
    return { format: 'INSTAMED_WEBHOOK', version: NOTICE_VERSIONS.nvp };
  }

  if (fileName === undefined) return null;
  const name = fileName.replace(/^.*[\\/]/, '');
  if (/_dpa835_.*\.rep$|\.835$/i.test(name)) return { format: 'X12_835', version: 'X12 835' };
  if (/PAY\.prp\.csv$/i.test(name)) return { format: 'WAYSTAR_CSV', version: 'Daily Transaction Report' };
  return null;
}

/** GS08 (e.g. 005010X221A1) of the first functional group, read loosely, or null. */
function groupVersion(text: string): string | null {
  const element = text.startsWith('ISA') ? text[3]! : text[2]!;
  const start = text.slice(0, 2000).indexOf(`GS${element}`);
  if (start < 0) return null;
  const gs08 = text.slice(start).split(element)[8] ?? '';
  return /^[A-Z0-9]+/.exec(gs08)?.[0] ?? null;
}
