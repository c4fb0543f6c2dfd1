import { env } from 'cloudflare:workers'
import { describe, expect, it } from 'vitest'
import { call, cookiesAfter, signUpOwner } from './helpers'
import { GOOD_KEY, location, NEW_KEY, post } from './dashboard-helpers'
import { linkUrlOn } from './dashboard-helpers'

/** Rows per table (the rate-limit counters aside): a reload that changes any of them changed something. */
async function rowCounts(): Promise<Record<string, number>> {
  const { results } = await env.DB.prepare(
    "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE '\\_%' ESCAPE '\\' " +
      "AND name NOT IN ('d1_migrations', 'rate_limits')",
  ).all<{ name: string }>()
  const counts: Record<string, number> = {}
  for (const { name } of results) counts[name] = (await env.DB.prepare(`SELECT count(*) AS n FROM "${name}"`).first<{ n: number }>())!.n
  return counts
}

/**
 * A dashboard post answers 303; the page it leads to answers 200 on the first GET, on a reload and
 * in a second tab (the session alone), and neither the reload nor the second tab writes a row.
 */
async function expectPostRedirectGet(posted: Response, cookie: string, pathPattern: RegExp): Promise<{ first: string; again: string }> {
  expect(posted.status).toBe(303)
  const to = location(posted)
  expect(to).toMatch(pathPattern)
  const held = cookiesAfter(posted, cookie)
  const landed = await call(to, { cookie: held })
  expect({ to, status: landed.status }).toEqual({ to, status: 200 })
  const first = await landed.text()
  const before = await rowCounts()
  const reloaded = await call(to, { cookie: cookiesAfter(landed, held) })
  expect({ to, status: reloaded.status }).toEqual({ to, status: 200 })
  const secondTab = await call(to, { cookie })
  expect({ to, status: secondTab.status }).toEqual({ to, status: 200 })
  expect(await rowCounts()).toEqual(before)
  return { first, again: await reloaded.text() }
}

describe('every dashboard form posts, then redirects to a page that reload, Back and a second tab leave alone', () => {
  it('link generation and refresh show the same link on every reload; credentials, revoke and delete redirect', async () => {
    const { cookie } = await signUpOwner()
    const created = await post('/connections/new/demo-tasks/link', { connectionName: 'Client', expiresInMinutes: '2880' }, cookie)
    const generated = await expectPostRedirectGet(created, cookie, /^\/connections\/[^/]+\/link\?new=1$/)
    const id = location(created).split('/')[2]!
    const url = linkUrlOn(generated.first)
    expect(linkUrlOn(generated.again)).toBe(url)

    const refreshed = await expectPostRedirectGet(
      await post(`/connections/${id}/link`, { expiresInMinutes: '60' }, cookie),
      cookie,
      /\/link\?refreshed=1$/,
    )
    const newUrl = linkUrlOn(refreshed.first)
    expect(newUrl).not.toBe(url)
    expect(linkUrlOn(refreshed.again)).toBe(newUrl)

    await expectPostRedirectGet(await post(`/connections/${id}/revoke`, {}, cookie), cookie, /^\/connections\/[^/]+\/link$/)
    await expectPostRedirectGet(await post(`/connections/${id}/delete`, {}, cookie), cookie, /^\/connections\?deleted=1$/)

    const direct = await post('/connections/new/demo-tasks/direct', { connectionName: 'Mine', apiKey: GOOD_KEY }, cookie)
    await expectPostRedirectGet(direct, cookie, /^\/connections\?created=/)
    const directId = new URL(location(direct), 'http://x').searchParams.get('created')!
    const updated = await post(`/connections/${directId}/credentials`, { apiKey: NEW_KEY, allowAccountChange: '1' }, cookie)
    await expectPostRedirectGet(updated, cookie, /\?updated=1$/)
  })

  it('API tokens: created once, shown once, revoked, none of it repeated by a reload', async () => {
    const { cookie } = await signUpOwner()
    const created = await post('/settings/tokens', { name: 'CI', scope: 'read', expiresInDays: '30' }, cookie)
    const shown = await expectPostRedirectGet(created, cookie, /^\/settings$/)
    expect(shown.first).toMatch(/tth_[A-Za-z0-9_-]{20,}/)
    expect(shown.again).not.toMatch(/tth_[A-Za-z0-9_-]{20,}/)
    const tokens = await (await call('/api/v1/tokens', { cookie })).json<{ tokens: { id: string }[] }>()
    expect(tokens.tokens).toHaveLength(1)
    await expectPostRedirectGet(await post(`/settings/tokens/${tokens.tokens[0]!.id}/revoke`, {}, cookie), cookie, /^\/settings$/)
  })

  it('the workflow builder: create, rename, steps, webhook and delete', async () => {
    const { cookie } = await signUpOwner()
    const direct = await post('/connections/new/demo-tasks/direct', { connectionName: 'Tasks', apiKey: GOOD_KEY }, cookie)
    const connectionId = new URL(location(direct), 'http://x').searchParams.get('created')!
    const created = await post('/workflows', { name: 'Flow' }, cookie)
    await expectPostRedirectGet(created, cookie, /^\/workflows\/[^/?]+\?done=created$/)
    const base = location(created).split('?')[0]!
    const step = { appId: 'demo-tasks', action: 'create-task', connectionId, 'input.name': 'Task' }
    const posts: [string, Record<string, string>][] = [
      [`${base}/rename`, { name: 'Renamed flow' }],
      [`${base}/steps`, step],
      [`${base}/steps`, { ...step, 'input.name': 'Second' }],
      [`${base}/steps/1`, { ...step, 'input.name': 'Edited' }],
      [`${base}/steps/2/move`, { direction: 'up' }],
      [`${base}/steps/2/delete`, {}],
      [`${base}/webhook/rotate`, {}],
      [`${base}/webhook/secret`, {}],
      [`${base}/webhook/secret/delete`, {}],
    ]
    for (const [path, fields] of posts) await expectPostRedirectGet(await post(path, fields, cookie), cookie, /^\/workflows\/[^/?]+\?done=/)
    await expectPostRedirectGet(await post(`${base}/delete`, {}, cookie), cookie, /^\/workflows\?deleted=1$/)
  })
})

/**
 * A refused post answers 303 too: the page it leads to shows the refusal once, with its status; a reload
 * (or Back) is the plain page, and the one-view cookie means nothing in another owner's browser.
 */
async function expectRefusalRedirect(posted: Response, cookie: string, refusal: { status: number; text: string }, stranger?: string) {
  expect(posted.status).toBe(303)
  const to = location(posted)
  const flash = posted.headers.getSetCookie().find((line) => line.startsWith('tether_form='))
  expect(flash, to).toMatch(/HttpOnly/i)
  expect(flash).toMatch(/SameSite=Strict/i)
  expect(flash).toContain(`Path=${new URL(to, 'http://x').pathname}`)
  const held = cookiesAfter(posted, cookie)
  const before = await rowCounts()
  const shown = await call(to, { cookie: held })
  expect({ to, status: shown.status }).toEqual({ to, status: refusal.status })
  expect(await shown.text()).toContain(refusal.text)
  const reloaded = await call(to, { cookie: cookiesAfter(shown, held) })
  expect({ to, status: reloaded.status }).toEqual({ to, status: 200 })
  expect(await reloaded.text()).not.toContain(refusal.text)
  if (stranger !== undefined) {
    const replayed = await call(to, { cookie: cookiesAfter(posted, stranger) })
    expect(await replayed.text()).not.toContain(refusal.text)
  }
  expect(await rowCounts()).toEqual(before)
}

describe('refusals redirect too: every form shows what was wrong once, and its reload posts nothing', () => {
  it('the dashboard’s forms: connections, links, credentials, tokens, password, webhooks, workflows and steps', async () => {
    const { cookie } = await signUpOwner()
    const stranger = (await signUpOwner('Mallory')).cookie
    const direct = await post('/connections/new/demo-tasks/direct', { connectionName: 'Tasks', apiKey: GOOD_KEY }, cookie)
    const id = new URL(location(direct), 'http://x').searchParams.get('created')!
    const workflow = location(await post('/workflows', { name: 'Flow' }, cookie)).split('?')[0]!
    const refusals: [string, Record<string, string>, { status: number; text: string }][] = [
      ['/connections/new/demo-tasks/link', { connectionName: ' ', expiresInMinutes: '2880' }, { status: 400, text: 'Enter a name' }],
      [
        '/connections/new/demo-tasks/direct',
        { connectionName: 'Mine', apiKey: 'wrong_key_abcdef' },
        { status: 422, text: 'did not accept' },
      ],
      [`/connections/${id}/credentials`, { apiKey: 'wrong_key_abcdef' }, { status: 422, text: 'did not accept' }],
      ['/settings/tokens', { name: '' }, { status: 400, text: 'Name the token' }],
      [
        '/settings/password',
        { currentPassword: 'x', newPassword: 'a long new password', confirmPassword: 'b' },
        { status: 400, text: 'differ' },
      ],
      ['/settings/webhooks', { url: 'not a url' }, { status: 400, text: 'aria-invalid="true"' }],
      ['/workflows', { name: '' }, { status: 400, text: 'Enter a name for the workflow' }],
      [`${workflow}/rename`, { name: '' }, { status: 400, text: 'Enter a name for the workflow' }],
      [
        `${workflow}/steps`,
        { appId: 'demo-tasks', action: 'create-task', 'input.name': 'T' },
        { status: 400, text: 'Choose a connection.' },
      ],
    ]
    for (const [path, fields, refusal] of refusals) await expectRefusalRedirect(await post(path, fields, cookie), cookie, refusal, stranger)
  }, 60_000)

  it('the signed-out forms: sign-up, login, forgot and reset password; "check your email" survives a reload', async () => {
    const owner = await signUpOwner()
    const refusals: [string, Record<string, string>, { status: number; text: string }][] = [
      ['/signup', { name: 'A', email: 'a@agency.test', password: 'short' }, { status: 400, text: 'Use at least 12 characters' }],
      ['/login', { email: owner.email, password: 'not the password' }, { status: 401, text: 'Email or password is incorrect.' }],
      ['/forgot-password', { email: '' }, { status: 400, text: 'Enter your email.' }],
    ]
    for (const [path, fields, refusal] of refusals) await expectRefusalRedirect(await post(path, fields), '', refusal)

    const sent = await post('/forgot-password', { email: owner.email })
    expect(location(sent)).toBe('/check-email')
    const shown = await call('/check-email', { cookie: cookiesAfter(sent) })
    const again = await call('/check-email', { cookie: cookiesAfter(shown, cookiesAfter(sent)) })
    expect([shown.status, again.status]).toEqual([200, 200])
    expect(await again.text()).toContain(owner.email)
  })
})
