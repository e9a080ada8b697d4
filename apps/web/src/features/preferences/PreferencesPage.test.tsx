import { act, screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { PortalRoot } from '../../app/RootErrorBoundary.tsx';
import type { Role } from '../../gql/graphql.ts';
import { graphQLError } from '../../test/fixtures.ts';
import { renderWithProviders } from '../../test/render.tsx';
import { INTERVAL_MESSAGE, NPI_MESSAGE, PAYEE_HELP, TEST_MODE_WARNING, UpdateEbillingPreferencesDocument } from './EbillingPreferencesForm.tsx';
import { UpdateClearinghouseSettingsDocument } from './PreferencesForm.tsx';
import { PreferencesPage, PreferencesPageDocument, READ_ONLY_NOTE } from './PreferencesPage.tsx';

const staff = (firstName: string, lastName: string) => ({ __typename: 'StaffName', firstName, lastName });

const options = [
  {
    __typename: 'ClearinghouseOption',
    clearinghouse: 'INSTAMED',
    name: 'InstaMed',
    idLabel: 'Payment ID',
    idHelp: 'Your InstaMed Payment ID (alias), as on your InstaMed Online account: letters, digits and dots.',
    idExample: 'demogp.test',
    available: true,
  },
  {
    __typename: 'ClearinghouseOption',
    clearinghouse: 'WAYSTAR',
    name: 'Waystar',
    idLabel: 'Site ID',
    idHelp: 'Your Waystar site ID, from your Waystar patient payments setup: letters, digits and hyphens.',
    idExample: '12345',
    available: false,
  },
];

function settings(overrides: { clearinghouseId?: string | null; onlinePaymentsEnabled?: boolean; version?: number } = {}) {
  const clearinghouseId = overrides.clearinghouseId === undefined ? 'demogp.test' : overrides.clearinghouseId;
  const onlinePaymentsEnabled = overrides.onlinePaymentsEnabled ?? true;
  const version = overrides.version ?? 1;
  return {
    __typename: 'ClearinghouseSettings',
    clearinghouse: 'INSTAMED',
    clearinghouseId,
    onlinePaymentsEnabled,
    payNowUrlPreview: onlinePaymentsEnabled ? `http://localhost:4100/Form/PaymentPortal/Default?id=${clearinghouseId}` : null,
    sandbox: true,
    updatedAt: '2026-03-01T15:04:00.000Z',
    updatedBy: staff('Alma', 'Admin'),
    history: Array.from({ length: version }, (_, i) => ({
      __typename: 'ClearinghouseSettingsChange',
      version: version - i,
      clearinghouse: 'INSTAMED',
      clearinghouseId,
      onlinePaymentsEnabled,
      changedAt: '2026-03-01T15:04:00.000Z',
      changedBy: staff('Alma', 'Admin'),
    })),
  };
}

type EbillingPreferencesData = {
  agentEnabled: boolean;
  agentIntervalMinutes: number;
  notificationEmails: string[];
  payeeNpi: string | null;
  instamedMerchantId: string | null;
  waystarAccountName: string | null;
  testMode: boolean;
  dropFolders: string[];
};

const ebillingPreferences = (overrides: Partial<EbillingPreferencesData> = {}) => ({
  __typename: 'EbillingPreferences',
  agentEnabled: true,
  agentIntervalMinutes: 60,
  notificationEmails: ['billing@sunny.test'],
  payeeNpi: null,
  instamedMerchantId: null,
  waystarAccountName: null,
  testMode: false,
  dropFolders: ['/srv/kinpay/data/inbox/instamed/demogp.test'],
  ...overrides,
});

/** What the form sends when only the Agent and email fields were touched. */
const unchangedChecks = { payeeNpi: null, instamedMerchantId: null, waystarAccountName: null, testMode: false };

const pageMock = (role: Role, current = settings(), agentLastRunAt: string | null = '2026-03-04T15:00:00.000Z', preferences = ebillingPreferences()) => ({
  request: { query: PreferencesPageDocument },
  result: {
    data: {
      me: { __typename: 'User', id: `user-${role}`, role },
      clearinghouseOptions: options,
      clearinghouseSettings: current,
      ebillingPreferences: preferences,
      ebillingStatus: { __typename: 'EbillingStatus', agentLastRunAt },
    },
  },
});

function renderPreferences(role: Role, extraMocks: Parameters<typeof renderWithProviders>[0]['mocks'] = []) {
  return renderWithProviders({
    at: '/online-patient-services/preferences',
    element: <PreferencesPage />,
    mocks: [pageMock(role), ...(extraMocks ?? [])],
  });
}

describe('PreferencesPage', () => {
  it('labels the ID field after the chosen clearinghouse and disables unavailable ones', async () => {
    renderPreferences('ADMIN');
    const input = await screen.findByLabelText('InstaMed Payment ID');
    expect(input).toHaveValue('demogp.test');
    expect(input).toHaveAccessibleDescription(expect.stringContaining('letters, digits and dots'));
    expect(screen.getByRole('radio', { name: /InstaMed/ })).toBeChecked();
    expect(screen.getByRole('radio', { name: /Waystar/ })).toBeDisabled();
    expect(screen.getByText(/not set up on this server/)).toBeInTheDocument();
    expect(screen.getByRole('checkbox', { name: 'Accept online payments' })).toBeChecked();
    expect(screen.getByRole('link', { name: /id=demogp\.test/ })).toHaveAttribute('target', '_blank');
    expect(screen.getByText(/Last changed by Alma Admin on/)).toBeInTheDocument();
    expect(within(screen.getByRole('table')).getByText('Alma Admin')).toBeInTheDocument();
  });

  it('flags an invalid InstaMed Payment ID at once, with the shared parser’s message', async () => {
    const { user } = renderPreferences('ADMIN');
    const input = await screen.findByLabelText('InstaMed Payment ID');

    await user.clear(input);
    await user.type(input, 'demo gp');
    await user.tab();

    const message = 'An InstaMed Payment ID has only letters, digits and dots (like demogp.test); this one has a space.';
    expect(await screen.findByRole('alert')).toHaveTextContent(message);
    expect(input).toHaveAttribute('aria-invalid', 'true');
    expect(input).toHaveAccessibleDescription(expect.stringContaining(message));

    // Fixing it clears the message while typing.
    await user.clear(input);
    await user.type(input, 'demogp.test');
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    expect(input).not.toHaveAttribute('aria-invalid');
  });

  it('requires an ID to turn payments on', async () => {
    const { user } = renderWithProviders({
      at: '/p',
      element: <PreferencesPage />,
      mocks: [pageMock('ADMIN', settings({ clearinghouseId: null, onlinePaymentsEnabled: false, version: 0 }))],
    });
    await user.click(await screen.findByRole('checkbox', { name: 'Accept online payments' }));
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Enter the practice’s InstaMed Payment ID to turn on online payments.');
    expect(screen.getByText('No changes yet.')).toBeInTheDocument();
  });

  it('shows the server’s BAD_USER_INPUT message next to the ID field', async () => {
    const serverMessage = 'InstaMed does not know the Payment ID “unknown.practice”. Check it on your InstaMed Online account.';
    const { user } = renderPreferences('ADMIN', [
      {
        request: {
          query: UpdateClearinghouseSettingsDocument,
          variables: { input: { clearinghouse: 'INSTAMED', clearinghouseId: 'unknown.practice', onlinePaymentsEnabled: true } },
        },
        result: { errors: [graphQLError(serverMessage, 'BAD_USER_INPUT', { field: 'clearinghouseId' })] },
      },
    ]);
    const input = await screen.findByLabelText('InstaMed Payment ID');
    await user.clear(input);
    await user.type(input, 'unknown.practice');
    await user.click(screen.getByRole('button', { name: 'Save' }));

    expect(await screen.findByRole('alert')).toHaveTextContent(serverMessage);
    expect(input).toHaveAttribute('aria-invalid', 'true');
    expect(input).toHaveAccessibleDescription(expect.stringContaining(serverMessage));
    expect(screen.queryByText('Saved.')).not.toBeInTheDocument();
  });

  it('saves, says "Saved." and shows the new version in the history', async () => {
    const saved = settings({ clearinghouseId: 'demogp.test', onlinePaymentsEnabled: false, version: 2 });
    const { user } = renderPreferences('ADMIN', [
      {
        request: {
          query: UpdateClearinghouseSettingsDocument,
          variables: { input: { clearinghouse: 'INSTAMED', clearinghouseId: 'demogp.test', onlinePaymentsEnabled: false } },
        },
        result: { data: { updateClearinghouseSettings: saved } },
      },
    ]);
    await user.click(await screen.findByRole('checkbox', { name: 'Accept online payments' }));
    await user.click(screen.getByRole('button', { name: 'Save' }));

    expect(await screen.findByText('Saved.')).toBeInTheDocument();
    expect(screen.getByRole('checkbox', { name: 'Accept online payments' })).not.toBeChecked();
    expect(screen.getByText(/Parents don’t see a Pay Now link/)).toBeInTheDocument();
    const rows = within(screen.getByRole('table')).getAllByRole('row');
    expect(rows).toHaveLength(3); // header + versions 2 and 1
  });

  it('shows billing staff everything read-only', async () => {
    renderPreferences('BILLING');
    expect(await screen.findByText(READ_ONLY_NOTE)).toBeInTheDocument();
    expect(screen.getByLabelText('InstaMed Payment ID')).toBeDisabled();
    expect(screen.getByRole('radio', { name: /InstaMed/ })).toBeDisabled();
    expect(screen.getByRole('checkbox', { name: 'Accept online payments' })).toBeDisabled();
    expect(screen.getByRole('button', { name: 'Save' })).toBeDisabled();
    // Still visible: the current link and the history.
    expect(screen.getByRole('link', { name: /id=demogp\.test/ })).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'History' })).toBeInTheDocument();
  });

  it('lets admins edit (no read-only note)', async () => {
    renderPreferences('ADMIN');
    expect(await screen.findByLabelText('InstaMed Payment ID')).toBeEnabled();
    expect(screen.queryByText(READ_ONLY_NOTE)).not.toBeInTheDocument();
  });
});

describe('eBilling Agent and notifications', () => {
  const section = () => screen.getByRole('region', { name: 'eBilling' });

  it('shows billing staff the Agent settings read-only, with when it last ran', async () => {
    renderPreferences('BILLING');
    const checkbox = await screen.findByRole('checkbox', { name: 'Fetch and process reports automatically' });
    expect(checkbox).toBeChecked();
    expect(checkbox).toBeDisabled();
    expect(screen.getByLabelText('Every (minutes)')).toHaveValue(60);
    expect(screen.getByLabelText('Every (minutes)')).toBeDisabled();
    expect(screen.getByLabelText('Email these addresses when payments post')).toHaveValue('billing@sunny.test');
    expect(screen.getByLabelText('Email these addresses when payments post')).toBeDisabled();
    expect(screen.getByRole('button', { name: 'Save eBilling preferences' })).toBeDisabled();
    expect(within(section()).getByText(/^Agent last ran /)).toBeInTheDocument();
  });

  it('refuses an interval outside 5 to 1,440 minutes before sending anything', async () => {
    const save = vi.fn(() => ({ data: { updateEbillingPreferences: ebillingPreferences({ agentIntervalMinutes: 2, notificationEmails: [] }) } }));
    const { user } = renderPreferences('ADMIN', [{ request: { query: UpdateEbillingPreferencesDocument, variables: () => true }, result: save }]);
    const interval = await screen.findByLabelText('Every (minutes)');
    await user.clear(interval);
    await user.type(interval, '2');
    await user.click(screen.getByRole('button', { name: 'Save eBilling preferences' }));

    expect(await within(section()).findByRole('alert')).toHaveTextContent(INTERVAL_MESSAGE);
    expect(interval).toHaveAttribute('aria-invalid', 'true');
    expect(interval).toHaveAccessibleDescription(expect.stringContaining(INTERVAL_MESSAGE));
    expect(save).not.toHaveBeenCalled();
  });

  it('shows the server’s message next to the email addresses', async () => {
    const message = '"billing@" is not an email address.';
    const { user } = renderPreferences('ADMIN', [
      {
        request: {
          query: UpdateEbillingPreferencesDocument,
          variables: { input: { agentEnabled: true, agentIntervalMinutes: 60, notificationEmails: ['billing@sunny.test', 'billing@'], ...unchangedChecks } },
        },
        result: { errors: [graphQLError(message, 'BAD_USER_INPUT', { field: 'notificationEmails' })] },
      },
    ]);
    const emails = await screen.findByLabelText('Email these addresses when payments post');
    await user.type(emails, '{Enter}billing@');
    await user.click(screen.getByRole('button', { name: 'Save eBilling preferences' }));

    expect(await within(section()).findByRole('alert')).toHaveTextContent(message);
    expect(emails).toHaveAttribute('aria-invalid', 'true');
    expect(emails).toHaveAccessibleDescription(expect.stringContaining(message));
  });

  it('saves addresses given one per line or with commas, and says "Saved."', async () => {
    const input = {
      agentEnabled: false,
      agentIntervalMinutes: 15,
      notificationEmails: ['billing@sunny.test', 'office@sunny.test', 'dr@sunny.test'],
      ...unchangedChecks,
    };
    const { user } = renderWithProviders({
      at: '/p',
      element: <PreferencesPage />,
      mocks: [
        {
          ...pageMock('ADMIN'),
          result: { data: { ...pageMock('ADMIN').result.data, ebillingStatus: { __typename: 'EbillingStatus', agentLastRunAt: null } } },
        },
        {
          request: { query: UpdateEbillingPreferencesDocument, variables: { input } },
          result: { data: { updateEbillingPreferences: ebillingPreferences(input) } },
        },
      ],
    });
    expect(await screen.findByText('The Agent has not run yet.')).toBeInTheDocument();
    await user.click(screen.getByRole('checkbox', { name: 'Fetch and process reports automatically' }));
    const interval = screen.getByLabelText('Every (minutes)');
    await user.clear(interval);
    await user.type(interval, '15');
    await user.type(screen.getByLabelText('Email these addresses when payments post'), '{Enter}office@sunny.test, dr@sunny.test');
    await user.click(screen.getByRole('button', { name: 'Save eBilling preferences' }));

    expect(await within(section()).findByText('Saved.')).toBeInTheDocument();
    expect(screen.getByLabelText('Email these addresses when payments post')).toHaveValue('billing@sunny.test\noffice@sunny.test\ndr@sunny.test');
    expect(screen.getByRole('checkbox', { name: 'Fetch and process reports automatically' })).not.toBeChecked();
  });
});

describe('eBilling report checks and drop folders', () => {
  const section = () => screen.getByRole('region', { name: 'eBilling' });
  const agentAsIs = { agentEnabled: true, agentIntervalMinutes: 60, notificationEmails: ['billing@sunny.test'] };

  function renderWith(role: Role, preferences = ebillingPreferences(), extraMocks: Parameters<typeof renderWithProviders>[0]['mocks'] = []) {
    return renderWithProviders({
      at: '/online-patient-services/preferences',
      element: <PreferencesPage />,
      mocks: [pageMock(role, settings(), '2026-03-04T15:00:00.000Z', preferences), ...(extraMocks ?? [])],
    });
  }

  it('shows the payee fields with their help, test mode with its warning, and the drop folders', async () => {
    renderWith(
      'ADMIN',
      ebillingPreferences({
        payeeNpi: '1234567893',
        waystarAccountName: 'Sunny Pediatrics',
        dropFolders: ['/srv/kinpay/data/inbox/instamed/demogp.test', '/srv/kinpay/data/inbox/waystar/12345'],
      }),
    );
    const npi = await screen.findByLabelText('Practice NPI');
    expect(npi).toHaveValue('1234567893');
    expect(npi).toHaveAccessibleDescription(`10 digits. ${PAYEE_HELP}`);
    expect(screen.getByLabelText('InstaMed merchant ID')).toHaveValue('');
    expect(screen.getByLabelText('InstaMed merchant ID')).toHaveAccessibleDescription(PAYEE_HELP);
    expect(screen.getByLabelText('Waystar account name')).toHaveValue('Sunny Pediatrics');

    const testMode = screen.getByRole('checkbox', { name: 'Test mode: post files the sender marked as test data' });
    expect(testMode).not.toBeChecked();
    expect(testMode).toHaveAccessibleDescription(TEST_MODE_WARNING);
    expect(screen.queryByText('Test mode is on.')).not.toBeInTheDocument();

    const folders = within(section()).getByRole('list', { name: 'Drop folders' });
    expect(
      within(folders)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(['/srv/kinpay/data/inbox/instamed/demogp.test', '/srv/kinpay/data/inbox/waystar/12345']);
    expect(within(section()).getByText(/^Put report files here on the server/)).toBeInTheDocument();
  });

  it('shows billing staff the checks read-only, and says so loudly when test mode is on', async () => {
    renderWith('BILLING', ebillingPreferences({ testMode: true, dropFolders: [] }));
    const testMode = await screen.findByRole('checkbox', { name: 'Test mode: post files the sender marked as test data' });
    expect(testMode).toBeChecked();
    expect(testMode).toBeDisabled();
    expect(screen.getByLabelText('Practice NPI')).toBeDisabled();
    expect(within(section()).getByText('Test mode is on.').closest('.notice')).toHaveClass('notice--warning');
    expect(within(section()).getByText(/^None yet: a drop folder comes with the practice’s clearinghouse ID/)).toBeInTheDocument();
  });

  it('sends the payee checks and test mode, empty ones as not checked, and says "Saved."', async () => {
    const input = { ...agentAsIs, payeeNpi: '1234567893', instamedMerchantId: 'SUNNY01', waystarAccountName: null, testMode: true };
    const save = vi.fn(() => ({ data: { updateEbillingPreferences: ebillingPreferences({ ...input }) } }));
    const { user } = renderWith('ADMIN', ebillingPreferences({ waystarAccountName: 'Old Name' }), [
      { request: { query: UpdateEbillingPreferencesDocument, variables: { input } }, result: save },
    ]);
    await user.type(await screen.findByLabelText('Practice NPI'), ' 1234567893 ');
    await user.type(screen.getByLabelText('InstaMed merchant ID'), 'SUNNY01');
    await user.clear(screen.getByLabelText('Waystar account name'));
    await user.click(screen.getByRole('checkbox', { name: 'Test mode: post files the sender marked as test data' }));
    await user.click(screen.getByRole('button', { name: 'Save eBilling preferences' }));

    expect(await within(section()).findByText('Saved.')).toBeInTheDocument();
    expect(save).toHaveBeenCalledTimes(1);
    expect(screen.getByLabelText('Practice NPI')).toHaveValue('1234567893');
    expect(within(section()).getByText('Test mode is on.')).toBeInTheDocument();
  });

  it('refuses an NPI that is not 10 digits before sending anything', async () => {
    const save = vi.fn();
    const { user } = renderWith('ADMIN', ebillingPreferences(), [
      { request: { query: UpdateEbillingPreferencesDocument, variables: () => true }, result: save },
    ]);
    const npi = await screen.findByLabelText('Practice NPI');
    await user.type(npi, '12345');
    await user.click(screen.getByRole('button', { name: 'Save eBilling preferences' }));

    expect(await within(section()).findByRole('alert')).toHaveTextContent(NPI_MESSAGE);
    expect(npi).toHaveAttribute('aria-invalid', 'true');
    expect(npi).toHaveAccessibleDescription(expect.stringContaining(NPI_MESSAGE));
    expect(save).not.toHaveBeenCalled();
  });

  it('shows the server’s messages next to the fields it names, and focuses the first', async () => {
    const npiMessage = '"1234567890" is not an NPI: an NPI is 10 digits, the last a check digit. Copy it from NPPES or the practice\'s 835s (N1*PE).';
    const merchantMessage = 'An InstaMed merchant ID is 1 to 50 letters, digits, dots, dashes or underscores, as in the posting file.';
    const { user } = renderWith('ADMIN', ebillingPreferences(), [
      {
        request: {
          query: UpdateEbillingPreferencesDocument,
          variables: { input: { ...agentAsIs, payeeNpi: '1234567890', instamedMerchantId: 'SUNNY 01', waystarAccountName: null, testMode: false } },
        },
        result: {
          errors: [
            graphQLError(npiMessage, 'BAD_USER_INPUT', { field: 'payeeNpi' }),
            graphQLError(merchantMessage, 'BAD_USER_INPUT', { field: 'instamedMerchantId' }),
          ],
        },
      },
    ]);
    const npi = await screen.findByLabelText('Practice NPI');
    const merchant = screen.getByLabelText('InstaMed merchant ID');
    await user.type(npi, '1234567890');
    await user.type(merchant, 'SUNNY 01');
    await user.click(screen.getByRole('button', { name: 'Save eBilling preferences' }));

    expect(await within(section()).findByText(npiMessage)).toBeInTheDocument();
    expect(npi).toHaveAttribute('aria-invalid', 'true');
    expect(npi).toHaveAccessibleDescription(expect.stringContaining(npiMessage));
    expect(npi).toHaveFocus();
    expect(merchant).toHaveAttribute('aria-invalid', 'true');
    expect(merchant).toHaveAccessibleDescription(expect.stringContaining(merchantMessage));
    expect(within(section()).queryByText('Saved.')).not.toBeInTheDocument();
  });
});

describe('Saving either form (the shared form scaffold)', () => {
  const asIs = { clearinghouse: 'INSTAMED', clearinghouseId: 'demogp.test', onlinePaymentsEnabled: true };
  const saveMock = (result: Record<string, unknown>, delay = 20) => ({
    request: { query: UpdateClearinghouseSettingsDocument, variables: { input: asIs } },
    result,
    delay,
  });

  it('says "Saving…" on the button while the mutation runs, then "Saved." in a polite live region until the next change', async () => {
    const { user } = renderPreferences('ADMIN', [saveMock({ data: { updateClearinghouseSettings: settings({ version: 2 }) } }, 1000)]);
    const form = (await screen.findByLabelText('InstaMed Payment ID')).closest('form')!;
    const status = within(form).getByRole('status');
    expect(status).toBeEmptyDOMElement();

    await user.click(within(form).getByRole('button', { name: 'Save' }));
    const button = within(form).getByRole('button', { name: 'Saving…' });
    expect(button).toBeDisabled();
    expect(status).toBeEmptyDOMElement();

    await act(() => vi.advanceTimersByTimeAsync(1000));
    expect(await within(form).findByRole('button', { name: 'Save' })).toBeEnabled();
    expect(status).toHaveTextContent('Saved.');
    // The other form said nothing.
    expect(within(screen.getByRole('region', { name: 'eBilling' })).getByRole('status')).toBeEmptyDOMElement();

    // A change after saving is not saved yet.
    await user.type(screen.getByLabelText('InstaMed Payment ID'), 'x');
    expect(status).toBeEmptyDOMElement();
  });

  it('shows a failure that names no field above the form, and flags no field', async () => {
    const message = 'Only practice administrators can change these settings.';
    const { user } = renderPreferences('ADMIN', [saveMock({ errors: [graphQLError(message, 'FORBIDDEN')] })]);
    const input = await screen.findByLabelText('InstaMed Payment ID');
    await user.click(screen.getByRole('button', { name: 'Save' }));

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent(message);
    expect(alert).toHaveClass('notice--error');
    expect(alert.nextElementSibling).toHaveClass('form__fields');
    expect(input).not.toHaveAttribute('aria-invalid');
    expect(screen.queryByText('Saved.')).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Save' })).toBeEnabled();
  });

  it('hands a session that ended to the root error boundary, which goes to sign in', async () => {
    const quiet = vi.spyOn(console, 'error').mockImplementation(() => undefined); // React reports the error it rethrows
    try {
      const { user, router } = renderWithProviders({
        at: '/online-patient-services/preferences',
        routes: [
          {
            path: '/',
            element: <PortalRoot />,
            children: [
              { path: 'online-patient-services/preferences', element: <PreferencesPage /> },
              { path: 'sign-in', element: <h1>Sign in page</h1> },
            ],
          },
        ],
        mocks: [pageMock('ADMIN'), saveMock({ errors: [graphQLError('Sign in to continue.', 'UNAUTHENTICATED')] })],
      });
      await user.click(await screen.findByRole('button', { name: 'Save' }));

      expect(await screen.findByRole('heading', { name: 'Sign in page' })).toBeInTheDocument();
      expect(router.state.location.pathname).toBe('/sign-in');
    } finally {
      quiet.mockRestore();
    }
  });
});
