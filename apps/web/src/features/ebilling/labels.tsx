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
