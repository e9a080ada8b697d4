import { act, screen, within } from '@testing-library/react';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { EbillingStatusDocument } from '../features/ebilling/EbillingNavLink.tsx';
import { FamilyPageDocument } from '../features/family/FamilyPage.tsx';
import { PAGE_SIZE, PatientsPageDocument } from '../features/patients/PatientsPage.tsx';
import type { Role } from '../gql/graphql.ts';
import { renderWithProviders } from '../test/render.tsx';
import { AppLayout, AppShellDocument, PortalStatusDocument, SANDBOX_MESSAGE } from './AppLayout.tsx';
import { routes } from './routes.tsx';

const meMock = (role: Role | null) => ({
  request: { query: AppShellDocument },
  result: {
    data: { me: role ? { __typename: 'User', id: 'u1', firstName: 'Rosa', lastName: 'Rivera', role } : null },
  },
});
const statusMock = (sandbox: boolean) => ({
  request: { query: PortalStatusDocument },
  result: {
    data: { portalStatus: { __typename: 'PortalStatus', practiceName: 'Sunny Pediatrics', sandbox, onlinePaymentsEnabled: true } },
  },
});

const ebillingStatusMock = (unmatchedCount: number) => ({
  request: { query: EbillingStatusDocument },
  result: { data: { ebillingStatus: { __typename: 'EbillingStatus', unmatchedCount, postedLastDayCount: 5, reportsFailedCount: 0, conflictsCount: 0 } } },
});

// What the landing pages ask for; empty is enough here.
const familyMock = {
  request: { query: FamilyPageDocument },
  result: { data: { patients: { __typename: 'PatientConnection', totalCount: 0, edges: [] } } },
};
const patientsMock = {
  request: { query: PatientsPageDocument, variables: { search: null, hasBalance: null, first: PAGE_SIZE, after: null } },
  result: {
    data: {
      patients: {
        __typename: 'PatientConnection',
        totalCount: 0,
        pageInfo: { __typename: 'PageInfo', hasNextPage: false, endCursor: null },
        edges: [],
      },
    },
  },
};

const layoutRoutes = [
  { path: '/sign-in', element: <h1>Sign in page</h1> },
  { element: <AppLayout />, children: [{ path: '/somewhere', element: <h1>Content</h1> }] },
];

describe('AppLayout', () => {
  it('shows the practice, the user, the sandbox banner and the staff navigation', async () => {
    renderWithProviders({ at: '/somewhere', routes: layoutRoutes, mocks: [meMock('BILLING'), statusMock(true), ebillingStatusMock(0)] });

    expect(await screen.findByText('Sunny Pediatrics')).toBeInTheDocument();
    expect(screen.getByText('Rosa Rivera')).toBeInTheDocument();
    expect(screen.getByRole('status')).toHaveTextContent(SANDBOX_MESSAGE);
    const nav = screen.getByRole('navigation', { name: 'Main' });
    expect(within(nav).getByRole('link', { name: 'Patients' })).toHaveAttribute('href', '/patients');
    expect(within(nav).getByRole('link', { name: 'eBilling Center' })).toHaveAttribute('href', '/ebilling');
    expect(within(nav).getByRole('link', { name: 'Online Patient Services' })).toHaveAttribute('href', '/online-patient-services');
    expect(within(nav).getByRole('link', { name: 'GraphQL playground' })).toHaveAttribute('href', '/graphiql');
    expect(screen.getByRole('button', { name: 'Sign out' })).toBeInTheDocument();
  });

  it('badges eBilling Center with the number of unmatched payments, kept fresh by polling', async () => {
    const status = vi.fn().mockReturnValueOnce(ebillingStatusMock(3).result).mockReturnValue(ebillingStatusMock(5).result);
    renderWithProviders({
      at: '/somewhere',
      routes: layoutRoutes,
      mocks: [meMock('ADMIN'), statusMock(false), { request: { query: EbillingStatusDocument }, result: status, maxUsageCount: Number.POSITIVE_INFINITY }],
    });
    const nav = await screen.findByRole('navigation', { name: 'Main' });
    const badge = await within(nav).findByRole('img', { name: '3 unmatched payments' });
    expect(badge).toHaveTextContent('3');
    // Not part of the link's name; it describes the link (browsers read the badge's label).
    const link = within(nav).getByRole('link', { name: 'eBilling Center' });
    expect(link).toHaveAttribute('aria-describedby', badge.id);
    expect(status).toHaveBeenCalledTimes(1);

    // A payment that arrives while staff work elsewhere shows up within a minute: nothing is asked
    // again before then…
    await act(() => vi.advanceTimersByTimeAsync(59_000));
    expect(status).toHaveBeenCalledTimes(1);
    expect(within(nav).getByRole('img')).toHaveAccessibleName('3 unmatched payments');

    // …then the count is asked for again, and the badge follows it.
    await act(() => vi.advanceTimersByTimeAsync(1_000));
    expect(status).toHaveBeenCalledTimes(2);
    expect(await within(nav).findByRole('img', { name: '5 unmatched payments' })).toHaveTextContent('5');
  });

  it('closes the phone menu when a link in it is followed', async () => {
    const { user, router } = renderWithProviders({
      at: '/somewhere',
      routes: [
        {
          element: <AppLayout />,
          children: [
            { path: '/somewhere', element: <h1>Content</h1> },
            { path: '/patients', element: <h1>Patients</h1> },
          ],
        },
      ],
      mocks: [meMock('BILLING'), statusMock(false), ebillingStatusMock(0)],
    });
    const menu = await screen.findByRole('button', { name: 'Menu' });
    expect(menu).toHaveAttribute('aria-expanded', 'false');
    await user.click(menu);
    expect(menu).toHaveAttribute('aria-expanded', 'true');
    expect(screen.getByRole('navigation', { name: 'Main' })).toHaveClass('sidebar--open');

    await user.click(within(screen.getByRole('navigation', { name: 'Main' })).getByRole('link', { name: 'Patients' }));
    expect(await screen.findByRole('heading', { name: 'Patients' })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/patients');
    expect(menu).toHaveAttribute('aria-expanded', 'false');
    expect(screen.getByRole('navigation', { name: 'Main' })).not.toHaveClass('sidebar--open');
  });

  it('shows no badge when nothing is unmatched', async () => {
    renderWithProviders({ at: '/somewhere', routes: layoutRoutes, mocks: [meMock('BILLING'), statusMock(false), ebillingStatusMock(0)] });
    const nav = await screen.findByRole('navigation', { name: 'Main' });
    await screen.findByText('Sunny Pediatrics');
    expect(within(nav).queryByRole('img')).not.toBeInTheDocument();
    expect(within(nav).getByRole('link', { name: 'eBilling Center' })).not.toHaveAttribute('aria-describedby');
  });

  it('gives parents a simple header, without the banner when not in the sandbox', async () => {
    renderWithProviders({ at: '/somewhere', routes: layoutRoutes, mocks: [meMock('PARENT'), statusMock(false)] });
    expect(await screen.findByText('Sunny Pediatrics')).toBeInTheDocument();
    expect(screen.queryByRole('navigation')).not.toBeInTheDocument();
    expect(screen.queryByText(SANDBOX_MESSAGE)).not.toBeInTheDocument();
  });

  it('sends a signed-out visitor to sign in', async () => {
    const { router } = renderWithProviders({ at: '/somewhere', routes: layoutRoutes, mocks: [meMock(null)] });
    expect(await screen.findByRole('heading', { name: 'Sign in page' })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/sign-in');
  });
});

describe('routes', () => {
  // The routes import their pages lazily; importing the signed-in frame here first keeps module
  // loading (real time) from racing the fake clock the queries below wait on. (The pages are
  // imported at the top of this file.)
  beforeAll(async () => {
    await import('./SignedInArea.tsx');
  });

  it.each([
    ['PARENT', '/family'],
    ['BILLING', '/patients'],
    ['ADMIN', '/patients'],
  ] as const)('sends %s from / to %s', async (role, path) => {
    const { router } = renderWithProviders({
      at: '/',
      routes,
      mocks: [meMock(role), statusMock(false), ...(role === 'PARENT' ? [familyMock] : [patientsMock, ebillingStatusMock(0)])],
    });
    await screen.findByText('Sunny Pediatrics');
    expect(router.state.location.pathname).toBe(path);
    expect(await screen.findByRole('heading', { level: 1 })).toHaveTextContent(role === 'PARENT' ? 'Your children' : 'Patients');
  });

  it('keeps parents out of staff pages', async () => {
    const { router } = renderWithProviders({ at: '/patients', routes, mocks: [meMock('PARENT'), statusMock(false), familyMock] });
    await screen.findByText('Sunny Pediatrics');
    expect(router.state.location.pathname).toBe('/family');
  });
});
