import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { build, defineConfig, type Connect, type Plugin, type ProxyOptions, type Rolldown } from 'vite';
import { graphqlDocuments } from './plugins/graphql-documents.ts';
import { precompress } from './plugins/precompress.ts';

// The API serves /graphql, /healthz and the raw report downloads; in development and preview they
// are proxied to it so the session cookie stays same-origin, exactly as in production where one
// server serves everything. (A key starting with ^ is a regular expression: /ebilling/reports
// itself is a page of the SPA, only /ebilling/reports/<id>/raw is the API's.)
const apiTarget = `http://localhost:${process.env.API_PORT ?? 4000}`;
const proxy: Record<string, ProxyOptions> = {
  '/graphql': { target: apiTarget, changeOrigin: false },
  '/healthz': { target: apiTarget, changeOrigin: false },
  '^/ebilling/reports/[^/]+/raw$': { target: apiTarget, changeOrigin: false },
};

/** `/graphiql` is the playground page (graphiql.html), as the API serves it in production. */
function graphiqlPage(): Plugin {
  const rewrite: Connect.NextHandleFunction = (req, _res, next) => {
    if (req.url === '/graphiql' || req.url?.startsWith('/graphiql?')) {
      req.url = req.url.replace('/graphiql', '/graphiql.html');
    }
    next();
  };
  return {
    name: 'kinpay:graphiql-page',
    configureServer(server) {
      server.middlewares.use(rewrite);
    },
    configurePreviewServer(server) {
      server.middlewares.use(rewrite);
    },
  };
}

// `vite build` builds the portal (index.html), then the GraphQL playground (graphiql.html) into the
// same dist/ as a second build (playgroundBuild below). Two builds, because in one the two pages
// would share chunks: React would sit in a chunk of its own (one more request for every portal page)
// and GraphQL's parser, which only GraphiQL needs, would ride along with Apollo Client to the
// portal's pages. The dev server serves both pages as they are.
const PLAYGROUND = 'playground';

/** After the portal's build, the playground's (this config in the `playground` mode). */
function playgroundBuild(): Plugin {
  return {
    name: 'kinpay:playground-build',
    apply: (_config, env) => env.command === 'build' && env.mode !== PLAYGROUND,
    async closeBundle(error) {
      if (error) return;
      await build({ configFile: fileURLToPath(import.meta.url), mode: PLAYGROUND, logLevel: 'warn' });
    },
  };
}

/**
 * The portal's chunks: a few files per page, not one per set of pages sharing a module (what the
 * bundler does left to itself: nine files for the family page, each with its own headers and its
 * own compression).
 * - main: everything index.html needs before any page, React and React Router included.
 * - signed-in: the signed-in frame (src/app/SignedInArea.tsx, AppLayout.tsx, apollo.ts) and Apollo
 *   Client with what it needs, but for Apollo's error classes, which the root error boundary and the
 *   sign-in page (no Apollo Client there) recognise its errors by; with them the shared modules the
 *   family page uses (staff pages use them too). A module missing from PARENT_SHARED only costs a
 *   request; a staff-only module must never be added (parents would download it).
 * Staff pages and their shared modules are left to the bundler.
 */
const SIGNED_IN_FRAME = /[\\/]apps[\\/]web[\\/]src[\\/]app[\\/]/;
const PARENT_SHARED =
  /[\\/](src[\\/]components[\\/](ChargeTable|Icons|PaymentHistory)\.tsx|src[\\/]shared[\\/](dates|payments)\.ts|packages[\\/]money[\\/]src[\\/][^\\/]+\.ts)$/;
const APOLLO = /[\\/]node_modules[\\/](@apollo[\\/]client|rxjs|optimism|@wry[\\/][^\\/]+|graphql|tslib)[\\/]/;
const APOLLO_ERRORS = /[\\/]@apollo[\\/]client[\\/]errors[\\/]/;
const portalChunks: Rolldown.CodeSplittingGroup[] = [
  { name: 'main', tags: ['$initial'], priority: 2 },
  {
    name: 'signed-in',
    test: (id) => (APOLLO.test(id) && !APOLLO_ERRORS.test(id)) || SIGNED_IN_FRAME.test(id) || PARENT_SHARED.test(id),
    // Only these modules: what they import from main stays in main.
    includeDependenciesRecursively: false,
    priority: 1,
  },
];

export default defineConfig(({ command, mode }) => ({
  resolve: {
    // React Router's package exports only its development build (warnings on) to bundlers; its
    // production build, beside it, is the same code with the warnings off.
    alias:
      command === 'build'
        ? [
            { find: /^react-router$/, replacement: fileURLToPath(import.meta.resolve('react-router').replace('/development/', '/production/')) },
            // RxJS (under Apollo Client) ships ES5 by default, with classes and spreads lowered through
            // tslib; its ES2015 build (the `es2015` condition, which Vite does not ask for) is smaller.
            { find: /^rxjs$/, replacement: fileURLToPath(new URL('dist/esm/index.js', import.meta.resolve('rxjs/package.json'))) },
          ]
        : [],
  },
  plugins: [
    react(),
    graphiqlPage(),
    graphqlDocuments({ gqlDir: fileURLToPath(new URL('./src/gql', import.meta.url)) }),
    playgroundBuild(),
    // .br and .gz beside every text file; the portal's (index.html and what it loads) at brotli's best.
    precompress(mode === PLAYGROUND ? { best: { entries: [], pages: [] } } : { best: { entries: ['main'], pages: ['index.html'] } }),
  ],
  server: { port: 5173, strictPort: true, proxy },
  optimizeDeps: {
    // GraphiQL's Monaco worker setup imports the workers with Vite's `?worker` suffix, which the
    // dev-time dependency pre-bundler cannot load. Left out of pre-bundling, those two small files
    // go through Vite's own worker handling (as they do in `vite build`); the rest of GraphiQL is
    // still pre-bundled.
    exclude: ['graphiql/setup-workers/vite', '@graphiql/react/setup-workers/vite'],
    // The GraphQL worker then loads as plain ES modules; the two CommonJS packages it reaches
    // must be pre-bundled (converted) or the worker fails in development.
    include: [
      'graphiql > @graphiql/react > monaco-graphql > graphql-language-service > nullthrows',
      'graphiql > @graphiql/react > monaco-graphql > graphql-language-service > picomatch-browser',
    ],
  },
  preview: { port: 4173, proxy },
  build: {
    target: 'es2022',
    // No preload map: Vite's would list every chunk of the app in the entry, for nothing, since a
    // portal page is two or three files and routes.tsx starts loading all the pages an address
    // shows at once. (Vite still loads a lazy chunk's CSS without it.)
    modulePreload: false,
    // The playground's build adds its files beside the portal's, which it must not delete.
    emptyOutDir: mode !== PLAYGROUND,
    // Only the playground is big: Monaco, the editor behind GraphiQL, is ~2.8 MB and loads on
    // /graphiql alone, never with the portal.
    chunkSizeWarningLimit: 3000,
    // dist/.vite/manifest.json: the portal's entry and lazy routes with the chunks each imports, read
    // by `pnpm --filter @kinpay/web size` (scripts/bundle-report.ts).
    manifest: mode !== PLAYGROUND,
    // (`rolldownOptions` is Vite 8's name for `rollupOptions`, which still works as a deprecated alias.)
    rolldownOptions: {
      onLog(level, log, handler) {
        // GraphiQL's files start with React Compiler's "use no memo"; dropping it is harmless.
        if (log.code === 'MODULE_LEVEL_DIRECTIVE' && log.message.includes('use no memo')) return;
        handler(level, log);
      },
      input: { [mode === PLAYGROUND ? 'graphiql' : 'main']: fileURLToPath(new URL(mode === PLAYGROUND ? './graphiql.html' : './index.html', import.meta.url)) },
      output: { codeSplitting: mode === PLAYGROUND ? true : { groups: portalChunks } },
    },
  },
  worker: { format: 'es' },
}));
