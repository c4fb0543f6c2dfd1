import { buildApp } from './app'
import { readConfig } from './config'
import { database } from './db/client'
import { loadKeyring } from './domain/crypto'
import type { Env } from './env'
import { runScheduled } from './jobs/scheduled'
import { consumeWebhooks } from './services/webhooks/consume'

const app = buildApp()

export default {
  fetch: app.fetch,
  scheduled(controller, env, ctx) {
    ctx.waitUntil(runScheduled(env, controller.scheduledTime))
  },
  async queue(batch, env) {
    const deps = { db: database(env.DB), env, config: readConfig(env), keyring: () => loadKeyring(env.ENCRYPTION_KEYS), clock: Date.now }
    await consumeWebhooks(deps, batch)
  },
} satisfies ExportedHandler<Env>
