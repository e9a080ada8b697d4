import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadIntegrationConfig, loadSandboxConfig } from './config.ts';

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

describe('loadIntegrationConfig', () => {
  it('defaults to mail capture on 2525 and no webhook', () => {
    expect(loadIntegrationConfig({})).toEqual({ smtpPort: 2525, webhook: null });
    expect(loadIntegrationConfig({ SANDBOX_SMTP_PORT: '', SANDBOX_WEBHOOK_URL: ' ', SANDBOX_WEBHOOK_SECRET: '' })).toEqual({ smtpPort: 2525, webhook: null });
  });

  it('reads SANDBOX_SMTP_PORT (0 = off) and the webhook pair', () => {
    expect(loadIntegrationConfig({ SANDBOX_SMTP_PORT: '2535' }).smtpPort).toBe(2535);
    expect(loadIntegrationConfig({ SANDBOX_SMTP_PORT: '0' }).smtpPort).toBeNull();
    expect(loadIntegrationConfig({ SANDBOX_WEBHOOK_URL: 'http://localhost:4000', SANDBOX_WEBHOOK_SECRET: 's3cret' }).webhook).toEqual({
      url: 'http://localhost:4000',
      secret: 's3cret',
      encoding: 'json',
    });
  });

  it('reads SANDBOX_WEBHOOK_ENCODING: json (default), xml or nvp, in any case', () => {
    const pair = { SANDBOX_WEBHOOK_URL: 'http://localhost:4000', SANDBOX_WEBHOOK_SECRET: 's3cret' };
    expect(loadIntegrationConfig({ ...pair, SANDBOX_WEBHOOK_ENCODING: 'XML' }).webhook?.encoding).toBe('xml');
    expect(loadIntegrationConfig({ ...pair, SANDBOX_WEBHOOK_ENCODING: ' nvp ' }).webhook?.encoding).toBe('nvp');
    expect(loadIntegrationConfig({ ...pair, SANDBOX_WEBHOOK_ENCODING: '' }).webhook?.encoding).toBe('json');
  });

  it.each([
    [{ SANDBOX_SMTP_PORT: 'smtp' }, /SANDBOX_SMTP_PORT/],
    [{ SANDBOX_SMTP_PORT: '70000' }, /SANDBOX_SMTP_PORT/],
    [{ SANDBOX_WEBHOOK_URL: 'http://localhost:4000' }, /SANDBOX_WEBHOOK_SECRET must be set/],
    [{ SANDBOX_WEBHOOK_SECRET: 'x' }, /SANDBOX_WEBHOOK_URL must be set/],
    [{ SANDBOX_WEBHOOK_URL: 'localhost:4000', SANDBOX_WEBHOOK_SECRET: 'x' }, /SANDBOX_WEBHOOK_URL must be the portal's http\(s\) origin/],
    [{ SANDBOX_WEBHOOK_URL: 'http://localhost:4000/?a=1', SANDBOX_WEBHOOK_SECRET: 'x' }, /SANDBOX_WEBHOOK_URL/],
    [{ SANDBOX_WEBHOOK_ENCODING: 'soap' }, /SANDBOX_WEBHOOK_ENCODING must be json, xml or nvp, got "soap"/],
  ])('fails fast on %j with the variable name', (env, message) => {
    expect(() => loadIntegrationConfig(env)).toThrow(message);
  });
});
