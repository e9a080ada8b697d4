// The operations the SPA really sends, printed from its generated documents: the load test and the
// profile send exactly what a browser sends.
import { print } from 'graphql';
import { FamilyPageDocument, PatientsPageDocument } from '../../web/src/gql/graphql.ts';

/** The parent's family page: every child with its card (balance, Pay Now, charges, payment history). */
export const FAMILY_PAGE = print(FamilyPageDocument);
/** The staff patient list, first page of patients who owe something. */
export const STAFF_PATIENTS_PAGE = print(PatientsPageDocument);
