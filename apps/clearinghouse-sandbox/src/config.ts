// Configuration from the environment, checked once at start-up: a bad value stops the process
// with the variable's name.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { NoticeEncoding } from '@kinpay/remittance';

/** The repository root, found from this file so the default does not depend on where pnpm runs us. */
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

export interface SandboxConfig {
  port: number;
  /** Undefined: every interface (so both localhost and 127.0.0.1 reach it). */
  host: string | undefined;
  /** Where payments.json lives; null keeps payments in memory only. */
  dataDir: string | null;
}

export function loadSandboxConfig(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): SandboxConfig {
  const rawPort = env.SANDBOX_PORT?.trim() || '4100';
  if (!/^\d{1,5}$/.test(rawPort) || Number(rawPort) > 65535) {
    throw new Error(`SANDBOX_PORT must be a port number from 0 to 65535, got "${env.SANDBOX_PORT}"`);
  }
  const host = env.SANDBOX_HOST?.trim() || undefined;
  // Unset: <repo>/data/sandbox. Set but empty: in memory only. Relative: from the current directory.
  const rawDir = env.SANDBOX_DATA_DIR;
  const dataDir = rawDir === undefined ? path.join(repoRoot, 'data', 'sandbox') : rawDir.trim() === '' ? null : path.resolve(cwd, rawDir.trim());
  return { port: Number(rawPort), host, dataDir };
}

export interface IntegrationConfig {
  /** The mail capture's SMTP port; null = off (SANDBOX_SMTP_PORT=0). */
  smtpPort: number | null;
  /** Where InstaMed notices go, and in which encoding; null = no notices (both variables unset). */
  webhook: { url: string; secret: string; encoding: NoticeEncoding } | null;
}

const ENCODINGS: readonly NoticeEncoding[] = ['json', 'xml', 'nvp'];

/**
 * SANDBOX_SMTP_PORT (default 2525, 0 = no mail capture); SANDBOX_WEBHOOK_URL (the portal's origin)
 * with SANDBOX_WEBHOOK_SECRET, both or neither; SANDBOX_WEBHOOK_ENCODING json (default), xml or nvp.
 * Empty counts as unset.
 */
export function loadIntegrationConfig(env: NodeJS.ProcessEnv = process.env): IntegrationConfig {
  const rawSmtp = env.SANDBOX_SMTP_PORT?.trim() || '2525';
  if (!/^\d{1,5}$/.test(rawSmtp) || Number(rawSmtp) > 65535) {
    throw new Error(`SANDBOX_SMTP_PORT must be a port number from 1 to 65535, or 0 for no mail capture, got "${env.SANDBOX_SMTP_PORT}"`);
  }
  const url = env.SANDBOX_WEBHOOK_URL?.trim() || undefined;
  const secret = env.SANDBOX_WEBHOOK_SECRET?.trim() || undefined;
  if (url && !secret) throw new Error('SANDBOX_WEBHOOK_SECRET must be set along with SANDBOX_WEBHOOK_URL');
  if (secret && !url) throw new Error('SANDBOX_WEBHOOK_URL must be set along with SANDBOX_WEBHOOK_SECRET');
  if (url) {
    let parsed: URL | null = null;
    try {
      parsed = new URL(url);
    } catch {
      // reported below
    }
    if (!parsed || (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') || parsed.search || parsed.hash) {
      throw new Error(`SANDBOX_WEBHOOK_URL must be the portal's http(s) origin, like http://localhost:4000, got "${url}"`);
    }
  }
  const rawEncoding = env.SANDBOX_WEBHOOK_ENCODING?.trim().toLowerCase() || 'json';
  const encoding = ENCODINGS.find((e) => e === rawEncoding);
  if (!encoding) throw new Error(`SANDBOX_WEBHOOK_ENCODING must be json, xml or nvp, got "${env.SANDBOX_WEBHOOK_ENCODING}"`);
  return { smtpPort: Number(rawSmtp) || null, webhook: url && secret ? { url, secret, encoding } : null };
}
