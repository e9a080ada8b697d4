import { act, screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { graphQLError, money } from '../../test/fixtures.ts';
import { renderWithProviders } from '../../test/render.tsx';
import { PAGE_SIZE, PatientsPage, PatientsPageDocument } from './PatientsPage.tsx';

const row = (id: string, firstName: string, lastName: string, balanceCents = 0) => ({
  __typename: 'PatientEdge',
  cursor: `cursor-${id}`,
  node: {
    __typename: 'Patient',
    id,
    firstName,
    lastName,
    dateOfBirth: '2018-12-31',
    accountNumber: `A-${id}`,
    balance: money(balanceCents),
  },
});

const page = (edges: ReturnType<typeof row>[], totalCount: number, endCursor: string | null, hasNextPage: boolean) => ({
  data: {
    patients: {
      __typename: 'PatientConnection',
      totalCount,
      pageInfo: { __typename: 'PageInfo', hasNextPage, endCursor },
      edges,
    },
  },
});

const vars = (overrides: { search?: string | null; hasBalance?: boolean | null; after?: string | null } = {}) => ({
  search: null,
  hasBalance: null,
  first: PAGE_SIZE,
  after: null,
  ...overrides,
});

describe('PatientsPage', () => {
  it('lists patients with links, the total, and pages forward and back by cursor', async () => {
    const mocks = [
      { request: { query: PatientsPageDocument, variables: vars() }, result: page([row('1', 'Ana', 'Abbott', 4000)], 2, 'c1', true) },
      { request: { query: PatientsPageDocument, variables: vars({ after: 'c1' }) }, result: page([row('2', 'Ben', 'Baker')], 2, 'c2', false) },
      { request: { query: PatientsPageDocument, variables: vars() }, result: page([row('1', 'Ana', 'Abbott', 4000)], 2, 'c1', true) },
    ];
    const { user } = renderWithProviders({ at: '/patients', element: <PatientsPage />, mocks });

    const link = await screen.findByRole('link', { name: 'Abbott, Ana' });
    expect(link).toHaveAttribute('href', '/patients/1');
    expect(screen.getByText('2 patients')).toBeInTheDocument();
    const table = screen.getByRole('table');
    expect(within(table).getByText('$40.00')).toBeInTheDocument();
    expect(within(table).getByText('Dec 31, 2018')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Previous page' })).toBeDisabled();

    await user.click(screen.getByRole('button', { name: 'Next page' }));
    expect(await screen.findByRole('link', { name: 'Baker, Ben' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Next page' })).toBeDisabled();

    await user.click(screen.getByRole('button', { name: 'Previous page' }));
    expect(await screen.findByRole('link', { name: 'Abbott, Ana' })).toBeInTheDocument();
  });

  it('keeps "only with a balance due" in the URL but never the search text', async () => {
    const mocks = [
      { request: { query: PatientsPageDocument, variables: vars() }, result: page([row('1', 'Ana', 'Abbott')], 1, 'c1', false) },
      { request: { query: PatientsPageDocument, variables: vars({ hasBalance: true }) }, result: page([row('1', 'Ana', 'Abbott', 4000)], 1, 'c1', false) },
      {
        request: { query: PatientsPageDocument, variables: vars({ hasBalance: true, search: 'Zed' }) },
        result: page([], 0, null, false),
      },
    ];
    const { user, router } = renderWithProviders({ at: '/patients', element: <PatientsPage />, mocks });
    await screen.findByText('1 patient');

    await user.click(screen.getByRole('checkbox', { name: 'Only with a balance due' }));
    expect(router.state.location.search).toBe('?hasBalance=true');
    expect(await screen.findByText('$40.00')).toBeInTheDocument();

    await user.type(screen.getByLabelText('Search patients'), 'Zed');
    await user.click(screen.getByRole('button', { name: 'Search' }));
    expect(await screen.findByText('No patients found.')).toBeInTheDocument();
    expect(router.state.location.search).toBe('?hasBalance=true');
    expect(router.state.location.search).not.toContain('Zed');
  });

  it('keeps the page on screen while the next one loads, then shows and announces the new page number', async () => {
    const mocks = [
      { request: { query: PatientsPageDocument, variables: vars() }, result: page([row('1', 'Ana', 'Abbott')], 30, 'c1', true) },
      { request: { query: PatientsPageDocument, variables: vars({ after: 'c1' }) }, result: page([row('2', 'Ben', 'Baker')], 30, 'c2', false), delay: 1000 },
    ];
    const { user } = renderWithProviders({ at: '/patients', element: <PatientsPage />, mocks });
    await screen.findByRole('link', { name: 'Abbott, Ana' });
    const pages = screen.getByRole('navigation', { name: 'Pages' });
    const pageNumber = within(pages).getByText('Page 1 of 2');
    expect(pageNumber).toHaveAttribute('aria-live', 'polite');
    const section = screen.getByRole('table', { name: 'Patients' }).closest('section')!;
    expect(section).toHaveAttribute('aria-busy', 'false');

    await user.click(within(pages).getByRole('button', { name: 'Next page' }));
    // Still page 1 on screen, marked busy; both buttons wait.
    expect(screen.getByRole('link', { name: 'Abbott, Ana' })).toBeInTheDocument();
    expect(pageNumber).toHaveTextContent('Page 1 of 2');
    expect(section).toHaveAttribute('aria-busy', 'true');
    expect(section).toHaveClass('is-refreshing');
    expect(within(pages).getByRole('button', { name: 'Next page' })).toBeDisabled();
    expect(within(pages).getByRole('button', { name: 'Previous page' })).toBeDisabled();

    await act(() => vi.advanceTimersByTimeAsync(1000));
    expect(await screen.findByRole('link', { name: 'Baker, Ben' })).toBeInTheDocument();
    // The same live region, with the new number: screen readers announce it with the new rows.
    expect(pageNumber).toHaveTextContent('Page 2 of 2');
    expect(section).toHaveAttribute('aria-busy', 'false');
    expect(screen.getByText('30 patients')).toBeInTheDocument();
  });

  it('opens with the balance filter from the address, and starts again from the first page when the filter changes', async () => {
    const mocks = [
      { request: { query: PatientsPageDocument, variables: vars({ hasBalance: true }) }, result: page([row('1', 'Ana', 'Abbott', 4000)], 26, 'c1', true) },
      {
        request: { query: PatientsPageDocument, variables: vars({ hasBalance: true, after: 'c1' }) },
        result: page([row('3', 'Cy', 'Cole', 1000)], 26, 'c3', false),
      },
      { request: { query: PatientsPageDocument, variables: vars() }, result: page([row('2', 'Ben', 'Baker')], 40, 'c2', true) },
    ];
    const { user, router } = renderWithProviders({ at: '/patients?hasBalance=true', element: <PatientsPage />, mocks });
    expect(await screen.findByRole('link', { name: 'Abbott, Ana' })).toBeInTheDocument();
    expect(screen.getByRole('checkbox', { name: 'Only with a balance due' })).toBeChecked();

    await user.click(screen.getByRole('button', { name: 'Next page' }));
    expect(await screen.findByRole('link', { name: 'Cole, Cy' })).toBeInTheDocument();
    expect(screen.getByText('Page 2 of 2')).toBeInTheDocument();

    await user.click(screen.getByRole('checkbox', { name: 'Only with a balance due' }));
    expect(await screen.findByRole('link', { name: 'Baker, Ben' })).toBeInTheDocument();
    expect(screen.getByText('Page 1 of 2')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Previous page' })).toBeDisabled();
    expect(router.state.location.search).toBe('');
  });

  it('shows a failure with a retry', async () => {
    const mocks = [
      {
        request: { query: PatientsPageDocument, variables: vars() },
        result: { errors: [graphQLError('Something went wrong on our side. Please try again.', 'INTERNAL_SERVER_ERROR')] },
      },
    ];
    renderWithProviders({ at: '/patients', element: <PatientsPage />, mocks });
    expect(await screen.findByRole('alert')).toHaveTextContent('Something went wrong on our side.');
    expect(screen.getByRole('button', { name: 'Try again' })).toBeInTheDocument();
  });
});
