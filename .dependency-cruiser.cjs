// `npm run lint:layers`: the import rule of docs/ARCHITECTURE.md ("Layers"). Type-only imports
// count, since they couple the layers as much as value imports do.

const frameworks = '^node_modules/(hono|@hono|drizzle-orm)/'

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'domain-is-pure',
      comment: 'src/domain is plain TypeScript: no Hono, no drizzle, no Workers runtime modules.',
      severity: 'error',
      from: { path: '^src/domain/' },
      to: { path: [frameworks, '^cloudflare:'] },
    },
    {
      name: 'domain-depends-on-no-layer',
      comment: 'Every other layer may use src/domain; src/domain uses none of them.',
      severity: 'error',
      from: { path: '^src/domain/' },
      to: { path: '^src/(db|services|routes|http|views)/' },
    },
    {
      name: 'catalogs-are-plain-data',
      comment: "src/i18n holds the client pages' words and t(): like src/domain, it uses no framework and no other layer.",
      severity: 'error',
      from: { path: '^src/i18n/' },
      to: { path: [frameworks, '^cloudflare:', '^src/(db|services|routes|http|views|apps)/'] },
    },
    {
      name: 'services-know-no-http',
      comment: 'Use cases take plain inputs; requests, responses and routing stay in src/routes and src/http.',
      severity: 'error',
      from: { path: '^src/services/' },
      to: { path: ['^node_modules/(hono|@hono)/', '^src/(http|routes)/'] },
    },
    {
      name: 'routes-and-views-reach-no-db',
      comment: 'Routes call services; views render what they are given.',
      severity: 'error',
      from: { path: '^src/(routes|views)/' },
      to: { path: '^src/db/' },
    },
    {
      name: 'views-call-no-services',
      comment: 'Views are pure functions of their props.',
      severity: 'error',
      from: { path: '^src/views/' },
      to: { path: '^src/services/' },
    },
  ],
  options: {
    // TypeScript 7 has no JavaScript API for dependency-cruiser's tsc parser. swc parses TS and TSX
    // and always reports type-only imports (dependencyTypes 'type-only'), which is what
    // tsPreCompilationDeps: true would ask of tsc; setting it would only warn that tsc is missing.
    parser: 'swc',
    tsConfig: { fileName: 'tsconfig.json' },
    doNotFollow: { path: 'node_modules' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'workerd', 'worker', 'browser', 'default'] },
  },
}
