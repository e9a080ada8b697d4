// All configuration comes from the environment, validated once at start-up: a bad value stops
// the process with the variable's name, instead of failing later in front of a parent.
import { existsSync, readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseEnv } from 'node:util';
import { z } from 'zod';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

/** The repository's .env, unless ENV_FILE names another file (empty: none). */
export function envFilePath(env: NodeJS.ProcessEnv = process.env): string | null {
  if (env.ENV_FILE === undefined) return path.join(repoRoot, '.env');
  return env.ENV_FILE.trim() === '' ? null : path.resolve(env.ENV_FILE);
}

/**
 * Adds the variables of the .env file (when there is one) to `env`, before validation. A variable
 * already set in the real environment wins over the file, as with Node's --env-file. Returns the
 * file read, or null.
 */
export function loadEnvFile(env: NodeJS.ProcessEnv = process.env, file = envFilePath(env)): string | null {
  if (!file || !existsSync(file)) return null;
  for (const [name, value] of Object.entries(parseEnv(readFileSync(file, 'utf8')))) {
    if (env[name] === undefined) env[name] = value;
  }
  return file;
}

/**
 * Ports browsers refuse to open (net::ERR_UNSAFE_PORT): Chromium's kRestrictedPorts
 * (net/base/port_util.cc) and the Fetch standard's "bad port" list, which Firefox, Safari and
 * Node's fetch follow (it adds 4190 and 6679). A portal on one of them starts but no one can reach it.
 */
export const UNSAFE_PORTS: ReadonlySet<number> = new Set([
  1, 7, 9, 11, 13, 15, 17, 19, 20, 21, 22, 23, 25, 37, 42, 43, 53, 69, 77, 79, 87, 95, 101, 102, 103, 104, 109, 110, 111, 113, 115, 117, 119, 123, 135, 137,
  139, 143, 161, 179, 389, 427, 465, 512, 513, 514, 515, 526, 530, 531, 532, 540, 548, 554, 556, 563, 587, 601, 636, 989, 990, 993, 995, 1719, 1720, 1723, 2049,
  3659, 4045, 4190, 5060, 5061, 6000, 6566, 6665, 6666, 6667, 6668, 6669, 6679, 6697, 10080,
]);

/** Why `port` will not do for a page, or null when it will. */
export function unsafePortMessage(variable: string, port: number, suggestion: number): string | null {
  return UNSAFE_PORTS.has(port) ? `${variable} ${port} is a port browsers refuse to open (ERR_UNSAFE_PORT); pick another, e.g. ${suggestion}` : null;
}

const port = (variable: string, suggestion: number) =>
  z.coerce
    .number()
    .int()
    .min(0)
    .max(65535)
    .superRefine((value, ctx) => {
      const message = unsafePortMessage(variable, value, suggestion);
      if (message) ctx.addIssue({ code: 'custom', message });
    });

const flag = z
  .enum(['true', 'false', '1', '0'])
  .transform((v) => v === 'true' || v === '1')
  .optional();

const schema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: port('PORT', 4000).default(4000),
  HOST: z.string().default('0.0.0.0'),
  /** postgres://… selects a PostgreSQL server; unset selects embedded PGlite under DATA_DIR. */
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must start with postgres://')
    .optional(),
  /** Connections each API process (each worker) keeps to the PostgreSQL server at most. */
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(1000).default(10),
  /** With DATABASE_URL: API processes sharing the port (1 = no cluster); default one per core. PGlite always runs one. */
  API_WORKERS: z.coerce.number().int().min(1).max(64).optional(),
  DATA_DIR: z.string().default(path.join(repoRoot, 'data')),
  /** Seeds the demo practice on first start when the database has no practice yet. */
  SEED_DEMO: flag,
  SESSION_IDLE_MINUTES: z.coerce.number().int().positive().default(30),
  SESSION_MAX_HOURS: z.coerce.number().int().positive().default(12),
  COOKIE_SECURE: flag,
  GRAPHQL_INTROSPECTION: flag,
  GRAPHIQL_ENABLED: flag,
  INSTAMED_BASE_URL: z.url().optional(),
  WAYSTAR_PAYMENT_URL_TEMPLATE: z.string().optional(),
  /** The local clearinghouse sandbox's origin, when the demo runs one. */
  SANDBOX_URL: z.url().optional(),
  /** The clearinghouse report feed; the sandbox's when it runs. */
  CLEARINGHOUSE_REPORTS_URL: z.url().optional(),
  /** Drop folder for report files; default <DATA_DIR>/inbox. */
  REPORTS_INBOX: z.string().optional(),
  /** Report files larger than this are refused before they are read (kept on disk, reported FAILED). */
  REPORTS_MAX_BYTES: z.coerce
    .number()
    .int()
    .positive()
    .default(20 * 1024 * 1024),
  /** Longest one report may take to read in the reader thread. */
  REPORT_READ_TIMEOUT_SECONDS: z.coerce.number().int().positive().default(120),
  /** Heap of the reader thread, in MB. */
  REPORT_READ_MEMORY_MB: z.coerce.number().int().min(64).default(2048),
  /** Behind a reverse proxy: Express's "trust proxy" setting (e.g. 1, loopback), so client addresses come from X-Forwarded-For. */
  TRUST_PROXY: z.string().optional(),
  /** Shared secret InstaMed's webhook sends (HTTP Basic password or Bearer); unset turns the webhook off. */
  INSTAMED_WEBHOOK_SECRET: z.string().min(16, 'must be at least 16 characters').optional(),
  /** e.g. smtp://localhost:2525; unset keeps emails queued. */
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, 'must start with smtp:// or smtps://')
    .optional(),
  MAIL_FROM: z.string().default('Kinpay <no-reply@kinpay.test>'),
  /** How often the Agent checks whether a practice is due; false turns it off in this process. */
  AGENT_ENABLED: flag,
  AGENT_TICK_SECONDS: z.coerce.number().int().positive().default(30),
  /** The built SPA; served on the same origin as /graphql. */
  WEB_DIST: z.string().default(path.join(repoRoot, 'apps/web/dist')),
});

export type Config = ReturnType<typeof loadConfig>;

export function loadConfig(env: NodeJS.ProcessEnv = process.env) {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => {
      const name = i.path.join('.');
      // Messages that already start with the variable's name read better without it twice.
      return i.message.startsWith(`${name} `) ? `  ${i.message}` : `  ${name}: ${i.message}`;
    });
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  const production = e.NODE_ENV === 'production';
  const database: { databaseUrl: string; poolSize: number } | { dataDir: string } = e.DATABASE_URL
    ? { databaseUrl: e.DATABASE_URL, poolSize: e.DATABASE_POOL_SIZE }
    : { dataDir: e.DATA_DIR };
  return {
    production,
    port: e.PORT,
    host: e.HOST,
    database,
    /** API processes to run: API_WORKERS (default one per core) on a PostgreSQL server; PGlite is one process's files, so 1. */
    workers: e.DATABASE_URL ? (e.API_WORKERS ?? availableParallelism()) : 1,
    /** What API_WORKERS asked for, to say so when PGlite overrides it. */
    workersRequested: e.API_WORKERS,
    dataDir: e.DATA_DIR,
    /** Where a migrated, empty embedded database is kept, so the next new one is a copy (packages/db). */
    embeddedTemplateDir: path.join(repoRoot, 'node_modules', '.cache', 'kinpay'),
    seedDemo: e.SEED_DEMO ?? !production,
    session: { idleMinutes: e.SESSION_IDLE_MINUTES, maxHours: e.SESSION_MAX_HOURS },
    cookieSecure: e.COOKIE_SECURE ?? production,
    introspection: e.GRAPHQL_INTROSPECTION ?? !production,
    graphiql: e.GRAPHIQL_ENABLED ?? !production,
    clearinghouses: {
      instamedBaseUrl: e.INSTAMED_BASE_URL,
      waystarPaymentUrlTemplate: e.WAYSTAR_PAYMENT_URL_TEMPLATE,
      sandboxUrl: e.SANDBOX_URL,
    },
    ebilling: {
      reportsFeedUrl: e.CLEARINGHOUSE_REPORTS_URL ?? e.SANDBOX_URL,
      inbox: e.REPORTS_INBOX ?? path.join(e.DATA_DIR, 'inbox'),
      maxReportBytes: e.REPORTS_MAX_BYTES,
      readTimeoutMs: e.REPORT_READ_TIMEOUT_SECONDS * 1000,
      readMemoryMb: e.REPORT_READ_MEMORY_MB,
      webhookSecret: e.INSTAMED_WEBHOOK_SECRET,
      smtpUrl: e.SMTP_URL,
      mailFrom: e.MAIL_FROM,
      agentEnabled: e.AGENT_ENABLED ?? e.NODE_ENV !== 'test',
      agentTickMs: e.AGENT_TICK_SECONDS * 1000,
    },
    webDist: e.WEB_DIST,
    trustProxy: parseTrustProxy(e.TRUST_PROXY),
  };
}

/** Express's trust proxy: a hop count, true/false, or addresses and subnets. */
function parseTrustProxy(value: string | undefined): boolean | number | string {
  if (value === undefined || value === '' || value === 'false') return false;
  if (value === 'true') return true;
  return /^\d+$/.test(value) ? Number(value) : value;
}
