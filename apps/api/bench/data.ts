// The benchmark practice: one parent (three children with open charges), one billing user, and
// random families from the demo generator up to the requested patient count (~10 charges each).
import { randomUUID } from 'node:crypto';
import type { Prisma, PrismaClient } from '@kinpay/db';
import { hashPassword } from '../src/auth/passwords.ts';
import { claimClearinghouseId } from '../src/ebilling/accounts.ts';
import { addPatient, addRandomFamilies, emptyRows, insertRows, prng, type ChargeSpec, type PracticeRows } from '../src/seed/practice-generator.ts';

export const BENCH_PASSWORD = 'Bench-Pass-2026!';
export const PARENT_EMAIL = 'parent@bench.kinpay.test';
export const BILLING_EMAIL = 'billing@bench.kinpay.test';
export const PRACTICE_NAME = 'Kinpay Bench Pediatrics';
/** Bump when the generated data changes, so a cached database is not reused. */
const DATA_VERSION = 2;
/** ~2.36 charges per visit (primary service + distinct extras), so [2, 7] gives ~10.6 charges per patient. */
export const VISITS_PER_PATIENT: [number, number] = [2, 7];
/** Patients generated (and inserted) per batch, to bound memory and show progress. */
const BATCH = 10_000;
const fmt = (n: number) => n.toLocaleString('en-US');

/** Runs one SQL statement with positional parameters; returns its rows (if any). */
export type Query = (sql: string, params: unknown[]) => Promise<Record<string, unknown>[]>;

// Prisma's createMany costs ~0.3 ms of client CPU per row here (2,000 charges: ~60 ms in PostgreSQL,
// ~1 s in all), i.e. ~8 minutes for the 2M rows; the bulk load sends the same kind of multi-row
// INSERT that createMany sends, built here. Columns come from the rows and the table's catalog
// (so the loader follows the schema); the values Prisma fills in on the client for columns the rows
// leave out (`@default(uuid())` ids, `@updatedAt`) are filled in the same way.
const TABLES: [keyof PracticeRows, string][] = [
  ['guardians', 'Guardian'],
  ['patients', 'Patient'],
  ['links', 'PatientGuardian'],
  ['creditAccounts', 'CreditAccount'],
  ['charges', 'Charge'],
  ['payments', 'Payment'],
  ['applications', 'PaymentApplication'],
];

export interface CatalogColumn {
  name: string;
  type: string;
  required: boolean;
}

export async function catalog(query: Query, table: string): Promise<Map<string, CatalogColumn>> {
  const rows = await query(
    `SELECT a.attname AS name, format_type(a.atttypid, a.atttypmod) AS type,
            (a.attnotnull AND NOT a.atthasdef) AS required
     FROM pg_attribute a
     WHERE a.attrelid = to_regclass($1) AND a.attnum > 0 AND NOT a.attisdropped`,
    [`"${table}"`],
  );
  if (!rows.length) throw new Error(`table ${table} not found`);
  return new Map(rows.map((r) => [String(r.name), { name: String(r.name), type: String(r.type), required: Boolean(r.required) }]));
}

function sqlValue(value: unknown, type: string) {
  if (!(value instanceof Date)) return value ?? null;
  // Dates as UTC strings (what Prisma stores), never in the process's local time zone.
  return type === 'date' ? value.toISOString().slice(0, 10) : value.toISOString();
}

export interface Statement {
  text: string;
  params: unknown[];
}

/**
 * Multi-row INSERTs of `list` into `table` (columns from the catalog), up to ~30,000 parameters
 * each. Values Prisma fills in on the client for columns the rows leave out (`@default(uuid())`
 * ids, `@updatedAt`) are filled in the same way.
 */
export function insertStatements(columns: Map<string, CatalogColumn>, table: string, list: Record<string, unknown>[]): Statement[] {
  if (!list.length) return [];
  const names = new Set(list.flatMap((row) => Object.keys(row)));
  for (const name of names) if (!columns.has(name)) throw new Error(`${table} has no column ${name}`);
  const fill = new Map<string, () => unknown>();
  for (const column of columns.values()) {
    if (!column.required || names.has(column.name)) continue;
    if (column.name === 'id' && column.type === 'uuid') fill.set(column.name, randomUUID);
    else if (column.name === 'updatedAt') fill.set(column.name, () => new Date());
    else throw new Error(`${table}.${column.name} is required and the generated rows leave it out`);
  }
  const use = [...names, ...fill.keys()].map((name) => columns.get(name)!);
  const perStatement = Math.floor(30_000 / use.length);
  const statements: Statement[] = [];
  for (let i = 0; i < list.length; i += perStatement) {
    const params: unknown[] = [];
    const tuples = list.slice(i, i + perStatement).map((row) => {
      const placeholders = use.map(({ name, type }) => {
        params.push(sqlValue(name in row ? row[name] : fill.get(name)?.(), type));
        return `$${params.length}::${type}`;
      });
      return `(${placeholders.join(',')})`;
    });
    statements.push({ text: `INSERT INTO "${table}" (${use.map((c) => `"${c.name}"`).join(',')}) VALUES ${tuples.join(',')}`, params });
  }
  return statements;
}

/** Inserts the rows in dependency order (as insertRows does) with multi-row INSERTs of up to ~30,000 parameters. */
export async function insertRowsSql(query: Query, rows: PracticeRows) {
  const unknown = Object.keys(rows).filter((key) => !TABLES.some(([k]) => k === key));
  if (unknown.length) throw new Error(`insertRowsSql does not know where to insert ${unknown.join(', ')}`);
  for (const [key, table] of TABLES) {
    const list = rows[key] as object[] as Record<string, unknown>[];
    if (!list.length) continue;
    for (const { text, params } of insertStatements(await catalog(query, table), table, list)) await query(text, params);
  }
}

export interface BenchPractice {
  practiceId: string;
  parentUserId: string;
  billingUserId: string;
  counts: Record<string, number>;
}

/** A parent login added on top of the practice (`logins.parents`): its children, to check what it sees. */
export interface ParentLogin {
  email: string;
  patientIds: string[];
}

/** Emails of the extra logins (all with BENCH_PASSWORD). */
export const parentLoginEmail = (n: number) => `parent${n}@bench.kinpay.test`;
export const staffLoginEmail = (n: number) => `billing${n}@bench.kinpay.test`;

const visit = (
  daysAgo: number,
  cptCode: string,
  amountCents: number,
  insurancePaidCents: number,
  adjustmentCents: number,
  patientPaidCents = 0,
): ChargeSpec => ({
  daysAgo,
  cptCode,
  amountCents,
  insurancePaidCents,
  adjustmentCents,
  patientPaidCents,
});

/** The parent's three children: a year or two of visits each, the recent ones still open. */
const FAMILY: { firstName: string; dateOfBirth: string; charges: ChargeSpec[] }[] = [
  {
    firstName: 'Ada',
    dateOfBirth: '2016-04-12',
    charges: [
      visit(610, '99393', 21500, 15000, 3000, 3500),
      visit(610, '99173', 2500, 2000, 500),
      visit(420, '99213', 12000, 7000, 2000, 3000),
      visit(420, '87880', 4500, 3000, 1500),
      visit(240, '99393', 21500, 16000, 3000, 2500),
      visit(240, '90686', 3800, 3000, 800),
      visit(60, '99214', 18000, 10000, 3000),
      visit(60, '87880', 4500, 0, 1000),
      visit(9, '99213', 12000, 8000, 2000),
      visit(9, '92551', 2000, 0, 0),
    ],
  },
  {
    firstName: 'Ben',
    dateOfBirth: '2020-09-30',
    charges: [
      visit(700, '99392', 21000, 17000, 4000),
      visit(700, '90460', 3000, 2400, 600),
      visit(700, '90707', 9500, 8000, 1500),
      visit(350, '99392', 21000, 15000, 3000, 3000),
      visit(350, '96110', 2200, 1800, 400),
      visit(150, '99213', 12000, 7500, 2000, 2500),
      visit(33, '99392', 21000, 15000, 2000),
      visit(33, '90460', 3000, 2000, 600),
      visit(33, '90686', 3800, 0, 800),
      visit(4, '99213', 12000, 0, 2400),
    ],
  },
  {
    firstName: 'Cleo',
    dateOfBirth: '2024-02-18',
    charges: [
      visit(600, '99391', 19000, 16000, 3000),
      visit(540, '99391', 19000, 15000, 2000, 2000),
      visit(480, '90460', 3000, 2400, 600),
      visit(420, '99391', 19000, 16000, 3000),
      visit(300, '99392', 21000, 16000, 3000, 2000),
      visit(300, '96110', 2200, 1500, 700),
      visit(120, '99213', 12000, 8000, 2000),
      visit(120, '87880', 4500, 3500, 1000),
      visit(21, '99392', 21000, 14000, 3000),
      visit(21, '90460', 3000, 1500, 600),
    ],
  },
];

/** The marker row left by a complete load; a cached database is reused only if it matches. */
function marker(patients: number, seed: number) {
  return { version: DATA_VERSION, patients, seed, visitsPerPatient: VISITS_PER_PATIENT };
}

/** The practice of an earlier complete load with these parameters, if the database holds exactly it. */
export async function findLoadedPractice(db: PrismaClient, { patients, seed }: { patients: number; seed: number }): Promise<BenchPractice | null> {
  const event = await db.auditEvent.findFirst({ where: { action: 'bench.loaded' }, orderBy: { createdAt: 'desc' } });
  const detail = event?.detail as { marker?: unknown; counts?: Record<string, number> } | null | undefined;
  // jsonb does not keep key order: compare with sorted keys.
  const canonical = (value: unknown) => (value && typeof value === 'object' ? JSON.stringify(value, Object.keys(value).sort()) : String(value));
  if (!event?.practiceId || !detail?.counts || canonical(detail.marker) !== canonical(marker(patients, seed))) return null;
  const [practices, patientRows, chargeRows, parent, billing] = await Promise.all([
    db.practice.count(),
    db.patient.count(),
    db.charge.count(),
    db.user.findUnique({ where: { email: PARENT_EMAIL } }),
    db.user.findUnique({ where: { email: BILLING_EMAIL } }),
  ]);
  if (practices !== 1 || patientRows !== detail.counts.patients || chargeRows !== detail.counts.charges || !parent || !billing) return null;
  return { practiceId: event.practiceId, parentUserId: parent.id, billingUserId: billing.id, counts: detail.counts };
}

export async function loadPractice(
  db: PrismaClient,
  {
    patients,
    seed,
    log,
    query,
    logins,
  }: {
    patients: number;
    seed: number;
    log: (line: string) => void;
    query?: Query;
    /**
     * Extra sign-ins (the load test's): `parents` guarantors of generated families of one to three
     * children with at least one family payment get a PARENT login, and `staff` more BILLING users.
     * Draws nothing from the generator, so the practice is the same with or without them.
     */
    logins?: { parents: number; staff: number };
  },
): Promise<BenchPractice & { generateMs: number; insertMs: number; parents: ParentLogin[]; staffEmails: string[] }> {
  const passwordHash = await hashPassword(BENCH_PASSWORD);
  const practice = await db.practice.create({ data: { name: PRACTICE_NAME } });
  const practiceId = practice.id;
  const parent = await db.user.create({
    data: { practiceId, email: PARENT_EMAIL, passwordHash, role: 'PARENT', firstName: 'Grace', lastName: 'Okafor' },
  });
  const billing = await db.user.create({
    data: { practiceId, email: BILLING_EMAIL, passwordHash, role: 'BILLING', firstName: 'Marcus', lastName: 'Bell' },
  });
  const staffEmails = [BILLING_EMAIL];
  for (let n = 1; n <= (logins?.staff ?? 0); n++) {
    const email = staffLoginEmail(n);
    await db.user.create({ data: { practiceId, email, passwordHash, role: 'BILLING', firstName: 'Staff', lastName: `Member ${n}` } });
    staffEmails.push(email);
  }
  await db.clearinghouseSettings.create({
    data: { practiceId, version: 1, clearinghouse: 'INSTAMED', clearinghouseId: 'benchpeds.demo', onlinePaymentsEnabled: true, changedById: billing.id },
  });
  // The practice owns its InstaMed ID, as saving the settings makes it (its drop folder is inbox/instamed/benchpeds.demo/).
  await db.$transaction((tx) => claimClearinghouseId(tx, practiceId, 'INSTAMED', 'benchpeds.demo'));

  const counts: Record<string, number> = {};
  const tally = (rows: ReturnType<typeof emptyRows>) => {
    for (const [table, list] of Object.entries(rows)) counts[table] = (counts[table] ?? 0) + list.length;
  };
  let generateMs = 0;
  let insertMs = 0;

  // The signed-in parent's family.
  const family = emptyRows();
  const guardianId = randomUUID();
  family.guardians.push({ id: guardianId, practiceId, userId: parent.id, firstName: 'Grace', lastName: 'Okafor', email: PARENT_EMAIL });
  FAMILY.forEach((child, i) =>
    addPatient(
      family,
      practiceId,
      { accountNumber: String(100000 + i), firstName: child.firstName, lastName: 'Okafor', dateOfBirth: child.dateOfBirth, guardianIds: [guardianId] },
      child.charges,
    ),
  );
  await insertRows(db, family);
  tally(family);

  // Everyone else, in batches from one deterministic generator.
  const rng = prng(seed);
  const now = Date.now();
  let added = FAMILY.length;
  const parents: ParentLogin[] = [];
  let lastLog = performance.now();
  while (added < patients) {
    const batch = Math.min(BATCH, patients - added);
    let t = performance.now();
    const rows = emptyRows();
    addRandomFamilies(rows, practiceId, rng, { patientCount: batch, firstAccountNumber: 100000 + added, visitsPerPatient: VISITS_PER_PATIENT, now });
    generateMs += performance.now() - t;
    t = performance.now();
    if (logins && parents.length < logins.parents) {
      parents.push(...(await addParentLogins(db, rows, { practiceId, passwordHash, first: parents.length + 1, count: logins.parents - parents.length })));
    }
    if (query) await insertRowsSql(query, rows);
    else await insertRows(db, rows);
    insertMs += performance.now() - t;
    tally(rows);
    added += batch;
    if (performance.now() - lastLog > 10_000 || added === patients) {
      lastLog = performance.now();
      log(
        `  ${added.toLocaleString('en-US')} / ${patients.toLocaleString('en-US')} patients, ${(counts.charges ?? 0).toLocaleString('en-US')} charges (${((generateMs + insertMs) / 1000).toFixed(0)} s)`,
      );
    }
  }
  if (logins && parents.length < logins.parents) {
    throw new Error(
      `${fmt(patients)} patients give only ${parents.length} families of one to three children with a payment; ${logins.parents} parent logins need more patients`,
    );
  }
  await db.auditEvent.create({ data: { practiceId, action: 'bench.loaded', detail: { marker: marker(patients, seed), counts } } });
  return { practiceId, parentUserId: parent.id, billingUserId: billing.id, counts, generateMs, insertMs, parents, staffEmails };
}

/**
 * Gives up to `count` guarantors of the generated families a PARENT login (users created before the
 * rows are inserted, the guardian rows then point at them): families of one to three children
 * where at least one child has a family payment, so the family page has charges and payments.
 */
async function addParentLogins(
  db: PrismaClient,
  rows: PracticeRows,
  { practiceId, passwordHash, first, count }: { practiceId: string; passwordHash: string; first: number; count: number },
): Promise<ParentLogin[]> {
  const childrenOf = new Map<string, string[]>();
  for (const link of rows.links) if (link.isGuarantor) childrenOf.set(link.guardianId, [...(childrenOf.get(link.guardianId) ?? []), link.patientId]);
  const paid = new Set(rows.payments.map((p) => p.patientId));
  const picked: ParentLogin[] = [];
  const users: Prisma.UserCreateManyInput[] = [];
  for (const guardian of rows.guardians) {
    if (picked.length === count) break;
    const children = childrenOf.get(guardian.id!) ?? [];
    if (children.length < 1 || children.length > 3 || !children.some((id) => paid.has(id))) continue;
    const email = parentLoginEmail(first + picked.length);
    const userId = randomUUID();
    users.push({ id: userId, practiceId, email, passwordHash, role: 'PARENT', firstName: guardian.firstName, lastName: guardian.lastName });
    guardian.userId = userId;
    guardian.email = email;
    picked.push({ email, patientIds: children });
  }
  await db.user.createMany({ data: users });
  return picked;
}
