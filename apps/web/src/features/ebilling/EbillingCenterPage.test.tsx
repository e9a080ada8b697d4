import { act, screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { application, ebillingStatus, graphQLError, money, payment, remittanceReport as report } from '../../test/fixtures.ts';
import { renderWithProviders } from '../../test/render.tsx';
import { ConflictsTab } from './ConflictsTab.tsx';
import { CreditsTab, CREDITS_PAGE_SIZE, CurrentCreditsDocument } from './CreditsTab.tsx';
import { EbillingCenterPage, FETCHING_MESSAGE, FetchAndProcessReportsDocument, PROCESSING_MESSAGE, ProcessReportsDocument } from './EbillingCenterPage.tsx';
import { EbillingStatusDocument } from './EbillingNavLink.tsx';
import { EbillingPaymentsDocument, PAYMENTS_PAGE_SIZE, PaymentsTab } from './PaymentsTab.tsx';
import { RemittanceReportsDocument, REPORTS_PAGE_SIZE, ReportsTab } from './ReportsTab.tsx';
import { UnmatchedTab } from './UnmatchedTab.tsx';

type Mocks = NonNullable<Parameters<typeof renderWithProviders>[0]['mocks']>;

const routes = [
  {
    path: '/ebilling',
    element: <EbillingCenterPage />,
    children: [
      { path: 'reports', element: <ReportsTab /> },
      { path: 'payments', element: <PaymentsTab /> },
      { path: 'unmatched', element: <UnmatchedTab /> },
      { path: 'conflicts', element: <ConflictsTab /> },
      { path: 'credits', element: <CreditsTab /> },
    ],
  },
  { path: '/patients/:id', element: <h1>Patient page</h1> },
];

const renderCenter = (at: string, mocks: Mocks) => renderWithProviders({ at, routes, mocks });

const statusMock = (unmatchedCount = 0, reportsFailedCount = 0, conflictsCount = 0) => ({
  request: { query: EbillingStatusDocument },
  result: { data: { ebillingStatus: ebillingStatus({ unmatchedCount, reportsFailedCount, conflictsCount }) } },
  maxUsageCount: Number.POSITIVE_INFINITY,
});

const reportsData = (reports: ReturnType<typeof report>[], pageInfo = { hasNextPage: false, endCursor: null as string | null }) => ({
  data: {
    remittanceReports: {
      __typename: 'RemittanceReportConnection',
      totalCount: reports.length,
      pageInfo: { __typename: 'PageInfo', ...pageInfo },
      nodes: reports,
    },
  },
});

const reportsMock = (result: ReturnType<typeof reportsData> | (() => ReturnType<typeof reportsData>), after: string | null = null) => ({
  request: { query: RemittanceReportsDocument, variables: { first: REPORTS_PAGE_SIZE, after } },
  result,
  maxUsageCount: Number.POSITIVE_INFINITY,
});

const FAILED_ERROR = 'The file does not add up: the payments total $120.00 but the header says $100.00.';

function runResult(overrides: Partial<Record<string, unknown>> = {}) {
  return {
    __typename: 'FetchAndProcessResult',
    reportsFetched: 2,
    reportsProcessed: 2,
    reportsFailed: 1,
    paymentsPosted: 3,
    refundsPosted: 1,
    paymentsUnmatched: 1,
    duplicates: 4,
    conflicts: 0,
    fetchError: null,
    reports: [
      { __typename: 'RemittanceReport', id: 'r1', fileName: 'era-0304.835', status: 'PROCESSED', error: null },
      { __typename: 'RemittanceReport', id: 'r2', fileName: 'bad.835', status: 'FAILED', error: FAILED_ERROR },
    ],
    ...overrides,
  };
}

const startsWith = (text: string) => new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\b`);

/** The number shown next to a label of the last run's summary. */
function summaryValue(label: string) {
  const summary = screen.getByRole('heading', { name: 'Last run' }).closest('section')!;
  const term = within(summary).getByText(label, { selector: 'dt' });
  return term.nextElementSibling?.textContent;
}

describe('eBilling Center', () => {
  it('has the tabs as links, with the current one marked', async () => {
    renderCenter('/ebilling/reports', [statusMock(3), reportsMock(reportsData([]))]);
    expect(screen.getByRole('heading', { level: 1, name: 'eBilling Center' })).toBeInTheDocument();
    const tabs = screen.getByRole('navigation', { name: 'eBilling Center' });
    expect(within(tabs).getByRole('link', { name: 'Reports' })).toHaveAttribute('aria-current', 'page');
    expect(within(tabs).getByRole('link', { name: 'Payments' })).toHaveAttribute('href', '/ebilling/payments');
    expect(within(tabs).getByRole('link', { name: 'Unmatched payments' })).toHaveAttribute('href', '/ebilling/unmatched');
    expect(within(tabs).getByRole('link', { name: 'Conflicts' })).toHaveAttribute('href', '/ebilling/conflicts');
    expect(within(tabs).getByRole('link', { name: 'Current credits' })).toHaveAttribute('href', '/ebilling/credits');
    expect(await screen.findByRole('link', { name: '3 unmatched payments' })).toHaveAttribute('href', '/ebilling/unmatched');
    expect(await screen.findByText('No reports yet.')).toBeInTheDocument();
  });

  it('badges the Unmatched payments and Conflicts tabs with the work waiting in them, and says so under the heading', async () => {
    renderCenter('/ebilling/reports', [statusMock(3, 0, 2), reportsMock(reportsData([]))]);
    const tabs = screen.getByRole('navigation', { name: 'eBilling Center' });
    // The badge is not part of the tab's name: it describes it.
    expect(await within(tabs).findByRole('link', { name: 'Conflicts', description: '2 unresolved conflicts' })).toHaveTextContent('Conflicts2');
    expect(within(tabs).getByRole('link', { name: 'Unmatched payments', description: '3 unmatched payments' })).toBeInTheDocument();
    expect(within(tabs).getByRole('link', { name: 'Reports' })).not.toHaveAttribute('aria-describedby');
    expect(screen.getByRole('link', { name: '2 unresolved conflicts' })).toHaveAttribute('href', '/ebilling/conflicts');
  });

  it('shows no badge on a tab with nothing waiting', async () => {
    renderCenter('/ebilling/reports', [statusMock(0, 0, 0), reportsMock(reportsData([]))]);
    expect(await screen.findByText('No unmatched payments')).toBeInTheDocument();
    const tabs = screen.getByRole('navigation', { name: 'eBilling Center' });
    expect(within(tabs).getByRole('link', { name: 'Conflicts' })).not.toHaveAttribute('aria-describedby');
    expect(within(tabs).getByRole('link', { name: 'Conflicts' })).toHaveTextContent(/^Conflicts$/);
    expect(screen.queryByRole('link', { name: /unresolved conflict/ })).not.toBeInTheDocument();
  });

  it('Fetch and Process Reports shows progress, then the summary, the fetch warning and the run’s reports, and refreshes the lists', async () => {
    const fetchError = 'Could not fetch reports from the clearinghouse: /api/reports answered 503. Reports already received were still processed.';
    const reportsResult = vi.fn(() => reportsData([report()]));
    const statusResult = vi.fn(() => statusMock(0).result);
    const mocks: Mocks = [
      { ...statusMock(0), result: statusResult },
      reportsMock(reportsResult),
      {
        request: { query: FetchAndProcessReportsDocument },
        result: { data: { fetchAndProcessReports: runResult({ fetchError }) } },
        delay: 1300,
      },
    ];
    const { user } = renderCenter('/ebilling/reports', mocks);
    await screen.findByRole('rowheader', { name: startsWith('era-0304.835') });
    expect(reportsResult).toHaveBeenCalledTimes(1);

    const fetchButton = screen.getByRole('button', { name: 'Fetch and Process Reports' });
    await user.click(fetchButton);

    expect(fetchButton).toBeDisabled();
    expect(screen.getByRole('button', { name: 'Process' })).toBeDisabled();
    const progress = screen.getByText(FETCHING_MESSAGE).closest('[role="status"]');
    expect(progress).not.toBeNull();
    expect(screen.getByRole('progressbar')).toBeInTheDocument();
    expect(await screen.findByText(PROCESSING_MESSAGE, undefined, { timeout: 2000 })).toBeInTheDocument();

    const heading = await screen.findByRole('heading', { name: 'Last run' }, { timeout: 3000 });
    expect(heading.closest('[role="status"]')).not.toBeNull();
    expect(summaryValue('Reports fetched')).toBe('2');
    expect(summaryValue('Payments posted')).toBe('3');
    expect(summaryValue('Refunds and reversals')).toBe('1');
    expect(summaryValue('Unmatched')).toBe('1');
    expect(summaryValue('Failed')).toBe('1');
    expect(summaryValue('Already posted (duplicates)')).toBe('4');
    expect(screen.getByText(fetchError)).toBeInTheDocument();
    const runReports = screen.getByRole('table', { name: 'Reports in this run' });
    expect(within(runReports).getByText('bad.835')).toBeInTheDocument();
    expect(within(runReports).getByText(FAILED_ERROR)).toHaveClass('report-error');
    // A report that processed has no error: its dash is not shown in the error style.
    const processedRow = within(runReports).getByRole('row', { name: startsWith('era-0304.835') });
    const noError = within(processedRow).getAllByRole('cell').at(-1)!;
    expect(noError).toHaveTextContent('—');
    expect(noError).not.toHaveClass('report-error');
    expect(screen.getByRole('link', { name: 'Match the unmatched payments to patients' })).toHaveAttribute('href', '/ebilling/unmatched');
    expect(screen.queryByRole('progressbar')).not.toBeInTheDocument();
    expect(fetchButton).toBeEnabled();

    // The list on screen and the badge's numbers are asked for again (each answers in its own time).
    await vi.waitFor(() => {
      expect(reportsResult).toHaveBeenCalledTimes(2);
      expect(statusResult.mock.calls.length).toBeGreaterThanOrEqual(2);
    });
  });

  it('Process runs processReports (no fetching) and shows its summary', async () => {
    const processResult = vi.fn(() => ({ data: { processReports: runResult({ reportsFetched: 0, reportsFailed: 0, paymentsUnmatched: 0, reports: [] }) } }));
    const fetchResult = vi.fn(() => ({ data: { fetchAndProcessReports: runResult() } }));
    const { user } = renderCenter('/ebilling/reports', [
      statusMock(),
      reportsMock(reportsData([report()])),
      { request: { query: ProcessReportsDocument }, result: processResult },
      { request: { query: FetchAndProcessReportsDocument }, result: fetchResult },
    ]);
    await screen.findByRole('rowheader', { name: startsWith('era-0304.835') });

    await user.click(screen.getByRole('button', { name: 'Process' }));
    expect(screen.getByText(PROCESSING_MESSAGE)).toBeInTheDocument();
    expect(await screen.findByRole('heading', { name: 'Last run' })).toBeInTheDocument();
    expect(processResult).toHaveBeenCalledTimes(1);
    expect(fetchResult).not.toHaveBeenCalled();
    expect(summaryValue('Payments posted')).toBe('3');
    expect(screen.queryByText('Reports fetched', { selector: 'dt' })).not.toBeInTheDocument();
    expect(screen.getByText('No reports were waiting to be processed.')).toBeInTheDocument();
  });

  it('says so when a run fails', async () => {
    const { user } = renderCenter('/ebilling/reports', [
      statusMock(),
      reportsMock(reportsData([report()])),
      { request: { query: ProcessReportsDocument }, result: { errors: [graphQLError('Only billing staff can do that.', 'FORBIDDEN')] } },
    ]);
    await screen.findByRole('rowheader', { name: startsWith('era-0304.835') });
    await user.click(screen.getByRole('button', { name: 'Process' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Process did not finish. Only billing staff can do that.');
    expect(screen.getByRole('button', { name: 'Process' })).toBeEnabled();
  });

  it('lists reports with their source, counts and total, a failed one’s error, a download link, and pages', async () => {
    const failed = report({ id: 'r2', fileName: 'bad.835', source: 'DROP_FOLDER', status: 'FAILED', error: FAILED_ERROR, paymentsPosted: 0, totalCents: 0 });
    const { user } = renderCenter('/ebilling/reports', [
      statusMock(0, 1),
      reportsMock(reportsData([report({ paymentsUnmatched: 1, duplicates: 2, totalCents: 12345 }), failed], { hasNextPage: true, endCursor: 'c2' })),
      reportsMock(reportsData([report({ id: 'r3', fileName: 'older.csv', format: 'WAYSTAR_CSV', source: 'WEBHOOK' })]), 'c2'),
    ]);

    const failedRow = (await screen.findByRole('rowheader', { name: startsWith('bad.835') })).closest('tr')!;
    expect(within(failedRow).getByText('Failed')).toBeInTheDocument();
    expect(within(failedRow).getByText('Drop folder')).toBeInTheDocument();
    // The reason reads across the table, in the row under the report's.
    const reasonRow = failedRow.nextElementSibling as HTMLElement;
    expect(within(reasonRow).getByText(FAILED_ERROR)).toBeInTheDocument();
    const download = within(failedRow).getByRole('link', { name: 'Download bad.835' });
    expect(download).toHaveAttribute('href', '/ebilling/reports/r2/raw');
    expect(download).toHaveAttribute('download');

    const okRow = screen.getByRole('rowheader', { name: startsWith('era-0304.835') }).closest('tr')!;
    expect(within(okRow).getByText('Processed')).toBeInTheDocument();
    expect(within(okRow).getByText('Clearinghouse')).toBeInTheDocument();
    expect(within(okRow).getByText('X12 835')).toBeInTheDocument();
    expect(within(okRow).getByText('$123.45')).toBeInTheDocument();
    // The status line comes from its own query: it may land after the list.
    expect(await screen.findByRole('link', { name: '1 failed report' })).toBeInTheDocument();

    expect(screen.getByRole('button', { name: 'Previous page' })).toBeDisabled();
    await user.click(screen.getByRole('button', { name: 'Next page' }));
    const older = (await screen.findByRole('rowheader', { name: startsWith('older.csv') })).closest('tr')!;
    expect(within(older).getByText('Webhook')).toBeInTheDocument();
    expect(within(older).getByText('Waystar CSV')).toBeInTheDocument();
    expect(screen.getByText('Page 2 of 2')).toBeInTheDocument();
  });

  it('lists posted payments: patient link, refunds, method, transaction ID, and where the money went', async () => {
    const sale = payment({
      id: 'pay-1',
      amountCents: 5000,
      unappliedCents: 1500,
      transactionId: 'IM-7d1f0c2a-9f4e-4b7e-a1e2-5c3b9d8e7f60',
      applications: [application(3500, { id: 'c1', serviceDate: '2026-11-14', description: 'Rapid strep test' })],
    });
    const refund = payment({
      id: 'pay-2',
      kind: 'REFUND',
      amountCents: -2000,
      cardType: 'MASTERCARD',
      applications: [application(-2000, { id: 'c2', serviceDate: '2026-02-10', description: 'Office visit' })],
    });
    const withPatient = (p: ReturnType<typeof payment>, patientId: string, firstName: string) => ({
      ...p,
      patient: { __typename: 'Patient', id: patientId, firstName, lastName: 'Rivera' },
    });
    const { user, router } = renderCenter('/ebilling/payments', [
      statusMock(),
      {
        request: { query: EbillingPaymentsDocument, variables: { first: PAYMENTS_PAGE_SIZE, after: null } },
        result: {
          data: {
            payments: {
              __typename: 'PaymentConnection',
              totalCount: 2,
              pageInfo: { __typename: 'PageInfo', hasNextPage: false, endCursor: 'c2' },
              nodes: [withPatient(sale, 'p1', 'Mateo'), withPatient(refund, 'p2', 'Lucia')],
            },
          },
        },
      },
    ]);

    const saleRow = (await screen.findByRole('link', { name: 'Mateo Rivera' })).closest('tr')!;
    expect(within(saleRow).getByText('$50.00')).toBeInTheDocument();
    expect(within(saleRow).getByText('Payment')).toBeInTheDocument();
    expect(within(saleRow).getByText('Card (VISA)')).toBeInTheDocument();
    const tx = within(saleRow).getByText('IM-7d1f0c2a-9f4e-4b7e-a1e2-5c3b9d8e7f60');
    expect(tx).toHaveAttribute('title', 'IM-7d1f0c2a-9f4e-4b7e-a1e2-5c3b9d8e7f60');
    expect(within(saleRow).getByRole('list')).toHaveTextContent('Nov 14, 2026 Rapid strep test $35.00');
    expect(within(saleRow).getByText('Credit $15.00')).toBeInTheDocument();

    const refundRow = screen.getByRole('link', { name: 'Lucia Rivera' }).closest('tr')!;
    expect(within(refundRow).getByText('-$20.00', { selector: 'td' })).toHaveClass('num--negative');
    expect(within(refundRow).getByText('Refund')).toBeInTheDocument();
    expect(within(refundRow).getByText('Card (MASTERCARD)')).toBeInTheDocument();

    await user.click(screen.getByRole('link', { name: 'Mateo Rivera' }));
    expect(router.state.location.pathname).toBe('/patients/p1');
  });

  it('lists the patients holding a credit under Current credits, with their credit', async () => {
    const node = (id: string, firstName: string, creditCents: number) => ({
      __typename: 'PatientEdge',
      node: { __typename: 'Patient', id, firstName, lastName: 'Rivera', accountNumber: `A-${id}`, credit: money(creditCents) },
    });
    renderCenter('/ebilling/credits', [
      statusMock(),
      {
        request: { query: CurrentCreditsDocument, variables: { first: CREDITS_PAGE_SIZE, after: null } },
        result: {
          data: {
            patients: {
              __typename: 'PatientConnection',
              totalCount: 2,
              pageInfo: { __typename: 'PageInfo', hasNextPage: false, endCursor: 'c2' },
              edges: [node('p1', 'Mateo', 1500), node('p2', 'Lucia', 250)],
            },
          },
        },
      },
    ]);
    expect(await screen.findByRole('heading', { name: 'Patients with a credit' })).toBeInTheDocument();
    expect(screen.getByText(/2 patients hold a credit\./)).toBeInTheDocument();
    const table = screen.getByRole('table', { name: 'Patients with a credit' });
    const mateo = within(table).getByRole('link', { name: 'Mateo Rivera' }).closest('tr')!;
    expect(mateo).toHaveTextContent('A-p1');
    expect(within(mateo).getByText('$15.00')).toBeInTheDocument();
    expect(within(table).getByRole('link', { name: 'Lucia Rivera' })).toHaveAttribute('href', '/patients/p2');
  });
  it('pages through Current credits by cursor, with the page number', async () => {
    const edge = (id: string, firstName: string, creditCents: number) => ({
      __typename: 'PatientEdge',
      node: { __typename: 'Patient', id, firstName, lastName: 'Rivera', accountNumber: `A-${id}`, credit: money(creditCents) },
    });
    const credits = (edges: ReturnType<typeof edge>[], totalCount: number, pageInfo: { hasNextPage: boolean; endCursor: string | null }) => ({
      data: { patients: { __typename: 'PatientConnection', totalCount, pageInfo: { __typename: 'PageInfo', ...pageInfo }, edges } },
    });
    const { user } = renderCenter('/ebilling/credits', [
      statusMock(),
      {
        request: { query: CurrentCreditsDocument, variables: { first: CREDITS_PAGE_SIZE, after: null } },
        result: credits([edge('p1', 'Mateo', 1500)], 26, { hasNextPage: true, endCursor: 'c1' }),
        maxUsageCount: 2, // again when going back: the cache answers first, then the server
      },
      {
        request: { query: CurrentCreditsDocument, variables: { first: CREDITS_PAGE_SIZE, after: 'c1' } },
        result: credits([edge('p2', 'Lucia', 250)], 26, { hasNextPage: false, endCursor: 'c2' }),
      },
    ]);
    expect(await screen.findByText('26 patients hold a credit.')).toBeInTheDocument();
    expect(screen.getByText('Page 1 of 2')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Next page' }));
    const table = screen.getByRole('table', { name: 'Patients with a credit' });
    expect(await within(table).findByRole('link', { name: 'Lucia Rivera' })).toHaveAttribute('href', '/patients/p2');
    expect(within(table).queryByRole('link', { name: 'Mateo Rivera' })).not.toBeInTheDocument();
    expect(screen.getByText('Page 2 of 2')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Next page' })).toBeDisabled();

    // Back to the first page: at once from the cache, then fresh from the server.
    await user.click(screen.getByRole('button', { name: 'Previous page' }));
    expect(within(table).getByRole('link', { name: 'Mateo Rivera' })).toBeInTheDocument();
    expect(screen.getByText('Page 1 of 2')).toBeInTheDocument();
    await act(() => vi.advanceTimersByTimeAsync(100));
    expect(within(table).getByRole('link', { name: 'Mateo Rivera' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Next page' })).toBeEnabled();
  });

  it('says so when no patient holds a credit', async () => {
    renderCenter('/ebilling/credits', [
      statusMock(),
      {
        request: { query: CurrentCreditsDocument, variables: { first: CREDITS_PAGE_SIZE, after: null } },
        result: {
          data: {
            patients: { __typename: 'PatientConnection', totalCount: 0, pageInfo: { __typename: 'PageInfo', hasNextPage: false, endCursor: null }, edges: [] },
          },
        },
      },
    ]);
    expect(await screen.findByText('No patient holds a credit.')).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'Patients with a credit' })).toBeInTheDocument();
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
    expect(screen.queryByRole('navigation', { name: 'Pages' })).not.toBeInTheDocument();
  });
});
