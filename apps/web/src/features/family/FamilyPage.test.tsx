import { screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PortalRoot } from '../../app/RootErrorBoundary.tsx';
import { application, graphQLError, patient, payment, paymentBeingPosted } from '../../test/fixtures.ts';
import { renderWithProviders } from '../../test/render.tsx';
import { FamilyPage, FamilyPageDocument } from './FamilyPage.tsx';

const connection = (children: ReturnType<typeof patient>[]) => ({
  patients: {
    __typename: 'PatientConnection',
    totalCount: children.length,
    edges: children.map((node) => ({ __typename: 'PatientEdge', node })),
  },
});

afterEach(() => vi.restoreAllMocks());

describe('FamilyPage', () => {
  it('shows a card per child, with Pay Now only where the server gave a link', async () => {
    const mocks = [
      {
        request: { query: FamilyPageDocument },
        result: {
          data: connection([
            patient({ id: 'p1', firstName: 'Mateo', payNowUrl: 'https://pay.example.test/x' }),
            patient({ id: 'p2', firstName: 'Lucia', balanceCents: 0, payNowUnavailableReason: 'NO_BALANCE_DUE' }),
          ]),
        },
      },
    ];
    renderWithProviders({ at: '/family', element: <FamilyPage />, mocks });

    expect(screen.getByRole('heading', { name: 'Your children' })).toBeInTheDocument();
    expect(screen.getByRole('status')).toHaveTextContent(/Loading/);
    expect(await screen.findByRole('heading', { name: 'Mateo Rivera' })).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'Lucia Rivera' })).toBeInTheDocument();
    expect(screen.getAllByRole('link', { name: /Pay Now/ })).toHaveLength(1);
    expect(screen.getByText('Nothing is due for Lucia.')).toBeInTheDocument();
  });

  it('shows each child’s payment history and a payment still being posted, from the one family query', async () => {
    const mocks = [
      {
        request: { query: FamilyPageDocument },
        result: {
          data: connection([
            patient({
              id: 'p1',
              firstName: 'Mateo',
              payNowUrl: 'https://pay.example.test/x',
              payments: [payment({ applications: [application(4000, { serviceDate: '2026-11-14', description: 'Rapid strep test' })] })],
              paymentsBeingPosted: [paymentBeingPosted(4000)],
            }),
          ]),
        },
      },
    ];
    renderWithProviders({ at: '/family', element: <FamilyPage />, mocks });
    const history = await screen.findByRole('list', { name: 'Payments for Mateo Rivera' });
    expect(history).toHaveTextContent('Applied to: Nov 14, 2026 Rapid strep test $40.00');
    expect(history).toHaveTextContent('Card (VISA)');
    expect(screen.getByText(/Payment of \$40\.00 received, being posted\./)).toHaveAttribute('role', 'status');
  });

  it('says so when no child is linked', async () => {
    renderWithProviders({
      at: '/family',
      element: <FamilyPage />,
      mocks: [{ request: { query: FamilyPageDocument }, result: { data: connection([]) } }],
    });
    expect(await screen.findByText('No children are linked to your account yet. Please contact the practice.')).toBeInTheDocument();
  });

  it('shows a failure with a retry that loads again', async () => {
    const mocks = [
      {
        request: { query: FamilyPageDocument },
        result: { errors: [graphQLError('Something went wrong on our side. Please try again.', 'INTERNAL_SERVER_ERROR')] },
      },
      { request: { query: FamilyPageDocument }, result: { data: connection([patient({ firstName: 'Mateo' })]) } },
    ];
    const { user } = renderWithProviders({ at: '/family', element: <FamilyPage />, mocks });

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Something went wrong on our side. Please try again.');
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('heading', { name: 'Mateo Rivera' })).toBeInTheDocument();
  });

  it('sends a signed-out user to sign in through the root error boundary', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined); // React reports the caught error
    const { router } = renderWithProviders({
      at: '/family',
      routes: [
        {
          path: '/',
          element: <PortalRoot />,
          children: [
            { path: 'family', element: <FamilyPage /> },
            { path: 'sign-in', element: <h1>Sign in page</h1> },
          ],
        },
      ],
      mocks: [{ request: { query: FamilyPageDocument }, result: { errors: [graphQLError('Please sign in.', 'UNAUTHENTICATED')] } }],
    });

    expect(await screen.findByRole('heading', { name: 'Sign in page' })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/sign-in');
  });
});
