// The primary of an API cluster (main.ts starts one with API_WORKERS > 1 on a PostgreSQL server):
// forks the workers, which share the port (the primary hands out connections in turn), replaces one
// that dies unexpectedly, and stops them all on SIGINT/SIGTERM. It serves nothing itself and holds
// no database connection. Everything the workers must agree on lives in the database: sessions,
// sign-in limits, the Agent's lease, the email outbox.
import cluster, { type Worker } from 'node:cluster';

/** What a worker tells the primary once it listens. */
export interface WorkerListening {
  kinpay: 'listening';
  port: number;
}

export function isWorkerListening(message: unknown): message is WorkerListening {
  return typeof message === 'object' && message !== null && (message as WorkerListening).kinpay === 'listening';
}

export interface ClusterOptions {
  workers: number;
  /** Once every first worker listens, with the port they share. */
  onListening: (port: number) => void;
  log?: (line: string) => void;
  /** A worker that lived less than this was crashing at once: wait before the next, doubling up to maxRestartDelayMs. */
  stableAfterMs?: number;
  firstRestartDelayMs?: number;
  maxRestartDelayMs?: number;
  /** How long stopping waits for a worker to finish its requests before killing it. */
  stopTimeoutMs?: number;
}

export function runClusterPrimary(options: ClusterOptions) {
  const log = options.log ?? ((line: string) => console.log(line));
  const stableAfterMs = options.stableAfterMs ?? 30_000;
  const firstDelay = options.firstRestartDelayMs ?? 1_000;
  const maxDelay = options.maxRestartDelayMs ?? 30_000;
  let restartDelay = firstDelay;
  let stopping = false;
  let started = false;
  const startedAt = new Map<Worker, number>();
  const listening = new Set<Worker>();

  function fork() {
    const worker = cluster.fork();
    startedAt.set(worker, Date.now());
    worker.on('message', (message: unknown) => {
      if (!isWorkerListening(message)) return;
      listening.add(worker);
      if (!started && listening.size === options.workers) {
        started = true;
        options.onListening(message.port);
      }
    });
    worker.once('exit', (code, signal) => {
      const lived = Date.now() - (startedAt.get(worker) ?? 0);
      startedAt.delete(worker);
      listening.delete(worker);
      if (stopping) return;
      const how = signal ?? `exit code ${code}`;
      if (!started) {
        // A worker that cannot start (port taken, bad database) would fail the same way again.
        console.error(`API worker ${worker.process.pid} stopped before it could serve (${how}); stopping.`);
        void stop(1);
        return;
      }
      // Crashing right after starting, again and again: wait longer each time instead of spinning.
      const crashing = lived < stableAfterMs;
      const delay = crashing ? restartDelay : 0;
      restartDelay = crashing ? Math.min(restartDelay * 2, maxDelay) : firstDelay;
      log(`API worker ${worker.process.pid} stopped unexpectedly (${how}); starting another${delay ? ` in ${delay / 1000} s` : ''}.`);
      setTimeout(() => {
        if (!stopping) fork();
      }, delay);
    });
  }

  async function stop(exitCode = 0) {
    if (stopping) return;
    stopping = true;
    const workers = Object.values(cluster.workers ?? {}).filter((w): w is Worker => w !== undefined && !w.isDead());
    const exited = workers.map((w) => new Promise<void>((resolve) => w.once('exit', () => resolve())));
    for (const worker of workers) worker.process.kill('SIGTERM');
    const killer = setTimeout(() => {
      for (const worker of workers) if (!worker.isDead()) worker.process.kill('SIGKILL');
    }, options.stopTimeoutMs ?? 15_000);
    await Promise.all(exited);
    clearTimeout(killer);
    process.exit(exitCode);
  }

  for (let i = 0; i < options.workers; i++) fork();
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => void stop(0));
  return { stop };
}
