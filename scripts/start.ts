// `pnpm start`: the whole product on one machine with the embedded database: the clearinghouse
// sandbox (SANDBOX_PORT, default 4100) and the API serving the built SPA (PORT, default 4000).
// Pay Now points at the sandbox unless INSTAMED_BASE_URL / WAYSTAR_PAYMENT_URL_TEMPLATE are set;
// the sandbox also serves the report feed, sends InstaMed-style notices to the portal's webhook,
// and captures the emails the portal sends (read them at <sandbox>/mail).
// The repository's .env is read first (the real environment wins). The web app is built only when
// its sources changed since the last build (a hash of them is kept in apps/web/dist/.vite), and
// while it builds the API creates, migrates and seeds the database: the API listens once both are
// done, so nothing answers before the portal can. Every step says what it is doing.
// `pnpm dev` (--watch): API and sandbox reload on change, Vite serves the SPA on 5173.
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readdir, readFile, realpath, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadEnvFile, unsafePortMessage } from '../apps/api/src/config.ts';

const started = performance.now();
const since = (start: number) => `${((performance.now() - start) / 1000).toFixed(1)} s`;
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const watch = process.argv.includes('--watch');

const envFile = loadEnvFile();
if (envFile) console.log(`Read ${path.relative(root, envFile) || envFile} (variables set in the environment win).`);

const port = process.env.PORT ?? '4000';
const sandboxPort = process.env.SANDBOX_PORT ?? '4100';
// Before anything is built: a port no browser opens makes the whole start useless.
for (const [name, value, suggestion] of [
  ['PORT', port, 4000],
  ['SANDBOX_PORT', sandboxPort, 4100],
] as const) {
  const refusal = /^\d+$/.test(value.trim()) ? unsafePortMessage(name, Number(value), suggestion) : null;
  if (refusal) {
    console.error(refusal);
    process.exit(1);
  }
}

const sandboxUrl = `http://localhost:${sandboxPort}`;
const smtpPort = process.env.SANDBOX_SMTP_PORT ?? '2525';
// One secret per run, shared by the sandbox (sender) and the API (webhook receiver).
const webhookSecret = process.env.INSTAMED_WEBHOOK_SECRET ?? randomBytes(24).toString('hex');

const env = {
  ...process.env,
  PORT: port,
  SANDBOX_PORT: sandboxPort,
  SANDBOX_URL: sandboxUrl,
  INSTAMED_BASE_URL: process.env.INSTAMED_BASE_URL ?? sandboxUrl,
  WAYSTAR_PAYMENT_URL_TEMPLATE: process.env.WAYSTAR_PAYMENT_URL_TEMPLATE ?? `${sandboxUrl}/waystar/pay/{id}`,
  CLEARINGHOUSE_REPORTS_URL: process.env.CLEARINGHOUSE_REPORTS_URL ?? sandboxUrl,
  INSTAMED_WEBHOOK_SECRET: webhookSecret,
  SANDBOX_WEBHOOK_URL: process.env.SANDBOX_WEBHOOK_URL ?? `http://localhost:${port}`,
  SANDBOX_WEBHOOK_SECRET: webhookSecret,
  SANDBOX_SMTP_PORT: smtpPort,
  SMTP_URL: process.env.SMTP_URL ?? `smtp://localhost:${smtpPort}`,
  // Read once, here: the API must not read it again over what this script set.
  ENV_FILE: '',
};

const children: ChildProcess[] = [];

function run(name: string, args: string[], { extraEnv = {}, ipc = false }: { extraEnv?: Record<string, string>; ipc?: boolean } = {}) {
  const child = spawn(args[0]!, args.slice(1), {
    cwd: root,
    env: { ...env, ...extraEnv },
    stdio: ipc ? ['inherit', 'inherit', 'inherit', 'ipc'] : 'inherit',
  });
  children.push(child);
  child.on('exit', (code, signal) => {
    if (stopping) return;
    console.error(`${name} stopped (${signal ?? `exit ${code}`}); stopping the rest.`);
    stop(code ?? 1);
  });
  return child;
}

let stopping = false;
function stop(code = 0) {
  stopping = true;
  for (const child of children) if (child.exitCode === null) child.kill('SIGTERM');
  setTimeout(() => process.exit(code), 2000).unref();
  const exited = children.filter((c) => c.exitCode === null).map((c) => new Promise<void>((resolve) => c.once('exit', () => resolve())));
  void Promise.all(exited).then(() => process.exit(code));
}
process.on('SIGINT', () => stop(0));
process.on('SIGTERM', () => stop(0));

// --- The web app's build -------------------------------------------------------------------

const webDir = path.join(root, 'apps/web');
const sourcesHashFile = path.join(webDir, 'dist/.vite/sources.sha256');

/** Files under `dir`, relative to the root, leaving out what no build reads (dependencies, output, dot folders). */
async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const nested = await Promise.all(
    entries
      .filter((e) => !e.name.startsWith('.') && e.name !== 'node_modules' && e.name !== 'dist')
      .map(async (e) => (e.isDirectory() ? filesUnder(path.join(dir, e.name)) : [path.relative(root, path.join(dir, e.name))])),
  );
  return nested.flat();
}

/** A hash of everything `vite build` reads: the web app, the workspace packages it imports, the lockfile and shared tsconfig. */
async function webSourcesHash(): Promise<string> {
  const pkg = JSON.parse(await readFile(path.join(webDir, 'package.json'), 'utf8')) as { dependencies?: Record<string, string> };
  const workspacePackages = await Promise.all(
    Object.entries(pkg.dependencies ?? {})
      .filter(([, version]) => version.startsWith('workspace:'))
      .map(([name]) => realpath(path.join(webDir, 'node_modules', name))),
  );
  const files = [
    ...(await filesUnder(webDir)),
    ...(await Promise.all(workspacePackages.map(filesUnder))).flat(),
    'pnpm-lock.yaml',
    'tsconfig.base.json',
  ].sort();
  const hash = createHash('sha256');
  for (const file of files)
    hash
      .update(`${file}\0`)
      .update(await readFile(path.join(root, file)))
      .update('\0');
  return hash.digest('hex');
}

/** Builds apps/web/dist, showing Vite's output only when it fails; true when built. */
function buildWebApp(sourcesHash: string): Promise<boolean> {
  const vite = path.join(webDir, 'node_modules/vite/bin/vite.js');
  const build = spawn(process.execPath, [vite, 'build'], { cwd: webDir, env: process.env, stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(build);
  let output = '';
  build.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  build.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return new Promise((resolve) => {
    build.once('exit', (code) => {
      if (code !== 0) {
        if (!stopping) console.error(`${output}\nThe web app did not build (vite build: exit ${code}).`);
        resolve(false);
        return;
      }
      void writeFile(sourcesHashFile, `${sourcesHash}\n`).then(() => resolve(true));
    });
  });
}

// --- Start ---------------------------------------------------------------------------------

const tsxArgs = (file: string) => (watch ? [path.join(root, 'node_modules/.bin/tsx'), 'watch', file] : [process.execPath, '--import', 'tsx', file]);

if (watch) {
  run('clearinghouse sandbox', tsxArgs('apps/clearinghouse-sandbox/src/main.ts'));
  run('API', tsxArgs('apps/api/src/main.ts'));
  // Hot reload: Vite serves the SPA on 5173 and proxies /graphql to the API.
  run('web (vite)', ['pnpm', '--filter', '@kinpay/web', 'dev'], { extraEnv: { API_PORT: port } });
} else {
  const sourcesHash = await webSourcesHash();
  const upToDate = existsSync(path.join(webDir, 'dist/index.html')) && (await readFile(sourcesHashFile, 'utf8').catch(() => '')).trim() === sourcesHash;
  let webBuilt = upToDate;
  let apiWaiting = false;
  console.log(upToDate ? 'The web app is built and up to date (apps/web/dist).' : 'Building the web app (its sources changed since the last build)…');

  run('clearinghouse sandbox', tsxArgs('apps/clearinghouse-sandbox/src/main.ts'));
  const api = run('API', tsxArgs('apps/api/src/main.ts'), { extraEnv: { KINPAY_WEB_BUILD: upToDate ? 'built' : 'pending' }, ipc: true });
  api.on('message', (message: { kinpay?: string }) => {
    if (message?.kinpay === 'database-ready') {
      if (webBuilt) api.send({ kinpay: 'web-built' });
      else {
        apiWaiting = true;
        console.log('The database is ready; waiting for the web app to finish building…');
      }
    } else if (message?.kinpay === 'listening') {
      console.log(`Kinpay started in ${since(started)}. Ctrl+C stops it.`);
    }
  });

  if (!upToDate) {
    const building = performance.now();
    if (await buildWebApp(sourcesHash)) {
      console.log(`Built the web app in ${since(building)}.`);
      webBuilt = true;
      if (apiWaiting && api.connected) api.send({ kinpay: 'web-built' });
    } else if (!stopping) {
      stop(1);
    }
  }
}
