// The configuration as operators give it: the environment, and a .env file under it; a bad value
// stops the start with the variable's name.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { availableParallelism, tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig, loadEnvFile } from './config.ts';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'kinpay-config-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

async function envFile(name: string, content: string) {
  const file = path.join(dir, name);
  await writeFile(file, content);
  return file;
}

describe('the .env file', () => {
  it('adds its variables before validation, so they reach the config', async () => {
    const file = await envFile('good.env', '# the practice server\nPORT=4321\nDATABASE_URL="postgres://kinpay@db.internal:5432/kinpay"\nAPI_WORKERS=3\n');
    const env: NodeJS.ProcessEnv = { ENV_FILE: file };
    expect(loadEnvFile(env)).toBe(file);
    const config = loadConfig(env);
    expect(config.port).toBe(4321);
    expect(config.database).toEqual({ databaseUrl: 'postgres://kinpay@db.internal:5432/kinpay', poolSize: 10 });
    expect(config.workers).toBe(3);
  });

  it('loses to the real environment', async () => {
    const file = await envFile('port.env', 'PORT=4321\nMAIL_FROM=From the file <file@kinpay.test>\n');
    const env: NodeJS.ProcessEnv = { ENV_FILE: file, PORT: '4555' };
    loadEnvFile(env);
    expect(loadConfig(env).port).toBe(4555);
    expect(loadConfig(env).ebilling.mailFrom).toBe('From the file <file@kinpay.test>');
  });

  it('has a bad value refused with the variable’s name', async () => {
    const env: NodeJS.ProcessEnv = { ENV_FILE: await envFile('bad.env', 'DATABASE_POOL_SIZE=lots\n') };
    loadEnvFile(env);
    expect(() => loadConfig(env)).toThrow(/^Invalid configuration:\n {2}DATABASE_POOL_SIZE: /);
  });

  it('is optional: none at ENV_FILE, or ENV_FILE empty, changes nothing', () => {
    const missing: NodeJS.ProcessEnv = { ENV_FILE: path.join(dir, 'absent.env'), PORT: '4100' };
    expect(loadEnvFile(missing)).toBeNull();
    expect(missing).toEqual({ ENV_FILE: path.join(dir, 'absent.env'), PORT: '4100' });
    expect(loadEnvFile({ ENV_FILE: '' })).toBeNull();
  });
});

describe('PORT', () => {
  it('refuses a port browsers will not open, saying which and what to pick', () => {
    expect(() => loadConfig({ PORT: '6000' })).toThrow(
      'Invalid configuration:\n  PORT 6000 is a port browsers refuse to open (ERR_UNSAFE_PORT); pick another, e.g. 4000',
    );
    for (const port of [1, 21, 25, 69, 137, 587, 989, 1719, 2049, 4045, 4190, 5060, 6566, 6665, 6667, 6669, 6697, 10080]) {
      expect(() => loadConfig({ PORT: String(port) }), `port ${port}`).toThrow(`PORT ${port} is a port browsers refuse`);
    }
  });

  it('accepts the ports around them, and 0 (any free port)', () => {
    for (const port of [0, 80, 443, 3000, 4000, 5173, 6001, 6664, 6670, 8080, 10079, 10081]) {
      expect(loadConfig({ PORT: String(port) }).port, `port ${port}`).toBe(port);
    }
  });
});

describe('API_WORKERS', () => {
  const server = { DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/kinpay' };

  it('defaults to one per core on a PostgreSQL server; 1 means no cluster', () => {
    expect(loadConfig(server).workers).toBe(availableParallelism());
    expect(loadConfig({ ...server, API_WORKERS: '1' }).workers).toBe(1);
  });

  it('is always 1 on the embedded database, which one process owns', () => {
    const config = loadConfig({ API_WORKERS: '4' });
    expect(config.workers).toBe(1);
    expect(config.workersRequested).toBe(4);
  });

  it('refuses what is not a count of processes', () => {
    for (const value of ['0', '-2', '1.5', 'many']) {
      expect(() => loadConfig({ ...server, API_WORKERS: value }), value).toThrow(/API_WORKERS: /);
    }
  });
});
