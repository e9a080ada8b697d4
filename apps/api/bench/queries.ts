// What is measured: the portal's two hot GraphQL queries, and for each the SQL floor, i.e. the SQL
// that answers the same question run directly, with nothing (HTTP, sessions, GraphQL, Prisma) on top.
import type { ApiClient } from '../src/test/api-client.ts';

/** The parent's home page: their children with balances, Pay Now and open charges. */
export const FAMILY_QUERY = /* GraphQL */ `
  query BenchFamily {
    patients(first: 100) {
      edges {
        node {
          id
          firstName
          lastName
          dateOfBirth
          balance {
            amountCents
            formatted
          }
          payNowUrl
          payNowUnavailableReason
          charges {
            serviceDate
            description
            amount {
              formatted
            }
            balance {
              formatted
            }
          }
        }
      }
    }
  }
`;

/** The billing desk's patient list, filtered to those who owe something. */
export const STAFF_LIST_QUERY = /* GraphQL */ `
  query BenchStaffList($after: String) {
    patients(hasBalance: true, first: 25, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          firstName
          lastName
          accountNumber
          dateOfBirth
          balance {
            formatted
          }
        }
      }
    }
  }
`;

/**
 * The heaviest staff query the API's limits let through with a literal page size (server.ts:
 * depth 8, cost 20,000 with depth factor 1.2, fragments flattened; pagination.ts: first <= 100):
 * a page of 100 patients with every field of the patient, all their charges (paid ones too), every
 * posted payment with every scalar, its applications (and their charges), the refunds taken back
 * (`remaining`), its patient, report and reversed sale, the payments being posted and the balance
 * after them. GraphQL Armor prices it at 19,998.5 of 20,000; the cheapest field not selected
 * would cost 172.8 more (a scalar on the patient) or 207.4 (a `formatted` on a payment's Money),
 * so nothing can be added. Deepest path: patients > edges > node > payments > applications >
 * amount > amountCents (7 of 8).
 */
export const STAFF_HEAVY_QUERY = /* GraphQL */ `
  query BenchStaffHeavy {
    patients(first: 100) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        cursor
        node {
          id
          firstName
          lastName
          dateOfBirth
          accountNumber
          balance {
            amountCents
            formatted
          }
          credit {
            amountCents
            formatted
          }
          payNowUrl
          payNowUnavailableReason
          charges(includePaid: true) {
            id
            serviceDate
            cptCode
            description
            amount {
              amountCents
              formatted
            }
            insurancePaid {
              amountCents
            }
            adjustments {
              amountCents
            }
            patientPaid {
              amountCents
            }
            balance {
              amountCents
            }
          }
          payments {
            id
            kind
            status
            method
            cardType
            payerName
            accountNumber
            clearinghouse
            transactionId
            authorizationNumber
            location
            originalTransactionId
            receivedAt
            postedAt
            amount {
              amountCents
            }
            unapplied {
              amountCents
            }
            remaining {
              amountCents
            }
            applications {
              amount {
                amountCents
              }
              charge {
                id
              }
            }
            patient {
              id
            }
            report {
              id
            }
            reverses {
              id
            }
          }
          paymentsBeingPosted {
            receivedAt
            amount {
              amountCents
            }
          }
          balanceAfterPaymentsBeingPosted {
            amountCents
          }
        }
      }
    }
  }
`;

export interface StaffHeavyData {
  patients: {
    totalCount: number;
    pageInfo: { hasNextPage: boolean };
    edges: {
      node: {
        id: string;
        balance: { amountCents: number };
        charges: { id: string; balance: { amountCents: number } }[];
        payments: { id: string; amount: { amountCents: number }; remaining: { amountCents: number } | null; applications: { charge: { id: string } }[] }[];
        paymentsBeingPosted: unknown[];
      };
    }[];
  };
}

export interface FamilyData {
  patients: {
    edges: {
      node: {
        id: string;
        balance: { amountCents: number };
        payNowUrl: string | null;
        charges: { serviceDate: string; balance: { formatted: string } }[];
      };
    }[];
  };
}

export interface StaffListData {
  patients: {
    totalCount: number;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    edges: { node: { id: string; lastName: string; firstName: string } }[];
  };
}

/** Runs one SQL statement with positional parameters ($1, $2, ...) and returns its rows. */
export type Sql = (text: string, params: unknown[]) => Promise<Record<string, unknown>[]>;

// --- Staff list: one page of 25 (+1 to know whether there is a next page) and the total count.

const STAFF_PAGE = `
  SELECT p.id, p."firstName", p."lastName", p."accountNumber", p."dateOfBirth",
         ca."balanceDueCents" - ca."creditCents" AS balance
  FROM "Patient" p
  JOIN "CreditAccount" ca ON ca."patientId" = p.id
  WHERE p."practiceId" = $1::uuid AND ca."balanceDueCents" > 0
  ORDER BY p."lastName", p."firstName", p.id
  LIMIT 26`;

/** The page after a cursor: keyset pagination from the cursor patient's (lastName, firstName, id). */
const STAFF_PAGE_AFTER = `
  SELECT p.id, p."firstName", p."lastName", p."accountNumber", p."dateOfBirth",
         ca."balanceDueCents" - ca."creditCents" AS balance
  FROM "Patient" p
  JOIN "CreditAccount" ca ON ca."patientId" = p.id
  WHERE p."practiceId" = $1::uuid AND ca."balanceDueCents" > 0
    AND (p."lastName", p."firstName", p.id) > (SELECT a."lastName", a."firstName", a.id FROM "Patient" a WHERE a.id = $2::uuid AND a."practiceId" = $1::uuid)
  ORDER BY p."lastName", p."firstName", p.id
  LIMIT 26`;

/**
 * The count from CreditAccount alone: an index-only scan of ("practiceId", "balanceDueCents").
 * Same question as counting patients: every patient has at most one credit account (patientId is
 * unique) and carries its patient's practiceId (the schema keeps practiceId on every patient-data
 * table for scoping). The checks below compare it with the API's totalCount before timing.
 */
const STAFF_COUNT = `
  SELECT count(*)::int AS n
  FROM "CreditAccount" ca
  WHERE ca."practiceId" = $1::uuid AND ca."balanceDueCents" > 0`;

/**
 * The count PatientRepository.list ran before it counted CreditAccount for staff (patient.count
 * with the hasBalance filter, a join over every patient), as Prisma 7.10 generates it; it still
 * runs for a parent or with a search. Only for EXPLAIN ANALYZE, to compare with STAFF_COUNT.
 */
const API_STAFF_COUNT = `
  SELECT COUNT(*) AS "_count$_all" FROM (SELECT "public"."Patient"."id" FROM "public"."Patient"
  LEFT JOIN "public"."CreditAccount" AS "j0" ON ("j0"."patientId") = ("public"."Patient"."id")
  WHERE ("public"."Patient"."practiceId" = $1::uuid AND ("j0"."balanceDueCents" > 0 AND ("j0"."id" IS NOT NULL))) OFFSET 0) AS "sub"`;

export async function staffListSql(sql: Sql, practiceId: string, afterPatientId?: string) {
  const [rows, count] = await Promise.all([
    afterPatientId ? sql(STAFF_PAGE_AFTER, [practiceId, afterPatientId]) : sql(STAFF_PAGE, [practiceId]),
    sql(STAFF_COUNT, [practiceId]),
  ]);
  return { ids: rows.slice(0, 25).map((r) => String(r.id)), hasNextPage: rows.length > 25, totalCount: Number(count[0]!.n) };
}

// --- Family: the guardian's children with credit accounts (and the practice's Pay Now settings),
// and the children's open charges, newest first.

const FAMILY_CHILDREN = `
  SELECT p.id, p."firstName", p."lastName", p."dateOfBirth",
         COALESCE(ca."balanceDueCents" - ca."creditCents", 0) AS balance,
         s."onlinePaymentsEnabled", s.clearinghouse, s."clearinghouseId"
  FROM "Guardian" g
  JOIN "PatientGuardian" pg ON pg."guardianId" = g.id
  JOIN "Patient" p ON p.id = pg."patientId"
  LEFT JOIN "CreditAccount" ca ON ca."patientId" = p.id
  LEFT JOIN LATERAL (
    SELECT cs."onlinePaymentsEnabled", cs.clearinghouse, cs."clearinghouseId"
    FROM "ClearinghouseSettings" cs WHERE cs."practiceId" = p."practiceId" ORDER BY cs.version DESC LIMIT 1
  ) s ON true
  WHERE g."userId" = $1::uuid AND p."practiceId" = $2::uuid
  ORDER BY p."lastName", p."firstName", p.id
  LIMIT 101`;

const FAMILY_OPEN_CHARGES = `
  SELECT c."patientId", c."serviceDate", c.description, c."amountCents",
         c."amountCents" - c."insurancePaidCents" - c."adjustmentCents" - c."patientPaidCents" AS balance
  FROM "Guardian" g
  JOIN "PatientGuardian" pg ON pg."guardianId" = g.id
  JOIN "Patient" p ON p.id = pg."patientId"
  JOIN "Charge" c ON c."patientId" = p.id
  WHERE g."userId" = $1::uuid AND p."practiceId" = $2::uuid
    AND c."amountCents" - c."insurancePaidCents" - c."adjustmentCents" - c."patientPaidCents" <> 0
  ORDER BY c."patientId", c."serviceDate" DESC, c."createdAt"`;

export async function familySql(sql: Sql, userId: string, practiceId: string) {
  const [children, charges] = await Promise.all([sql(FAMILY_CHILDREN, [userId, practiceId]), sql(FAMILY_OPEN_CHARGES, [userId, practiceId])]);
  return children.map((c) => ({
    id: String(c.id),
    balanceCents: Number(c.balance),
    openCharges: charges.filter((ch) => ch.patientId === c.id).length,
  }));
}

// --- Staff heavy: the first 100 patients by name with everything the heavy query reads.

/** The page: the practice's first 100 patients by name (the API's order), as a CTE of each statement. */
const HEAVY_PAGE_CTE = `
  WITH page AS (
    SELECT p.id, p."accountNumber" FROM "Patient" p
    WHERE p."practiceId" = $1::uuid
    ORDER BY p."lastName", p."firstName", p.id
    LIMIT 100)`;

/** 101 patients (one more tells whether a next page follows) with balances and Pay Now's settings. */
const HEAVY_PATIENTS = `
  SELECT p.id, p."firstName", p."lastName", p."dateOfBirth", p."accountNumber",
         COALESCE(ca."balanceDueCents" - ca."creditCents", 0) AS balance, COALESCE(ca."creditCents", 0) AS credit,
         s."onlinePaymentsEnabled", s.clearinghouse, s."clearinghouseId"
  FROM "Patient" p
  LEFT JOIN "CreditAccount" ca ON ca."patientId" = p.id
  LEFT JOIN LATERAL (
    SELECT cs."onlinePaymentsEnabled", cs.clearinghouse, cs."clearinghouseId"
    FROM "ClearinghouseSettings" cs WHERE cs."practiceId" = p."practiceId" ORDER BY cs.version DESC LIMIT 1
  ) s ON true
  WHERE p."practiceId" = $1::uuid
  ORDER BY p."lastName", p."firstName", p.id
  LIMIT 101`;

const HEAVY_COUNT = `SELECT count(*)::int AS n FROM "Patient" p WHERE p."practiceId" = $1::uuid`;

/** Every charge of the page's patients, paid ones too, newest first per patient. */
const HEAVY_CHARGES = `${HEAVY_PAGE_CTE}
  SELECT c.id, c."patientId", c."serviceDate", c."cptCode", c.description, c."amountCents", c."insurancePaidCents",
         c."adjustmentCents", c."patientPaidCents",
         c."amountCents" - c."insurancePaidCents" - c."adjustmentCents" - c."patientPaidCents" AS balance
  FROM "Charge" c JOIN page ON page.id = c."patientId"
  ORDER BY c."patientId", c."serviceDate" DESC, c."createdAt", c.id`;

/** Their posted payments, newest first, each with its applications and what refunds took back. */
const HEAVY_PAYMENTS = `${HEAVY_PAGE_CTE}
  SELECT pay.*,
         (SELECT COALESCE(sum(r."amountCents"), 0) FROM "Payment" r WHERE r."reversesPaymentId" = pay.id AND r.status = 'POSTED') AS "takenBack",
         (SELECT json_agg(json_build_object('amountCents', a."amountCents", 'chargeId', a."chargeId") ORDER BY a."createdAt", a."chargeId")
          FROM "PaymentApplication" a WHERE a."paymentId" = pay.id) AS applications
  FROM "Payment" pay JOIN page ON page.id = pay."patientId"
  WHERE pay.status = 'POSTED'
  ORDER BY pay."patientId", pay."receivedAt" DESC, pay.id`;

/** Notices (webhook) for their accounts whose report is not processed yet: the payments being posted. */
const HEAVY_BEING_POSTED = `${HEAVY_PAGE_CTE}
  SELECT n."accountNumber", n."amountCents", n."receivedAt", n.clearinghouse, n."transactionId"
  FROM "PaymentNotice" n JOIN "RemittanceReport" r ON r.id = n."reportId" JOIN page ON page."accountNumber" = n."accountNumber"
  WHERE n."practiceId" = $1::uuid AND r.status = 'RECEIVED'`;

export async function staffHeavySql(sql: Sql, practiceId: string) {
  const [patients, count, charges, payments, beingPosted] = await Promise.all(
    [HEAVY_PATIENTS, HEAVY_COUNT, HEAVY_CHARGES, HEAVY_PAYMENTS, HEAVY_BEING_POSTED].map((text) => sql(text, [practiceId])),
  );
  const page = patients!.slice(0, 100);
  return {
    totalCount: Number(count![0]!.n),
    hasNextPage: patients!.length > 100,
    patients: page.map((p) => {
      const own = payments!.filter((pay) => pay.patientId === p.id);
      return {
        id: String(p.id),
        balanceCents: Number(p.balance),
        charges: charges!.filter((c) => c.patientId === p.id).length,
        chargeBalanceCents: charges!.filter((c) => c.patientId === p.id).reduce((sum, c) => sum + Number(c.balance), 0),
        payments: own.length,
        paidCents: own.reduce((sum, pay) => sum + Number(pay.amountCents), 0),
        applications: own.reduce((sum, pay) => sum + ((pay.applications as unknown[] | null)?.length ?? 0), 0),
      };
    }),
    beingPosted: beingPosted!.length,
  };
}

/** The SQL statements, for EXPLAIN ANALYZE and the JSON report. */
export const SQL_TEXT = {
  STAFF_PAGE,
  STAFF_PAGE_AFTER,
  STAFF_COUNT,
  API_STAFF_COUNT,
  FAMILY_CHILDREN,
  FAMILY_OPEN_CHARGES,
  HEAVY_PATIENTS,
  HEAVY_COUNT,
  HEAVY_CHARGES,
  HEAVY_PAYMENTS,
  HEAVY_BEING_POSTED,
};

// --- Checks that GraphQL and SQL answer the same question before anything is timed.

export async function checkStaffList(client: ApiClient, sql: Sql, practiceId: string, page: { after?: string; afterPatientId?: string }) {
  const gql = await client.data<StaffListData>(STAFF_LIST_QUERY, { after: page.after ?? null });
  const floor = await staffListSql(sql, practiceId, page.afterPatientId);
  const ids = gql.patients.edges.map((e) => e.node.id);
  if (
    JSON.stringify(ids) !== JSON.stringify(floor.ids) ||
    gql.patients.totalCount !== floor.totalCount ||
    gql.patients.pageInfo.hasNextPage !== floor.hasNextPage
  ) {
    throw new Error(
      `staff list: GraphQL and SQL disagree (GraphQL ${ids.length} rows of ${gql.patients.totalCount}, first ${ids[0]}; SQL ${floor.ids.length} of ${floor.totalCount}, first ${floor.ids[0]})`,
    );
  }
  if (ids.length !== 25) throw new Error(`staff list: expected a full page of 25, got ${ids.length}`);
  return gql;
}

export async function checkFamily(client: ApiClient, sql: Sql, userId: string, practiceId: string) {
  const gql = await client.data<FamilyData>(FAMILY_QUERY);
  const floor = await familySql(sql, userId, practiceId);
  const fromGql = gql.patients.edges.map((e) => ({ id: e.node.id, balanceCents: e.node.balance.amountCents, openCharges: e.node.charges.length }));
  if (JSON.stringify(fromGql) !== JSON.stringify(floor)) {
    throw new Error(`family: GraphQL and SQL disagree:\n  GraphQL ${JSON.stringify(fromGql)}\n  SQL     ${JSON.stringify(floor)}`);
  }
  if (!gql.patients.edges.some((e) => e.node.payNowUrl)) throw new Error('family: expected a Pay Now link for a child with a balance');
  return { children: fromGql.length, openCharges: fromGql.reduce((s, c) => s + c.openCharges, 0) };
}

export async function checkStaffHeavy(client: ApiClient, sql: Sql, practiceId: string) {
  const gql = await client.data<StaffHeavyData>(STAFF_HEAVY_QUERY);
  const floor = await staffHeavySql(sql, practiceId);
  const fromGql = gql.patients.edges.map(({ node }) => ({
    id: node.id,
    balanceCents: node.balance.amountCents,
    charges: node.charges.length,
    chargeBalanceCents: node.charges.reduce((sum, c) => sum + c.balance.amountCents, 0),
    payments: node.payments.length,
    paidCents: node.payments.reduce((sum, p) => sum + p.amount.amountCents, 0),
    applications: node.payments.reduce((sum, p) => sum + p.applications.length, 0),
  }));
  const beingPosted = gql.patients.edges.reduce((sum, e) => sum + e.node.paymentsBeingPosted.length, 0);
  if (
    JSON.stringify(fromGql) !== JSON.stringify(floor.patients) ||
    gql.patients.totalCount !== floor.totalCount ||
    gql.patients.pageInfo.hasNextPage !== floor.hasNextPage ||
    beingPosted !== floor.beingPosted
  ) {
    const first = fromGql.findIndex((p, i) => JSON.stringify(p) !== JSON.stringify(floor.patients[i]));
    throw new Error(
      `staff heavy: GraphQL and SQL disagree (GraphQL ${fromGql.length} patients of ${gql.patients.totalCount}, SQL ${floor.patients.length} of ${floor.totalCount}` +
        (first >= 0 ? `; patient ${first}: GraphQL ${JSON.stringify(fromGql[first])} SQL ${JSON.stringify(floor.patients[first])}` : '') +
        ')',
    );
  }
  if (fromGql.length !== 100) throw new Error(`staff heavy: expected a full page of 100, got ${fromGql.length}`);
  const sum = (key: 'charges' | 'payments' | 'applications') => fromGql.reduce((s, p) => s + p[key], 0);
  return { charges: sum('charges'), payments: sum('payments'), applications: sum('applications') };
}
