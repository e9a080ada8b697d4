// `pnpm lint` (after ESLint): the layers of the API, checked on every import, type-only ones too.
// ESLint's import-x/no-cycle catches value cycles; these rules also catch cycles through types and
// keep GraphQL out of the domain.
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-cycles',
      comment: 'No module may depend on itself through others, not even through types only.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'domain-knows-no-graphql',
      comment:
        'Services, repositories and the ledger know nothing of GraphQL: they throw DomainError (src/errors.ts) and take and return rows (src/models.ts). ' +
        'Only *.resolvers.ts, src/graphql/, context.ts and server.ts speak GraphQL; the generated enums (graphql/enums.ts) are plain types any layer may use.',
      severity: 'error',
      from: {
        path: '^apps/api/src/',
        pathNot: ['\\.resolvers\\.ts$', '^apps/api/src/graphql/', '^apps/api/src/(context|server)\\.ts$', '\\.test\\.ts$', '^apps/api/src/test/'],
      },
      to: { path: ['^apps/api/src/graphql/(?!enums\\.ts$)', 'node_modules/graphql/', 'node_modules/@apollo/', 'node_modules/@graphql-tools/'] },
    },
    {
      name: 'models-are-leaves',
      comment: 'models.ts maps GraphQL types to rows for codegen: it imports row types, nothing of the app.',
      severity: 'error',
      from: { path: '^apps/api/src/models\\.ts$' },
      to: { path: '^apps/api/src/' },
    },
    {
      name: 'packages-stand-alone',
      comment: 'Shared packages never import the apps.',
      severity: 'error',
      from: { path: '^packages/' },
      to: { path: '^apps/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: ['generated/', 'apps/web/src/gql/', '\.stryker-tmp/', '/dist/', 'bench/results'] },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.base.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default'],
      extensions: ['.ts', '.tsx', '.js', '.mjs'],
    },
  },
};
