import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadSandboxConfig } from './config.ts';

describe('loadSandboxConfig', () => {
  it('defaults to port 4100 and <repo>/data/sandbox', () => {
    const config = loadSandboxConfig({}, '/somewhere');
    expect(config.port).toBe(4100);
    expect(config.host).toBeUndefined();
    expect(config.dataDir).toBe(path.resolve(import.meta.dirname, '../../../data/sandbox'));
  });

  it('reads SANDBOX_PORT and SANDBOX_DATA_DIR (relative to the current directory; empty for memory only)', () => {
    expect(loadSandboxConfig({ SANDBOX_PORT: '0', SANDBOX_DATA_DIR: 'tmp/sb' }, '/work')).toEqual({ port: 0, host: undefined, dataDir: '/work/tmp/sb' });
    expect(loadSandboxConfig({ SANDBOX_DATA_DIR: '' }).dataDir).toBeNull();
  });

  it.each(['abc', '-1', '65536', '41.5'])('fails fast on SANDBOX_PORT=%s with the variable name', (value) => {
    expect(() => loadSandboxConfig({ SANDBOX_PORT: value })).toThrow(/SANDBOX_PORT/);
  });
});
