// All configuration comes from the environment, validated once at start-up: a bad value stops
// the process with the variable's name, instead of failing later in front of a parent.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

const flag = z
  .enum(['true', 'false', '1', '0'])
  .transform((v) => v === 'true' || v === '1')
  .optional();

const schema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(4000),
  HOST: z.string().default('0.0.0.0'),
  /** postgres://… selects a PostgreSQL server; unset selects embedded PGlite under DATA_DIR. */
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must start with postgres://')
    .optional(),
  /** Connections this process keeps to the PostgreSQL server at most. */
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(1000).default(10),
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
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  const production = e.NODE_ENV === 'production';
  return {
    production,
    port: e.PORT,
    host: e.HOST,
    database: e.DATABASE_URL ? { databaseUrl: e.DATABASE_URL, poolSize: e.DATABASE_POOL_SIZE } : { dataDir: e.DATA_DIR },
    dataDir: e.DATA_DIR,
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
