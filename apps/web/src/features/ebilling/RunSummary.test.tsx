import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { RunSummary_ResultFragment } from '../../gql/graphql.ts';
import { renderWithProviders } from '../../test/render.tsx';
import { RunSummary } from './RunSummary.tsx';

function result(overrides: Partial<RunSummary_ResultFragment> = {}): RunSummary_ResultFragment {
  return {
    reportsFetched: 1,
    reportsProcessed: 1,
    reportsFailed: 0,
    paymentsPosted: 3,
    refundsPosted: 0,
    paymentsUnmatched: 0,
    duplicates: 0,
    conflicts: 0,
    fetchError: null,
    reports: [{ id: 'r1', fileName: 'era-0305.835', status: 'PROCESSED', error: null }],
    ...overrides,
  };
}

const renderSummary = (value: RunSummary_ResultFragment) =>
  renderWithProviders({ at: '/ebilling/reports', element: <RunSummary kind="fetch" result={value} finishedAt="2026-03-05T15:00:00.000Z" /> });

const number = (label: string) => screen.getByText(label, { selector: 'dt' }).parentElement!;

describe('RunSummary', () => {
  it('counts conflicts and sends staff to the Conflicts tab, beside the fetch warning', () => {
    const fetchError =
      'Could not read the drop folder /srv/kinpay/inbox/instamed/demogp.test: permission denied. Reports already received were still processed.';
    renderSummary(result({ conflicts: 2, fetchError }));

    expect(within(number('Conflicts')).getByText('2')).toBeInTheDocument();
    expect(number('Conflicts')).toHaveClass('is-attention');
    const line = screen.getByText(/conflict with earlier ones/);
    expect(line).toHaveTextContent('2 transactions conflict with earlier ones: see Conflicts. They were not posted.');
    expect(within(line).getByRole('link', { name: 'Conflicts' })).toHaveAttribute('href', '/ebilling/conflicts');
    expect(screen.getByText(fetchError)).toHaveClass('notice--warning');
  });

  it('says one conflict in the singular', () => {
    renderSummary(result({ conflicts: 1 }));
    expect(screen.getByText(/conflicts with an earlier one/)).toHaveTextContent(
      '1 transaction conflicts with an earlier one: see Conflicts. It was not posted.',
    );
  });

  it('says nothing about conflicts when there are none', () => {
    renderSummary(result());
    expect(number('Conflicts')).not.toHaveClass('is-attention');
    expect(screen.queryByRole('link', { name: 'Conflicts' })).not.toBeInTheDocument();
    expect(screen.queryByText(/conflict with earlier/)).not.toBeInTheDocument();
  });
});
