import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { PAYMENTS_SHOWN } from '../../components/PaymentHistory.tsx';
import { application, patient, payment, paymentBeingPosted } from '../../test/fixtures.ts';
import { setupUser } from '../../test/render.tsx';
import { beingPostedSentence, ChildCard } from './ChildCard.tsx';

describe('ChildCard payments', () => {
  it('lists payments with where each one went, and refunds as refunds', () => {
    const history = [
      payment({
        id: 'refund',
        kind: 'REFUND',
        amountCents: -1000,
        receivedAt: '2026-12-01T17:00:00.000Z',
        applications: [application(-1000, { id: 'c2', serviceDate: '2026-11-14', description: 'Rapid strep test' })],
      }),
      payment({
        id: 'sale',
        amountCents: 5000,
        unappliedCents: 500,
        receivedAt: '2026-11-20T17:00:00.000Z',
        applications: [
          application(3500, { id: 'c2', serviceDate: '2026-11-14', description: 'Rapid strep test' }),
          application(1000, { id: 'c1', serviceDate: '2026-02-10', description: 'Office visit' }),
        ],
      }),
    ];
    render(<ChildCard patient={patient({ firstName: 'Mateo', lastName: 'Rivera', payments: history })} />);

    const list = screen.getByRole('list', { name: 'Payments for Mateo Rivera' });
    const [refund, sale] = within(list).getAllByRole('listitem');
    expect(sale).toHaveTextContent('Nov 20, 2026');
    expect(sale).toHaveTextContent('Card (VISA)');
    expect(sale).toHaveTextContent('$50.00');
    expect(sale).toHaveTextContent('Applied to: Nov 14, 2026 Rapid strep test $35.00; Feb 10, 2026 Office visit $10.00');
    expect(sale).toHaveTextContent('Kept as credit: $5.00');
    expect(refund).toHaveTextContent('Refund');
    expect(refund).toHaveTextContent('$10.00');
    expect(refund).not.toHaveTextContent('-$10.00');
    expect(refund).toHaveTextContent('Taken back from: Nov 14, 2026 Rapid strep test $10.00');
    expect(screen.queryByRole('status')).not.toBeInTheDocument();
  });

  it('says when there are no payments yet', () => {
    render(<ChildCard patient={patient({ payments: [] })} />);
    expect(screen.getByRole('heading', { name: 'Payments' })).toBeInTheDocument();
    expect(screen.getByText('No payments yet.')).toBeInTheDocument();
  });

  it('keeps older payments behind "Show all"', async () => {
    const user = setupUser();
    const many = Array.from({ length: PAYMENTS_SHOWN + 2 }, (_, i) => payment({ id: `p${i}`, amountCents: 100 * (i + 1) }));
    render(<ChildCard patient={patient({ payments: many })} />);
    const list = screen.getByRole('list', { name: /^Payments for/ });
    expect(within(list).getAllByRole('listitem')).toHaveLength(PAYMENTS_SHOWN);
    await user.click(screen.getByRole('button', { name: `Show all ${PAYMENTS_SHOWN + 2} payments` }));
    expect(within(list).getAllByRole('listitem')).toHaveLength(PAYMENTS_SHOWN + 2);
  });

  it('tells the parent a payment is being posted, and what will be left to pay once it posts', () => {
    render(<ChildCard patient={patient({ balanceCents: 9500, paymentsBeingPosted: [paymentBeingPosted(4000)], payNowUrl: 'https://pay.example.test/x' })} />);
    expect(screen.getByRole('status')).toHaveTextContent('Payment of $40.00 received, being posted. Once it posts, $55.00 will be left to pay.');
  });

  it('says when the payments being posted cover the balance, with Pay Now withheld by the server', () => {
    render(
      <ChildCard patient={patient({ balanceCents: 4000, paymentsBeingPosted: [paymentBeingPosted(4000)], payNowUnavailableReason: 'PAYMENT_BEING_POSTED' })} />,
    );
    expect(screen.getByRole('status')).toHaveTextContent(
      'Payment of $40.00 received, being posted. It covers the balance due; your balance will update once the practice processes it.',
    );
    expect(screen.queryByRole('link', { name: /Pay Now/ })).not.toBeInTheDocument();
    expect(screen.getByText('Nothing more to pay for Mateo right now.')).toBeInTheDocument();
  });

  it('words several payments being posted as one notice', () => {
    expect(beingPostedSentence(['$40.00', '$25.00'], 3000)).toBe(
      'Payments of $40.00 and $25.00 received, being posted. Once they post, $30.00 will be left to pay.',
    );
    expect(beingPostedSentence(['$40.00', '$25.00'], 0)).toBe(
      'Payments of $40.00 and $25.00 received, being posted. They cover the balance due; your balance will update once the practice processes them.',
    );
  });
});
