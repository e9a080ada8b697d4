// The first complete capability, as people use it: the admin sets up InstaMed, a parent sees
// Pay Now only where a balance is due and it opens the clearinghouse page for this practice.
import { expect, test, type Page } from '@playwright/test';
import { sandboxURL } from '../playwright.config.ts';
import { artifact, storageStateOf } from './users.ts';

const PAYMENT_ID = 'maplegrove.e2e';

async function openPreferences(page: Page) {
  await page.goto('/');
  await page.getByRole('link', { name: 'Online Patient Services' }).first().click();
  await expect(page.getByRole('heading', { name: 'Online Patient Services' })).toBeVisible();
  await page.getByRole('button', { name: 'Tools' }).click();
  await page.getByRole('menuitem', { name: 'Preferences' }).click();
  await expect(page.getByRole('heading', { name: 'Preferences' })).toBeVisible();
}

async function saveSettings(page: Page, { id, enabled }: { id: string; enabled: boolean }) {
  await page.getByLabel('InstaMed', { exact: true }).check();
  await page.getByLabel('InstaMed Payment ID').fill(id);
  await page.getByLabel('Accept online payments').setChecked(enabled);
  // exact: the page also has "Save eBilling preferences".
  await page.getByRole('button', { name: 'Save', exact: true }).click();
}

test.describe('admin', () => {
  test.use({ storageState: storageStateOf('admin') });

  test('configures InstaMed with the practice’s Payment ID under Online Patient Services → Preferences', async ({ page }) => {
    await openPreferences(page);
    await saveSettings(page, { id: PAYMENT_ID, enabled: true });
    await expect(page.getByText('Saved.')).toBeVisible();
    const preview = page.getByRole('link', { name: new RegExp(`id=${PAYMENT_ID.replace('.', '\\.')}`) });
    await expect(preview).toHaveAttribute('href', `${sandboxURL}/Form/PaymentPortal/Default?id=${PAYMENT_ID}`);
    await expect(page.getByText(/Last changed by Dana Whitfield/)).toBeVisible();
    await page.screenshot({ path: artifact('admin-preferences.png'), fullPage: true });
  });

  test('an invalid Payment ID is refused with a message the admin understands', async ({ page }) => {
    await openPreferences(page);
    await saveSettings(page, { id: 'maple grove/peds', enabled: true });
    await expect(page.getByRole('alert')).toContainText('An InstaMed Payment ID has only letters, digits and dots');
    await expect(page.getByLabel('InstaMed Payment ID')).toHaveAttribute('aria-invalid', 'true');
    await page.screenshot({ path: artifact('admin-preferences-invalid-id.png'), fullPage: true });
    // Nothing was saved: the preview still shows the ID from before.
    await page.reload();
    await expect(page.getByLabel('InstaMed Payment ID')).toHaveValue(PAYMENT_ID);
  });
});

test.describe('parent Rivera', () => {
  test.use({ storageState: storageStateOf('rivera') });

  test('sees Pay Now only on the child with a balance, and it opens the sandbox page for this practice', async ({ page }) => {
    await page.goto('/');
    await expect(page.getByRole('heading', { name: 'Your children' })).toBeVisible();
    const mateo = page.getByRole('article').filter({ hasText: 'Mateo' });
    const lucia = page.getByRole('article').filter({ hasText: 'Lucia' });
    await expect(mateo.getByText('$95.00').first()).toBeVisible();
    await expect(lucia.getByText('Nothing is due for Lucia.')).toBeVisible();
    await expect(lucia.getByRole('link', { name: /Pay Now/ })).toHaveCount(0);
    await expect(page.getByRole('status').filter({ hasText: 'Sandbox' })).toBeVisible();
    await page.screenshot({ path: artifact('parent-family.png'), fullPage: true });

    const payNow = mateo.getByRole('link', { name: /Pay Now/ });
    await expect(payNow).toHaveAttribute('target', '_blank');
    const [paymentPage] = await Promise.all([page.waitForEvent('popup'), payNow.click()]);
    await expect(paymentPage).toHaveURL(`${sandboxURL}/Form/PaymentPortal/Default?id=${PAYMENT_ID}`);
    await expect(paymentPage.getByText(`Payment page for practice ${PAYMENT_ID}`)).toBeVisible();
    await expect(paymentPage.getByText(/SANDBOX/)).toBeVisible();
    await paymentPage.screenshot({ path: artifact('sandbox-payment-page.png'), fullPage: true });
  });

  test('on a phone, sees the same family with itemized charges', async ({ browser }) => {
    const phone = await browser.newContext({ storageState: storageStateOf('rivera'), viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    const page = await phone.newPage();
    await page.goto('/');
    const mateo = page.getByRole('article').filter({ hasText: 'Mateo' });
    await expect(mateo.getByText('Rapid strep test')).toBeVisible();
    await expect(mateo.getByRole('link', { name: /Pay Now/ })).toBeVisible();
    await page.screenshot({ path: artifact('parent-family-phone.png'), fullPage: true });
    await phone.close();
  });
});

test.describe('when the practice turns online payments off', () => {
  test('the parent sees no Pay Now link and is told why', async ({ browser }) => {
    const adminContext = await browser.newContext({ storageState: storageStateOf('admin') });
    const admin = await adminContext.newPage();
    await openPreferences(admin);
    await saveSettings(admin, { id: PAYMENT_ID, enabled: false });
    await expect(admin.getByText('Saved.')).toBeVisible();

    const parentContext = await browser.newContext({ storageState: storageStateOf('rivera') });
    const parent = await parentContext.newPage();
    await parent.goto('/');
    await expect(parent.getByRole('heading', { name: 'Your children' })).toBeVisible();
    await expect(parent.getByRole('link', { name: /Pay Now/ })).toHaveCount(0);
    await expect(parent.getByText(/Online payment isn.t available from this practice yet/).first()).toBeVisible();
    await parent.screenshot({ path: artifact('parent-payments-off.png'), fullPage: true });

    // Turn them back on for whoever runs next.
    await saveSettings(admin, { id: PAYMENT_ID, enabled: true });
    await expect(admin.getByText('Saved.')).toBeVisible();
    await adminContext.close();
    await parentContext.close();
  });
});

test.describe('billing staff', () => {
  test.use({ storageState: storageStateOf('billing') });

  test('find patients with a balance by name, and cannot change payment settings', async ({ page }) => {
    await page.goto('/');
    await expect(page.getByRole('heading', { name: 'Patients' })).toBeVisible();
    await page.getByLabel('Search patients').fill('Rivera');
    await page.getByLabel('Search patients').press('Enter');
    await expect(page.getByRole('link', { name: /Mateo/ })).toBeVisible();
    await expect(page.getByRole('link', { name: /Lucia/ })).toBeVisible();
    await page.getByLabel('Only with a balance due').check();
    await expect(page.getByRole('link', { name: /Lucia/ })).toHaveCount(0);
    await expect(page.getByRole('link', { name: /Mateo/ })).toBeVisible();
    await page.screenshot({ path: artifact('staff-patients.png'), fullPage: true });

    await openPreferences(page);
    await expect(page.getByText('Only practice administrators can change these settings.')).toBeVisible();
    await expect(page.getByLabel('InstaMed Payment ID')).toBeDisabled();
  });
});

test.describe('developer', () => {
  test.use({ storageState: storageStateOf('admin') });

  test('opens the bundled GraphQL playground, signed in with the portal session', async ({ page }) => {
    const external: string[] = [];
    page.on('request', (r) => {
      if (!r.url().startsWith('http://localhost') && !r.url().startsWith('data:') && !r.url().startsWith('blob:')) external.push(r.url());
    });
    await page.goto('/graphiql');
    await expect(page.locator('.graphiql-container')).toBeVisible();
    // GraphiQL draws the Execute button before its Monaco editors exist, and a press before then
    // does nothing (its run() needs both the query and the response editor): wait for both, then press once.
    await expect(page.locator('.graphiql-query-editor .monaco-editor')).toContainText('MyChildren');
    await expect(page.locator('.graphiql-response .monaco-editor')).toBeAttached();
    await page.getByRole('button', { name: /Execute query/i }).click();
    await expect(page.locator('.graphiql-response')).toContainText('"role": "ADMIN"');
    expect(external).toEqual([]);
    await page.screenshot({ path: artifact('graphiql.png') });
  });
});
