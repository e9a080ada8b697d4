// Itemized charges. A table on wide screens; on phones each charge becomes a small card (CSS),
// with each amount labelled, so nothing scrolls sideways.
import { graphql } from '../gql/gql.ts';
import type { ChargeTable_ChargeFragment } from '../gql/graphql.ts';
import { formatCalendarDate } from '../shared/dates.ts';

export const ChargeTable_charge = graphql(`
  fragment ChargeTable_charge on Charge {
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
      formatted
    }
    adjustments {
      amountCents
      formatted
    }
    patientPaid {
      amountCents
      formatted
    }
    balance {
      amountCents
      formatted
    }
  }
`);

interface ChargeTableProps {
  charges: readonly ChargeTable_ChargeFragment[];
  caption: string;
  /** Families get plain words and fewer columns; staff get every column. */
  audience: 'family' | 'staff';
}

export function ChargeTable({ charges, caption, audience }: ChargeTableProps) {
  const family = audience === 'family';
  return (
    <table className="charges">
      <caption className="visually-hidden">{caption}</caption>
      <thead>
        <tr>
          <th scope="col">Date of service</th>
          <th scope="col">Service</th>
          <th scope="col" className="num">
            Charged
          </th>
          <th scope="col" className="num">
            Insurance paid
          </th>
          {family ? null : (
            <>
              <th scope="col" className="num">
                Adjustments
              </th>
              <th scope="col" className="num">
                Patient paid
              </th>
            </>
          )}
          <th scope="col" className="num">
            {family ? 'You owe' : 'Balance'}
          </th>
        </tr>
      </thead>
      <tbody>
        {charges.map((charge) => (
          <tr key={charge.id}>
            <td data-label="Date of service" className="charges__date">
              {formatCalendarDate(charge.serviceDate)}
            </td>
            <td data-label="Service" className="charges__service">
              <span>{charge.description}</span>
              {family ? <FamilyDetails charge={charge} /> : <span className="muted small"> CPT {charge.cptCode}</span>}
            </td>
            <td data-label="Charged" className="num">
              {charge.amount.formatted}
            </td>
            <td data-label="Insurance paid" className="num">
              {charge.insurancePaid.formatted}
            </td>
            {family ? null : (
              <>
                <td data-label="Adjustments" className="num">
                  {charge.adjustments.formatted}
                </td>
                <td data-label="Patient paid" className="num">
                  {charge.patientPaid.formatted}
                </td>
              </>
            )}
            <td data-label={family ? 'You owe' : 'Balance'} className="num charges__owed">
              {charge.balance.formatted}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Why "charged - insurance paid" may differ from what is owed, in a parent's words. */
function FamilyDetails({ charge }: { charge: ChargeTable_ChargeFragment }) {
  const notes: string[] = [];
  if (charge.adjustments.amountCents !== 0) notes.push(`Insurance adjustment ${charge.adjustments.formatted}`);
  if (charge.patientPaid.amountCents !== 0) notes.push(`You already paid ${charge.patientPaid.formatted}`);
  if (notes.length === 0) return null;
  return <span className="charges__notes muted small">{notes.join(' · ')}</span>;
}
