import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderWithProviders } from '../../test/render.tsx';
import { OnlinePatientServicesDocument, OnlinePatientServicesPage } from './OnlinePatientServicesPage.tsx';

const mocks = [
  {
    request: { query: OnlinePatientServicesDocument },
    result: {
      data: {
        clearinghouseSettings: {
          __typename: 'ClearinghouseSettings',
          clearinghouse: 'INSTAMED',
          clearinghouseId: 'demogp.test',
          onlinePaymentsEnabled: true,
          sandbox: true,
        },
        clearinghouseOptions: [{ __typename: 'ClearinghouseOption', clearinghouse: 'INSTAMED', name: 'InstaMed', idLabel: 'Payment ID' }],
      },
    },
  },
];

describe('OnlinePatientServicesPage', () => {
  it('shows the status and opens Preferences from the Tools menu', async () => {
    const { user, router } = renderWithProviders({
      at: '/online-patient-services',
      element: <OnlinePatientServicesPage />,
      extraRoutes: [{ path: '/online-patient-services/preferences', element: <h1>Preferences</h1> }],
      mocks,
    });

    expect(screen.getByRole('heading', { name: 'Online Patient Services' })).toBeInTheDocument();
    expect(await screen.findByText('demogp.test')).toBeInTheDocument();
    expect(screen.getByText('InstaMed Payment ID')).toBeInTheDocument();
    expect(screen.getByText('On — families see Pay Now')).toBeInTheDocument();

    const tools = screen.getByRole('button', { name: 'Tools' });
    expect(tools).toHaveAttribute('aria-expanded', 'false');
    expect(screen.queryByRole('menu')).not.toBeInTheDocument();
    await user.click(tools);
    expect(tools).toHaveAttribute('aria-expanded', 'true');
    const item = screen.getByRole('menuitem', { name: 'Preferences' });
    expect(item).toHaveFocus();

    await user.keyboard('{Escape}');
    expect(screen.queryByRole('menu')).not.toBeInTheDocument();
    expect(tools).toHaveFocus();

    await user.click(tools);
    await user.click(screen.getByRole('menuitem', { name: 'Preferences' }));
    expect(router.state.location.pathname).toBe('/online-patient-services/preferences');
    expect(screen.getByRole('heading', { name: 'Preferences' })).toBeInTheDocument();
  });
});
