// One origin serves everything: the SPA, /graphql, the /graphiql playground and /healthz.
import http from 'node:http';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import { createClearinghouses } from '@kinpay/clearinghouse';
import type { PrismaClient } from '@kinpay/db';
import { parse as parseCookies } from 'cookie';
import express from 'express';
import { SESSION_COOKIE, resolveSession } from './auth/sessions.ts';
import { startAgent, type Agent } from './ebilling/agent.ts';
import { createMailer } from './ebilling/notifications.ts';
import { createReportReader } from './ebilling/reading/report-reader.ts';
import { streamReportContent } from './ebilling/reports.ts';
import { webhookRouter } from './ebilling/webhook.ts';
import { SignInLimiter } from './auth/sign-in-limiter.ts';
import type { Config } from './config.ts';
import { createContext, type AppServices, type GraphQLContext, type SessionCookie } from './context.ts';
import { costLimitPlugin, type CostLimitOptions } from './graphql/cost-limit.ts';
import { formatError } from './graphql/errors.ts';
import { buildSchema } from './graphql/schema.ts';
import { serveWebApp } from './static-files.ts';

/**
 * Limits after GraphQL Armor's defaults (RedwoodJS uses them too). Depth 8 fits the portal's
 * deepest query (patients > edges > node > charges > amount > formatted); fragments count by
 * their fields, not as extra levels, so colocated fragments cost nothing extra. A gentler depth
 * factor than Armor's 1.5 and a budget of 20,000 leave the parent's family query room.
 * web-operations.test.ts checks every operation of the SPA against these limits.
 */
export const COST_LIMIT: CostLimitOptions = { maxCost: 20000, depthCostFactor: 1.2 };

export function graphqlLimits(config: Pick<Config, 'production'>) {
  return new ApolloArmor({
    maxDepth: { n: 8, flattenFragments: true },
    maxAliases: { n: 15 },
    // The cost limit is ours (graphql/cost-limit.ts): it counts pages passed as variables.
    costLimit: { enabled: false },
    maxDirectives: { n: 50 },
    maxTokens: { n: 2000 },
    blockFieldSuggestion: { enabled: config.production },
  }).protect();
}

export interface ApiServer {
  app: express.Express;
  httpServer: http.Server;
  services: AppServices;
  /** Starts listening; resolves with the bound port. */
  listen(port?: number, host?: string): Promise<number>;
  close(): Promise<void>;
}

export async function createApiServer(config: Config, db: PrismaClient): Promise<ApiServer> {
  const reader = createReportReader({ timeoutMs: config.ebilling.readTimeoutMs, maxMemoryMb: config.ebilling.readMemoryMb });
  const services: AppServices = {
    db,
    config,
    clearinghouses: createClearinghouses(config.clearinghouses),
    // Failures counted in the database, so every worker and instance counts the same ones.
    signInLimiter: new SignInLimiter({ db }),
    ebilling: {
      fetchOptions: {
        reportsFeedUrl: config.ebilling.reportsFeedUrl,
        inbox: config.ebilling.inbox,
        maxReportBytes: config.ebilling.maxReportBytes,
        reader,
      },
      mailer: createMailer(db, config.ebilling.smtpUrl, config.ebilling.mailFrom),
    },
  };
  const agent: Agent | null = config.ebilling.agentEnabled
    ? startAgent(db, { ...services.ebilling.fetchOptions, mailer: services.ebilling.mailer, tickMs: config.ebilling.agentTickMs })
    : null;

  const app = express();
  app.disable('x-powered-by');
  // Behind a proxy the client address comes from X-Forwarded-For; set TRUST_PROXY there.
  app.set('trust proxy', config.trustProxy);
  const httpServer = http.createServer(app);

  const armor = graphqlLimits(config);

  const schema = buildSchema();
  const apollo = new ApolloServer<GraphQLContext>({
    schema,
    introspection: config.introspection,
    formatError,
    includeStacktraceInErrorResponses: false,
    allowBatchedHttpRequests: false,
    validationRules: armor.validationRules,
    // Apollo's cache-control plugin (on by default) wraps every field resolver to compute cache
    // hints nobody reads: /graphql answers are never cached (Cache-Control: no-store below).
    plugins: [...armor.plugins, costLimitPlugin(() => schema, COST_LIMIT), ApolloServerPluginLandingPageDisabled(), ApolloServerPluginCacheControlDisabled()],
    // main.ts owns shutdown (agent, HTTP, database); Apollo's own signal handlers made stop() hang.
    stopOnTerminationSignals: false,
  });
  await apollo.start();

  app.use((_req, res, next) => {
    res.setHeader('X-Content-Type-Options', 'nosniff');
    // Pages never tell the clearinghouse (or anyone) which portal page a parent came from.
    res.setHeader('Referrer-Policy', 'no-referrer');
    res.setHeader('X-Frame-Options', 'DENY');
    next();
  });

  app.get('/healthz', async (_req, res) => {
    try {
      await db.$queryRaw`SELECT 1`;
      res.json({ ok: true });
    } catch (error) {
      console.error('[healthz] the database does not answer:', error instanceof Error ? error.message : error);
      res.status(503).json({ ok: false });
    }
  });

  // Completion notices from InstaMed: stored before answering 200, so retries are harmless.
  app.use('/webhooks', webhookRouter(db, config.ebilling.webhookSecret));

  // The raw report file, for billing staff only: it lists many families' payments.
  app.get('/ebilling/reports/:id/raw', async (req, res) => {
    const viewer = await resolveSession(db, parseCookies(req.headers.cookie ?? '')[SESSION_COOKIE], config);
    if (!viewer) return void res.status(401).type('text').send('Please sign in.');
    if (viewer.role === 'PARENT') return void res.status(403).type('text').send('Only practice staff can download reports.');
    const report = /^[0-9a-f-]{36}$/i.test(req.params.id)
      ? await db.remittanceReport.findFirst({
          where: { id: req.params.id, practiceId: viewer.practiceId },
          select: { id: true, fileName: true, contentKept: true, status: true },
        })
      : null;
    if (!report?.contentKept || report.status === 'RECEIVING') return void res.status(404).type('text').send('No such report.');
    res.setHeader('Cache-Control', 'no-store');
    // The bytes as received, piece by piece; the name cut short and made safe for a header.
    const name = report.fileName.replace(/[^\w.-]+/g, '_').slice(-120) || 'report.txt';
    res.attachment(name).type('application/octet-stream');
    await streamReportContent(
      db,
      report.id,
      (piece) => new Promise<void>((resolve, reject) => res.write(piece, (error) => (error ? reject(error) : resolve()))),
    );
    res.end();
  });

  app.use(
    '/graphql',
    express.json({ limit: '100kb' }),
    (_req, res, next) => {
      // Responses hold patient data: never cached by browsers or proxies.
      res.setHeader('Cache-Control', 'no-store');
      next();
    },
    expressMiddleware(apollo, {
      context: async ({ req, res }) => {
        const token = parseCookies(req.headers.cookie ?? '')[SESSION_COOKIE];
        const cookie: SessionCookie = {
          token,
          set(value, expiresAt) {
            res.cookie(SESSION_COOKIE, value, {
              httpOnly: true,
              sameSite: 'lax',
              secure: config.cookieSecure,
              path: '/',
              expires: expiresAt,
            });
          },
          clear() {
            res.clearCookie(SESSION_COOKIE, { httpOnly: true, sameSite: 'lax', secure: config.cookieSecure, path: '/' });
          },
        };
        const viewer = await resolveSession(db, token, config);
        if (token && !viewer) cookie.clear();
        return createContext(services, { viewer, cookie, clientAddress: req.ip ?? 'unknown' });
      },
    }),
  );

  // The built web app: precompressed (brotli, gzip) by Accept-Encoding, hashed assets cached for
  // good, pages revalidated (static-files.ts).
  const webApp = serveWebApp(config.webDist);
  const graphiqlPage = webApp.page('graphiql.html');
  app.get('/graphiql', (req, res, next) => {
    if (!config.graphiql) {
      res.status(404).type('text').send('The GraphQL playground is turned off on this server (GRAPHIQL_ENABLED).');
    } else {
      graphiqlPage(req, res, next);
    }
  });

  // The SPA: static assets, and index.html for every other page so client routes deep-link. A
  // missing /assets/ file is a 404, not the app: a tab left open across a deploy then fails to load
  // the old chunk cleanly and offers to reload.
  app.use(webApp.files);
  app.get(/^\/(?!(?:graphql|healthz|graphiql|webhooks|assets)(?:\/|$)|ebilling\/reports\/[^/]+\/raw$).*/, webApp.page('index.html'));

  return {
    app,
    httpServer,
    services,
    listen(port = config.port, host = config.host) {
      return new Promise((resolve, reject) => {
        httpServer.once('error', reject);
        httpServer.listen(port, host, () => {
          const address = httpServer.address();
          resolve(typeof address === 'object' && address ? address.port : port);
        });
      });
    },
    async close() {
      // Stop taking requests first, let in-flight ones finish, then stop the Agent and Apollo.
      const closed = httpServer.listening ? new Promise<void>((resolve) => httpServer.close(() => resolve())) : Promise.resolve();
      httpServer.closeIdleConnections();
      const drainTimer = setTimeout(() => httpServer.closeAllConnections(), 5_000);
      await closed;
      clearTimeout(drainTimer);
      await agent?.stop();
      await apollo.stop();
      await reader.close();
    },
  };
}
