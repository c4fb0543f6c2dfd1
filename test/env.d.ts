import type { D1Migration } from 'cloudflare:test'
import type { Env as TetherEnv } from '../src/env'

declare global {
  namespace Cloudflare {
    interface Env extends TetherEnv {
      TEST_MIGRATIONS: D1Migration[]
      FAKES_URL: string
    }
  }
}
