// Signs in once per role through the real sign-in page and keeps the session for the tests.
import { expect, test as setup } from '@playwright/test';
import { DEMO_PASSWORD, storageStateOf, USERS, type RoleKey } from './users.ts';

for (const role of Object.keys(USERS) as RoleKey[]) {
  setup(`sign in as ${role}`, async ({ page }) => {
    await page.goto('/sign-in');
    await page.getByLabel('Email').fill(USERS[role]);
    await page.getByLabel('Password').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
    await page.context().storageState({ path: storageStateOf(role) });
  });
}
