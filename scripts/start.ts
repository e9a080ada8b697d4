// `pnpm start`: the whole product on one machine with the embedded database: the clearinghouse
// sandbox (SANDBOX_PORT, default 4100) and the API serving the built SPA (PORT, default 4000).
// Pay Now points at the sandbox unless INSTAMED_BASE_URL / WAYSTAR_PAYMENT_URL_TEMPLATE are set;
// the sandbox also serves the report feed, sends InstaMed-style notices to the portal's webhook,
// and captures the emails the portal sends (read them at <sandbox>/mail).
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const port = process.env.PORT ?? '4000';
const sandboxPort = process.env.SANDBOX_PORT ?? '4100';
const sandboxUrl = `http://localhost:${sandboxPort}`;
const smtpPort = process.env.SANDBOX_SMTP_PORT ?? '2525';
// One secret per run, shared by the sandbox (sender) and the API (webhook receiver).
const webhookSecret = process.env.INSTAMED_WEBHOOK_SECRET ?? randomBytes(24).toString('hex');
const watch = process.argv.includes('--watch');

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
};

const tsx = path.join(root, 'node_modules/.bin/tsx');
const children: ChildProcess[] = [];

function run(name: string, args: string[], extraEnv: Record<string, string> = {}) {
  const child = spawn(args[0]!, args.slice(1), { cwd: root, env: { ...env, ...extraEnv }, stdio: 'inherit' });
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

const tsxArgs = (file: string) => (watch ? [tsx, 'watch', file] : [tsx, file]);
run('clearinghouse sandbox', tsxArgs('apps/clearinghouse-sandbox/src/main.ts'));
run('API', tsxArgs('apps/api/src/main.ts'));
if (watch) {
  // Hot reload: Vite serves the SPA on 5173 and proxies /graphql to the API.
  run('web (vite)', ['pnpm', '--filter', '@kinpay/web', 'dev'], { API_PORT: port });
}
