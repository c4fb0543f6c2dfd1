import type { Context } from 'hono'
import { SECRET_REVEAL_MS } from '../services/webhooks/endpoints'
import type { AppEnv } from './context'
import { type RevealCookie, setRevealCookie, takeRevealCookie } from './reveal-cookie'

/** The webhook endpoints' page only: a new endpoint's signing secret, sealed, shown once. */
const ENDPOINT_SECRET: RevealCookie = { name: 'tether_new_webhook_secret', lifetimeMs: SECRET_REVEAL_MS }
const PATH = '/settings/webhooks'

export const setWebhookSecretCookie = (c: Context<AppEnv>, value: string) => setRevealCookie(c, ENDPOINT_SECRET, PATH, value)
export const takeWebhookSecretCookie = (c: Context<AppEnv>) => takeRevealCookie(c, ENDPOINT_SECRET, PATH)
