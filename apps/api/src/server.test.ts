import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MASKED_MESSAGE } from './graphql/errors.ts';
import { errorCodes } from './test/api-client.ts';
import { startTestApi, type TestApi } from './test/harness.ts';
import { standardScenario } from './test/scenarios.ts';

let api: TestApi;
let s: Awaited<ReturnType<typeof standardScenario>>;
beforeAll(async () => {
  api = await startTestApi();
  s = await standardScenario(api.db);
});
afterAll(() => api.close());

describe('the HTTP server', () => {
  it('answers /healthz when the database answers', async () => {
    const res = await fetch(`${api.url}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true });
  });

  it('never lets patient data be cached', async () => {
    const res = await fetch(`${api.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query":"{ me { id } }"}' });
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
  });

  it('refuses a cross-site form post (CSRF): only JSON with a non-simple content type runs', async () => {
    const res = await fetch(`${api.url}/graphql?query=${encodeURIComponent('{ me { id } }')}`, { method: 'GET' });
    expect(res.status).toBe(400);
  });

  it('masks unexpected errors: no message, stack or SQL reaches the client', async () => {
    const billing = await api.signedIn(s.maple.users.billing!.email);
    const original = api.db.creditAccount.count.bind(api.db.creditAccount);
    (api.db.creditAccount as any).count = () => Promise.reject(new Error('relation "CreditAccount" secret internals'));
    try {
      // A full first page of patients who owe counts them: that count fails.
      const result = await billing.request('{ patients(hasBalance: true, first: 1) { totalCount } }');
      expect(result.errors).toEqual([{ message: MASKED_MESSAGE, path: ['patients'], extensions: { code: 'INTERNAL_SERVER_ERROR' } }]);
    } finally {
      (api.db.creditAccount as any).count = original;
    }
  });

  it('admits the portal’s deepest query but refuses alias flooding', async () => {
    const billing = await api.signedIn(s.maple.users.billing!.email);
    const deepest =
      '{ me { practice { id } } clearinghouseSettings { history { changedBy { firstName } } } patients { edges { node { charges { amount { formatted } } } } } }';
    expect((await billing.request(deepest)).errors).toBeUndefined();
    const aliases = `{ ${Array.from({ length: 16 }, (_, i) => `a${i}: me { id }`).join(' ')} }`;
    expect(errorCodes(await billing.request(aliases))).toContain('GRAPHQL_VALIDATION_FAILED');
  });
});

describe('in production', () => {
  let prod: TestApi;
  beforeAll(async () => {
    prod = await startTestApi({ NODE_ENV: 'production' });
  });
  afterAll(() => prod.close());

  it('introspection is off unless enabled', async () => {
    const result = await prod.client().request('{ __schema { types { name } } }');
    expect(errorCodes(result)).toContain('GRAPHQL_VALIDATION_FAILED');
  });

  it('the playground is off unless enabled', async () => {
    const res = await fetch(`${prod.url}/graphiql`);
    expect(res.status).toBe(404);
  });

  it('session cookies are Secure', async () => {
    const scenario = await standardScenario(prod.db);
    const client = await prod.signedIn(scenario.maple.users.admin!.email);
    expect(client.lastSetCookie).toMatch(/; Secure/);
  });
});

describe('in development', () => {
  it('introspection works for the playground', async () => {
    const billing = await api.signedIn(s.maple.users.billing!.email);
    const result = await billing.request('{ __type(name: "Patient") { fields { name } } }');
    expect(result.data?.__type.fields.map((f: any) => f.name)).toContain('payNowUrl');
  });
});

describe('the single-page app', () => {
  let spa: TestApi;
  let webDist: string;
  beforeAll(async () => {
    webDist = await mkdtemp(path.join(tmpdir(), 'kinpay-web-'));
    await writeFile(path.join(webDist, 'index.html'), '<!doctype html><div id="root"></div>');
    spa = await startTestApi({ WEB_DIST: webDist });
  });
  afterAll(async () => {
    await spa?.close();
    await rm(webDist, { recursive: true, force: true });
  });

  const page = async (pathname: string) => {
    const res = await fetch(`${spa.url}${pathname}`);
    return { status: res.status, isApp: (await res.text()).includes('<div id="root">') };
  };

  it('serves the app for every page a user can bookmark, eBilling Center tabs included', async () => {
    for (const pathname of ['/', '/family', '/patients/123', '/online-patient-services/preferences', '/ebilling', '/ebilling/reports', '/ebilling/unmatched']) {
      expect(await page(pathname), pathname).toEqual({ status: 200, isApp: true });
    }
  });

  it('keeps the API, health, webhook and report download routes out of the app', async () => {
    expect(await page('/healthz')).toEqual({ status: 200, isApp: false });
    expect(await page('/webhooks/instamed/x')).toMatchObject({ isApp: false });
    expect(await page('/ebilling/reports/00000000-0000-0000-0000-000000000000/raw')).toEqual({ status: 401, isApp: false });
  });
});
