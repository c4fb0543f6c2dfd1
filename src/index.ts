import { buildApp } from './app'
import type { Env } from './env'
import { runScheduled } from './jobs/scheduled'

const app = buildApp()

export default {
  fetch: app.fetch,
  scheduled(controller, env, ctx) {
    ctx.waitUntil(runScheduled(env, controller.scheduledTime))
  },
} satisfies ExportedHandler<Env>
