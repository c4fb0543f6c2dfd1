import type { D1Migration } from 'cloudflare:test'
import type { Env as TetherEnv } from '../src/env'

declare global {
  namespace Cloudflare {
    interface Env extends TetherEnv {
      TEST_MIGRATIONS: D1Migration[]
      FAKES_URL: string
      /** Starts empty: test/password-storage.test.ts replays the migrations on it. */
      MIGRATION_DB: D1Database
      /** Empty for the fixed default seed of the property tests; see test/property.ts. */
      FC_SEED: string
    }
  }
}
