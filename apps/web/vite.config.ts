import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type Connect, type Plugin, type ProxyOptions } from 'vite';
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

export default defineConfig({
  plugins: [
    react(),
    graphiqlPage(),
    graphqlDocuments({ gqlDir: fileURLToPath(new URL('./src/gql', import.meta.url)) }),
    // .br and .gz beside every text file; the portal's (index.html and what it loads) at brotli's best.
    precompress({ best: { entries: ['main'], pages: ['index.html'] } }),
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
    // Two pages: the SPA and the GraphQL playground. (`rolldownOptions` is Vite 8's name for
    // `rollupOptions`, which still works as a deprecated alias.)
    // Only the playground is big: Monaco, the editor behind GraphiQL, is ~2.8 MB and loads on
    // /graphiql alone, never with the portal.
    chunkSizeWarningLimit: 3000,
    // dist/.vite/manifest.json: each entry and lazy route with the chunks it imports, read by
    // `pnpm --filter @kinpay/web size` (scripts/bundle-report.ts).
    manifest: true,
    rolldownOptions: {
      onLog(level, log, handler) {
        // GraphiQL's files start with React Compiler's "use no memo"; dropping it is harmless.
        if (log.code === 'MODULE_LEVEL_DIRECTIVE' && log.message.includes('use no memo')) return;
        handler(level, log);
      },
      input: {
        main: fileURLToPath(new URL('./index.html', import.meta.url)),
        graphiql: fileURLToPath(new URL('./graphiql.html', import.meta.url)),
      },
    },
  },
  worker: { format: 'es' },
});
