import { cloudflareTest, readD1Migrations } from '@cloudflare/vitest-plugin'
import { defineConfig } from 'vitest/config'
import { startFakes } from './test/fakes/server.ts'

// Third-party apps are real local HTTP servers, started here in Node, outside the Workers runtime.
export default defineConfig(async () => {
  const fakes = await startFakes()
  return {
    plugins: [
      cloudflareTest({
        wrangler: { configPath: './wrangler.jsonc' },
        miniflare: {
          // An empty database of its own, for tests that apply the migrations one by one.
          d1Databases: { MIGRATION_DB: 'tether-migration-check' },
          // The queue keeps its producer, but no consumer runs on its own: tests hand batches to the worker's `queue`
          // export (createMessageBatch), so each attempt, its answer and its retry delay are deterministic.
          // `{}` alone leaves wrangler.jsonc's consumers running: the runs queue would run a run 1 s after its trigger, racing
          // the test's own deliveries (test/workflow-helpers.ts deliverRun). Held for the longest batch wait instead.
          queueConsumers: {
            'tether-runs': { maxBatchSize: 100, maxBatchTimeout: 60 },
            'tether-runs-dlq': { maxBatchSize: 100, maxBatchTimeout: 60 },
            // The proxy's audit consumer runs on its own, at once: test/proxy-helpers.ts proxyAudits waits for its rows.
            'tether-audit': { maxBatchSize: 100, maxBatchTimeout: 0 },
          },
          bindings: {
            TEST_MIGRATIONS: await readD1Migrations('./migrations'),
            FAKES_URL: fakes.url,
            ENCRYPTION_KEYS: 'k2:AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=,k1:ICEiIyQlJicoKSorLC0uLzAxMjM0NTY3ODk6Ozw9Pj8=',
            // As production requires: links are built from PUBLIC_URL (test/helpers.ts ORIGIN), never from a request's Host.
            PUBLIC_URL: 'http://tether.test',
            DEMO_APPS: '1',
            ALLOW_LOOPBACK_APPS: '1',
            UPSTREAM_TIMEOUT_MS: '400',
            APP_ENDPOINTS: JSON.stringify(fakes.endpoints),
            OAUTH_GOOGLE_CLIENT_ID: 'google-client',
            OAUTH_GOOGLE_CLIENT_SECRET: 'google-secret',
            OAUTH_SLACK_CLIENT_ID: 'slack-client',
            OAUTH_SLACK_CLIENT_SECRET: 'slack-secret',
            FC_SEED: process.env.FC_SEED ?? '',
          },
        },
      }),
    ],
    test: {
      // Vitest empties CSS imports by default; src/views/asset-urls.test.tsx hashes the real stylesheet.
      css: { include: [/public\/(app|dashboard)\.css/] },
      setupFiles: ['./test/apply-migrations.ts', './test/property-seed.ts'],
      include: ['src/**/*.test.ts', 'src/**/*.test.tsx', 'test/**/*.test.ts', 'test/**/*.test.tsx'],
      projects: [
        { extends: true, test: { name: 'workers' } },
        // Tools that need Node itself (swagger-parser), outside workerd and without the Workers plugin.
        { extends: false, test: { name: 'node', environment: 'node', include: ['test-node/**/*.test.ts'] } },
      ],
    },
  }
})
