import { screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { ebillingStatus, graphQLError, remittanceReport as report } from '../../test/fixtures.ts';
import { renderWithProviders } from '../../test/render.tsx';
import { EbillingCenterPage } from './EbillingCenterPage.tsx';
import { EbillingStatusDocument } from './EbillingNavLink.tsx';
import { formatBytes } from './labels.tsx';
import { RemittanceReportsDocument, REPORTS_PAGE_SIZE, ReportsTab, RetryReportDocument } from './ReportsTab.tsx';

type Mocks = NonNullable<Parameters<typeof renderWithProviders>[0]['mocks']>;
type MockResult = Mocks[number]['result'];
type Report = ReturnType<typeof report>;

const routes = [
  { path: '/ebilling', element: <EbillingCenterPage />, children: [{ path: 'reports', element: <ReportsTab /> }] },
  { path: '/ebilling/conflicts', element: <h1>Conflicts page</h1> },
];

const renderReports = (mocks: Mocks) => renderWithProviders({ at: '/ebilling/reports', routes, mocks });

const statusMock = (result: MockResult = () => ({ data: { ebillingStatus: ebillingStatus({ reportsFailedCount: 1 }) } })) => ({
  request: { query: EbillingStatusDocument },
  result,
  maxUsageCount: Number.POSITIVE_INFINITY,
});

const listOf = (reports: Report[]) => ({
  data: {
    remittanceReports: {
      __typename: 'RemittanceReportConnection',
      totalCount: reports.length,
      pageInfo: { __typename: 'PageInfo', hasNextPage: false, endCursor: null },
      nodes: reports,
    },
  },
});

const reportsMock = (result: MockResult, extra: Record<string, unknown> = {}) => ({
  request: { query: RemittanceReportsDocument, variables: { first: REPORTS_PAGE_SIZE, after: null } },
  result,
  maxUsageCount: Number.POSITIVE_INFINITY,
  ...extra,
});

const rowOf = async (fileName: string) => (await screen.findByRole('rowheader', { name: new RegExp(`^${fileName.replace(/\./g, '\\.')}\\b`) })).closest('tr')!;
/** The full-width row under a report's: why it failed, Try again, what trying again came to. */
const detailOf = (row: HTMLElement) => row.nextElementSibling as HTMLElement;

const PAYEE_REASON =
  'This file is for NPI 1999999984 (N1*PE), but this practice’s NPI is 1234567893. It was not posted. If the practice’s NPI has changed, update it under Preferences → eBilling, then press Try again.';

const failed = report({
  id: 'r2',
  fileName: 'other-payee.835',
  status: 'FAILED',
  error: PAYEE_REASON,
  payee: 'OTHER CLINIC · NPI 1999999984',
  paymentsPosted: 0,
  totalCents: 0,
});

describe('Reports tab', () => {
  it('shows each report’s format version, size, payee and conflicts, and a failed one’s reason across the table', async () => {
    renderReports([
      statusMock(),
      reportsMock(() =>
        listOf([
          report({
            formatVersion: 'IMDPA14',
            format: 'IMDPA',
            fileName: 'posting-0304.txt',
            sizeBytes: 12_700,
            payee: 'merchant ID SUNNY01',
            conflicts: 2,
            duplicates: 1,
          }),
          failed,
          report({
            id: 'r3',
            fileName: 'huge.835',
            status: 'FAILED',
            error: 'The file is 60 MB; reports over 50 MB are not kept.',
            canRetry: false,
            downloadUrl: null,
            formatVersion: null,
            sizeBytes: 62_914_560,
            paymentsPosted: 0,
          }),
        ]),
      ),
    ]);

    const imdpa = await rowOf('posting-0304.txt');
    const file = within(imdpa).getByRole('rowheader');
    expect(file).toHaveTextContent('Clearinghouse · IMDPA · version IMDPA14');
    expect(file).toHaveTextContent('12.4 KB · Download posting-0304.txt');
    expect(file).toHaveTextContent('Payee: merchant ID SUNNY01');
    // Received, Status, Posted, Refunds, Unmatched, Duplicates, Conflicts, Total.
    expect(
      within(imdpa)
        .getAllByRole('cell')
        .map((cell) => cell.textContent),
    ).toEqual([expect.any(String), 'Processed', '2', '0', '0', '1', '2 (see Conflicts)', '$80.00']);
    expect(within(imdpa).getByRole('link', { name: '2 (see Conflicts)' })).toHaveAttribute('href', '/ebilling/conflicts');

    const payeeRow = await rowOf('other-payee.835');
    // A processed report has no row under it: the next report follows.
    expect(detailOf(imdpa)).toBe(payeeRow);
    expect(within(payeeRow).getByText('Failed')).toBeInTheDocument();
    expect(within(payeeRow).getByRole('rowheader')).toHaveTextContent('Payee: OTHER CLINIC · NPI 1999999984');
    const reason = detailOf(payeeRow);
    expect(within(reason).getByText(PAYEE_REASON)).toBeInTheDocument();
    expect(within(reason).getByRole('cell')).toHaveAttribute('colspan', '9');
    expect(within(reason).getByRole('button', { name: 'Try again processing other-payee.835' })).toBeEnabled();

    // Refused for its size: never kept, so nothing to download or try again.
    const huge = await rowOf('huge.835');
    expect(within(huge).getByRole('rowheader')).toHaveTextContent('60 MB · File not kept');
    expect(within(huge).queryByRole('link')).not.toBeInTheDocument();
    expect(within(detailOf(huge)).getByText('The file is 60 MB; reports over 50 MB are not kept.')).toBeInTheDocument();
    expect(within(detailOf(huge)).queryByRole('button')).not.toBeInTheDocument();
  });

  it('says it is loading, then that it failed, with a way to try again', async () => {
    const result = vi
      .fn()
      .mockReturnValueOnce({ errors: [graphQLError('Only billing staff can do that.', 'FORBIDDEN')] })
      .mockReturnValue(listOf([report()]));
    const { user } = renderReports([statusMock(), reportsMock(result)]);

    expect(screen.getByText('Loading reports…')).toBeInTheDocument();
    const failure = await screen.findByRole('alert');
    expect(failure).toHaveTextContent('We couldn’t load the reports.');
    expect(failure).toHaveTextContent('Only billing staff can do that.');
    await user.click(within(failure).getByRole('button', { name: 'Try again' }));
    expect(await rowOf('era-0304.835')).toBeInTheDocument();
  });

  it('Try again processes a failed report anew, says what it posted, and refreshes the list and the badges', async () => {
    const processed = report({ id: 'r2', fileName: 'other-payee.835', payee: failed.payee, paymentsPosted: 2, duplicates: 1, conflicts: 1, totalCents: 6500 });
    let retried = false;
    const listResult = vi.fn(() => listOf([retried ? processed : failed]));
    const statusResult = vi.fn(() => ({ data: { ebillingStatus: ebillingStatus({ reportsFailedCount: retried ? 0 : 1, conflictsCount: retried ? 1 : 0 }) } }));
    const retryResult = vi.fn(() => {
      retried = true;
      return { data: { retryReport: processed } };
    });
    const { user } = renderReports([
      statusMock(statusResult),
      reportsMock(listResult),
      { request: { query: RetryReportDocument, variables: { id: 'r2' } }, result: retryResult, delay: 200 },
    ]);
    const row = await rowOf('other-payee.835');
    expect(await screen.findByRole('link', { name: '1 failed report' })).toBeInTheDocument();
    const button = within(detailOf(row)).getByRole('button', { name: 'Try again processing other-payee.835' });

    await user.click(button);
    expect(button).toBeDisabled();
    expect(button).toHaveTextContent('Trying again…');

    const outcome = await within(detailOf(row)).findByText(
      'other-payee.835 was processed: 2 payments posted, 1 already posted before, 1 conflict to look at under Conflicts.',
    );
    expect(outcome.closest('[role="status"]')).not.toBeNull();
    // The button went with the failure: the keyboard stays on what happened.
    expect(outcome).toHaveFocus();
    expect(within(row).getByText('Processed')).toBeInTheDocument();
    expect(within(detailOf(row)).queryByText(PAYEE_REASON)).not.toBeInTheDocument();
    expect(retryResult).toHaveBeenCalledTimes(1);
    expect(listResult.mock.calls.length).toBeGreaterThanOrEqual(2);
    expect(statusResult.mock.calls.length).toBeGreaterThanOrEqual(2);
    expect(await screen.findByRole('link', { name: '1 unresolved conflict' })).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: '1 failed report' })).not.toBeInTheDocument();
  });

  it('shows the new reason when the report fails again, and keeps Try again', async () => {
    const newReason =
      'The sender marked this file as test data (ISA15 = T). It was not posted. To post test files, turn on test mode under Preferences → eBilling.';
    const again = { ...failed, error: newReason };
    let retried = false;
    const { user } = renderReports([
      statusMock(),
      reportsMock(() => listOf([retried ? again : failed])),
      {
        request: { query: RetryReportDocument, variables: { id: 'r2' } },
        result: () => {
          retried = true;
          return { data: { retryReport: again } };
        },
      },
    ]);
    const row = await rowOf('other-payee.835');
    await user.click(within(detailOf(row)).getByRole('button', { name: 'Try again processing other-payee.835' }));

    expect(await within(detailOf(row)).findByText('Tried again: other-payee.835 failed again, for the reason above.')).toBeInTheDocument();
    expect(within(detailOf(row)).getByText(newReason)).toBeInTheDocument();
    expect(within(detailOf(row)).queryByText(PAYEE_REASON)).not.toBeInTheDocument();
    expect(within(detailOf(row)).getByRole('button', { name: 'Try again processing other-payee.835' })).toBeEnabled();
  });

  it('shows the server’s message when it refuses to try again', async () => {
    const message = 'That report cannot be tried again: only a failed report that was kept can.';
    const { user } = renderReports([
      statusMock(),
      reportsMock(() => listOf([failed])),
      { request: { query: RetryReportDocument, variables: { id: 'r2' } }, result: { errors: [graphQLError(message, 'BAD_USER_INPUT', { field: 'id' })] } },
    ]);
    const row = await rowOf('other-payee.835');
    await user.click(within(detailOf(row)).getByRole('button', { name: 'Try again processing other-payee.835' }));

    expect(await within(detailOf(row)).findByRole('alert')).toHaveTextContent(`other-payee.835 could not be tried again. ${message}`);
    expect(within(detailOf(row)).getByText(PAYEE_REASON)).toBeInTheDocument();
    expect(within(detailOf(row)).getByRole('button', { name: 'Try again processing other-payee.835' })).toBeEnabled();
  });
});

describe('formatBytes', () => {
  it.each([
    [1, '1 byte'],
    [812, '812 bytes'],
    [2048, '2 KB'],
    [12_700, '12.4 KB'],
    [62_914_560, '60 MB'],
  ])('%d bytes read as %s', (bytes, text) => {
    expect(formatBytes(bytes)).toBe(text);
  });
});
