// The report-reading worker: decodes and parses one report at a time, off the API's request
// thread, so a large or hostile file never stalls /healthz or other users' requests.
import { parentPort } from 'node:worker_threads';
import { decodeReportBytes, detectFormat, parseReport, ReportFormatError, type DetectedFormat } from '@kinpay/remittance';
import type { ReadRequest, ReadResponse } from './protocol.ts';

if (!parentPort) throw new Error('worker.ts runs only as a worker thread');
const port = parentPort;

port.on('message', ({ id, bytes, fileName }: ReadRequest) => {
  let response: ReadResponse;
  let detected: DetectedFormat | null = null;
  try {
    const content = decodeReportBytes(new Uint8Array(bytes));
    detected = detectFormat(content, fileName);
    response = { id, ok: true, report: parseReport(content, { fileName }) };
  } catch (error) {
    response =
      error instanceof ReportFormatError
        ? { id, ok: false, formatError: true, message: error.message, detected }
        : { id, ok: false, formatError: false, message: error instanceof Error ? `${error.name}: ${error.message}` : String(error), detected };
  }
  port.postMessage(response);
});
