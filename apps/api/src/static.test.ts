// The built web app as the API serves it: precompressed files chosen by Accept-Encoding, caching by
// kind of file, and what HTTP caches and browsers rely on (Vary, ETag and 304, ranges, HEAD).
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import http from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chooseEncoding } from './static-files.ts';
import { startTestApi, type TestApi } from './test/harness.ts';

const CHROME = 'gzip, deflate, br, zstd';
const script = `export const hello = ${JSON.stringify('hello '.repeat(500))};\n`;
const index = `<!doctype html><html><head><script type="module" src="/assets/main-AbC12_-9.js"></script></head><body><div id="root"></div></body></html>\n`;
const graphiql = `<!doctype html><title>GraphQL playground</title><div id="graphiql-root"></div>${' '.repeat(400)}\n`;
const favicon = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="8" fill="#0f5f5c"/>${' '.repeat(300)}</svg>\n`;

interface RawResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

/** A request without fetch's automatic decompression: the bytes as they travel. */
function request(url: string, headers: Record<string, string> = {}, method = 'GET'): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

let api: TestApi;
let webDist: string;
beforeAll(async () => {
  webDist = await mkdtemp(path.join(tmpdir(), 'kinpay-web-static-'));
  await mkdir(path.join(webDist, 'assets'));
  // As the build writes them: each text file with its .br and .gz (a file that would not shrink has none).
  const write = async (name: string, content: string, compressed = true) => {
    await writeFile(path.join(webDist, name), content);
    if (!compressed) return;
    await writeFile(path.join(webDist, `${name}.br`), zlib.brotliCompressSync(content));
    await writeFile(path.join(webDist, `${name}.gz`), zlib.gzipSync(content));
  };
  await write('index.html', index);
  await write('graphiql.html', graphiql);
  await write('assets/main-AbC12_-9.js', script);
  await write('assets/tiny-Xy34Zw56.js', 'export{};\n', false);
  await write('favicon.svg', favicon);
  api = await startTestApi({ WEB_DIST: webDist, GRAPHIQL_ENABLED: 'true' });
});
afterAll(async () => {
  await api?.close();
  await rm(webDist, { recursive: true, force: true });
});

const asset = () => `${api.url}/assets/main-AbC12_-9.js`;

describe('content encoding', () => {
  it('sends brotli to a browser that accepts it (Chromium lists gzip first, with the same q-value)', async () => {
    const res = await request(asset(), { 'accept-encoding': CHROME });
    expect(res.status).toBe(200);
    expect(res.headers['content-encoding']).toBe('br');
    expect(res.headers['vary']).toMatch(/accept-encoding/i);
    expect(res.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(Number(res.headers['content-length'])).toBe(res.body.length);
    expect(res.body.length).toBeLessThan(script.length / 10);
    expect(zlib.brotliDecompressSync(res.body).toString()).toBe(script);
  });

  it('sends gzip to a client that accepts only gzip', async () => {
    const res = await request(asset(), { 'accept-encoding': 'gzip' });
    expect(res.headers['content-encoding']).toBe('gzip');
    expect(res.headers['vary']).toMatch(/accept-encoding/i);
    expect(zlib.gunzipSync(res.body).toString()).toBe(script);
  });

  it('sends the file as it is without Accept-Encoding, or when only identity is acceptable, still with Vary', async () => {
    const cases: Record<string, string>[] = [
      {},
      { 'accept-encoding': 'identity' },
      { 'accept-encoding': 'br;q=0, gzip;q=0' },
      { 'accept-encoding': 'compress' },
    ];
    for (const headers of cases) {
      const res = await request(asset(), headers);
      expect(res.headers['content-encoding'], JSON.stringify(headers)).toBeUndefined();
      expect(res.headers['vary']).toMatch(/accept-encoding/i);
      expect(res.headers['content-type']).toBe('text/javascript; charset=utf-8');
      expect(res.body.toString()).toBe(script);
    }
  });

  it('respects q-values: the client’s preference first, the server’s (brotli) only on a tie', async () => {
    const encodingFor = async (acceptEncoding: string) => (await request(asset(), { 'accept-encoding': acceptEncoding })).headers['content-encoding'] ?? null;
    expect(await encodingFor('br;q=0.5, gzip')).toBe('gzip');
    expect(await encodingFor('gzip;q=0.8, br;q=0.9')).toBe('br');
    expect(await encodingFor('gzip;q=1.0, br;q=1.0')).toBe('br');
    expect(await encodingFor('*')).toBe('br');
    expect(await encodingFor('*;q=0.5, gzip')).toBe('gzip');
    expect(await encodingFor('gzip;q=0.5, identity')).toBeNull();
    expect(await encodingFor('br;q=0.2, identity;q=0.1')).toBe('br');
  });

  it('sends a file the build did not compress as it is', async () => {
    const res = await request(`${api.url}/assets/tiny-Xy34Zw56.js`, { 'accept-encoding': CHROME });
    expect(res.status).toBe(200);
    expect(res.headers['content-encoding']).toBeUndefined();
    expect(res.body.toString()).toBe('export{};\n');
  });

  it('compresses the pages too: the app at any client route, and the playground', async () => {
    for (const [pathname, content] of [
      ['/', index],
      ['/family', index],
      ['/ebilling/reports', index],
      ['/index.html', index],
      ['/graphiql', graphiql],
    ] as const) {
      const res = await request(`${api.url}${pathname}`, { 'accept-encoding': CHROME });
      expect(res.status, pathname).toBe(200);
      expect(res.headers['content-encoding'], pathname).toBe('br');
      expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(res.headers['vary']).toMatch(/accept-encoding/i);
      expect(zlib.brotliDecompressSync(res.body).toString()).toBe(content);
    }
  });
});

describe('caching', () => {
  it('keeps hashed assets for a year without asking again', async () => {
    for (const encoding of [CHROME, 'gzip', 'identity']) {
      const res = await request(asset(), { 'accept-encoding': encoding });
      expect(res.headers['cache-control'], encoding).toBe('public, max-age=31536000, immutable');
    }
  });

  it('revalidates the pages every time (a deploy shows at once)', async () => {
    for (const pathname of ['/', '/family', '/index.html', '/graphiql', '/graphiql.html']) {
      const res = await request(`${api.url}${pathname}`, { 'accept-encoding': CHROME });
      expect(res.headers['cache-control'], pathname).toBe('no-cache');
    }
  });

  it('keeps other files (a favicon) for an hour', async () => {
    const res = await request(`${api.url}/favicon.svg`, { 'accept-encoding': CHROME });
    expect(res.headers['content-encoding']).toBe('br');
    expect(res.headers['content-type']).toBe('image/svg+xml');
    expect(res.headers['cache-control']).toBe('public, max-age=3600');
  });

  it('answers a revalidation with 304 for the same encoding, and with the file for another', async () => {
    const first = await request(`${api.url}/family`, { 'accept-encoding': CHROME });
    const etag = first.headers['etag']!;
    expect(etag).toBeTruthy();
    const again = await request(`${api.url}/family`, { 'accept-encoding': CHROME, 'if-none-match': etag });
    expect(again.status).toBe(304);
    expect(again.body.length).toBe(0);
    expect(again.headers['cache-control']).toBe('no-cache');
    expect(again.headers['vary']).toMatch(/accept-encoding/i);
    // The brotli file's ETag is not the gzip file's: a cache never mixes them up.
    const gzip = await request(`${api.url}/family`, { 'accept-encoding': 'gzip', 'if-none-match': etag });
    expect(gzip.status).toBe(200);
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(gzip.headers['etag']).not.toBe(etag);
  });

  it('answers a missing asset with 404, not with the app, and caches nothing for it', async () => {
    const res = await request(`${api.url}/assets/main-Gone1234.js`, { 'accept-encoding': CHROME });
    expect(res.status).toBe(404);
    expect(res.body.toString()).not.toContain('<div id="root">');
    expect(res.headers['cache-control']).toBeUndefined();
    expect(res.headers['content-encoding']).toBeUndefined();
  });
});

describe('HEAD and ranges', () => {
  it('answers HEAD with the headers of the encoded file and no body', async () => {
    const get = await request(asset(), { 'accept-encoding': CHROME });
    const head = await request(asset(), { 'accept-encoding': CHROME }, 'HEAD');
    expect(head.status).toBe(200);
    expect(head.body.length).toBe(0);
    expect(head.headers['content-encoding']).toBe('br');
    expect(head.headers['content-length']).toBe(get.headers['content-length']);
    expect(head.headers['cache-control']).toBe('public, max-age=31536000, immutable');
  });

  it('serves a range of the encoded file (the bytes as sent, as HTTP defines it)', async () => {
    const whole = await request(asset(), { 'accept-encoding': CHROME });
    const part = await request(asset(), { 'accept-encoding': CHROME, range: 'bytes=0-9' });
    expect(part.status).toBe(206);
    expect(part.headers['content-encoding']).toBe('br');
    expect(part.headers['content-range']).toBe(`bytes 0-9/${whole.body.length}`);
    expect(part.body).toEqual(whole.body.subarray(0, 10));
  });

  it('keeps other methods and the rest of the API out of it', async () => {
    expect((await request(asset(), { 'accept-encoding': CHROME }, 'DELETE')).status).toBe(404);
    const health = await request(`${api.url}/healthz`, { 'accept-encoding': CHROME });
    expect(health.headers['content-encoding']).toBeUndefined();
    expect(JSON.parse(health.body.toString())).toEqual({ ok: true });
  });
});

describe('when the web app is not built', () => {
  let bare: TestApi;
  beforeAll(async () => {
    bare = await startTestApi({ WEB_DIST: path.join(webDist, 'not-built'), GRAPHIQL_ENABLED: 'true' });
  });
  afterAll(() => bare?.close());

  it('says so on the pages', async () => {
    for (const pathname of ['/', '/family', '/graphiql']) {
      const res = await request(`${bare.url}${pathname}`, { 'accept-encoding': CHROME });
      expect(res.status, pathname).toBe(503);
      expect(res.headers['cache-control']).toBeUndefined();
      expect(res.body.toString()).toContain('pnpm --filter @kinpay/web build');
    }
  });
});

describe('chooseEncoding', () => {
  const both = ['br', 'gzip'];
  it('reads q-values the way RFC 9110 defines them', () => {
    expect(chooseEncoding(undefined, both)).toBeNull();
    expect(chooseEncoding('', both)).toBeNull();
    expect(chooseEncoding(CHROME, both)).toBe('br');
    expect(chooseEncoding(CHROME, ['gzip'])).toBe('gzip');
    expect(chooseEncoding(CHROME, [])).toBeNull();
    expect(chooseEncoding('BR;Q=0.9, GZIP;Q=0.8', both)).toBe('br');
    expect(chooseEncoding('br ; q = 0.1 , gzip ; q=0.2', both)).toBe('gzip');
    expect(chooseEncoding('br;q=0.000', both)).toBeNull();
    expect(chooseEncoding('*;q=0', both)).toBeNull();
    expect(chooseEncoding('*;q=0, gzip', both)).toBe('gzip');
    expect(chooseEncoding('br;q=nonsense, gzip;q=0.5', both)).toBe('gzip');
  });
});
