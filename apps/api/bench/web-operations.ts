// The operations the SPA really sends, printed from its generated documents: the load test and the
// profile send exactly what a browser sends. `pnpm exec tsx apps/api/bench/web-operations.ts`
// prints them.
import { pathToFileURL } from 'node:url';
import { print } from 'graphql';
import { FamilyPageDocument, PatientsPageDocument } from '../../web/src/gql/graphql.ts';

/** The parent's family page: every child with its card (balance, Pay Now, charges, payment history). */
export const FAMILY_PAGE = print(FamilyPageDocument);
/** The staff patient list (PatientsPage). */
export const STAFF_PATIENTS_PAGE = print(PatientsPageDocument);
/**
 * What PatientsPage sends when staff open Patients: no search, no balance filter, the first page
 * of PAGE_SIZE (25, in PatientsPage.tsx; not imported, that module pulls in React).
 */
export const STAFF_PATIENTS_PAGE_LANDING = { search: null, hasBalance: null, first: 25, after: null };

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  console.log(`# FamilyPage (variables {})\n${FAMILY_PAGE}\n`);
  console.log(`# PatientsPage (variables ${JSON.stringify(STAFF_PATIENTS_PAGE_LANDING)})\n${STAFF_PATIENTS_PAGE}`);
}
