import { screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { ebillingStatus, graphQLError, money, payment } from '../../test/fixtures.ts';
import { renderWithProviders } from '../../test/render.tsx';
import { EbillingCenterPage } from './EbillingCenterPage.tsx';
import { EbillingStatusDocument } from './EbillingNavLink.tsx';
import { PatientPickerDocument } from './PatientPicker.tsx';
import {
  CHOOSE_SALE,
  EMPTY_QUEUE,
  MatchUnmatchedPaymentDocument,
  MatchUnmatchedRefundDocument,
  RefundMatchPaymentsDocument,
  UnmatchedPaymentsDocument,
  UnmatchedTab,
} from './UnmatchedTab.tsx';

type Mocks = NonNullable<Parameters<typeof renderWithProviders>[0]['mocks']>;

const routes = [{ path: '/ebilling', element: <EbillingCenterPage />, children: [{ path: 'unmatched', element: <UnmatchedTab /> }] }];

const statusMock = (unmatchedCount: number) => ({
  request: { query: EbillingStatusDocument },
  result: { data: { ebillingStatus: ebillingStatus({ unmatchedCount, postedLastDayCount: 0 }) } },
});

const unmatched = (
  overrides: Partial<{
    id: string;
    kind: string;
    payerName: string | null;
    accountNumber: string | null;
    amountCents: number;
    reverses: string | null;
    originalTransactionId: string | null;
  }> = {},
) => ({
  __typename: 'Payment',
  id: overrides.id ?? 'pay-9',
  receivedAt: '2026-03-04T15:00:00.000Z',
  payerName: overrides.payerName === undefined ? 'Ana Rivera' : overrides.payerName,
  accountNumber: overrides.accountNumber === undefined ? 'A-1OO42' : overrides.accountNumber,
  kind: overrides.kind ?? 'SALE',
  transactionId: `TX-${overrides.id ?? 'pay-9'}`,
  originalTransactionId: overrides.originalTransactionId ?? null,
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
        matchUnmatchedPayment: {
          __typename: 'Payment',
          id: 'pay-9',
          status: 'POSTED',
          patient: { __typename: 'Patient', id: 'p2', firstName: 'Lucia', lastName: 'Rivera' },
        },
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

  it('offers to match a refund whose payment the portal does not have, but not one that posts with a payment in the queue', async () => {
    renderQueue([
      statusMock(3),
      queueMock([
        unmatched({ id: 'sale', payerName: 'Ana Rivera' }),
        unmatched({ id: 'waiting', kind: 'REFUND', amountCents: -1000, payerName: 'Ben Rivera', reverses: 'sale' }),
        unmatched({ id: 'orphan', kind: 'RETURN', amountCents: -4000, payerName: 'Cal Rivera' }),
      ]),
    ]);
    const waiting = (await screen.findByText('Ben Rivera')).closest('tr')!;
    expect(within(waiting).getByText('Refund')).toBeInTheDocument();
    expect(within(waiting).queryByRole('button')).not.toBeInTheDocument();
    expect(within(waiting).getByText('Posts together with the payment it undoes, when you match that payment.')).toBeInTheDocument();
    const orphan = screen.getByText('Cal Rivera').closest('tr')!;
    expect(within(orphan).getByText('Returned eCheck')).toBeInTheDocument();
    expect(within(orphan).queryByRole('button', { name: 'Match to patient' })).not.toBeInTheDocument();
    expect(within(orphan).getByRole('button', { name: 'Match to a payment' })).toHaveAttribute('aria-expanded', 'false');
    expect(within(screen.getByText('Ana Rivera').closest('tr')!).getByRole('button', { name: 'Match to patient' })).toBeInTheDocument();
  });

  it('says when nothing is waiting', async () => {
    renderQueue([statusMock(0), queueMock([])]);
    expect(await screen.findByText(EMPTY_QUEUE)).toBeInTheDocument();
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
  });
});

describe('Matching a refund to a payment', () => {
  const orphan = unmatched({ id: 'ret-1', kind: 'RETURN', amountCents: -1500, payerName: 'Cal Rivera', accountNumber: '10043' });

  /** Lucia's payments as Patient.payments lists them (newest first): two sales and a refund of one. */
  const luciasPayments = [
    payment({ id: 'sale-2', amountCents: 4000, unappliedCents: 1000, receivedAt: '2026-03-02T15:00:00.000Z', transactionId: 'IM-2002' }),
    payment({ id: 'refund-1', kind: 'REFUND', amountCents: -500, receivedAt: '2026-02-20T15:00:00.000Z', transactionId: 'IM-1999' }),
    payment({ id: 'sale-1', amountCents: 2500, receivedAt: '2026-02-10T15:00:00.000Z', transactionId: 'IM-1001' }),
  ].map((p) => ({ ...p, status: 'POSTED', remaining: p.kind === 'SALE' ? money(p.amount.amountCents) : null }));

  const paymentsMock = (payments: typeof luciasPayments | null, extra: Record<string, unknown> = {}) => ({
    request: { query: RefundMatchPaymentsDocument, variables: { patientId: 'p2' } },
    result: { data: { patient: payments ? { __typename: 'Patient', id: 'p2', firstName: 'Lucia', lastName: 'Rivera', payments } : null } },
    ...extra,
  });

  async function openAndChooseLucia(user: ReturnType<typeof renderQueue>['user']) {
    const row = (await screen.findByText('Cal Rivera')).closest('tr')!;
    await user.click(within(row).getByRole('button', { name: 'Match to a payment' }));
    const panel = screen.getByRole('group', { name: /^Match the returned eCheck of \$15\.00 from .+ to a payment$/ });
    expect(panel).toHaveTextContent(
      '$15.00 is taken back from that payment, first from any credit it left on the account, then from the charges it paid, which are owed again.',
    );
    const search = within(panel).getByLabelText('Find patient');
    expect(search).toHaveAccessibleDescription('The clearinghouse sent payer Cal Rivera and account number 10043.');
    await user.type(search, 'Rivera');
    await user.click(await within(panel).findByRole('button', { name: 'Choose Lucia Rivera' }));
    return panel;
  }

  it('names the sale the clearinghouse gave, and does not offer a payment with less left than the refund takes back', async () => {
    const named = unmatched({
      id: 'ret-1',
      kind: 'RETURN',
      amountCents: -1500,
      payerName: 'Cal Rivera',
      accountNumber: '10043',
      originalTransactionId: 'IM-0999',
    });
    const spent = luciasPayments.map((p) => (p.id === 'sale-1' ? { ...p, remaining: money(1000) } : p));
    const { user } = renderQueue([statusMock(1), queueMock([named]), pickerMock, paymentsMock(spent)]);
    const panel = await openAndChooseLucia(user);
    const choices = await within(panel).findByRole('group', { name: 'Lucia Rivera’s payments' });
    expect(within(choices).getByText(/Choose the one this returned eCheck undoes/)).toHaveTextContent(
      'Posted payments, newest first. Choose the one this returned eCheck undoes (the clearinghouse names transaction IM-0999).',
    );
    const radios = within(choices).getAllByRole('radio');
    expect(radios[0]).toBeEnabled();
    expect(radios[1]).toBeDisabled();
    expect(radios[1]).toHaveAccessibleName(/\$10\.00 left after earlier refunds Less is left of it than this takes back\.$/);
  });

  it('takes the refund back from the posted payment chosen, and says what happened', async () => {
    const matchResult = vi.fn(() => ({
      data: {
        matchUnmatchedRefund: {
          __typename: 'Payment',
          id: 'ret-1',
          status: 'POSTED',
          patient: { __typename: 'Patient', id: 'p2', firstName: 'Lucia', lastName: 'Rivera' },
        },
      },
    }));
    const { user } = renderQueue([
      statusMock(1),
      queueMock([orphan]),
      pickerMock,
      paymentsMock(luciasPayments),
      { request: { query: MatchUnmatchedRefundDocument, variables: { paymentId: 'ret-1', saleId: 'sale-1' } }, result: matchResult },
      queueMock([]),
      statusMock(0),
    ]);
    const panel = await openAndChooseLucia(user);

    expect(within(panel).getByText('Loading Lucia Rivera’s payments…')).toBeInTheDocument();
    const choices = await within(panel).findByRole('group', { name: 'Lucia Rivera’s payments' });
    // Only the sales: the refund is not money that can be taken back.
    const radios = within(choices).getAllByRole('radio');
    expect(radios).toHaveLength(2);
    expect(radios[0]).toHaveAccessibleName(/^Mar 2, 2026 \$40\.00 Transaction IM-2002 \$10\.00 of it kept as credit$/);
    expect(radios[1]).toHaveAccessibleName(/^Feb 10, 2026 \$25\.00 Transaction IM-1001$/);

    // Nothing chosen yet: it asks, and sends nothing.
    await user.click(within(panel).getByRole('button', { name: 'Take $15.00 back from the chosen payment' }));
    expect(within(panel).getByRole('alert')).toHaveTextContent(CHOOSE_SALE);
    expect(matchResult).not.toHaveBeenCalled();

    await user.click(radios[1]!);
    await user.click(within(panel).getByRole('button', { name: 'Take $15.00 back from the chosen payment' }));

    const done = await screen.findByText('The returned eCheck of $15.00 was taken back from Lucia Rivera’s payment of $25.00 from Feb 10, 2026.');
    expect(done.closest('[role="status"]')).not.toBeNull();
    expect(matchResult).toHaveBeenCalledTimes(1);
    expect(screen.queryByRole('group', { name: /^Match the returned eCheck/ })).not.toBeInTheDocument();
    expect(await screen.findByText(EMPTY_QUEUE)).toBeInTheDocument();
  });

  it('shows the server’s message when it refuses, and keeps the choice open', async () => {
    const message = 'That payment has $10.00 left to take back, less than this return’s $15.00.';
    const { user } = renderQueue([
      statusMock(1),
      queueMock([orphan]),
      pickerMock,
      paymentsMock(luciasPayments),
      {
        request: { query: MatchUnmatchedRefundDocument, variables: { paymentId: 'ret-1', saleId: 'sale-2' } },
        result: { errors: [graphQLError(message, 'BAD_USER_INPUT', { field: 'saleId' })] },
      },
    ]);
    const panel = await openAndChooseLucia(user);
    await user.click(await within(panel).findByRole('radio', { name: /IM-2002/ }));
    await user.click(within(panel).getByRole('button', { name: 'Take $15.00 back from the chosen payment' }));

    expect(await within(panel).findByRole('alert')).toHaveTextContent(message);
    expect(within(panel).getByRole('radio', { name: /IM-2002/ })).toBeChecked();
    expect(within(panel).getByRole('button', { name: 'Take $15.00 back from the chosen payment' })).toBeEnabled();
    expect(screen.queryByText(/was taken back/)).not.toBeInTheDocument();
  });

  it('says when the patient has no posted payment, and goes back to the search', async () => {
    const { user } = renderQueue([statusMock(1), queueMock([orphan]), pickerMock, paymentsMock([luciasPayments[1]!])]);
    const panel = await openAndChooseLucia(user);

    expect(await within(panel).findByText('Lucia Rivera has no posted payments.')).toBeInTheDocument();
    expect(within(panel).queryByRole('radio')).not.toBeInTheDocument();
    await user.click(within(panel).getByRole('button', { name: 'Choose another patient' }));
    expect(within(panel).getByLabelText('Find patient')).toBeInTheDocument();
  });

  it('says when the payments could not be loaded, with a way to try again', async () => {
    const { user } = renderQueue([
      statusMock(1),
      queueMock([orphan]),
      pickerMock,
      { request: { query: RefundMatchPaymentsDocument, variables: { patientId: 'p2' } }, error: new TypeError('Failed to fetch') },
      paymentsMock(luciasPayments),
    ]);
    const panel = await openAndChooseLucia(user);

    const failure = await within(panel).findByRole('alert');
    expect(failure).toHaveTextContent('We couldn’t load Lucia Rivera’s payments.');
    expect(failure).toHaveTextContent('We couldn’t reach Kinpay.');
    await user.click(within(failure).getByRole('button', { name: 'Try again' }));
    expect(await within(panel).findAllByRole('radio')).toHaveLength(2);
  });
});
