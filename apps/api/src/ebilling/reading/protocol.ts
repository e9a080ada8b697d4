import type { DetectedFormat, ParsedReport } from '@kinpay/remittance';

export interface ReadRequest {
  id: number;
  bytes: ArrayBuffer;
  fileName: string;
}

export type ReadResponse =
  | { id: number; ok: true; report: ParsedReport }
  /**
   * formatError: the file's fault (the message is for staff); otherwise a fault of the reader.
   * detected: what the file looked like, when that much could be told.
   */
  | { id: number; ok: false; formatError: boolean; message: string; detected: DetectedFormat | null };
