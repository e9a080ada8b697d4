import { Link } from 'react-router';
import { graphql } from '../../gql/gql.ts';
import type { PatientsTable_PatientFragment } from '../../gql/graphql.ts';
import { formatCalendarDate } from '../../shared/dates.ts';

export const PatientsTable_patient = graphql(`
  fragment PatientsTable_patient on Patient {
    id
    firstName
    lastName
    dateOfBirth
    accountNumber
    balance {
      amountCents
      formatted
    }
  }
`);

/** The patient list's column headings. */
export function PatientsColumns() {
  return (
    <>
      <th scope="col">Name</th>
      <th scope="col">Date of birth</th>
      <th scope="col">Account #</th>
      <th scope="col" className="num">
        Balance
      </th>
    </>
  );
}

/** One patient: the name links to their page. */
export function PatientRow({ patient }: { patient: PatientsTable_PatientFragment }) {
  return (
    <tr>
      <th scope="row" data-label="Name">
        <Link to={`/patients/${encodeURIComponent(patient.id)}`} className="row-link">
          {patient.lastName}, {patient.firstName}
        </Link>
      </th>
      <td data-label="Date of birth">{formatCalendarDate(patient.dateOfBirth)}</td>
      <td data-label="Account #" className="tabular">
        {patient.accountNumber}
      </td>
      <td data-label="Balance" className={patient.balance.amountCents < 0 ? 'num num--credit' : 'num'}>
        {patient.balance.formatted}
      </td>
    </tr>
  );
}
