// Configuration from the environment, checked once at start-up: a bad value stops the process
// with the variable's name.
import path from 'node:path';
import { fileURLToPath } from 'node:url';

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
