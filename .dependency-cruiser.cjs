/**
 * Import rules (`pnpm lint:deps`, a CI step): no cycles, one direction,
 * the core's layers as its README lists them. Type-only imports count too
 * (`tsPreCompilationDeps`): a layer that needs another's types depends on it.
 */
const CORE = '^packages/core/src/';
const NODE_BUILTIN = `^(node:.*|${require('node:module').builtinModules.join('|')})$`;
module.exports = {
  forbidden: [
    {
      name: 'no-cycles',
      severity: 'error',
      comment: 'No import cycles, between files or through other files.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'core-knows-no-adapter',
      severity: 'error',
      comment: 'The core knows no adapter package and no web framework.',
      from: { path: '^packages/core/' },
      to: { path: ['^packages/(?!core/)', 'node_modules/(express|koa|@koa|hono|@hono|fastify)/'] },
    },
    {
      name: 'model-below-interpreters',
      severity: 'error',
      comment: 'The declaration model is read by the resolver and the OpenAPI builder; it imports neither.',
      from: { path: `${CORE}model/` },
      to: { path: `${CORE}(resolver|openapi|app|adapter|checks|docs|node)/` },
    },
    {
      name: 'openapi-not-resolver',
      severity: 'error',
      comment: 'The OpenAPI builder reads the model, never the resolver (and never the app).',
      from: { path: `${CORE}openapi/` },
      to: { path: `${CORE}(resolver|app|adapter)/` },
    },
    {
      name: 'resolver-not-openapi',
      severity: 'error',
      comment: 'The resolver compiles the model; it knows nothing of the document, the app or the services plugin.',
      from: { path: `${CORE}resolver/` },
      to: { path: `${CORE}(openapi|app|adapter|docs|services)/` },
    },
    {
      name: 'declarations-below-the-model',
      severity: 'error',
      comment: 'Declarations (dependency, sources, security, router, errors, util) know nothing of the model, its interpreters, the app or what is around it.',
      from: { path: `${CORE}(dependency|sources|security|router|errors|util)/` },
      to: { path: `${CORE}(model|resolver|openapi|checks|app|guard|overrides|adapter|node|docs|services)/` },
    },
    {
      name: 'request-and-answer-below-declarations',
      severity: 'error',
      comment: 'The request view and answers import errors and utilities only.',
      from: { path: `${CORE}(request|response)/` },
      to: { path: `${CORE}(dependency|sources|security|router|model|resolver|openapi|checks|app|guard|overrides|adapter|node|docs|services)/` },
    },
    {
      name: 'stores-below-declarations',
      severity: 'error',
      comment: 'The stores kit (health, outage policy, Redis client events) imports errors only.',
      from: { path: `${CORE}stores/` },
      to: { path: `${CORE}(dependency|sources|security|router|request|response|model|resolver|openapi|checks|app|guard|overrides|adapter|node|docs|services|util)/` },
    },
    {
      name: 'checks-not-other-interpreters',
      severity: 'error',
      comment: 'The startup checks read the model; they import neither the resolver nor the OpenAPI builder.',
      from: { path: `${CORE}checks/` },
      to: { path: `${CORE}(resolver|openapi|app|adapter|guard)/` },
    },
    {
      name: 'app-below-what-is-around-it',
      severity: 'error',
      comment: 'The app layer (app, guard, overrides) never imports the adapter kit, the Node helpers, the docs page or the services plugin.',
      from: { path: `${CORE}(app|guard|overrides)/` },
      to: { path: `${CORE}(adapter|node|docs|services)/` },
    },
    {
      name: 'engine-not-services',
      severity: 'error',
      comment: 'Only the services plugin loads tsyringe and reflect-metadata.',
      from: { path: CORE, pathNot: `${CORE}services/` },
      to: { path: ['node_modules/(tsyringe|reflect-metadata)/', `${CORE}services/`] },
    },
    {
      name: 'root-entry-loads-no-node-builtin',
      severity: 'error',
      comment: "The root entry (@depends/core) reaches no node:* module, so it loads on any runtime.",
      from: { path: `${CORE}index\\.ts$` },
      to: { path: NODE_BUILTIN, reachable: true },
    },
    {
      name: 'root-entry-loads-no-adapter-docs-or-services',
      severity: 'error',
      comment: 'The root entry is for API authors: the adapter kit, Node helpers, docs page and services are their own entries.',
      from: { path: `${CORE}index\\.ts$` },
      to: { path: `${CORE}(adapter|node|docs|services)/`, reachable: true },
    },
    {
      name: 'packages-use-public-entries',
      severity: 'error',
      comment: "Other packages import @depends/core's entries, never its files.",
      from: { path: '^packages/(?!core/)' },
      to: { path: CORE, pathNot: `${CORE}(index|adapter/index|node/index|security/authoring|openapi/index|docs/index|docs-files/index|services/index)\\.ts$` },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: ['\\.test\\.ts$', '\\.test-d\\.ts$', '/test/', '/dist/'] },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['@depends/source', 'import', 'types', 'default'],
      extensions: ['.ts', '.js', '.mjs', '.d.ts'],
    },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
