// The API as operators run it: a process that starts, serves, and stops cleanly on SIGTERM
// (container orchestrators send it on every deploy and kill the process if it lingers).
// It starts on a copy of the run's migrated database (main.ts still checks the migrations, and
// finds nothing to do), so the time goes to what is under test, not to creating the schema.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { once } from 'node:events';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { databaseForProcess } from './test/database.ts';

let dataDir: string;
let database: Awaited<ReturnType<typeof databaseForProcess>>;
let child: ChildProcess | undefined;
beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'kinpay-main-'));
  database = await databaseForProcess(dataDir);
});
afterAll(async () => {
  // Also after a timeout, when the test itself never got to its clean-up.
  if (child && child.exitCode === null && child.signalCode === null) {
    child.kill('SIGKILL');
    await once(child, 'exit');
  }
  await database?.dispose();
  await rm(dataDir, { recursive: true, force: true });
});

it('stops on SIGTERM with exit code 0, even with a browser connection kept alive', async () => {
  const { DATABASE_URL: _serverDatabase, ...env } = process.env;
  const main = spawn(process.execPath, ['--import', 'tsx', path.join(import.meta.dirname, 'main.ts')], {
    // ENV_FILE empty: no developer's .env reaches the test.
    env: { ...env, ENV_FILE: '', NODE_ENV: 'development', PORT: '0', HOST: '127.0.0.1', SEED_DEMO: 'false', ...database.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child = main;
  main.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  main.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const port = await new Promise<string>((resolve, reject) => {
    main.stdout.on('data', () => {
      const match = /Portal:\s+http:\/\/localhost:(\d+)\//.exec(output);
      if (match) resolve(match[1]!);
    });
    main.once('exit', (code) => reject(new Error(`exited early (${code}): ${output}`)));
  });
  // Every migration is applied already: the engine is not even loaded.
  expect(output).not.toContain('Migrating');
  // fetch keeps the connection open (keep-alive), as a browser tab would.
  expect((await fetch(`http://127.0.0.1:${port}/healthz`)).status).toBe(200);

  const exited = once(main, 'exit');
  main.kill('SIGTERM');
  const [code] = await exited;
  expect(code, output).toBe(0);
}, 30_000);

it('reads .env before validating, and refuses a port browsers will not open, by name', async () => {
  const envFile = path.join(dataDir, 'unsafe-port.env');
  await writeFile(envFile, 'PORT=6000\n');
  const { DATABASE_URL: _serverDatabase, PORT: _port, ...env } = process.env;
  const main = spawn(process.execPath, ['--import', 'tsx', path.join(import.meta.dirname, 'main.ts')], {
    env: { ...env, ENV_FILE: envFile, ...database.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  main.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  main.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const [code] = await once(main, 'exit');
  expect(code).toBe(1);
  expect(output.trim()).toBe('Invalid configuration:\n  PORT 6000 is a port browsers refuse to open (ERR_UNSAFE_PORT); pick another, e.g. 4000');
}, 30_000);
