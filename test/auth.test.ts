import { env } from 'cloudflare:workers'
import { describe, expect, it } from 'vitest'
import { call, signUpOwner } from './helpers'

describe('owner accounts', () => {
  it('signs up, reads the session, logs out', async () => {
    const owner = await signUpOwner()
    const token = owner.cookie.split('=')[1]!
    const rows = await env.DB.prepare('SELECT token_hash FROM sessions').all<{ token_hash: string }>()
    expect(rows.results.map((r) => r.token_hash)).not.toContain(token)
    const logout = await call('/api/v1/auth/logout', { method: 'POST', cookie: owner.cookie })
    expect(logout.status).toBe(204)
  })
})
