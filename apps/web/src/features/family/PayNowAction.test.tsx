import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { patient } from '../../test/fixtures.ts';
import { ChildCard } from './ChildCard.tsx';
import { PayNowAction } from './PayNowAction.tsx';

const PAY_URL = 'https://pay.instamed.com/Form/PaymentPortal/Default?id=demogp.test';

describe('PayNowAction', () => {
  it('links to the payNowUrl in a new tab, without leaking the opener or the referrer', () => {
    render(<PayNowAction patient={patient({ firstName: 'Mateo', lastName: 'Rivera', payNowUrl: PAY_URL })} />);

    const link = screen.getByRole('link', { name: 'Pay Now for Mateo Rivera' });
    expect(link).toHaveTextContent('Pay Now');
    expect(link).toHaveAttribute('href', PAY_URL);
    expect(link).toHaveAttribute('target', '_blank');
    expect(link.getAttribute('rel')?.split(' ')).toEqual(expect.arrayContaining(['noopener', 'noreferrer']));
    expect(screen.getByText(/secure payment page/)).toBeInTheDocument();
  });

  it('shows no Pay Now link when payNowUrl is null', () => {
    render(<PayNowAction patient={patient({ firstName: 'Lucia', balanceCents: 0, payNowUrl: null, payNowUnavailableReason: 'NO_BALANCE_DUE' })} />);
    expect(screen.queryByRole('link')).not.toBeInTheDocument();
  });

  it.each([
    ['NO_BALANCE_DUE', 0, 'Nothing is due for Lucia.'],
    ['CREDIT_ON_ACCOUNT', -1250, 'Lucia has a credit of $12.50 with the practice.'],
    ['ONLINE_PAYMENTS_OFF', 4000, "Online payment isn't available from this practice yet. Please call the office to pay."],
  ] as const)('explains %s in plain words', (reason, balanceCents, sentence) => {
    render(<PayNowAction patient={patient({ firstName: 'Lucia', balanceCents, payNowUrl: null, payNowUnavailableReason: reason })} />);
    expect(screen.getByText(sentence)).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: /Pay Now/ })).not.toBeInTheDocument();
  });
});

describe('ChildCard', () => {
  it('shows the child, the balance and the unpaid charges', () => {
    render(
      <ChildCard patient={patient({ firstName: 'Mateo', lastName: 'Rivera', dateOfBirth: '2019-03-04', accountNumber: 'A-10042', payNowUrl: PAY_URL })} />,
    );

    expect(screen.getByRole('heading', { name: 'Mateo Rivera' })).toBeInTheDocument();
    expect(screen.getByText('Mar 4, 2019')).toBeInTheDocument();
    expect(screen.getByText('A-10042')).toBeInTheDocument();
    expect(screen.getByText('Balance due')).toBeInTheDocument();
    const table = screen.getByRole('table', { name: 'Unpaid charges for Mateo Rivera' });
    expect(table).toHaveTextContent('Feb 10, 2026');
    expect(table).toHaveTextContent('Office visit, established patient');
    expect(table).toHaveTextContent('$185.00'); // charged
    expect(table).toHaveTextContent('$120.00'); // insurance paid
    expect(table).toHaveTextContent('$40.00'); // you owe
  });

  it('shows a credit as a positive amount labelled Credit', () => {
    render(<ChildCard patient={patient({ balanceCents: -1250, payNowUnavailableReason: 'CREDIT_ON_ACCOUNT', charges: [] })} />);
    expect(screen.getByText('Credit')).toBeInTheDocument();
    expect(screen.getAllByText(/\$12\.50/).length).toBeGreaterThan(0);
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
  });
});
