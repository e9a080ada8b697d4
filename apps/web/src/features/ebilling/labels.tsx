import type { ReportFormat, ReportSource, ReportStatus } from '../../gql/graphql.ts';

export const SOURCE_LABEL: Record<ReportSource, string> = {
  CLEARINGHOUSE: 'Clearinghouse',
  DROP_FOLDER: 'Drop folder',
  WEBHOOK: 'Webhook',
};

export const FORMAT_LABEL: Record<ReportFormat, string> = {
  X12_835: 'X12 835',
  IMDPA: 'IMDPA',
  WAYSTAR_CSV: 'Waystar CSV',
  INSTAMED_WEBHOOK: 'InstaMed notice',
};

const STATUS: Record<ReportStatus, { label: string; className: string }> = {
  RECEIVING: { label: 'Receiving', className: 'badge badge--info' },
  RECEIVED: { label: 'Received', className: 'badge badge--info' },
  PROCESSED: { label: 'Processed', className: 'badge badge--on' },
  FAILED: { label: 'Failed', className: 'badge badge--danger' },
};

export function ReportStatusBadge({ status }: { status: ReportStatus }) {
  const { label, className } = STATUS[status] ?? { label: status, className: 'badge badge--off' };
  return <span className={className}>{label}</span>;
}

/** "1 payment", "3 payments". */
export const count = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;

const sizeFormat = new Intl.NumberFormat('en-US', { maximumFractionDigits: 1 });

/** A file's size as people read it: "812 bytes", "12.4 KB", "3.2 MB" (1 KB = 1,024 bytes). */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return count(bytes, 'byte');
  if (bytes < 1024 * 1024) return `${sizeFormat.format(bytes / 1024)} KB`;
  if (bytes < 1024 * 1024 * 1024) return `${sizeFormat.format(bytes / (1024 * 1024))} MB`;
  return `${sizeFormat.format(bytes / (1024 * 1024 * 1024))} GB`;
}
