// The built web app (apps/web/dist), as small and as cacheable as it can be sent:
// - the build writes every text file also as .br and .gz (apps/web/plugins/precompress.ts); each
//   request gets the one its Accept-Encoding prefers (q-values first; brotli, then gzip, on a tie),
//   or the file itself, with `Vary: Accept-Encoding` so shared caches keep them apart;
// - files whose name carries their content hash (/assets/*-<hash>.*) are cached for a year and
//   never revalidated; pages (index.html, graphiql.html) are always revalidated (a new deploy shows
//   at once, and a 304 costs a few bytes); anything else (a favicon) for an hour.
// express.static (send) does the rest: Content-Length, ETag and 304s, ranges, HEAD.
import { stat } from 'node:fs/promises';
import path from 'node:path';
import express, { type NextFunction, type Request, type RequestHandler, type Response } from 'express';

/** What the build precompresses (apps/web/plugins/precompress.ts), the only files that may vary. */
const COMPRESSIBLE = /\.(html|js|mjs|css|json|svg|txt|xml|map|ttf|otf|wasm)$/;
/** Vite's output names: `<name>-<8-character hash>.<ext>` under assets/. */
const HASHED = /^\/assets\/(?:.+\/)?[^/]+-[\w-]{8}\.\w+$/;

const REQUESTED_PATH = 'kinpayStaticPath';

export const IMMUTABLE = 'public, max-age=31536000, immutable';
export const REVALIDATE = 'no-cache';
export const SHORT = 'public, max-age=3600';

/** The encodings the build writes, in the order the server prefers them when the client likes both equally. */
const VARIANTS = [
  { encoding: 'br', suffix: '.br' },
  { encoding: 'gzip', suffix: '.gz' },
] as const;

/** The q-value (0 to 1) of every coding an Accept-Encoding header names, `*` included. */
export function parseAcceptEncoding(header: string): Map<string, number> {
  const qualities = new Map<string, number>();
  for (const part of header.split(',')) {
    const [name, ...params] = part.split(';').map((s) => s.trim());
    if (!name) continue;
    let q = 1;
    for (const param of params) {
      const match = /^q\s*=\s*(.*)$/i.exec(param);
      if (!match) continue;
      // A q-value is a number from 0 to 1; anything else is read as "not acceptable".
      const value = Number(match[1]);
      q = match[1] !== '' && value >= 0 && value <= 1 ? value : 0;
    }
    qualities.set(name.toLowerCase(), q);
  }
  return qualities;
}

/**
 * The content coding to send among those `available` (in the server's order of preference), or
 * null for the file as it is. The highest q-value wins; on a tie the server's order decides, and a
 * compressed variant beats an identity the client did not prefer outright. Without the header,
 * the file as it is (RFC 9110 allows any coding then, but such clients rarely decode one).
 */
export function chooseEncoding(header: string | undefined, available: readonly string[]): string | null {
  if (header === undefined) return null;
  const qualities = parseAcceptEncoding(header);
  const quality = (coding: string) => qualities.get(coding) ?? qualities.get('*') ?? 0;
  let best: { coding: string; q: number } | null = null;
  for (const coding of available) {
    const q = quality(coding);
    if (q > 0 && (!best || q > best.q)) best = { coding, q };
  }
  const identity = qualities.get('identity');
  if (!best || (identity !== undefined && identity > best.q)) return null;
  return best.coding;
}

export function cacheControlFor(urlPath: string): string {
  if (urlPath.endsWith('.html')) return REVALIDATE;
  if (HASHED.test(urlPath)) return IMMUTABLE;
  return SHORT;
}

async function isFile(file: string): Promise<boolean> {
  try {
    return (await stat(file)).isFile();
  } catch {
    return false;
  }
}

export interface WebApp {
  /** The files of the build, under their own names (/assets/…, /index.html); others pass through. */
  files: RequestHandler;
  /** Always this page of the build (index.html for the app's routes); 503 while it is not built. */
  page(file: string): RequestHandler;
}

export function serveWebApp(dist: string): WebApp {
  const root = path.resolve(dist);
  // Cache-Control follows the path asked for (the file sent may be its .br or .gz). setHeaders runs
  // only when a file is found, and before a 304 or a HEAD answer, which carry it too.
  const send = express.static(root, {
    index: false,
    cacheControl: false,
    fallthrough: true,
    setHeaders(res: Response) {
      res.setHeader('Cache-Control', cacheControlFor(String(res.locals[REQUESTED_PATH])));
    },
  });

  const files: RequestHandler = (req, res, next) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return next();
    void serveFile(req, res, next);
  };

  async function serveFile(req: Request, res: Response, next: NextFunction) {
    const urlPath = req.path;
    let relative: string;
    try {
      relative = decodeURIComponent(urlPath);
    } catch {
      return next(); // not a file name; express.static would refuse it too
    }
    const file = path.join(root, relative);
    const inside = file.startsWith(root + path.sep) && !relative.includes('\0') && !relative.split('/').some((part) => part.startsWith('.'));
    if (!inside) return next();

    let variant: (typeof VARIANTS)[number] | undefined;
    if (COMPRESSIBLE.test(urlPath)) {
      res.vary('Accept-Encoding');
      const present: (typeof VARIANTS)[number][] = [];
      for (const candidate of VARIANTS) if (await isFile(file + candidate.suffix)) present.push(candidate);
      const chosen = chooseEncoding(
        req.headers['accept-encoding'],
        present.map((v) => v.encoding),
      );
      variant = present.find((v) => v.encoding === chosen);
    }

    const originalUrl = req.url;
    if (variant) {
      res.setHeader('Content-Encoding', variant.encoding);
      res.type(path.extname(urlPath)); // the file's type, not the compressed file's
      req.url = urlPath + variant.suffix + originalUrl.slice(urlPath.length);
    }
    res.locals[REQUESTED_PATH] = urlPath;
    send(req, res, (error?: unknown) => {
      req.url = originalUrl;
      if (variant) {
        res.removeHeader('Content-Encoding');
        res.removeHeader('Content-Type');
      }
      next(error);
    });
  }

  return {
    files,
    page(file) {
      return (req, res, next) => {
        const originalUrl = req.url;
        req.url = `/${file}`;
        files(req, res, (error?: unknown) => {
          req.url = originalUrl;
          if (error) return next(error);
          res.status(503).type('text').send('The web app is not built yet: run `pnpm --filter @kinpay/web build`.');
        });
      };
    },
  };
}
