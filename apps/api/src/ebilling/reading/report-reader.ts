// Reads reports (decode + parse) in a worker thread, one at a time. The request thread only waits:
// a 50 MB file, or one built to be slow, never stalls /healthz or other users. A worker that runs
// out of memory or time is replaced, and that report fails with the reason; the next one reads.
import { Worker } from 'node:worker_threads';
import type { DetectedFormat, ParsedReport } from '@kinpay/remittance';
import type { ReadRequest, ReadResponse } from './protocol.ts';

export interface ReportReaderOptions {
  /** Longest a single report may take to read. */
  timeoutMs: number;
  /** Heap limit of the worker, in MB. */
  maxMemoryMb: number;
}

/** The file cannot be read: the message is for staff; `detected` says what it looked like, if anything. */
export class ReportUnreadable extends Error {
  override name = 'ReportUnreadable';
  constructor(
    message: string,
    readonly detected: DetectedFormat | null = null,
  ) {
    super(message);
  }
}

export interface ReportReader {
  read(bytes: Uint8Array, fileName: string): Promise<ParsedReport>;
  close(): Promise<void>;
}

interface Job {
  request: ReadRequest;
  resolve(report: ParsedReport): void;
  reject(error: Error): void;
}

export function createReportReader(options: ReportReaderOptions): ReportReader {
  const queue: Job[] = [];
  let worker: Worker | null = null;
  let current: { job: Job; timer: NodeJS.Timeout } | null = null;
  let nextId = 1;
  let closed = false;

  const startWorker = () => {
    const w = new Worker(new URL('./worker.mjs', import.meta.url), {
      resourceLimits: { maxOldGenerationSizeMb: options.maxMemoryMb },
    });
    // A worker with no job does not keep the process alive (tests, shutdown).
    w.unref();
    w.on('message', (response: ReadResponse) => {
      if (!current || response.id !== current.job.request.id) return;
      const { job, timer } = current;
      clearTimeout(timer);
      current = null;
      if (response.ok) job.resolve(response.report);
      else if (response.formatError) job.reject(new ReportUnreadable(response.message, response.detected));
      else job.reject(new Error(`The report reader failed: ${response.message}`));
      next();
    });
    w.on('error', (error) => fail(w, describeCrash(error)));
    w.on('exit', (code) => fail(w, `the report reader stopped (exit code ${code})`));
    return w;
  };

  /** The worker died with a job: that report fails, the next one gets a fresh worker. */
  const fail = (dead: Worker, reason: string) => {
    if (worker !== dead) return;
    worker = null;
    if (current) {
      const { job, timer } = current;
      clearTimeout(timer);
      current = null;
      job.reject(new ReportUnreadable(`Kinpay could not read this file: ${reason}. It was kept; nothing from it was posted.`));
    }
    next();
  };

  const next = () => {
    if (current || closed) return;
    const job = queue.shift();
    if (!job) {
      worker?.unref();
      return;
    }
    worker ??= startWorker();
    worker.ref();
    const running = worker;
    const timer = setTimeout(() => {
      void running.terminate();
      fail(running, `reading it took longer than ${Math.round(options.timeoutMs / 1000)} seconds`);
    }, options.timeoutMs);
    current = { job, timer };
    running.postMessage(job.request, [job.request.bytes]);
  };

  return {
    read(bytes, fileName) {
      if (closed) return Promise.reject(new Error('The report reader is closed.'));
      // A copy the worker can take over: the caller's bytes may be a view into a shared pool (a
      // Buffer's slice() is such a view too, hence the explicit copy).
      const owned = new Uint8Array(bytes.byteLength);
      owned.set(bytes);
      const copy = owned.buffer;
      return new Promise<ParsedReport>((resolve, reject) => {
        queue.push({ request: { id: nextId++, bytes: copy, fileName }, resolve, reject });
        next();
      });
    },
    async close() {
      closed = true;
      for (const job of queue.splice(0)) job.reject(new Error('The report reader is closed.'));
      const w = worker;
      worker = null;
      if (current) {
        clearTimeout(current.timer);
        current.job.reject(new Error('The report reader is closed.'));
        current = null;
      }
      await w?.terminate();
    },
  };
}

function describeCrash(error: Error): string {
  if ((error as NodeJS.ErrnoException).code === 'ERR_WORKER_OUT_OF_MEMORY') return 'it needs more memory than Kinpay allows for one report';
  return error.message;
}
