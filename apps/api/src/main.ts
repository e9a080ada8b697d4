// Starts the API: validates config, opens and migrates the database, seeds the demo practice
// on first start (outside production), and serves the SPA, /graphql, /graphiql and /healthz.
import { openDatabase } from '@kinpay/db';
import { loadConfig } from './config.ts';
import { DEMO_LOGINS, DEMO_PASSWORD, hasAnyPractice, seedDemoPractice } from './seed/demo-practice.ts';
import { createApiServer } from './server.ts';

const config = loadConfig();
const db = await openDatabase(config.database);
if (config.seedDemo && !(await hasAnyPractice(db.prisma))) {
  const seeded = await seedDemoPractice(db.prisma);
  console.log(`Seeded the demo practice: ${seeded.patients} patients, ${seeded.charges} charges.`);
}
const server = await createApiServer(config, db.prisma);
const port = await server.listen();
const origin = `http://localhost:${port}`;
console.log(
  [
    '',
    `Kinpay is running (${db.kind === 'pglite' ? `embedded database in ${config.dataDir}` : 'PostgreSQL server'}).`,
    `  Portal:      ${origin}/`,
    `  GraphQL:     ${origin}/graphql`,
    config.graphiql ? `  Playground:  ${origin}/graphiql` : '  Playground:  off (GRAPHIQL_ENABLED)',
    `  Health:      ${origin}/healthz`,
    ...(config.seedDemo ? ['', `Demo logins (password ${DEMO_PASSWORD}):`, ...DEMO_LOGINS.map((l) => `  ${l.email.padEnd(32)} ${l.note}`)] : []),
    '',
  ].join('\n'),
);

let stopping = false;
async function stop() {
  if (stopping) return;
  stopping = true;
  await server.close();
  await db.close();
  process.exit(0);
}
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    stop().catch((error: unknown) => {
      console.error('Kinpay did not stop cleanly:', error);
      process.exit(1);
    });
  });
}
