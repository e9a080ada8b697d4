import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { application, charge, patient, payment, paymentBeingPosted } from '../../test/fixtures.ts';
import { renderWithProviders } from '../../test/render.tsx';
import { PatientDetailDocument, PatientDetailPage } from './PatientDetailPage.tsx';

const detailMock = (overrides: Parameters<typeof patient>[0]) => ({
  request: { query: PatientDetailDocument, variables: { id: 'p1' } },
  result: { data: { patient: patient({ id: 'p1', charges: [charge()], ...overrides }) } },
});

describe('PatientDetailPage', () => {
  it('shows the payment history, and a payment the clearinghouse reported but not yet posted', async () => {
    renderWithProviders({
      at: '/patients/p1',
      path: '/patients/:id',
      element: <PatientDetailPage />,
      mocks: [
        detailMock({
          payments: [payment({ amountCents: 2500, cardType: null, method: 'CHECK', applications: [application(2500, { description: 'Office visit' })] })],
          paymentsBeingPosted: [paymentBeingPosted(4000)],
        }),
      ],
    });
    expect(await screen.findByRole('heading', { level: 1, name: 'Mateo Rivera' })).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'Payments' })).toBeInTheDocument();
    const history = screen.getByRole('list', { name: 'Payments for Mateo Rivera' });
    expect(history).toHaveTextContent('Check');
    expect(history).toHaveTextContent('Applied to: Feb 10, 2026 Office visit $25.00');
    expect(screen.getByRole('status')).toHaveTextContent('The clearinghouse reported a payment of $40.00');
  });

  it('says when there are no payments yet', async () => {
    renderWithProviders({ at: '/patients/p1', path: '/patients/:id', element: <PatientDetailPage />, mocks: [detailMock({})] });
    expect(await screen.findByText('No payments yet.')).toBeInTheDocument();
  });
});
