// Every text file of the build also as .br and .gz beside it, so the API sends the one the browser
// accepts and compresses nothing per request (apps/api/src/static-files.ts).
//
// Why not vite-plugin-compression2 (it does work with Vite 8): it compresses one file at a time on
// a 2-core machine and at brotli's top quality for every file, which made each build 28 s slower
// (Monaco alone, 2.8 MB, takes 11 s), and it hooks into Vite's internal manifest plugin. Here the
// files a parent or staff member downloads for the portal get brotli's top quality (11); the
// GraphQL playground's (GraphiQL and Monaco, 6 MB) get quality 9: 10% larger, 12 times faster.
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import type { Plugin, Rollup } from 'vite';

const brotli = promisify(zlib.brotliCompress);
const gzip = promisify(zlib.gzip);

/** Text, plus fonts and WebAssembly, which also shrink. Images and the compressed files are left alone. */
export const COMPRESSIBLE = /\.(html|js|mjs|css|json|svg|txt|xml|map|ttf|otf|wasm)$/;

export async function compressFile(file: string, brotliQuality: number): Promise<void> {
  const source = await readFile(file);
  const [br, gz] = await Promise.all([
    brotli(source, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: brotliQuality, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: source.length } }),
    gzip(source, { level: zlib.constants.Z_BEST_COMPRESSION }),
  ]);
  // A file that would not get smaller is sent as it is.
  if (br.length < source.length) await writeFile(`${file}.br`, br);
  if (gz.length < source.length) await writeFile(`${file}.gz`, gz);
}

/** The output files reachable from these entries (their chunks, lazy chunks, CSS and assets). */
export function reachableFiles(bundle: Rollup.OutputBundle, entryNames: readonly string[]): Set<string> {
  const chunks = new Map(Object.values(bundle).flatMap((item) => (item.type === 'chunk' ? [[item.fileName, item] as const] : [])));
  const files = new Set<string>();
  const visit = (fileName: string) => {
    if (files.has(fileName)) return;
    files.add(fileName);
    const chunk = chunks.get(fileName);
    if (!chunk) return;
    for (const css of chunk.viteMetadata?.importedCss ?? []) files.add(css);
    for (const asset of chunk.viteMetadata?.importedAssets ?? []) files.add(asset);
    [...chunk.imports, ...chunk.dynamicImports].forEach(visit);
  };
  for (const chunk of chunks.values()) if (chunk.isEntry && entryNames.includes(chunk.name)) visit(chunk.fileName);
  return files;
}

export function precompress(options: { best: { entries: readonly string[]; pages: readonly string[] } }): Plugin {
  let outDir = '';
  return {
    name: 'kinpay:precompress',
    apply: 'build',
    configResolved(config) {
      outDir = path.resolve(config.root, config.build.outDir);
    },
    async writeBundle(output, bundle) {
      const dir = output.dir ?? outDir;
      const best = reachableFiles(bundle, options.best.entries);
      for (const page of options.best.pages) best.add(page);
      // This build's files only: the playground's build writes into the portal's dist/ after it, and
      // must leave the portal's files (compressed at a higher quality) alone. (No public/ folder
      // exists, so every file is in the bundle.) .vite/manifest.json is for the build's tools only.
      // zlib's asynchronous calls run on libuv's thread pool: every core works.
      const files = Object.keys(bundle).filter((file) => COMPRESSIBLE.test(file) && !file.startsWith('.'));
      await Promise.all(files.map((file) => compressFile(path.join(dir, file), best.has(file) ? 11 : 9)));
    },
  };
}
