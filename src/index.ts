import { buildApp, buildProxyApp } from './app'
import { readConfig } from './config'
import { database } from './db/client'
import { loadKeyring } from './domain/crypto'
import type { Env } from './env'
import { edgeOf } from './http/deps'
import { PROXY_URL } from './routes/api/proxy'
import { invitationFastPath } from './routes/invitation-fast-path'
import { runScheduled } from './jobs/scheduled'
import { depsFromEnv } from './services/deps'
import { consumeProxyAudits, PROXY_AUDIT_QUEUE } from './services/proxy-audit'
import { consumeWebhooks } from './services/webhooks/consume'
import { consumeRuns, failDeadLetteredRuns } from './services/workflows/consume-runs'
import { RUNS_DEAD_LETTER_QUEUE, RUNS_QUEUE } from './services/workflows/run-queue'

const app = buildApp()
const proxyApp = buildProxyApp()

export default {
  async fetch(request: Request, env: Env, ctx: ExecutionContext) {
    if (PROXY_URL.test(request.url)) return proxyApp.fetch(request, env, ctx)
    return (await invitationFastPath(request, env, ctx)) ?? app.fetch(request, env, ctx)
  },
  scheduled(controller, env, ctx) {
    ctx.waitUntil(runScheduled(env, controller.scheduledTime))
  },
  async queue(batch, env) {
    // No request here: URLs handed out (none are, by runs) come from PUBLIC_URL only.
    if (batch.queue === RUNS_QUEUE) return consumeRuns(depsFromEnv(env, '', edgeOf(env)), batch)
    if (batch.queue === PROXY_AUDIT_QUEUE) return consumeProxyAudits(database(env.DB), batch)
    if (batch.queue === RUNS_DEAD_LETTER_QUEUE) return failDeadLetteredRuns(depsFromEnv(env, '', edgeOf(env)), batch, Date.now())
    const deps = { db: database(env.DB), env, config: readConfig(env), keyring: () => loadKeyring(env.ENCRYPTION_KEYS), clock: Date.now }
    await consumeWebhooks(deps, batch)
  },
} satisfies ExportedHandler<Env>
