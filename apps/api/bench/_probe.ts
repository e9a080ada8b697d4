import pg from 'pg';
const captured: { text: string; values: unknown[] }[] = [];
const orig = pg.Pool.prototype.query as any;
(pg.Pool.prototype as any).query = function (this: unknown, ...args: any[]) {
  const cfg = args[0];
  if (typeof cfg === 'object' && cfg?.text) captured.push({ text: cfg.text, values: cfg.values });
  return orig.apply(this, args);
};
const { openDatabase } = await import('@kinpay/db');
const { PatientRepository } = await import('../src/access/patient-repository.ts');
const url = 'postgres://postgres@127.0.0.1:5432/kinpay_bench';
const db = await openDatabase({ databaseUrl: url }, { migrate: false });
const billing = await db.prisma.user.findUniqueOrThrow({ where: { email: 'billing@bench.kinpay.test' } });
const viewer = { userId: billing.id, practiceId: billing.practiceId, role: billing.role, email: billing.email, firstName: '', lastName: '', sessionId: 'x' };
const repo = new PatientRepository(db.prisma, viewer as any);
const p1 = await repo.list({ hasBalance: true, first: 25 });
const mode = process.argv[2] ?? 'page1';
captured.length = 0;
if (mode === 'family') {
  const parent = await db.prisma.user.findUniqueOrThrow({ where: { email: 'parent@bench.kinpay.test' } });
  const r2 = new PatientRepository(db.prisma, { ...viewer, userId: parent.id, role: 'PARENT' } as any);
  const l = await r2.list({ first: 100 });
  await Promise.all(l.edges.map((e: any) => r2.charges(e.node, { includePaid: false })));
} else if (mode === 'page1') await repo.list({ hasBalance: true, first: 25 });
else { const p2 = await repo.list({ hasBalance: true, first: 25, after: p1.pageInfo.endCursor }); captured.length = 0; await repo.list({ hasBalance: true, first: 25, after: p2.pageInfo.endCursor }); }
const client = new pg.Pool({ connectionString: url, max: 1 });

for (const q of captured) {
  console.log('\n=== SQL:', q.text, '\n--- values:', JSON.stringify(q.values));
  const r = await orig.call(client, { text: `EXPLAIN (ANALYZE, BUFFERS) ${q.text}`, values: q.values });
  console.log(r.rows.map((x: any) => x['QUERY PLAN']).join('\n'));
}
await client.end();
await db.close();
