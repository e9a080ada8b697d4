// The API as deployed, in a process of its own (src/main.ts), so that its memory and CPU are the
// API's alone and node:cluster workers (API_WORKERS) come along when main.ts starts them.
import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, readFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { processTree } from './proc.ts';

const apiDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** A port nobody listens on now on 127.0.0.1 (bound, read, released). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

export interface ApiProcess {
  pid: number;
  url: string;
  /** Where its stdout and stderr go. */
  logFile: string;
  /** Set when it ended on its own (crashed) before stop(). */
  exited(): { code: number | null; signal: NodeJS.Signals | null } | undefined;
  /** SIGTERM (main.ts closes the server and the database), SIGKILL after `graceMs`. */
  stop(graceMs?: number): Promise<void>;
}

/**
 * Starts `node --import tsx src/main.ts` (the same as `tsx src/main.ts`, without tsx's wrapper
 * process in the tree) with `env` on top of production settings, and waits until /healthz answers.
 */
export async function startApi(
  env: Record<string, string>,
  { logFile, readyTimeoutMs = 120_000, profileDir }: { logFile: string; readyTimeoutMs?: number; profileDir?: string | undefined },
): Promise<ApiProcess> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const log = createWriteStream(logFile);
  const childEnv: NodeJS.ProcessEnv = { ...process.env };
  // The caller says which database and how many workers; nothing leaks in from the shell.
  for (const name of ['DATABASE_URL', 'DATA_DIR', 'API_WORKERS', 'DATABASE_POOL_SIZE', 'PORT', 'HOST']) delete childEnv[name];
  Object.assign(childEnv, {
    // No .env: a developer's DATABASE_URL there must not turn the PGlite run into a run on their database.
    ENV_FILE: '',
    NODE_ENV: 'production',
    COOKIE_SECURE: 'false',
    AGENT_ENABLED: 'false',
    SEED_DEMO: 'false',
    HOST: '127.0.0.1',
    PORT: String(port),
    WEB_DIST: '/nonexistent',
    // Pay Now is computed (InstaMed), as on a practice that takes payments online; nothing is called.
    INSTAMED_BASE_URL: 'http://localhost:4100',
    // Sign-ins come with a distinct X-Forwarded-For each (200 phones, not one address).
    TRUST_PROXY: 'loopback',
    ...env,
  });
  // --cpu-prof is refused in NODE_OPTIONS, so it is an argument; node writes a profile per thread as each ends.
  const profile = profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : [];
  const child: ChildProcess = spawn(process.execPath, [...profile, '--import', 'tsx', 'src/main.ts'], {
    cwd: apiDir,
    env: childEnv,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.pipe(log, { end: false });
  child.stderr!.pipe(log, { end: false });
  let exit: { code: number | null; signal: NodeJS.Signals | null } | undefined;
  const ended = new Promise<void>((resolve) =>
    child.once('exit', (code, signal) => {
      exit = { code, signal };
      resolve();
    }),
  );
  const api: ApiProcess = {
    pid: child.pid!,
    url,
    logFile,
    exited: () => exit,
    async stop(graceMs = 15_000) {
      if (!exit) {
        const tree = processTree(child.pid!).slice(1);
        child.kill('SIGTERM');
        const killer = setTimeout(() => child.kill('SIGKILL'), graceMs);
        await ended;
        clearTimeout(killer);
        // Workers the primary started and left behind (it should stop them itself).
        await new Promise((resolve) => setTimeout(resolve, 500));
        for (const pid of tree) {
          try {
            if (readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('main.ts')) process.kill(pid, 'SIGKILL');
          } catch {
            // already gone
          }
        }
      }
      log.end();
    },
  };
  const deadline = Date.now() + readyTimeoutMs;
  while (!exit) {
    try {
      const response = await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(2_000) });
      if (response.ok) return api;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await api.stop();
      throw new Error(`the API did not answer /healthz within ${readyTimeoutMs / 1000} s (log: ${logFile})`);
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  await api.stop();
  throw new Error(`the API exited (${exit.code ?? exit.signal}) before it answered /healthz (log: ${logFile})`);
}
