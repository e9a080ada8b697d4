// Current credits: patients holding money paid beyond their open charges. The credit stays on
// the account and pays future charges (or is refunded through the clearinghouse).
import { Link } from 'react-router';
import { PagedTable } from '../../components/PagedTable.tsx';
import { EmptyState } from '../../components/QueryStates.tsx';
import { graphql } from '../../gql/gql.ts';
import type { CurrentCreditsQuery } from '../../gql/graphql.ts';
import { usePagedQuery } from '../../shared/usePagedQuery.ts';

export const CREDITS_PAGE_SIZE = 25;

export const CurrentCreditsDocument = graphql(`
  query CurrentCredits($first: Int, $after: String) {
    patients(hasCredit: true, first: $first, after: $after) {
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
          credit {
            formatted
          }
        }
      }
    }
  }
`);

type CreditPatient = CurrentCreditsQuery['patients']['edges'][number]['node'];

export function CreditsTab() {
  const credits = usePagedQuery(CurrentCreditsDocument, {
    pageSize: CREDITS_PAGE_SIZE,
    page: ({ patients }) => ({ ...patients, nodes: patients.edges.map((edge) => edge.node) }),
  });
  return (
    <PagedTable
      query={credits}
      heading={{ text: 'Patients with a credit' }}
      description={<p className="muted">Money paid beyond a patient’s open charges stays on the account as credit and pays their next charges.</p>}
      caption="Patients with a credit"
      className="credits-table"
      count={(total) => (total === 0 ? null : total === 1 ? '1 patient holds a credit.' : `${total.toLocaleString('en-US')} patients hold a credit.`)}
      loadingText="Loading credits…"
      failureTitle="We couldn’t load the credits."
      empty={<EmptyState>No patient holds a credit.</EmptyState>}
      columns={
        <>
          <th scope="col">Patient</th>
          <th scope="col">Account</th>
          <th scope="col" className="num">
            Credit
          </th>
        </>
      }
      row={(patient) => <CreditRow patient={patient} />}
    />
  );
}

function CreditRow({ patient }: { patient: CreditPatient }) {
  return (
    <tr>
      <th scope="row" data-label="Patient">
        <Link to={`/patients/${encodeURIComponent(patient.id)}`}>
          {patient.firstName} {patient.lastName}
        </Link>
      </th>
      <td data-label="Account" className="tabular">
        {patient.accountNumber}
      </td>
      <td data-label="Credit" className="num num--credit">
        {patient.credit.formatted}
      </td>
    </tr>
  );
}
