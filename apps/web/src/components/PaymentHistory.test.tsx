import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { paymentKindLabel } from '../shared/payments.ts';
import { application, payment } from '../test/fixtures.ts';
import { PaymentHistory } from './PaymentHistory.tsx';

describe('PaymentHistory', () => {
  it('names a returned eCheck and what it was taken back from', () => {
    const returned = payment({
      id: 'ret',
      kind: 'RETURN',
      method: 'ACH',
      cardType: null,
      amountCents: -4000,
      receivedAt: '2026-03-09T15:00:00.000Z',
      applications: [application(-4000, { serviceDate: '2026-02-10', description: 'Office visit' })],
    });
    render(<PaymentHistory payments={[returned]} label="Payments for Mateo Rivera" />);

    const [item] = within(screen.getByRole('list', { name: 'Payments for Mateo Rivera' })).getAllByRole('listitem');
    expect(item).toHaveTextContent('Returned eCheck');
    expect(item).toHaveTextContent('Bank transfer (ACH)');
    expect(item).toHaveTextContent('$40.00');
    expect(item).toHaveTextContent('Taken back from: Feb 10, 2026 Office visit $40.00');
  });

  it.each([
    ['SALE', 'Payment'],
    ['REFUND', 'Refund'],
    ['REVERSAL', 'Reversal'],
    ['VOID', 'Void'],
    ['RETURN', 'Returned eCheck'],
    ['CHARGEBACK', 'Chargeback'],
  ] as const)('labels %s as “%s”', (kind, label) => {
    expect(paymentKindLabel(kind)).toBe(label);
  });
});
