// `pnpm --filter @kinpay/web size` (after `pnpm --filter @kinpay/web build`): what each page of the
// portal downloads, read from Vite's manifest (dist/.vite/manifest.json). A page is the entry
// (index.html's script and CSS) plus the lazy chunks of the routes it renders, each followed
// through its static imports: exactly the files the browser fetches on a first visit. Sizes are
// raw, gzip and brotli: the .gz and .br files the build wrote and the API sends. Exits 1 if a page
// is over its target (JavaScript, brotli, 1 KB = 1,000 bytes).
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';

interface ManifestChunk {
  file: string;
  name?: string;
  src?: string;
  isEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
  css?: string[];
  assets?: string[];
}
type Manifest = Record<string, ManifestChunk>;

/**
 * The lazy routes (and lazy components) each page renders, by source file, or by chunk name for the
 * chunks vite.config.ts groups modules into ('signed-in': the signed-in frame with Apollo Client);
 * index.html is always loaded.
 */
export const PAGES: Record<string, { chunks: string[]; targetKb?: number }> = {
  'sign-in': { chunks: ['src/features/auth/SignInPage.tsx'], targetKb: 90 },
  family: { chunks: ['signed-in', 'src/features/family/FamilyPage.tsx'], targetKb: 120 },
  'staff patients': { chunks: ['signed-in', 'src/features/ebilling/EbillingNavLink.tsx', 'src/features/patients/PatientsPage.tsx'] },
  eBilling: {
    chunks: ['signed-in', 'src/features/ebilling/EbillingNavLink.tsx', 'src/features/ebilling/EbillingCenterPage.tsx', 'src/features/ebilling/ReportsTab.tsx'],
  },
  preferences: { chunks: ['signed-in', 'src/features/ebilling/EbillingNavLink.tsx', 'src/features/preferences/PreferencesPage.tsx'] },
};

/** The files a page fetches: the chunks, their static imports (not their lazy ones), their CSS. */
export function pageFiles(manifest: Manifest, keys: readonly string[]): string[] {
  const files = new Set<string>();
  const seen = new Set<string>();
  const visit = (name: string) => {
    const key = name in manifest ? name : Object.keys(manifest).find((k) => k.startsWith('_') && manifest[k]!.name === name);
    if (!key) throw new Error(`${name} is not in Vite's manifest: is it still a lazy route or a chunk? (update PAGES in scripts/bundle-report.ts)`);
    if (seen.has(key)) return;
    seen.add(key);
    const chunk = manifest[key]!;
    files.add(chunk.file);
    for (const css of chunk.css ?? []) files.add(css);
    for (const imported of chunk.imports ?? []) visit(imported);
  };
  ['index.html', ...keys].forEach(visit);
  return [...files];
}

interface Sizes {
  raw: number;
  gzip: number;
  brotli: number;
}

/** On the wire: the precompressed file the API would send, or the file itself when none is smaller. */
function sizesOf(dist: string, file: string): Sizes {
  const full = path.join(dist, file);
  const raw = statSync(full).size;
  const wire = (suffix: string, compress: (bytes: Buffer) => Buffer) =>
    existsSync(full + suffix) ? statSync(full + suffix).size : Math.min(raw, compress(readFileSync(full)).length);
  return {
    raw,
    gzip: wire('.gz', (bytes) => zlib.gzipSync(bytes, { level: 9 })),
    brotli: wire('.br', (bytes) => zlib.brotliCompressSync(bytes)),
  };
}

const add = (a: Sizes, b: Sizes): Sizes => ({ raw: a.raw + b.raw, gzip: a.gzip + b.gzip, brotli: a.brotli + b.brotli });
const kb = (bytes: number) => `${(bytes / 1000).toFixed(1)} KB`;

export function report(dist: string): { lines: string[]; failures: string[] } {
  const manifest = JSON.parse(readFileSync(path.join(dist, '.vite/manifest.json'), 'utf8')) as Manifest;
  const zero: Sizes = { raw: 0, gzip: 0, brotli: 0 };
  const header = ['page', 'files', 'JS raw', 'JS gzip', 'JS br', 'CSS raw', 'CSS gzip', 'CSS br', 'JS br target'];
  const rows: string[][] = [];
  const failures: string[] = [];
  for (const [page, { chunks, targetKb }] of Object.entries(PAGES)) {
    const files = pageFiles(manifest, chunks);
    let js = zero;
    let css = zero;
    for (const file of files) {
      if (file.endsWith('.js')) js = add(js, sizesOf(dist, file));
      else if (file.endsWith('.css')) css = add(css, sizesOf(dist, file));
    }
    const over = targetKb !== undefined && js.brotli > targetKb * 1000;
    if (over) failures.push(`${page}: ${kb(js.brotli)} of JavaScript (brotli) is over its ${targetKb} KB target`);
    const target = targetKb === undefined ? '' : `≤ ${targetKb} KB ${over ? 'OVER' : 'ok'}`;
    rows.push([page, String(files.length), kb(js.raw), kb(js.gzip), kb(js.brotli), kb(css.raw), kb(css.gzip), kb(css.brotli), target]);
  }
  const widths = header.map((_, i) => Math.max(...[header, ...rows].map((row) => row[i]!.length)));
  const format = (row: string[]) => row.map((cell, i) => (i === 0 || i === row.length - 1 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join('  ');
  return { lines: [format(header), ...rows.map(format)], failures };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const dist = path.resolve(process.argv[2] ?? fileURLToPath(new URL('../dist', import.meta.url)));
  if (!existsSync(path.join(dist, '.vite/manifest.json'))) {
    console.error(`No Vite manifest in ${dist}: run \`pnpm --filter @kinpay/web build\` first.`);
    process.exit(1);
  }
  const { lines, failures } = report(dist);
  console.log(`What each page downloads on a first visit (${path.relative(process.cwd(), dist) || '.'}; 1 KB = 1,000 bytes):\n`);
  for (const line of lines) console.log(line.trimEnd());
  if (failures.length > 0) {
    console.error(`\n${failures.join('\n')}`);
    process.exit(1);
  }
}
