import type { Context } from 'hono'
import { REVEAL_LIFETIME_MS } from '../services/api-tokens'
import type { AppEnv } from './context'
import { type RevealCookie, setRevealCookie, takeRevealCookie } from './reveal-cookie'

/** Settings only: it carries the new API token sealed, for the one page that shows it. */
const TOKEN: RevealCookie = { name: 'tether_new_token', lifetimeMs: REVEAL_LIFETIME_MS }
const PATH = '/settings'

export const setTokenRevealCookie = (c: Context<AppEnv>, value: string) => setRevealCookie(c, TOKEN, PATH, value)
export const takeTokenRevealCookie = (c: Context<AppEnv>) => takeRevealCookie(c, TOKEN, PATH)
