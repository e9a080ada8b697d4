// PatientRepository.list: the staff "owes something" count taken from CreditAccount and the keyset
// pages (with their leading lastName range) answer exactly what the patient join answers.
import type { Database } from '@kinpay/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Viewer } from '../auth/viewer.ts';
import { Prisma } from '@kinpay/db';
import { createLoaders, patientScope, patientScopeSql } from './loaders.ts';
import { openTestDatabase } from '../test/database.ts';
import { createPractice, type CreatedPractice } from '../test/scenarios.ts';
import { PatientRepository } from './patient-repository.ts';

let database: Database;
let practice: CreatedPractice;
let other: CreatedPractice;

const owes = (amountCents: number) => [{ daysAgo: 10, cptCode: '99213', amountCents, insurancePaidCents: 0, adjustmentCents: 0 }];
const paid = [{ daysAgo: 10, cptCode: '99213', amountCents: 12000, insurancePaidCents: 12000, adjustmentCents: 0 }];

beforeAll(async () => {
  database = await openTestDatabase();
  // Shared last names and first names, so pages break inside ties of (lastName, firstName).
  const names = [
    ['Ava', 'Baker'],
    ['Ava', 'Baker'],
    ['Ben', 'Baker'],
    ['Ava', 'Baker'],
    ['Cy', 'Adams'],
    ['Di', 'Adams'],
    ['Eli', 'Cruz'],
    ['Eli', 'Cruz'],
    ['Fay', 'Baker'],
    ['Gus', 'Diaz'],
    ['Hal', 'Baker'],
    ['Ivy', 'Adams'],
  ];
  practice = await createPractice(database.prisma, {
    name: 'Repo Pediatrics',
    users: { billing: { role: 'BILLING' }, parent: { role: 'PARENT' } },
    patients: Object.fromEntries(
      names.map(([firstName, lastName], i) => [
        `p${i}`,
        {
          firstName: firstName!,
          lastName: lastName!,
          dateOfBirth: '2018-01-01',
          guardians: i < 3 ? ['parent'] : [],
          charges: i % 3 === 2 ? paid : owes(1000 + i),
        },
      ]),
    ),
  });
  other = await createPractice(database.prisma, {
    name: 'Next Door Pediatrics',
    users: { billing: { role: 'BILLING' } },
    patients: { x: { firstName: 'Ava', lastName: 'Baker', dateOfBirth: '2018-01-01', guardians: [], charges: owes(500) } },
  });
});
afterAll(() => database?.close());

function viewer(p: CreatedPractice, user: string, role: Viewer['role']): Viewer {
  return { userId: p.users[user]!.id, practiceId: p.practiceId, role, email: p.users[user]!.email, firstName: 'T', lastName: 'T', sessionId: 's' };
}

const repository = (db: Database['prisma'], who: Viewer) => new PatientRepository(db, who, createLoaders(db, who));

/** Every page of `first` through the list, as ids, with each page's totalCount. */
async function allPages(repo: PatientRepository, args: { hasBalance?: boolean; search?: string }, first: number) {
  const ids: string[] = [];
  const counts = new Set<number>();
  let after: string | null = null;
  for (;;) {
    const page: Awaited<ReturnType<PatientRepository['list']>> = await repo.list({ ...args, first, after });
    ids.push(...page.nodes.map((n) => n.id));
    counts.add(page.totalCount);
    if (!page.pageInfo.hasNextPage) return { ids, counts: [...counts] };
    after = page.pageInfo.endCursor;
  }
}

describe('PatientRepository.list', () => {
  it('counts and pages staff "owes something" lists exactly as the patient join does', async () => {
    const db = database.prisma;
    const repo = repository(db, viewer(practice, 'billing', 'BILLING'));
    const expected = (
      await db.patient.findMany({
        where: { practiceId: practice.practiceId, creditAccount: { is: { balanceDueCents: { gt: 0 } } } },
        orderBy: [{ lastName: 'asc' }, { firstName: 'asc' }, { id: 'asc' }],
        select: { id: true },
      })
    ).map((p) => p.id);
    expect(expected).toHaveLength(8);
    for (const first of [1, 2, 3, 5, 25]) {
      expect(await allPages(repo, { hasBalance: true }, first)).toEqual({ ids: expected, counts: [8] });
    }
  });

  it('pages every patient once across ties, with and without a search', async () => {
    const db = database.prisma;
    const repo = repository(db, viewer(practice, 'billing', 'BILLING'));
    const all = (
      await db.patient.findMany({ where: { practiceId: practice.practiceId }, orderBy: [{ lastName: 'asc' }, { firstName: 'asc' }, { id: 'asc' }] })
    ).map((p) => p.id);
    for (const first of [1, 2, 4]) expect(await allPages(repo, {}, first)).toEqual({ ids: all, counts: [12] });
    const bakers = await allPages(repo, { hasBalance: true, search: 'baker' }, 2);
    expect(bakers.counts).toEqual([4]);
    expect(bakers.ids).toHaveLength(4);
  });

  it("counts only the parent's own children for a parent", async () => {
    const repo = repository(database.prisma, viewer(practice, 'parent', 'PARENT'));
    const page = await repo.list({ hasBalance: true });
    expect(page.totalCount).toBe(2);
    expect(page.nodes.map((n) => n.id).sort()).toEqual([practice.patients.p0!.id, practice.patients.p1!.id].sort());
  });

  it("counts only the staff member's own practice", async () => {
    const repo = repository(database.prisma, viewer(other, 'billing', 'BILLING'));
    expect((await repo.list({ hasBalance: true })).totalCount).toBe(1);
  });

  it('a search is literal text: %, _ and \\ match only themselves', async () => {
    const repo = repository(database.prisma, viewer(practice, 'billing', 'BILLING'));
    for (const term of ['%', '_', '\\', 'B%r', 'Bak_r']) expect((await repo.list({ search: term })).totalCount, term).toBe(0);
    expect((await repo.list({ search: 'bAkEr' })).totalCount).toBe(6);
    expect((await repo.list({ search: practice.patients.p4!.accountNumber.slice(0, 3) })).totalCount).toBeGreaterThan(0);
  });
});

describe('the patient scope, as Prisma and as SQL', () => {
  it('selects the same patients for a parent, staff, and staff of another practice; a parent never sees another family', async () => {
    const db = database.prisma;
    const viewers = [
      viewer(practice, 'parent', 'PARENT'),
      viewer(practice, 'billing', 'BILLING'),
      viewer(other, 'billing', 'BILLING'),
      // A parent's user ID against the other practice: the practice must match too.
      { ...viewer(practice, 'parent', 'PARENT'), practiceId: other.practiceId },
    ];
    const sizes: number[] = [];
    for (const who of viewers) {
      const byPrisma = (await db.patient.findMany({ where: patientScope(who), select: { id: true } })).map((p) => p.id).sort();
      const bySql = (await db.$queryRaw<{ id: string }[]>(Prisma.sql`SELECT p.id FROM "Patient" p WHERE ${patientScopeSql(who)}`)).map((p) => p.id).sort();
      expect(bySql, who.role).toEqual(byPrisma);
      sizes.push(bySql.length);
    }
    expect(sizes).toEqual([3, 12, 1, 0]);
  });
});
