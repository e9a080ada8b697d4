import { screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { PaymentKind, PaymentStatus } from '../../gql/graphql.ts';
import { ebillingStatus, graphQLError, money } from '../../test/fixtures.ts';
import { renderWithProviders } from '../../test/render.tsx';
import { ConflictsTab, EMPTY_CONFLICTS, NOTE_REQUIRED, PaymentConflictsDocument, ResolvePaymentConflictDocument } from './ConflictsTab.tsx';
import { EbillingCenterPage } from './EbillingCenterPage.tsx';
import { EbillingStatusDocument } from './EbillingNavLink.tsx';

type Mocks = NonNullable<Parameters<typeof renderWithProviders>[0]['mocks']>;

const routes = [
  { path: '/ebilling', element: <EbillingCenterPage />, children: [{ path: 'conflicts', element: <ConflictsTab /> }] },
  { path: '/patients/:id', element: <h1>Patient page</h1> },
];

const renderConflicts = (mocks: Mocks, at = '/ebilling/conflicts') => renderWithProviders({ at, routes, mocks });

const statusMock = (conflictsCount: number) => ({
  request: { query: EbillingStatusDocument },
  result: { data: { ebillingStatus: ebillingStatus({ conflictsCount }) } },
});

function conflict(
  overrides: Partial<{
    id: string;
    transactionId: string;
    amountCents: number;
    kind: PaymentKind;
    payerName: string | null;
    differences: string[];
    resolved: { at: string; note: string } | null;
    patient: { id: string; firstName: string; lastName: string } | null;
    paymentStatus: PaymentStatus;
  }> = {},
) {
  const id = overrides.id ?? 'c1';
  const transactionId = overrides.transactionId ?? 'IM-4471';
  const patient = overrides.patient === undefined ? { id: 'p1', firstName: 'Mateo', lastName: 'Rivera' } : overrides.patient;
  return {
    __typename: 'PaymentConflict',
    id,
    transactionId,
    originalTransactionId: null,
    kind: overrides.kind ?? 'SALE',
    amount: money(overrides.amountCents ?? 4500),
    accountNumber: 'A-10042',
    payerName: overrides.payerName === undefined ? 'RIVERA, ANA' : overrides.payerName,
    occurredAt: '2026-03-05T14:00:00.000Z',
    location: 'line 7',
    differences: overrides.differences ?? ['Amount: $40.00 recorded, $45.00 in this report.'],
    createdAt: '2026-03-05T15:00:00.000Z',
    resolvedAt: overrides.resolved?.at ?? null,
    resolvedBy: overrides.resolved ? { __typename: 'StaffName', firstName: 'Alma', lastName: 'Admin' } : null,
    resolutionNote: overrides.resolved?.note ?? null,
    report: { __typename: 'RemittanceReport', id: 'r9', fileName: 'era-0305.835' },
    payment: {
      __typename: 'Payment',
      id: `pay-${id}`,
      kind: 'SALE',
      status: overrides.paymentStatus ?? 'POSTED',
      amount: money(4000),
      accountNumber: 'A-10042',
      payerName: 'Ana Rivera',
      receivedAt: '2026-03-04T15:00:00.000Z',
      location: 'notice',
      patient: patient ? { __typename: 'Patient', ...patient } : null,
      report: { __typename: 'RemittanceReport', id: 'r8', fileName: `instamed-notice-Approved_${transactionId}.json` },
    },
  };
}

const conflictsMock = (includeResolved: boolean, conflicts: ReturnType<typeof conflict>[]) => ({
  request: { query: PaymentConflictsDocument, variables: { includeResolved } },
  result: { data: { paymentConflicts: conflicts } },
});

/** The rows of the side-by-side table: label, recorded payment, report's version. */
function comparison(card: HTMLElement) {
  const table = within(card).getByRole('table');
  return within(table)
    .getAllByRole('row')
    .slice(1)
    .map((row) => [
      within(row).getByRole('rowheader').textContent,
      ...within(row)
        .getAllByRole('cell')
        .map((cell) => cell.textContent),
    ]);
}

describe('Conflicts tab', () => {
  it('opens at its own address and shows both versions of each conflict side by side, with what differs', async () => {
    renderConflicts([
      statusMock(2),
      conflictsMock(false, [
        conflict(),
        conflict({
          id: 'c2',
          transactionId: 'IM-4480',
          patient: null,
          paymentStatus: 'UNMATCHED',
          payerName: null,
          differences: ['Payer name: Ana Rivera recorded, none in this report.'],
        }),
      ]),
    ]);
    const tabs = screen.getByRole('navigation', { name: 'eBilling Center' });
    expect(within(tabs).getByRole('link', { name: 'Conflicts' })).toHaveAttribute('aria-current', 'page');
    expect(screen.getByText('Loading conflicts…')).toBeInTheDocument();

    const card = await screen.findByRole('article', { name: 'Transaction IM-4471' });
    expect(screen.getByText('2 conflicts to resolve, newest first.')).toBeInTheDocument();
    expect(within(card).getByText('To resolve')).toBeInTheDocument();
    expect(card).toHaveTextContent('Named again in era-0305.835 (line 7)');
    expect(within(card).getByRole('list', { name: 'What differs' })).toHaveTextContent('Amount: $40.00 recorded, $45.00 in this report.');
    expect(
      within(card)
        .getAllByRole('columnheader')
        .map((h) => h.textContent),
    ).toEqual(['Recorded payment', 'In the report era-0305.835']);
    const rows = comparison(card);
    expect(rows).toEqual([
      ['Amount', '$40.00', '$45.00'],
      ['Kind', 'Payment', 'Payment'],
      ['Account number', 'A-10042', 'A-10042'],
      ['Payer name', 'Ana Rivera', 'RIVERA, ANA'],
      ['Date', expect.stringMatching(/^Received Mar 4, 2026/), expect.stringMatching(/^Occurred Mar 5, 2026/)],
      ['Status', 'Posted', 'Not posted'],
      ['Patient', 'Mateo Rivera', '—'],
      ['Where', 'instamed-notice-Approved_IM-4471.json, notice', 'era-0305.835, line 7'],
    ]);
    expect(within(card).getByRole('link', { name: 'Mateo Rivera' })).toHaveAttribute('href', '/patients/p1');

    const unmatched = screen.getByRole('article', { name: 'Transaction IM-4480' });
    expect(comparison(unmatched)).toContainEqual(['Payer name', 'Ana Rivera', 'Not given']);
    expect(comparison(unmatched)).toContainEqual(['Status', 'Unmatched (waiting for staff)', 'Not posted']);
    expect(comparison(unmatched)).toContainEqual(['Patient', 'None yet', '—']);
  });

  it('resolves a conflict with a note, says so, and refreshes the list and the badge', async () => {
    const note = 'Called InstaMed: the $45.00 was a typo in their file. Nothing to change here.';
    const resolveResult = vi.fn(() => ({
      data: { resolvePaymentConflict: conflict({ resolved: { at: '2026-03-06T10:00:00.000Z', note } }) },
    }));
    const { user } = renderConflicts([
      statusMock(1),
      conflictsMock(false, [conflict()]),
      { request: { query: ResolvePaymentConflictDocument, variables: { id: 'c1', note } }, result: resolveResult },
      // Asked again after resolving: the list is empty and the badge gone.
      conflictsMock(false, []),
      statusMock(0),
    ]);
    const tabs = screen.getByRole('navigation', { name: 'eBilling Center' });
    expect(await within(tabs).findByRole('link', { name: 'Conflicts', description: '1 unresolved conflict' })).toBeInTheDocument();
    const card = await screen.findByRole('article', { name: 'Transaction IM-4471' });

    await user.type(within(card).getByLabelText('What was done'), `  ${note}  `);
    await user.click(within(card).getByRole('button', { name: 'Mark resolved' }));

    const done = await screen.findByText('The conflict on transaction IM-4471 is resolved.');
    expect(done.closest('[role="status"]')).not.toBeNull();
    expect(done).toHaveFocus();
    expect(resolveResult).toHaveBeenCalledTimes(1);
    expect(await screen.findByText(EMPTY_CONFLICTS)).toBeInTheDocument();
    expect(within(tabs).getByRole('link', { name: 'Conflicts' })).not.toHaveAttribute('aria-describedby');
  });

  it('asks for the note before sending anything', async () => {
    const resolveResult = vi.fn();
    const { user } = renderConflicts([
      statusMock(1),
      conflictsMock(false, [conflict()]),
      { request: { query: ResolvePaymentConflictDocument, variables: () => true }, result: resolveResult },
    ]);
    const card = await screen.findByRole('article', { name: 'Transaction IM-4471' });
    const field = within(card).getByLabelText('What was done');
    await user.type(field, '   ');
    await user.click(within(card).getByRole('button', { name: 'Mark resolved' }));

    expect(within(card).getByRole('alert')).toHaveTextContent(NOTE_REQUIRED);
    expect(field).toHaveAttribute('aria-invalid', 'true');
    expect(field).toHaveAccessibleDescription(expect.stringContaining(NOTE_REQUIRED));
    expect(field).toHaveFocus();
    expect(resolveResult).not.toHaveBeenCalled();
    // Writing something clears it.
    await user.type(field, 'Refunded the difference.');
    expect(within(card).queryByRole('alert')).not.toBeInTheDocument();
  });

  it('shows the server’s message when it refuses, keeping the note', async () => {
    const message = 'That conflict is not open (it may have been resolved already).';
    const { user } = renderConflicts([
      statusMock(1),
      conflictsMock(false, [conflict()]),
      {
        request: { query: ResolvePaymentConflictDocument, variables: { id: 'c1', note: 'Done.' } },
        result: { errors: [graphQLError(message, 'BAD_USER_INPUT', { field: 'id' })] },
      },
    ]);
    const card = await screen.findByRole('article', { name: 'Transaction IM-4471' });
    await user.type(within(card).getByLabelText('What was done'), 'Done.');
    await user.click(within(card).getByRole('button', { name: 'Mark resolved' }));

    expect(await within(card).findByRole('alert')).toHaveTextContent(message);
    expect(within(card).getByLabelText('What was done')).toHaveValue('Done.');
    expect(screen.queryByText(/is resolved\./)).not.toBeInTheDocument();
  });

  it('puts the server’s message about the note next to it', async () => {
    const message = 'Keep the note under 1,000 characters.';
    const { user } = renderConflicts([
      statusMock(1),
      conflictsMock(false, [conflict()]),
      {
        request: { query: ResolvePaymentConflictDocument, variables: { id: 'c1', note: 'Long story.' } },
        result: { errors: [graphQLError(message, 'BAD_USER_INPUT', { field: 'note' })] },
      },
    ]);
    const card = await screen.findByRole('article', { name: 'Transaction IM-4471' });
    const field = within(card).getByLabelText('What was done');
    await user.type(field, 'Long story.');
    await user.click(within(card).getByRole('button', { name: 'Mark resolved' }));

    expect(await within(card).findByRole('alert')).toHaveTextContent(message);
    expect(field).toHaveAttribute('aria-invalid', 'true');
    expect(field).toHaveAccessibleDescription(expect.stringContaining(message));
  });

  it('shows resolved conflicts too when asked, with who resolved them and their note, and keeps it in the address', async () => {
    const resolved = conflict({
      id: 'c0',
      transactionId: 'IM-4300',
      resolved: { at: '2026-03-01T10:00:00.000Z', note: 'Waystar resent the file with the right account.' },
    });
    const { user, router } = renderConflicts([statusMock(1), conflictsMock(false, [conflict()]), conflictsMock(true, [conflict(), resolved])]);
    await screen.findByRole('article', { name: 'Transaction IM-4471' });
    expect(screen.queryByRole('article', { name: 'Transaction IM-4300' })).not.toBeInTheDocument();

    await user.click(screen.getByRole('checkbox', { name: 'Show resolved conflicts too' }));
    const card = await screen.findByRole('article', { name: 'Transaction IM-4300' });
    expect(router.state.location.search).toBe('?resolved=true');
    expect(screen.getByText('2 conflicts, newest first: 1 to resolve.')).toBeInTheDocument();
    expect(within(card).getByText('Resolved')).toBeInTheDocument();
    expect(within(card).getByText(/^Resolved by Alma Admin on Mar 1, 2026/)).toBeInTheDocument();
    expect(within(card).getByText('Waystar resent the file with the right account.')).toBeInTheDocument();
    expect(within(card).queryByRole('button', { name: 'Mark resolved' })).not.toBeInTheDocument();
  });

  it('opens with resolved ones shown from a link that asks for them', async () => {
    renderConflicts([statusMock(0), conflictsMock(true, [])], '/ebilling/conflicts?resolved=true');
    expect(await screen.findByText('No conflicts yet.')).toBeInTheDocument();
    expect(screen.getByRole('checkbox', { name: 'Show resolved conflicts too' })).toBeChecked();
  });

  it('says when nothing is waiting', async () => {
    renderConflicts([statusMock(0), conflictsMock(false, [])]);
    expect(await screen.findByText(EMPTY_CONFLICTS)).toBeInTheDocument();
    expect(screen.queryByRole('article')).not.toBeInTheDocument();
  });

  it('says when the conflicts could not be loaded, with a way to try again', async () => {
    const { user } = renderConflicts([
      statusMock(1),
      { request: { query: PaymentConflictsDocument, variables: { includeResolved: false } }, error: new TypeError('Failed to fetch') },
      conflictsMock(false, [conflict()]),
    ]);
    const failure = await screen.findByRole('alert');
    expect(failure).toHaveTextContent('We couldn’t load the conflicts.');
    await user.click(within(failure).getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('article', { name: 'Transaction IM-4471' })).toBeInTheDocument();
  });
});
