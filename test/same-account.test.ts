import { env } from 'cloudflare:workers'
import { describe, expect, it } from 'vitest'
import { maskAccountLabel } from '../src/domain/account-guard'
import { call, DEMO_KEY, form, getConnection, requestLink, signUpOwner, submitViaLink } from './helpers'
import { location, post, SAME_ORIGIN, submit } from './dashboard-helpers'
import { signInAtDemo } from './oauth-link-flow'

const OTHER_KEY = 'demo_stranger_key_999'

interface Event {
  type: string
  detail: Record<string, unknown> | null
}

async function eventsOf(owner: { cookie: string }, id: string): Promise<Event[]> {
  const response = await call(`/api/v1/connections/${id}/events`, { cookie: owner.cookie })
  return (await response.json<{ events: Event[] }>()).events
}

async function storedRow(id: string) {
  return env.DB.prepare('SELECT credentials_blob AS blob, account_id AS accountId, account_label AS label FROM connections WHERE id = ?')
    .bind(id)
    .first<{ blob: string; accountId: string | null; label: string }>()
}

async function refreshLink(owner: { cookie: string }, id: string, json: Record<string, unknown> = {}) {
  const response = await call(`/api/v1/connections/${id}/link`, { method: 'POST', cookie: owner.cookie, json })
  expect(response.status).toBe(201)
  const { link } = await response.json<{ link: { url: string } }>()
  return { path: new URL(link.url).pathname }
}

/** An API-key connection made through a link with DEMO_KEY; returns its account label. */
async function connectedViaLink(owner: { cookie: string }) {
  const link = await requestLink(owner)
  expect((await submitViaLink(link, { apiKey: DEMO_KEY })).status).toBe(200)
  const connection = await getConnection(owner, link.connectionId)
  return { id: link.connectionId, label: connection.accountLabel! }
}

describe('same-account guard: refresh via link (API key)', () => {
  it('refuses another account: nothing changes, the client sees both accounts and what to do, the link stays usable', async () => {
    const owner = await signUpOwner()
    const { id, label } = await connectedViaLink(owner)
    const before = await storedRow(id)
    expect(before?.accountId).toMatch(/^ws-/)
    const link = await refreshLink(owner, id)

    const refused = await submitViaLink(link, { apiKey: OTHER_KEY })
    expect(refused.status).toBe(422)
    const page = await refused.text()
    expect(page).toContain(maskAccountLabel(label))
    expect(page).not.toContain(label)
    expect(page).toContain('ask the person who sent you this link')
    expect(page).not.toContain(OTHER_KEY)
    expect(await storedRow(id)).toEqual(before)
    expect(await getConnection(owner, id)).toMatchObject({ status: 'active', accountLabel: label, link: { status: 'pending' } })

    const [mismatch] = (await eventsOf(owner, id)).filter((event) => event.type === 'account_mismatch')
    expect(mismatch?.detail).toMatchObject({ previousAccount: label, previousAccountId: before?.accountId, accountChange: 'refused' })
    expect(mismatch?.detail?.account).not.toBe(label)

    // The same account through the same link: works as before.
    expect((await submitViaLink(link, { apiKey: DEMO_KEY })).status).toBe(200)
    expect(await getConnection(owner, id)).toMatchObject({ link: { status: 'used' }, accountLabel: label })
  })

  it('lets another account in when the owner allowed it on the link, with both accounts in the audit trail', async () => {
    const owner = await signUpOwner()
    const { id, label } = await connectedViaLink(owner)
    const before = await storedRow(id)
    const link = await refreshLink(owner, id, { allowAccountChange: true })
    expect((await submitViaLink(link, { apiKey: OTHER_KEY })).status).toBe(200)
    const after = await storedRow(id)
    expect(after?.accountId).not.toBe(before?.accountId)
    expect(after?.label).not.toBe(label)
    const submitted = (await eventsOf(owner, id)).filter((event) => event.type === 'credentials_submitted')
    expect(submitted).toHaveLength(2)
    expect(submitted.find((event) => event.detail?.purpose === 'refresh')?.detail).toMatchObject({
      account: after?.label,
      previousAccount: label,
      accountChange: 'changed',
      purpose: 'refresh',
    })
  })

  it('records the account of a row stored before account ids were kept, on its next refresh', async () => {
    const owner = await signUpOwner()
    const { id } = await connectedViaLink(owner)
    await env.DB.prepare('UPDATE connections SET account_id = NULL WHERE id = ?').bind(id).run()
    expect((await submitViaLink(await refreshLink(owner, id), { apiKey: DEMO_KEY })).status).toBe(200)
    expect((await storedRow(id))?.accountId).toMatch(/^ws-/)
  })
})

describe('same-account guard: the owner’s Update Connection Data', () => {
  async function direct(owner: { cookie: string }) {
    const response = await call('/api/v1/connections', {
      method: 'POST',
      cookie: owner.cookie,
      json: { appId: 'demo-tasks', name: 'Tasks', via: 'direct', credentials: { apiKey: DEMO_KEY } },
    })
    return (await response.json<{ connection: { id: string; accountLabel: string } }>()).connection
  }
  const put = (owner: { cookie: string }, id: string, json: unknown) =>
    call(`/api/v1/connections/${id}/credentials`, { method: 'PUT', cookie: owner.cookie, json })

  it('answers 409 account_mismatch on the API and changes nothing; allowAccountChange lets it through', async () => {
    const owner = await signUpOwner()
    const connection = await direct(owner)
    const before = await storedRow(connection.id)
    const refused = await put(owner, connection.id, { credentials: { apiKey: OTHER_KEY } })
    expect(refused.status).toBe(409)
    const body = await refused.json<{ error: { code: string; message: string } }>()
    expect(body.error.code).toBe('account_mismatch')
    expect(body.error.message).toContain(connection.accountLabel)
    expect(await storedRow(connection.id)).toEqual(before)

    expect((await put(owner, connection.id, { credentials: { apiKey: DEMO_KEY } })).status).toBe(200)
    const allowed = await put(owner, connection.id, { credentials: { apiKey: OTHER_KEY }, allowAccountChange: true })
    expect(allowed.status).toBe(200)
    expect((await storedRow(connection.id))?.accountId).not.toBe(before?.accountId)

    const types = (await eventsOf(owner, connection.id)).map((event) => [event.type, event.detail?.accountChange ?? null])
    expect(types).toEqual(
      expect.arrayContaining([
        ['account_mismatch', 'refused'],
        ['credentials_updated', 'changed'],
      ]),
    )
  })

  it('shows the refusal as a form error on the dashboard', async () => {
    const owner = await signUpOwner()
    const connection = await direct(owner)
    const refused = await submit(`/connections/${connection.id}/credentials`, { apiKey: OTHER_KEY }, owner.cookie, SAME_ORIGIN)
    expect(refused.status).toBe(409)
    const page = await refused.text()
    expect(page).toContain(`but these credentials are for`)
    expect(page).toContain('name="allowAccountChange"')
    const allowed = await post(`/connections/${connection.id}/credentials`, { apiKey: OTHER_KEY, allowAccountChange: '1' }, owner.cookie)
    expect(location(allowed)).toBe(`/connections/${connection.id}?updated=1`)
  })
})

describe('same-account guard: refresh via link (OAuth)', () => {
  it('refuses a sign-in to another account at the callback, and accepts the right one through the same link', async () => {
    const owner = await signUpOwner()
    const link = await requestLink(owner, 'demo-docs')
    const first = await signInAtDemo(await call(`${link.path}/accept`, form({})), 'ada.lovelace@example.com')
    expect(first.headers.get('location')).toBe('/connect/done')
    const before = await storedRow(link.connectionId)

    const refresh = await refreshLink(owner, link.connectionId)
    const refused = await signInAtDemo(await call(`${refresh.path}/accept`, form({})), 'mallory@evil.example')
    expect(refused.status).toBe(409)
    const page = await refused.text()
    expect(page).toContain('a•••@example.com')
    expect(page).toContain('mallory@evil.example')
    expect(page).not.toContain('ada.lovelace')
    expect(await storedRow(link.connectionId)).toEqual(before)

    const again = await signInAtDemo(await call(`${refresh.path}/accept`, form({})), 'ada.lovelace@example.com')
    expect(again.headers.get('location')).toBe('/connect/done')
    expect(await getConnection(owner, link.connectionId)).toMatchObject({
      accountLabel: 'ada.lovelace@example.com',
      link: { status: 'used' },
    })
  })
})
