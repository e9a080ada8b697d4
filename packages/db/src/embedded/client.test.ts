// The embedded database runs in its own thread. What the API relies on: the thread that serves
// requests stays free while PGlite works, and Prisma behaves as it did in-process (errors that
// map to P2002, transactions that commit or roll back whole).
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openDatabase, type Database } from '../database.ts';
import { Prisma } from '../generated/prisma/client.ts';

let db: Database;
beforeAll(async () => {
  db = await openDatabase({ memory: true });
});
afterAll(() => db.close());

it('answers another request while a long query runs', async () => {
  // What stalled the API under load (issue 8): in-process, PGlite's work holds the thread, and
  // Node neither accepts connections nor answers anything until it is done.
  const server = createServer((_req, res) => res.end('ok'));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    const order: string[] = [];
    const slow = db.prisma.$executeRawUnsafe('SELECT pg_sleep(2)').then(() => order.push('query'));
    await new Promise((resolve) => setTimeout(resolve, 200));
    const { port } = server.address() as AddressInfo;
    const answer = await fetch(`http://127.0.0.1:${port}/`).then((r) => r.text());
    order.push(`http ${answer}`);
    await slow;
    expect(order).toEqual(['http ok', 'query']);
  } finally {
    server.close();
  }
});

it("maps PostgreSQL's errors as before: a duplicate key is P2002", async () => {
  const id = '00000000-0000-4000-8000-000000000001';
  await db.prisma.practice.create({ data: { id, name: 'First' } });
  const second = db.prisma.practice.create({ data: { id, name: 'Second' } });
  await expect(second).rejects.toBeInstanceOf(Prisma.PrismaClientKnownRequestError);
  await expect(second).rejects.toMatchObject({ code: 'P2002' });
});

it('commits a transaction whole, and rolls one back whole when it throws', async () => {
  await db.prisma.$transaction(async (tx) => {
    await tx.practice.create({ data: { name: 'Committed A' } });
    await tx.practice.create({ data: { name: 'Committed B' } });
  });
  const failed = db.prisma.$transaction(async (tx) => {
    await tx.practice.create({ data: { name: 'Rolled back' } });
    throw new Error('the posting failed halfway');
  });
  await expect(failed).rejects.toThrow('the posting failed halfway');
  const names = (await db.prisma.practice.findMany({ where: { name: { in: ['Committed A', 'Committed B', 'Rolled back'] } } })).map((p) => p.name);
  expect(names.sort()).toEqual(['Committed A', 'Committed B']);
});

it('makes a query outside a transaction wait for it, then see what it committed', async () => {
  let outside: Promise<number> | undefined;
  await db.prisma.$transaction(async (tx) => {
    await tx.practice.create({ data: { name: 'Not yet committed' } });
    // PGlite has one connection: the outside query waits for the transaction to end.
    outside = db.prisma.practice.count({ where: { name: 'Not yet committed' } });
    const first = await Promise.race([outside, new Promise((resolve) => setTimeout(() => resolve('still waiting'), 100))]);
    expect(first).toBe('still waiting');
  });
  expect(await outside).toBe(1);
});

it('copies itself: a dump opens as a new database with the same rows', async () => {
  await db.prisma.practice.create({ data: { name: 'In the copy' } });
  const copy = await openDatabase({ memory: true, loadDataDir: await db.dumpDataDir!() }, { migrate: false });
  try {
    expect(await copy.prisma.practice.count({ where: { name: 'In the copy' } })).toBe(1);
  } finally {
    await copy.close();
  }
});

it('fails every later query with a reason once closed, instead of waiting forever', async () => {
  const other = await openDatabase({ memory: true, loadDataDir: await db.dumpDataDir!() }, { migrate: false });
  const { adapterFactory } = other;
  const adapter = await adapterFactory.connect();
  await other.close();
  await expect(adapter.queryRaw({ sql: 'SELECT 1', args: [], argTypes: [] })).rejects.toThrow(/The embedded database is closed/);
});

it("refuses a damaged copy with PGlite's reason instead of waiting", async () => {
  const opening = openDatabase({ memory: true, loadDataDir: new Blob(['not a tarball']) }, { migrate: false });
  await expect(opening).rejects.toThrow(/PGlite/);
});
