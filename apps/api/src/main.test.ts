// The API as operators run it: a process that starts, serves, and stops cleanly on SIGTERM
// (container orchestrators send it on every deploy and kill the process if it lingers).
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { once } from 'node:events';
import { expect, it } from 'vitest';

it('stops on SIGTERM with exit code 0, even with a browser connection kept alive', async () => {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'kinpay-main-'));
  const { DATABASE_URL: _serverDatabase, ...env } = process.env;
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(import.meta.dirname, 'main.ts')], {
    env: { ...env, NODE_ENV: 'development', DATA_DIR: dataDir, PORT: '0', HOST: '127.0.0.1', SEED_DEMO: 'false' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  try {
    let output = '';
    const port = await new Promise<string>((resolve, reject) => {
      child.stdout.on('data', (chunk: Buffer) => {
        output += chunk;
        const match = /Portal:\s+http:\/\/localhost:(\d+)\//.exec(output);
        if (match) resolve(match[1]!);
      });
      child.once('exit', (code) => reject(new Error(`exited early (${code}): ${output}`)));
    });
    // fetch keeps the connection open (keep-alive), as a browser tab would.
    expect((await fetch(`http://127.0.0.1:${port}/healthz`)).status).toBe(200);

    const exited = once(child, 'exit');
    child.kill('SIGTERM');
    const [code] = await exited;
    expect(code).toBe(0);
  } finally {
    if (child.exitCode === null) child.kill('SIGKILL');
    await rm(dataDir, { recursive: true, force: true });
  }
}, 30_000);
