// Named test data (after RedwoodJS scenarios): each test file creates the practices it needs in
// its own database and refers to rows by name, never by hard-coded ids.
import type { PrismaClient, Role } from '@kinpay/db';
import { hashPassword } from '../auth/passwords.ts';
import { claimClearinghouseId } from '../ebilling/accounts.ts';
import { addPatient, emptyRows, insertRows, type ChargeSpec } from '../seed/practice-generator.ts';

export const TEST_PASSWORD = 'Test-Pass-2026!';
let passwordHash: Promise<string> | undefined;

interface PracticeScenario {
  name: string;
  users: Record<string, { role: Role; firstName?: string; lastName?: string }>;
  /**
   * Children, each linked to guardians named by user key (parents) or free-standing guardians. Account
   * numbers are unique in the test file unless one is given (two practices may share one).
   */
  patients: Record<
    string,
    { firstName: string; lastName: string; dateOfBirth: string; guardians: string[]; charges: ChargeSpec[]; creditCents?: number; accountNumber?: string }
  >;
  clearinghouse?: { clearinghouse: 'INSTAMED' | 'WAYSTAR'; clearinghouseId: string; onlinePaymentsEnabled: boolean; changedBy: string };
}

export interface CreatedPractice {
  practiceId: string;
  users: Record<string, { id: string; email: string }>;
  patients: Record<string, { id: string; accountNumber: string }>;
}

let accountSeq = 500000;

export async function createPractice(db: PrismaClient, scenario: PracticeScenario): Promise<CreatedPractice> {
  passwordHash ??= hashPassword(TEST_PASSWORD);
  const hash = await passwordHash;
  const practice = await db.practice.create({ data: { name: scenario.name } });
  const slug = `${scenario.name.toLowerCase().replace(/\W+/g, '')}${practice.id.slice(0, 6)}`;
  const users: CreatedPractice['users'] = {};
  const rows = emptyRows();
  const guardianOf: Record<string, string> = {};
  for (const [key, u] of Object.entries(scenario.users)) {
    const email = `${key}@${slug}.test`;
    const user = await db.user.create({
      data: { practiceId: practice.id, email, passwordHash: hash, role: u.role, firstName: u.firstName ?? key, lastName: u.lastName ?? 'Test' },
    });
    users[key] = { id: user.id, email };
    if (u.role === 'PARENT') {
      guardianOf[key] = crypto.randomUUID();
      rows.guardians.push({ id: guardianOf[key], practiceId: practice.id, userId: user.id, firstName: user.firstName, lastName: user.lastName, email });
    }
  }
  const patients: CreatedPractice['patients'] = {};
  for (const [key, p] of Object.entries(scenario.patients)) {
    const accountNumber = p.accountNumber ?? String(accountSeq++);
    const id = addPatient(
      rows,
      practice.id,
      { accountNumber, firstName: p.firstName, lastName: p.lastName, dateOfBirth: p.dateOfBirth, guardianIds: p.guardians.map((g) => guardianOf[g]!) },
      p.charges,
    );
    if (p.creditCents) rows.creditAccounts.at(-1)!.creditCents = p.creditCents;
    patients[key] = { id, accountNumber };
  }
  await insertRows(db, rows);
  if (scenario.clearinghouse) {
    const { changedBy, ...settings } = scenario.clearinghouse;
    await db.clearinghouseSettings.create({ data: { practiceId: practice.id, version: 1, changedById: users[changedBy]!.id, ...settings } });
    await db.$transaction((tx) => claimClearinghouseId(tx, practice.id, settings.clearinghouse, settings.clearinghouseId));
  }
  return { practiceId: practice.id, users, patients };
}

const visit = (daysAgo: number, cptCode: string, amountCents: number, insurancePaidCents: number, adjustmentCents = 0, patientPaidCents = 0): ChargeSpec => ({
  daysAgo,
  cptCode,
  amountCents,
  insurancePaidCents,
  adjustmentCents,
  patientPaidCents,
});

/**
 * Two families in one practice (online payments through InstaMed under `clearinghouseId`, which is
 * the server's only once: pass another one to make a second such practice) and a second practice next door:
 * - rivera: mateo owes $95.00 (three open charges), lucia owes nothing;
 * - chen: emily owes $85.00;
 * - carter (another family): noah has a $15.00 credit;
 * - the other practice has its own admin and a child, invisible to everyone above.
 */
export async function standardScenario(db: PrismaClient, { paymentsConfigured = true, clearinghouseId = 'testpeds.demo' } = {}) {
  const maple = await createPractice(db, {
    name: 'Test Pediatrics',
    users: {
      admin: { role: 'ADMIN', firstName: 'Dana', lastName: 'Whitfield' },
      billing: { role: 'BILLING', firstName: 'Marcus', lastName: 'Bell' },
      rivera: { role: 'PARENT', firstName: 'Sofia', lastName: 'Rivera' },
      chen: { role: 'PARENT', firstName: 'Wei', lastName: 'Chen' },
      carter: { role: 'PARENT', firstName: 'Ann', lastName: 'Carter' },
    },
    patients: {
      mateo: {
        firstName: 'Mateo',
        lastName: 'Rivera',
        dateOfBirth: '2019-03-04',
        guardians: ['rivera'],
        charges: [visit(40, '99392', 21000, 15000, 2000), visit(12, '87880', 4500, 0, 1000), visit(12, '99213', 12000, 8000, 2000)],
      },
      lucia: {
        firstName: 'Lucia',
        lastName: 'Rivera',
        dateOfBirth: '2022-07-19',
        guardians: ['rivera'],
        charges: [visit(200, '99392', 21000, 17000, 4000), visit(90, '99213', 12000, 7000, 1500, 3500)],
      },
      emily: {
        firstName: 'Emily',
        lastName: 'Chen',
        dateOfBirth: '2017-11-02',
        guardians: ['chen'],
        charges: [visit(25, '99214', 18000, 10000, 2000), visit(25, '99173', 2500, 0)],
      },
      noah: { firstName: 'Noah', lastName: 'Carter', dateOfBirth: '2020-01-15', guardians: ['carter'], charges: [], creditCents: 1500 },
    },
    clearinghouse: paymentsConfigured ? { clearinghouse: 'INSTAMED', clearinghouseId, onlinePaymentsEnabled: true, changedBy: 'admin' } : undefined,
  });
  const other = await createPractice(db, {
    name: 'Other Pediatrics',
    users: { admin: { role: 'ADMIN' }, parent: { role: 'PARENT' } },
    patients: {
      zoe: { firstName: 'Zoe', lastName: 'Rivera', dateOfBirth: '2018-05-05', guardians: ['parent'], charges: [visit(10, '99213', 12000, 6000)] },
    },
  });
  return { maple, other };
}

let practiceSeq = 0;

/**
 * A practice of its own for one test: an admin, a billing clerk, a parent and two children with
 * open charges (ava owes $60.00 on two visits, ben $40.00), and online payments at the given clearinghouse.
 * Tests that each make their own practice pass alone and in any order.
 */
export async function ownPracticeScenario(
  db: PrismaClient,
  {
    clearinghouse = 'INSTAMED',
    clearinghouseId,
    accountNumbers = {},
  }: { clearinghouse?: 'INSTAMED' | 'WAYSTAR'; clearinghouseId?: string; accountNumbers?: { ava?: string; ben?: string } } = {},
) {
  const n = ++practiceSeq;
  return createPractice(db, {
    name: `Own Pediatrics ${n}`,
    users: {
      admin: { role: 'ADMIN' },
      billing: { role: 'BILLING' },
      parent: { role: 'PARENT', firstName: 'Pat', lastName: 'Lee' },
    },
    patients: {
      ava: {
        firstName: 'Ava',
        lastName: 'Lee',
        dateOfBirth: '2019-02-03',
        guardians: ['parent'],
        charges: [visit(30, '99392', 21000, 15000, 2000), visit(10, '99213', 12000, 8000, 2000)],
        accountNumber: accountNumbers.ava,
      },
      ben: {
        firstName: 'Ben',
        lastName: 'Lee',
        dateOfBirth: '2021-06-07',
        guardians: ['parent'],
        charges: [visit(5, '99213', 12000, 6000, 2000)],
        accountNumber: accountNumbers.ben,
      },
    },
    clearinghouse: {
      clearinghouse,
      clearinghouseId: clearinghouseId ?? (clearinghouse === 'INSTAMED' ? `own${n}.${process.pid}` : `OWN${n}-${process.pid}`),
      onlinePaymentsEnabled: true,
      changedBy: 'admin',
    },
  });
}
