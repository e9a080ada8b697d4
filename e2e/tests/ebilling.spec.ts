// Issue 3, as people use it: a parent pays on the clearinghouse's page, the portal hears about it
// (webhook) and says it is being posted; billing staff press Fetch and Process Reports in the
// eBilling Center, which posts it once to the child's credit account; a payment the clearinghouse
// could not match waits in the Unmatched queue until staff post it to a patient; a report file left
// in the drop folder posts too; a file that cannot post (an insurance ERA) fails alone, with its
// reason shown in the Reports tab, and the next file still posts.
//
// The tests share one practice and post real payments, so they run in order (serial) and read every
// balance before changing it instead of assuming the seeded one: a retry, or a rerun against a
// server that is still up, starts from whatever the ledger says now.
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { formatCents } from '@kinpay/money';
import { write835, type ReportTransaction } from '@kinpay/remittance';
import { expect, test, type APIRequestContext, type Browser, type Locator, type Page } from '@playwright/test';
import { dataDir, sandboxURL } from '../playwright.config.ts';
import { artifact, storageStateOf, type RoleKey } from './users.ts';

test.describe.configure({ mode: 'serial' });

const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true } as const;

/** "$1,234.50" or "-$5.00" → cents. */
function centsOf(text: string): number {
  const match = /(-)?\$([\d,]+)\.(\d{2})/.exec(text);
  if (!match) throw new Error(`No amount in "${text}"`);
  const cents = Number(match[2]!.replace(/,/g, '')) * 100 + Number(match[3]);
  return match[1] ? -cents : cents;
}

async function signedIn(browser: Browser, role: RoleKey, options: Parameters<Browser['newContext']>[0] = {}) {
  const context = await browser.newContext({ ...options, storageState: storageStateOf(role) });
  return { context, page: await context.newPage() };
}

// ---------------------------------------------------------------------------------------------- family page

function childCard(page: Page, firstName: string): Locator {
  return page.getByRole('article').filter({ has: page.getByRole('heading', { name: new RegExp(`^${firstName} `) }) });
}

/** What the card's header says is due; a credit is negative. */
async function balanceOf(card: Locator): Promise<number> {
  const box = card.locator('.child-card__balance');
  await expect(box).toBeVisible();
  const label = await box.locator('.child-card__balance-label').innerText();
  const amount = centsOf(await box.locator('.child-card__balance-amount').innerText());
  return label === 'Credit' ? -amount : amount;
}

function factOf(scope: Locator, term: string): Locator {
  return scope.locator('dt', { hasText: new RegExp(`^${term}$`) }).locator('+ dd');
}

/** The oldest unpaid charge: the one a payment applies to first. */
async function oldestUnpaidCharge(card: Locator) {
  const rows = card.getByRole('table', { name: /^Unpaid charges for / }).locator('tbody tr');
  await expect(rows.first()).toBeVisible();
  const charges = [];
  for (const row of await rows.all()) {
    charges.push({
      date: (await row.locator('.charges__date').innerText()).trim(),
      description: (await row.locator('.charges__service > span').first().innerText()).trim(),
      owedCents: centsOf(await row.locator('.charges__owed').innerText()),
    });
  }
  // Stable sort: same-day charges keep the order the practice entered them in.
  return charges.sort((a, b) => Date.parse(a.date) - Date.parse(b.date))[0]!;
}

/** The calendar day the browser shows for "now" (payment dates are in the reader's time zone). */
const todayIn = (page: Page) => page.evaluate(() => new Intl.DateTimeFormat('en-US', { dateStyle: 'medium' }).format(new Date()));

// ---------------------------------------------------------------------------------------------- staff pages

async function openEbillingCenter(page: Page) {
  await page.goto('/');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'eBilling Center' }).click();
  await expect(page.getByRole('heading', { name: 'eBilling Center', level: 1 })).toBeVisible();
}

/** Presses Fetch and Process Reports on a freshly opened eBilling Center; returns the "Last run" summary. */
async function fetchAndProcess(page: Page): Promise<Locator> {
  await openEbillingCenter(page);
  await page.getByRole('button', { name: 'Fetch and Process Reports' }).click();
  const summary = page.getByRole('region', { name: 'Last run' });
  await expect(summary).toBeVisible({ timeout: 30_000 });
  return summary;
}

/** A number of the run summary, by its label ("Payments posted", "Unmatched", ...). */
function summaryNumber(summary: Locator, label: string): Locator {
  return summary
    .locator('.run-summary__numbers > div')
    .filter({ has: summary.page().locator('dt').getByText(label, { exact: true }) })
    .locator('dd');
}

async function expectSummary(summary: Locator, numbers: Record<string, number>) {
  for (const [label, value] of Object.entries(numbers)) {
    await expect(summaryNumber(summary, label), label).toHaveText(String(value));
  }
}

function ebillingTab(page: Page, name: string): Locator {
  return page.getByRole('navigation', { name: 'eBilling Center' }).getByRole('link', { name, exact: true });
}

/** The practice's InstaMed Payment ID, as staff see it under Online Patient Services → Preferences. */
async function currentPaymentId(page: Page): Promise<string> {
  await page.goto('/');
  await page.getByRole('link', { name: 'Online Patient Services' }).first().click();
  await page.getByRole('button', { name: 'Tools' }).click();
  await page.getByRole('menuitem', { name: 'Preferences' }).click();
  const field = page.getByLabel('InstaMed Payment ID');
  await expect(field).not.toHaveValue('');
  return field.inputValue();
}

/** Opens the patient's page from the staff patient list (by account number: names repeat) and reads the balance. */
async function staffPatientBalance(page: Page, { name, account }: { name: string; account: string }): Promise<number> {
  await page.goto('/');
  await page.getByLabel('Search patients').fill(account);
  await page.getByLabel('Search patients').press('Enter');
  const row = page.getByRole('table', { name: 'Patients' }).getByRole('row').filter({ hasText: account });
  await expect(row).toHaveCount(1);
  await row.getByRole('link').click();
  await expect(page.getByRole('heading', { name, level: 1 })).toBeVisible();
  await expect(factOf(page.locator('main'), 'Account #')).toHaveText(account);
  return centsOf(await factOf(page.locator('main'), 'Balance').innerText());
}

/** A child of another family (not the Riveras) owing at least `minCents`, from the staff list. */
async function aPatientOwing(page: Page, minCents: number): Promise<{ name: string; account: string }> {
  await page.goto('/');
  await page.getByLabel('Only with a balance due').check();
  const rows = page.getByRole('table', { name: 'Patients' }).locator('tbody tr');
  await expect(rows.first()).toBeVisible();
  for (const row of await rows.all()) {
    const account = (await row.locator('td[data-label="Account #"]').innerText()).trim();
    const balance = centsOf(await row.locator('td[data-label="Balance"]').innerText());
    if (['100101', '100102', '100103'].includes(account) || balance < minCents) continue;
    const [last, first] = (await row.getByRole('link').innerText()).split(', ');
    return { name: `${first} ${last}`, account };
  }
  throw new Error(`No patient owing ${formatCents(minCents)} on the first page`);
}

// ---------------------------------------------------------------------------------------------- the sandbox

interface SandboxPayment {
  transactionId: string;
  amountCents: number;
  webhook?: { deliveredAt?: string; lastError?: string };
}

/** Waits until the sandbox has delivered the payment's notice to the portal's webhook. */
async function expectNoticeDelivered(request: APIRequestContext, paymentId: string, transactionId: string) {
  await expect
    .poll(
      async () => {
        const { payments } = (await (await request.get(`${sandboxURL}/api/payments?practice=${paymentId}`)).json()) as { payments: SandboxPayment[] };
        const payment = payments.find((p) => p.transactionId === transactionId);
        return payment?.webhook?.deliveredAt ? 'delivered' : (payment?.webhook?.lastError ?? 'pending');
      },
      { message: 'the sandbox delivers the notice to the portal', timeout: 15_000 },
    )
    .toBe('delivered');
}

/** The practice's drop folder for its InstaMed Payment ID, as Preferences → eBilling lists it. */
const dropFolderOf = (paymentId: string) => path.join(dataDir, 'inbox', 'instamed', paymentId);

/** Writes a file into the API's drop folder for the practice; returns its path. */
async function dropFile(paymentId: string, name: string, content: string | Buffer): Promise<string> {
  const folder = dropFolderOf(paymentId);
  await mkdir(folder, { recursive: true });
  const file = path.join(folder, name);
  await writeFile(file, content);
  return file;
}

/** Writes InstaMed's X12 835 (dpa835) with these transactions into the drop folder; returns its path. */
const dropReport = (paymentId: string, name: string, transactions: ReportTransaction[]) =>
  dropFile(
    paymentId,
    name,
    write835(transactions, {
      payeeName: 'Maple Grove Pediatrics',
      npi: '1234567893',
      controlNumber: 1 + Math.floor(Math.random() * 999_999_998),
      date: new Date(),
    }),
  );

/** The files moved aside so far (processed/, under short names of their own). */
const processedFiles = async (paymentId: string) => readdir(path.join(dropFolderOf(paymentId), 'processed')).catch(() => [] as string[]);

const sale = (fields: Pick<ReportTransaction, 'transactionId' | 'amountCents' | 'accountNumber' | 'payerName'>): ReportTransaction => ({
  kind: 'SALE',
  method: 'CARD',
  // InstaMed's 835 carries the kind of payment (credit card), not the card's brand.
  cardType: null,
  authorizationNumber: String(100_000 + Math.floor(Math.random() * 900_000)),
  occurredAt: new Date().toISOString().replace(/\.\d{3}Z$/, 'Z'),
  originalTransactionId: null,
  location: '',
  ...fields,
});

const newTransactionId = () => randomBytes(16).toString('hex');

// ---------------------------------------------------------------------------------------------- the tests

/** The parent's payment from the first test, for the ones after it. */
let paid: { transactionId: string; amountCents: number; balanceBefore: number; charge: { date: string; description: string }; paymentId: string } | undefined;

/** That payment, or a failure saying why there is none: a test without its precondition fails, it is not skipped. */
function paidBefore(): NonNullable<typeof paid> {
  if (!paid) {
    throw new Error(
      'Precondition failed: no payment from “parent Rivera pays Mateo’s balance on the sandbox page…”. That test must run first, in the same run, and pass (run the whole file, not this test alone).',
    );
  }
  return paid;
}

test('parent Rivera pays Mateo’s balance on the sandbox page and the portal shows it being posted', async ({ browser, request }) => {
  const { context, page } = await signedIn(browser, 'rivera');
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'Your children' })).toBeVisible();
  const mateo = childCard(page, 'Mateo');
  const balanceBefore = await balanceOf(mateo);
  expect(balanceBefore, 'Mateo has a balance to pay').toBeGreaterThan(0);
  const account = (await factOf(mateo, 'Account').innerText()).trim();
  // Pay the oldest charge in full (the $40.00 well-child copay in the seed): it is applied there first.
  const charge = await oldestUnpaidCharge(mateo);
  const amount = formatCents(charge.owedCents).replace('$', '');

  const [payment] = await Promise.all([page.waitForEvent('popup'), mateo.getByRole('link', { name: /Pay Now/ }).click()]);
  await expect(payment.getByRole('heading', { name: /^Payment page for practice / })).toBeVisible();
  const paymentId = new URL(payment.url()).searchParams.get('id')!;
  await payment.getByLabel('Patient account number').fill(account);
  await payment.getByLabel('Amount').fill(amount);
  await payment.getByLabel('Name on card').fill('Sofia Rivera');
  await payment.getByLabel('Card number').fill('4111 1111 1111 1111');
  await payment.getByLabel('Expiry (MM/YY)').fill('12/30');
  await payment.getByRole('button', { name: 'Pay' }).click();
  await expect(payment.getByRole('heading', { name: 'Payment approved' })).toBeVisible();
  await expect(factOf(payment.locator('main'), 'Amount')).toHaveText(`$${amount}`);
  await expect(factOf(payment.locator('main'), 'Card')).toHaveText('Visa ending in 1111');
  const transactionId = (await factOf(payment.locator('main'), 'Transaction ID').innerText()).trim();
  await payment.screenshot({ path: artifact('ebilling-sandbox-receipt.png'), fullPage: true });
  await payment.close();

  // The sandbox tells the portal in the background; the parent sees it once they look again.
  await expectNoticeDelivered(request, paymentId, transactionId);
  await page.reload();
  const left = balanceBefore - charge.owedCents;
  await expect(mateo.getByRole('status')).toHaveText(
    left > 0
      ? `Payment of $${amount} received, being posted. Once it posts, ${formatCents(left)} will be left to pay.`
      : `Payment of $${amount} received, being posted. It covers the balance due; your balance will update once the practice processes it.`,
  );
  // Not posted yet: the balance has not moved; Pay Now stays only for what is left to pay.
  expect(await balanceOf(mateo)).toBe(balanceBefore);
  await expect(mateo.getByRole('link', { name: /Pay Now/ })).toHaveCount(left > 0 ? 1 : 0);
  await page.screenshot({ path: artifact('parent-payment-being-posted.png'), fullPage: true });

  paid = { transactionId, amountCents: charge.owedCents, balanceBefore, charge, paymentId };
  await context.close();
});

test('billing staff Fetch and Process Reports: the payment posts once, from the notice, and the end-of-day report is a duplicate', async ({
  browser,
  request,
}) => {
  const { transactionId, amountCents, balanceBefore, charge } = paidBefore();
  const amount = formatCents(amountCents);
  const { context, page } = await signedIn(browser, 'billing');

  const summary = await fetchAndProcess(page);
  // The webhook notice posts it; the sandbox's end-of-day 835 carries the same transaction.
  await expectSummary(summary, { 'Reports fetched': 1, 'Payments posted': 1, Unmatched: 0, Failed: 0, 'Already posted (duplicates)': 1 });
  const runReports = summary.getByRole('table', { name: 'Reports in this run' });
  const feedReport = runReports.getByRole('rowheader', { name: /_dpa835_\d{8}_\d+\.rep$/ });
  await expect(feedReport).toHaveCount(1);
  const feedReportName = (await feedReport.innerText()).trim();
  await expect(runReports.getByRole('rowheader', { name: `instamed-notice-Approved_${transactionId}` })).toBeVisible();
  await page.screenshot({ path: artifact('ebilling-summary.png'), fullPage: true });

  await ebillingTab(page, 'Reports').click();
  const reports = page.getByRole('table', { name: 'Remittance reports, newest first' });
  // Received, Status, Posted, Refunds, Unmatched, Duplicates, Conflicts, Total.
  await expect(reports.getByRole('row').filter({ hasText: feedReportName }).getByRole('cell')).toHaveText([
    /\S/,
    'Processed',
    '0',
    '0',
    '0',
    '1',
    '0',
    '$0.00',
  ]);
  await expect(reports.getByRole('row').filter({ hasText: feedReportName }).getByRole('rowheader')).toContainText('Clearinghouse · X12 835');
  // The payee the file names (the sandbox knows the practice by its Payment ID, and uses a test NPI).
  await expect(reports.getByRole('row').filter({ hasText: feedReportName }).getByRole('rowheader')).toContainText(`Payee: ${paid!.paymentId} · NPI 1234567893`);
  const notice = reports.getByRole('row').filter({ hasText: `instamed-notice-Approved_${transactionId}` });
  await expect(notice.getByRole('cell')).toHaveText([/\S/, 'Processed', '1', '0', '0', '0', '0', amount]);
  await expect(notice.getByRole('rowheader')).toContainText('Webhook · InstaMed notice');
  // All nine columns fit beside the sidebar on a 1280px laptop screen: the Total is not scrolled away.
  expect(await reports.evaluate((table) => table.parentElement!.scrollWidth - table.parentElement!.clientWidth)).toBeLessThanOrEqual(0);
  await page.screenshot({ path: artifact('ebilling-reports.png'), fullPage: true });
  // The tab has its own address: reloading (or a bookmark) comes back to it.
  await expect(page).toHaveURL(/\/ebilling\/reports$/);
  await page.reload();
  await expect(reports.getByRole('row').filter({ hasText: feedReportName })).toBeVisible();

  await ebillingTab(page, 'Payments').click();
  const today = await todayIn(page);
  const posted = page.getByRole('table', { name: 'Posted payments, newest first' }).getByRole('row').filter({ hasText: transactionId });
  await expect(posted.getByRole('rowheader')).toHaveText('Mateo Rivera');
  // Posted, Amount, Kind, Method, Transaction ID, Applied to.
  await expect(posted.getByRole('cell')).toHaveText([today, amount, 'Payment', 'Card (VISA)', transactionId, `${charge.date} ${charge.description} ${amount}`]);
  await page.screenshot({ path: artifact('ebilling-payments.png'), fullPage: true });

  // The parent's page: the balance dropped by exactly the payment, and the payment is in the history.
  for (const [name, options] of [
    ['parent-after-posting.png', {}],
    ['parent-after-posting-phone.png', PHONE],
  ] as const) {
    const parent = await signedIn(browser, 'rivera', options);
    await parent.page.goto('/');
    const mateo = childCard(parent.page, 'Mateo');
    await expect(mateo.locator('.child-card__balance-amount')).toHaveText(formatCents(balanceBefore - amountCents));
    await expect(mateo.getByRole('status')).toHaveCount(0);
    const history = mateo.getByRole('list', { name: 'Payments for Mateo Rivera' });
    const item = history.getByRole('listitem').first();
    await expect(item).toContainText(today);
    await expect(item).toContainText('Card (VISA)');
    await expect(item).toContainText(amount);
    await expect(item).toContainText(`Applied to: ${charge.date} ${charge.description} ${amount}`);
    // Paid in full, so it left the unpaid charges.
    await expect(
      mateo
        .getByRole('table', { name: /^Unpaid charges for / })
        .getByRole('row')
        .filter({ hasText: charge.description })
        .filter({ hasText: charge.date }),
    ).toHaveCount(0);
    await parent.page.screenshot({ path: artifact(name), fullPage: true });
    await parent.context.close();
  }

  // The parent's emailed receipt, as the sandbox's mail capture received it: what was paid and where it went.
  const receiptTo = async () => {
    const { messages } = (await (await request.get(`${sandboxURL}/api/mail`)).json()) as { messages: { to: string[]; subject: string; text: string }[] };
    return messages.find((m) => m.to.includes('parent.rivera@demo.kinpay.test') && m.text.includes(`payment of ${amount} for Mateo`));
  };
  await expect.poll(receiptTo, { message: 'the receipt email reaches the parent' }).toBeTruthy();
  const receipt = (await receiptTo())!;
  expect(receipt.subject).toMatch(/^Payment received - /);
  expect(receipt.text).toContain(`It was applied to Mateo's visits of ${charge.date}.`);
  await context.close();
});

test('the same transaction arriving again in a later report changes nothing', async ({ browser }) => {
  const { transactionId, amountCents, balanceBefore, paymentId } = paidBefore();
  const { context, page } = await signedIn(browser, 'billing');
  const name = `resent-${Date.now()}.835`;
  await dropReport(paymentId, name, [sale({ transactionId, amountCents, accountNumber: '100101', payerName: 'Sofia Rivera' })]);

  const summary = await fetchAndProcess(page);
  await expectSummary(summary, { 'Reports fetched': 1, 'Payments posted': 0, 'Already posted (duplicates)': 1 });
  await expect(summary.getByRole('row').filter({ hasText: name }).getByRole('cell').first()).toHaveText('Processed');

  const parent = await signedIn(browser, 'rivera');
  await parent.page.goto('/');
  const mateo = childCard(parent.page, 'Mateo');
  await expect(mateo.locator('.child-card__balance-amount')).toHaveText(formatCents(balanceBefore - amountCents));
  await expect(
    mateo
      .getByRole('list', { name: 'Payments for Mateo Rivera' })
      .getByRole('listitem')
      .filter({ hasText: formatCents(amountCents) }),
  ).toHaveCount(1);
  await parent.context.close();
  await context.close();
});

test('a payment for an account the clearinghouse did not know waits under Unmatched payments until staff post it to a patient', async ({
  browser,
  request,
}) => {
  const { context, page } = await signedIn(browser, 'billing');
  const paymentId = await currentPaymentId(page);
  const chen = await signedIn(browser, 'chen');
  await chen.page.goto('/');
  const emilyBalanceBefore = await balanceOf(childCard(chen.page, 'Emily'));

  const amountCents = 2500;
  const amount = formatCents(amountCents);
  const response = await request.post(`${sandboxURL}/api/payments`, {
    data: { practiceId: paymentId, amountCents, unknownAccount: true, payerName: 'Wei Chen' },
  });
  expect(response.status()).toBe(201);
  const { payment } = (await response.json()) as { payment: SandboxPayment };
  await expectNoticeDelivered(request, paymentId, payment.transactionId);

  const summary = await fetchAndProcess(page);
  await expectSummary(summary, { 'Payments posted': 0, Unmatched: 1, Failed: 0 });
  await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('img', { name: /unmatched payment/ })).toBeVisible();

  await ebillingTab(page, 'Unmatched payments').click();
  const row = page.getByRole('row').filter({ hasText: 'Wei Chen' }).filter({ hasText: amount });
  await expect(row).toHaveCount(1);
  await expect(row).toContainText('Unknown'); // InstaMed's 9999: no account number
  await page.screenshot({ path: artifact('ebilling-unmatched.png'), fullPage: true });

  await row.getByRole('button', { name: 'Match to patient' }).click();
  const panel = page.getByRole('group', { name: `Match ${amount} from` });
  await panel.getByLabel('Find patient').fill('Emily Chen');
  await panel.getByRole('button', { name: 'Post to Emily Chen' }).click();
  await expect(page.getByText('Posted to Emily Chen.')).toBeVisible();
  await expect(row).toHaveCount(0);
  await page.screenshot({ path: artifact('ebilling-unmatched-posted.png'), fullPage: true });

  await ebillingTab(page, 'Payments').click();
  const posted = page.getByRole('table', { name: 'Posted payments, newest first' }).getByRole('row').filter({ hasText: payment.transactionId });
  await expect(posted.getByRole('rowheader')).toHaveText('Emily Chen');
  await expect(posted.getByRole('cell').nth(1)).toHaveText(amount);

  await chen.page.reload();
  const emily = childCard(chen.page, 'Emily');
  await expect(emily.locator('.child-card__balance-amount')).toHaveText(formatCents(emilyBalanceBefore - amountCents));
  await expect(emily.getByRole('list', { name: 'Payments for Emily Chen' }).getByRole('listitem').first()).toContainText(amount);
  await chen.context.close();
  await context.close();
});

test('a report file left in the drop folder is posted and moved aside', async ({ browser }) => {
  const { context, page } = await signedIn(browser, 'billing');
  const paymentId = await currentPaymentId(page);

  const amountCents = 1000;
  const patient = await aPatientOwing(page, amountCents);
  const { name, account } = patient;
  const balanceBefore = await staffPatientBalance(page, patient);

  const transactionId = newTransactionId();
  const fileName = `dropped-${Date.now()}.835`;
  const movedBefore = (await processedFiles(paymentId)).length;
  const file = await dropReport(paymentId, fileName, [sale({ transactionId, amountCents, accountNumber: account, payerName: name })]);

  const summary = await fetchAndProcess(page);
  await expectSummary(summary, { 'Reports fetched': 1, 'Payments posted': 1, Unmatched: 0, Failed: 0, 'Already posted (duplicates)': 0 });
  await expect(summary.getByRole('row').filter({ hasText: fileName }).getByRole('cell').first()).toHaveText('Processed');
  // Picked up: moved to processed/ (under a short name of its own), so the next run does not see it again.
  expect(existsSync(file)).toBe(false);
  expect(await processedFiles(paymentId)).toHaveLength(movedBefore + 1);

  await ebillingTab(page, 'Reports').click();
  const report = page.getByRole('table', { name: 'Remittance reports, newest first' }).getByRole('row').filter({ hasText: fileName });
  await expect(report.getByRole('rowheader')).toContainText('Drop folder · X12 835');
  await expect(report.getByRole('cell')).toHaveText([/\S/, 'Processed', '1', '0', '0', '0', '0', formatCents(amountCents)]);

  await ebillingTab(page, 'Payments').click();
  const posted = page.getByRole('table', { name: 'Posted payments, newest first' }).getByRole('row').filter({ hasText: transactionId });
  await expect(posted.getByRole('rowheader')).toHaveText(name);

  expect(await staffPatientBalance(page, patient)).toBe(balanceBefore - amountCents);
  await expect(
    page
      .getByRole('list', { name: `Payments for ${name}` })
      .getByRole('listitem')
      .first(),
  ).toContainText(formatCents(amountCents));
  await context.close();
});

test('a payment larger than what is owed pays every open charge and leaves a credit, listed under Current credits', async ({ browser }) => {
  const { context, page } = await signedIn(browser, 'billing');
  const paymentId = await currentPaymentId(page);
  const patient = await aPatientOwing(page, 1);
  const owed = await staffPatientBalance(page, patient);
  const extraCents = 2500;
  const transactionId = newTransactionId();
  await dropReport(paymentId, `overpaid-${Date.now()}.835`, [
    sale({ transactionId, amountCents: owed + extraCents, accountNumber: patient.account, payerName: patient.name }),
  ]);
  const summary = await fetchAndProcess(page);
  await expectSummary(summary, { 'Reports fetched': 1, 'Payments posted': 1, Unmatched: 0, Failed: 0 });

  // The patient's page: every charge paid, the rest a credit, and no Pay Now for the family.
  expect(await staffPatientBalance(page, patient)).toBe(-extraCents);
  await expect(factOf(page.locator('main'), 'Pay Now for the family')).toHaveText('Not offered: the family has a credit.');

  await openEbillingCenter(page);
  await ebillingTab(page, 'Current credits').click();
  await expect(page.getByRole('heading', { name: 'Patients with a credit' })).toBeVisible();
  const row = page.getByRole('table', { name: 'Patients with a credit' }).getByRole('row').filter({ hasText: patient.account });
  // Sorted by name: page on until the patient shows up.
  const next = page.getByRole('button', { name: 'Next page' });
  for (let pageNumber = 1; (await row.count()) === 0 && (await next.count()) > 0 && (await next.isEnabled()); pageNumber++) {
    await next.click();
    await expect(page.getByText(`Page ${pageNumber + 1}`)).toBeVisible();
  }
  await expect(row.getByRole('rowheader')).toHaveText(patient.name);
  await expect(row.getByRole('cell').last()).toHaveText(formatCents(extraCents));
  await page.screenshot({ path: artifact('ebilling-credits.png'), fullPage: true });
  await context.close();
});

test('a file that cannot post (an insurance ERA) fails alone, its reason shown in the Reports tab, and the next file still posts', async ({ browser }) => {
  const { context, page } = await signedIn(browser, 'billing');
  const paymentId = await currentPaymentId(page);
  const patient = await aPatientOwing(page, 500);
  const balanceBefore = await staffPatientBalance(page, patient);

  // A payer's ERA, as public 835 samples are (packages/remittance/fixtures/era), then a good file.
  const era = readFileSync(new URL('../../packages/remittance/fixtures/era/linuxforhealth-5010-managed-care.835', import.meta.url));
  const eraName = `1-era-${Date.now()}.835`;
  await dropFile(paymentId, eraName, era);
  const goodName = `2-good-${Date.now()}.835`;
  await dropReport(paymentId, goodName, [
    sale({ transactionId: newTransactionId(), amountCents: 500, accountNumber: patient.account, payerName: patient.name }),
  ]);

  const summary = await fetchAndProcess(page);
  await expectSummary(summary, { 'Reports fetched': 2, 'Payments posted': 1, Failed: 1 });
  await expect(summary.getByRole('row').filter({ hasText: goodName }).getByRole('cell').first()).toHaveText('Processed');

  await ebillingTab(page, 'Reports').click();
  const reports = page.getByRole('table', { name: 'Remittance reports, newest first' });
  const failed = reports.getByRole('row').filter({ hasText: eraName });
  await expect(failed.getByRole('cell').nth(1)).toHaveText('Failed');
  // The reason, in words staff can act on, right under the report.
  await expect(
    reports.getByText(/This is an insurance remittance \(ERA\) from RUSHMORE LIFE, not a patient payment file; Kinpay posts patient payments\./),
  ).toBeVisible();
  await expect(reports.getByRole('row').filter({ hasText: goodName }).getByRole('cell').nth(1)).toHaveText('Processed');
  await page.screenshot({ path: artifact('ebilling-report-failed.png'), fullPage: true });

  expect(await staffPatientBalance(page, patient)).toBe(balanceBefore - 500);
  await context.close();
});
