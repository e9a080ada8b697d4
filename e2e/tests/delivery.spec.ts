// Pages that arrive small and cached, checked as a parent on a slow connection gets them: Chromium
// throttled through CDP to 1.6 Mbps down, 750 kbps up and 150 ms of latency. The figures (time to
// the balance, bytes on the wire per page) are printed and attached to the report.
import { expect, test, type Browser, type BrowserContext, type CDPSession, type Page } from '@playwright/test';
import { DEMO_PASSWORD, USERS } from './users.ts';

const SLOW_CONNECTION = { offline: false, latency: 150, downloadThroughput: 1_600_000 / 8, uploadThroughput: 750_000 / 8 };
/**
 * Issue 8's budgets for the JavaScript of a first visit, brotli-compressed as the API sends it
 * (1 KB = 1,000 bytes): the response bodies, which is what `pnpm --filter @kinpay/web size` counts
 * and shows by package (`size:why`). The HTTP headers (about 0.5 KB a file, the API's) are printed
 * beside them, not counted. A page that grows past its budget (staff code reaching a parent's page,
 * a library added, compression lost) fails here.
 */
const JS_BUDGET = { signIn: 90_000, family: 120_000 };
/** The chunk with Apollo Client and the signed-in frame (apps/web/vite.config.ts): not for the sign-in page. */
const SIGNED_IN_CHUNK = /^\/assets\/signed-in-/;
/** The lazy chunks of staff pages (named after their files): a parent never downloads one. */
const STAFF_CHUNK =
  /^\/assets\/(Patients|PatientDetail|OnlinePatientServices|Preferences|EbillingCenter|EbillingNavLink|ReportsTab|PaymentsTab|UnmatchedTab|ConflictsTab|CreditsTab)(Page)?-/;
/** From the click on "Sign in" to the first child's balance on screen. */
const BALANCE_WITHIN_MS = 2_500;

interface Transfer {
  url: string;
  status: number;
  encoding: string | undefined;
  fromCache: boolean;
  /** Bytes received for it, headers included (CDP loadingFinished.encodedDataLength). */
  bytes: number;
  /** Of those, the body's: its Content-Length (the compressed file), else all of them. */
  bodyBytes?: number;
}

/** Every request of a page as the network saw it, from Chromium's DevTools protocol. */
class NetworkLog {
  private readonly started = new Map<string, Partial<Transfer> & { url: string }>();
  private done: Transfer[] = [];

  private constructor(readonly cdp: CDPSession) {
    cdp.on('Network.requestWillBeSent', (e) => {
      // A redirect reuses the request id: only its last hop is counted.
      this.started.set(e.requestId, { url: e.request.url });
    });
    cdp.on('Network.requestServedFromCache', (e) => {
      const request = this.started.get(e.requestId);
      if (request) request.fromCache = true;
    });
    cdp.on('Network.responseReceived', (e) => {
      const request = this.started.get(e.requestId);
      if (!request) return;
      request.status = e.response.status;
      request.encoding = Object.entries(e.response.headers).find(([name]) => name.toLowerCase() === 'content-encoding')?.[1];
      request.fromCache = request.fromCache || e.response.fromDiskCache === true || e.response.fromPrefetchCache === true;
      const length = Object.entries(e.response.headers).find(([name]) => name.toLowerCase() === 'content-length')?.[1];
      if (length !== undefined) request.bodyBytes = Number(length);
    });
    cdp.on('Network.loadingFinished', (e) => this.finish(e.requestId, e.encodedDataLength));
    cdp.on('Network.loadingFailed', (e) => this.finish(e.requestId, 0));
  }

  static async attach(page: Page, { cacheDisabled }: { cacheDisabled: boolean }): Promise<NetworkLog> {
    const cdp = await page.context().newCDPSession(page);
    const log = new NetworkLog(cdp);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', SLOW_CONNECTION);
    await cdp.send('Network.setCacheDisabled', { cacheDisabled });
    return log;
  }

  private finish(requestId: string, bytes: number) {
    const request = this.started.get(requestId);
    if (!request) return;
    this.started.delete(requestId);
    // A response from the cache sent no body over the network.
    const bodyBytes = request.fromCache ? 0 : Math.min(request.bodyBytes ?? bytes, bytes);
    this.done.push({ status: 0, encoding: undefined, fromCache: false, ...request, bytes, bodyBytes });
  }

  /** What finished since the last call, once nothing is in flight any more. */
  async take(): Promise<Transfer[]> {
    await expect.poll(() => this.started.size, { message: 'requests still in flight' }).toBe(0);
    const done = this.done;
    this.done = [];
    return done;
  }
}

const pathOf = (url: string) => new URL(url).pathname;
const isScript = (t: Transfer) => pathOf(t.url).endsWith('.js');
const isAsset = (t: Transfer) => pathOf(t.url).startsWith('/assets/');
const sum = (transfers: Transfer[]) => transfers.reduce((total, t) => total + t.bytes, 0);
const sumBodies = (transfers: Transfer[]) => transfers.reduce((total, t) => total + (t.bodyBytes ?? t.bytes), 0);
const kb = (bytes: number) => `${(bytes / 1000).toFixed(1)} KB`;

function summary(name: string, transfers: Transfer[], extra: string[] = []): string {
  const lines = transfers.map(
    (t) => `    ${String(t.status).padStart(3)} ${(t.fromCache ? 'cache' : (t.encoding ?? '-')).padEnd(5)} ${kb(t.bytes).padStart(9)}  ${pathOf(t.url)}`,
  );
  return [`${name}: ${kb(sum(transfers))} on the wire, ${kb(sum(transfers.filter(isScript)))} of it JavaScript`, ...extra, ...lines].join('\n');
}

const againstBudget = (scripts: Transfer[], budget: number) => {
  const bodies = sumBodies(scripts);
  return `  JavaScript ${kb(bodies)} (${kb(sum(scripts))} with HTTP headers): issue 8's budget ${kb(budget)} ${bodies <= budget ? 'met' : `missed by ${kb(bodies - budget)}`}`;
};

function report(text: string) {
  console.log(`\n${text}`);
  test.info().annotations.push({ type: 'delivery', description: text });
}

/**
 * Times on the page's own clock (ms since its navigation started), kept by a script that runs
 * before the app: the click on "Sign in", and the first moment a child's card shows a balance.
 * (Plain JavaScript: the e2e project is typed for Node, not the DOM.)
 */
const RECORD_MARKS = `
  const marks = {};
  window.__deliveryMarks = marks;
  document.addEventListener('click', (event) => {
    if (event.target instanceof Element && event.target.closest('button[type="submit"]')) marks.signInClick ??= performance.now();
  }, true);
  new MutationObserver(() => {
    if (marks.balance === undefined && [...document.querySelectorAll('article')].some((card) => /Balance due|Credit/.test(card.textContent ?? ''))) {
      marks.balance = performance.now();
    }
  }).observe(document, { childList: true, subtree: true, characterData: true });
`;

const marksOf = (page: Page) => page.evaluate<{ signInClick?: number; balance?: number }>('window.__deliveryMarks');
const firstBalance = (page: Page) =>
  page
    .getByRole('article')
    .first()
    .getByText(/^(Balance due|Credit)$/);

async function coldContext(browser: Browser, storageState?: Awaited<ReturnType<BrowserContext['storageState']>>) {
  const context = await browser.newContext(storageState ? { storageState } : {});
  await context.addInitScript({ content: RECORD_MARKS });
  return context;
}

test.describe('delivery on a slow connection (1.6 Mbps down, 750 kbps up, 150 ms)', () => {
  test('a parent signs in and sees the balance within 2.5 s; assets arrive as brotli and come from the cache next time', async ({ browser }) => {
    test.slow(); // three page loads at 1.6 Mbps
    const context = await coldContext(browser);
    const page = await context.newPage();
    const network = await NetworkLog.attach(page, { cacheDisabled: true });

    // 1. The sign-in page, nothing cached.
    await page.goto('/sign-in');
    await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible();
    const signIn = await network.take();
    const signInLoaded = await page.evaluate(() => performance.now());

    // 2. Sign in: from the click to the first child's balance.
    await page.getByLabel('Email').fill(USERS.rivera);
    await page.getByLabel('Password').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(firstBalance(page)).toBeVisible();
    await expect(page).toHaveURL(/\/family$/);
    const { signInClick, balance } = await marksOf(page);
    const toBalance = balance! - signInClick!;
    const family = await network.take();

    // 3. The same parent comes back (cache on): the hashed assets come from the cache.
    await network.cdp.send('Network.setCacheDisabled', { cacheDisabled: false });
    await page.goto('/family');
    await expect(firstBalance(page)).toBeVisible();
    const backAt = (await marksOf(page)).balance!;
    const again = await network.take();

    report(
      [
        summary('Sign-in page, cold', signIn, [
          `  form usable ${Math.round(signInLoaded)} ms after navigation started`,
          againstBudget(signIn.filter(isScript), JS_BUDGET.signIn),
        ]),
        summary('Sign in → family page', family, [`  first child's balance visible ${Math.round(toBalance)} ms after the click on "Sign in"`]),
        summary('Family page, second visit', again, [`  balance visible ${Math.round(backAt)} ms after navigation started`]),
      ].join('\n'),
    );

    expect(toBalance, 'from "Sign in" to the balance (ms)').toBeLessThanOrEqual(BALANCE_WITHIN_MS);
    expect(sumBodies(signIn.filter(isScript)), 'JavaScript of the sign-in page (bytes, brotli)').toBeLessThanOrEqual(JS_BUDGET.signIn);
    // The sign-in page posts its mutation itself: Apollo Client arrives with the signed-in pages.
    expect(signIn.map((t) => pathOf(t.url)).filter((p) => SIGNED_IN_CHUNK.test(p))).toEqual([]);
    expect([...signIn, ...family, ...again].map((t) => pathOf(t.url)).filter((p) => STAFF_CHUNK.test(p))).toEqual([]);
    // Every script, style sheet and page arrived brotli-compressed (Chromium asks for br).
    const compressible = [...signIn, ...family].filter((t) => t.status === 200 && /\.(js|css)$|^\/(sign-in|family)?$/.test(pathOf(t.url)));
    expect(compressible.filter(isScript).length).toBeGreaterThan(0);
    expect(compressible.filter((t) => t.encoding !== 'br').map((t) => pathOf(t.url))).toEqual([]);
    // Second visit: no byte of a hashed asset over the network.
    const assets = again.filter(isAsset);
    expect(assets.length).toBeGreaterThan(0);
    expect(assets.filter((t) => !t.fromCache || t.bytes > 0).map((t) => pathOf(t.url))).toEqual([]);
    await context.close();
  });

  test('a signed-in parent opening the family page cold gets only the family page’s code, as brotli', async ({ browser }) => {
    test.slow();
    // Signed in through the API (no page needed), then a fresh browser with that session only.
    const signInContext = await browser.newContext();
    const response = await signInContext.request.post('/graphql', {
      data: {
        query: 'mutation SignIn($email: String!, $password: String!) { signIn(email: $email, password: $password) { id } }',
        variables: { email: USERS.chen, password: DEMO_PASSWORD },
      },
    });
    expect((await response.json()).errors).toBeUndefined();
    const context = await coldContext(browser, await signInContext.storageState());
    await signInContext.close();
    const page = await context.newPage();
    const network = await NetworkLog.attach(page, { cacheDisabled: true });

    await page.goto('/family');
    await expect(firstBalance(page)).toBeVisible();
    const { balance } = await marksOf(page);
    const family = await network.take();
    report(
      summary('Family page, cold, already signed in', family, [
        `  first child's balance visible ${Math.round(balance!)} ms after navigation started`,
        againstBudget(family.filter(isScript), JS_BUDGET.family),
      ]),
    );

    expect(sumBodies(family.filter(isScript)), 'JavaScript of the family page (bytes, brotli)').toBeLessThanOrEqual(JS_BUDGET.family);
    expect(family.map((t) => pathOf(t.url)).filter((p) => STAFF_CHUNK.test(p))).toEqual([]);
    expect(family.filter((t) => isScript(t) && t.encoding !== 'br').map((t) => pathOf(t.url))).toEqual([]);
    await context.close();
  });
});
