import { screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { graphQLError, money } from '../../test/fixtures.ts';
import { renderWithProviders } from '../../test/render.tsx';
import { EbillingCenterPage } from './EbillingCenterPage.tsx';
import { EbillingStatusDocument } from './EbillingNavLink.tsx';
import { PatientPickerDocument } from './PatientPicker.tsx';
import { EMPTY_QUEUE, MatchUnmatchedPaymentDocument, UnmatchedPaymentsDocument, UnmatchedTab } from './UnmatchedTab.tsx';

type Mocks = NonNullable<Parameters<typeof renderWithProviders>[0]['mocks']>;

const routes = [{ path: '/ebilling', element: <EbillingCenterPage />, children: [{ path: 'unmatched', element: <UnmatchedTab /> }] }];

const statusMock = (unmatchedCount: number) => ({
  request: { query: EbillingStatusDocument },
  result: { data: { ebillingStatus: { __typename: 'EbillingStatus', unmatchedCount, postedLastDayCount: 0, reportsFailedCount: 0 } } },
});

const unmatched = (
  overrides: Partial<{ id: string; kind: string; payerName: string | null; accountNumber: string | null; amountCents: number; reverses: string | null }> = {},
) => ({
  __typename: 'Payment',
  id: overrides.id ?? 'pay-9',
  receivedAt: '2026-03-04T15:00:00.000Z',
  payerName: overrides.payerName === undefined ? 'Ana Rivera' : overrides.payerName,
  accountNumber: overrides.accountNumber === undefined ? 'A-1OO42' : overrides.accountNumber,
  kind: overrides.kind ?? 'SALE',
  transactionId: `TX-${overrides.id ?? 'pay-9'}`,
  amount: money(overrides.amountCents ?? 4000),
  reverses: overrides.reverses ? { __typename: 'Payment', id: overrides.reverses, transactionId: `TX-${overrides.reverses}` } : null,
});

const queueMock = (payments: ReturnType<typeof unmatched>[]) => ({
  request: { query: UnmatchedPaymentsDocument },
  result: { data: { unmatchedPayments: payments } },
});

const person = (id: string, firstName: string, accountNumber: string) => ({
  __typename: 'Patient',
  id,
  firstName,
  lastName: 'Rivera',
  dateOfBirth: '2019-03-04',
  accountNumber,
});

const pickerMock = {
  request: { query: PatientPickerDocument, variables: { search: 'Rivera' } },
  result: {
    data: {
      patients: {
        __typename: 'PatientConnection',
        totalCount: 2,
        edges: [
          { __typename: 'PatientEdge', node: person('p1', 'Mateo', 'A-10042') },
          { __typename: 'PatientEdge', node: person('p2', 'Lucia', 'A-10043') },
        ],
      },
    },
  },
};

const renderQueue = (mocks: Mocks) => renderWithProviders({ at: '/ebilling/unmatched', routes, mocks });

async function openPickerAndSearch(user: ReturnType<typeof renderQueue>['user']) {
  const row = (await screen.findByText('Ana Rivera')).closest('tr')!;
  const match = within(row).getByRole('button', { name: 'Match to patient' });
  expect(match).toHaveAttribute('aria-expanded', 'false');
  await user.click(match);
  expect(match).toHaveAttribute('aria-expanded', 'true');
  const search = screen.getByLabelText('Find patient');
  expect(search).toHaveFocus();
  expect(search).toHaveAccessibleDescription('The clearinghouse sent payer Ana Rivera and account number A-1OO42.');
  await user.type(search, 'Rivera');
  return screen.findByRole('button', { name: 'Post to Lucia Rivera' });
}

describe('Unmatched payments', () => {
  it('shows the queue as sent, and posts a payment to the patient chosen in the search', async () => {
    const matchResult = vi.fn(() => ({
      data: {
        matchUnmatchedPayment: { __typename: 'Payment', id: 'pay-9', status: 'POSTED', patient: { __typename: 'Patient', id: 'p2', firstName: 'Lucia', lastName: 'Rivera' } },
      },
    }));
    const { user } = renderQueue([
      statusMock(2),
      queueMock([unmatched(), unmatched({ id: 'pay-10', payerName: null, accountNumber: null, amountCents: 2500 })]),
      pickerMock,
      { request: { query: MatchUnmatchedPaymentDocument, variables: { paymentId: 'pay-9', patientId: 'p2' } }, result: matchResult },
      // Asked again after posting: the row is gone and the badge counts one less.
      queueMock([unmatched({ id: 'pay-10', payerName: null, accountNumber: null, amountCents: 2500 })]),
      statusMock(1),
    ]);

    const row = (await screen.findByText('Ana Rivera')).closest('tr')!;
    expect(within(row).getByText('A-1OO42')).toBeInTheDocument();
    expect(within(row).getByText('$40.00')).toBeInTheDocument();
    expect(within(row).getByText('Payment')).toBeInTheDocument();
    const anonymous = screen.getByText('$25.00').closest('tr')!;
    expect(within(anonymous).getByText('Unknown')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: '2 unmatched payments' })).toBeInTheDocument();

    const post = await openPickerAndSearch(user);
    expect(screen.getByRole('button', { name: 'Post to Mateo Rivera' })).toBeInTheDocument();
    expect(screen.getByText('A-10043')).toBeInTheDocument();
    await user.click(post);

    expect(await screen.findByText('Posted to Lucia Rivera.')).toBeInTheDocument();
    expect(screen.getByText('Posted to Lucia Rivera.').closest('[role="status"]')).not.toBeNull();
    expect(matchResult).toHaveBeenCalledTimes(1);
    expect(screen.queryByText('Ana Rivera')).not.toBeInTheDocument();
    expect(screen.queryByLabelText('Find patient')).not.toBeInTheDocument();
    expect(await screen.findByRole('link', { name: '1 unmatched payment' })).toBeInTheDocument();
  });

  it('shows the server’s message when the payment cannot be posted, and keeps the search open', async () => {
    const message = 'That payment is not waiting to be matched (it may have been matched already).';
    const { user } = renderQueue([
      statusMock(1),
      queueMock([unmatched()]),
      pickerMock,
      {
        request: { query: MatchUnmatchedPaymentDocument, variables: { paymentId: 'pay-9', patientId: 'p2' } },
        result: { errors: [graphQLError(message, 'BAD_USER_INPUT', { field: 'paymentId' })] },
      },
    ]);
    await user.click(await openPickerAndSearch(user));

    expect(await screen.findByRole('alert')).toHaveTextContent(message);
    expect(screen.getByLabelText('Find patient')).toBeInTheDocument();
    expect(screen.queryByText(/Posted to/)).not.toBeInTheDocument();
  });

  it('does not offer to match a refund: it posts with the payment it undoes, or changes nothing', async () => {
    renderQueue([
      statusMock(3),
      queueMock([
        unmatched({ id: 'sale', payerName: 'Ana Rivera' }),
        unmatched({ id: 'waiting', kind: 'REFUND', amountCents: -1000, payerName: 'Ben Rivera', reverses: 'sale' }),
        unmatched({ id: 'orphan', kind: 'REFUND', amountCents: -4000, payerName: 'Cal Rivera' }),
      ]),
    ]);
    const waiting = (await screen.findByText('Ben Rivera')).closest('tr')!;
    expect(within(waiting).getByText('Refund')).toBeInTheDocument();
    expect(within(waiting).queryByRole('button', { name: 'Match to patient' })).not.toBeInTheDocument();
    expect(within(waiting).getByText('Posts together with the payment it undoes, when you match that payment.')).toBeInTheDocument();
    const orphan = screen.getByText('Cal Rivera').closest('tr')!;
    expect(within(orphan).queryByRole('button', { name: 'Match to patient' })).not.toBeInTheDocument();
    expect(within(orphan).getByText('Undoes a payment the portal never received: it changes no balance.')).toBeInTheDocument();
    expect(within(screen.getByText('Ana Rivera').closest('tr')!).getByRole('button', { name: 'Match to patient' })).toBeInTheDocument();
  });

  it('says when nothing is waiting', async () => {
    renderQueue([statusMock(0), queueMock([])]);
    expect(await screen.findByText(EMPTY_QUEUE)).toBeInTheDocument();
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
  });
});
