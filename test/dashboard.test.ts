import { env } from 'cloudflare:workers'
import { describe, expect, it } from 'vitest'
import { call, sessionCookieFrom, signUpOwner } from './helpers'
import { linkIn, mailTo } from './mail'
import { GOOD_KEY, BAD_KEY, post, page, location, addDirect, rowOf, submit } from './dashboard-helpers'

describe('dashboard sign-up and login', () => {
  it('signs up through the HTML form, refuses a cross-site post, and re-shows bad input with field errors', async () => {
    const email = `form-${crypto.randomUUID().slice(0, 8)}@agency.test`
    const fields = { name: 'Fiona Form', email, password: 'correct horse battery' }

    expect((await post('/signup', fields, undefined, { origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' })).status).toBe(403)

    const short = await submit('/signup', { ...fields, password: 'short' })
    expect(short.status).toBe(400)
    const shortHtml = await short.text()
    expect(shortHtml).toContain('Use at least 12 characters')
    expect(shortHtml).toContain(`value="${email}"`)
    expect(shortHtml).not.toContain('value="short"')
    // The refusal was shown once: a reload is the plain form and posts nothing.
    const reloaded = await call('/signup')
    expect(reloaded.status).toBe(200)
    expect(await reloaded.text()).not.toContain('Use at least 12 characters.')

    const mail = await mailTo(email, async () => {
      const signup = await submit('/signup', fields)
      expect(signup.status).toBe(200)
      expect(await signup.text()).toContain('Check your email')
    })
    const verified = await call(linkIn(mail, '/verify-email/'))
    expect(location(verified)).toBe('/connections')
    const cookie = sessionCookieFrom(verified)
    const html = await page('/connections', cookie)
    expect(html).toContain('Add your first connection')
    expect(html).toContain('href="/connections/new/demo-tasks"')
    expect(html).toContain('aria-current="page"')

    const again = await submit('/signup', fields)
    expect(again.status).toBe(200)
    expect(await again.text()).toContain('Check your email')
  })

  it('redirects visitors to the login page, returns them to a safe next path only, and logs out', async () => {
    const owner = await signUpOwner()
    const anonymous = await call('/connections/abc/link')
    expect(anonymous.status).toBe(303)
    expect(location(anonymous)).toBe('/login?next=%2Fconnections%2Fabc%2Flink')
    expect(location(await call('/'))).toBe('/login')
    expect(location(await call('/', { cookie: owner.cookie }))).toBe('/connections')

    const wrong = await submit('/login', { email: owner.email, password: 'not the password' })
    expect(wrong.status).toBe(401)
    expect(await wrong.text()).toContain('Email or password is incorrect.')

    const login = await post('/login?next=%2Fsettings', { email: owner.email, password: 'correct horse battery' })
    expect(login.status).toBe(303)
    expect(location(login)).toBe('/settings')
    const evil = await post('/login?next=%2F%2Fevil.example', { email: owner.email, password: 'correct horse battery' })
    expect(location(evil)).toBe('/connections')

    const cookie = sessionCookieFrom(login)
    const logout = await post('/logout', {}, cookie)
    expect(logout.status).toBe(303)
    expect(location(logout)).toBe('/login')
    expect((await call('/connections', { cookie })).status).toBe(303)
  })
})

describe('adding connections', () => {
  it('searches the app picker server-side and shows unconfigured OAuth apps disabled', async () => {
    const { cookie } = await signUpOwner()
    const all = await page('/connections/new', cookie)
    expect(all).toContain('class="app-grid"')
    expect(all).toMatch(/<span class="app-tile" aria-disabled="true"[^>]*>.*?Facebook Pages.*?not configured/s)
    expect(all).toContain('href="/connections/new/google-docs"')
    const demo = await page('/connections/new?q=demo', cookie)
    expect(demo).toContain('Demo Tasks')
    expect(demo).toContain('· Demo')
    expect(demo).not.toContain('WordPress')
    expect((await call('/connections/new/no-such-app', { cookie })).status).toBe(404)
  })

  it('connects demo-tasks directly, refuses a wrong key on the form, and never echoes a key', async () => {
    const { cookie } = await signUpOwner()
    const page1 = await page('/connections/new/demo-tasks', cookie)
    expect(page1).toContain('Request Connection via Link')
    expect(page1).toContain('Note: the connection name you enter will be visible to the person receiving the link.')
    expect(page1).toContain('<option value="2880" selected')

    const wrong = await submit('/connections/new/demo-tasks/direct', { connectionName: 'Mine', apiKey: BAD_KEY }, cookie)
    expect(wrong.status).toBe(422)
    const wrongHtml = await wrong.text()
    expect(wrongHtml).toContain('role="alert"')
    expect(wrongHtml).toContain('value="Mine"')
    expect(wrongHtml).not.toContain(BAD_KEY)

    const id = await addDirect(cookie, 'My tasks')
    const list = await page(`/connections?created=${id}`, cookie)
    expect(list).toContain('“My tasks” is connected')
    expect(rowOf(list, id)).toContain('badge-active')
    expect(rowOf(list, id)).toContain('Actions for My tasks')
    const details = await page(`/connections/${id}`, cookie)
    expect(details).toContain('Connection created')
    for (const html of [list, details, await page(`/connections/${id}/link`, cookie)]) expect(html).not.toContain(GOOD_KEY)
  })

  it('re-shows the link form with errors for a missing name or a tampered lifetime', async () => {
    const { cookie } = await signUpOwner()
    const empty = await submit('/connections/new/demo-tasks/link', { connectionName: '  ', expiresInMinutes: '2880' }, cookie)
    expect(empty.status).toBe(400)
    expect(await empty.text()).toContain('Enter a name for the connection')
    const tampered = await submit('/connections/new/demo-tasks/link', { connectionName: 'X', expiresInMinutes: '99999' }, cookie)
    expect(tampered.status).toBe(400)
    expect(await tampered.text()).toContain('Choose one of the offered lifetimes.')
    const rows = await env.DB.prepare('SELECT id FROM connections WHERE name = ?').bind('X').all()
    expect(rows.results).toHaveLength(0)
  })

  it('connects an OAuth app by the owner’s own sign-in, and says so when it is cancelled', async () => {
    const { cookie } = await signUpOwner()
    for (const decision of ['allow', 'deny']) {
      const start = await post('/connections/new/demo-docs/oauth', { connectionName: `My docs ${decision}` }, cookie)
      expect(start.status).toBe(302)
      const stateCookie = start.headers.getSetCookie().find((value) => value.startsWith('tether_oauth_state='))
      expect(stateCookie).toContain('Path=/connect/oauth')
      const authorize = new URL(location(start))
      expect(authorize.pathname).toBe('/demo/oauth/authorize')
      const consent = await post('/demo/oauth/decision', {
        ...Object.fromEntries(authorize.searchParams),
        decision,
        email: 'ada.lovelace@example.com',
      })
      const callback = await call(location(consent), { cookie: `${cookie}; ${stateCookie!.split(';')[0]}` })
      expect(callback.status).toBe(303)
      const list = await page(location(callback), cookie)
      if (decision === 'allow') {
        expect(location(callback)).toMatch(/^\/connections\?connected=/)
        expect(list).toContain('“My docs allow” is connected')
        expect(list).toContain('ada.lovelace@example.com')
      } else {
        expect(location(callback)).toBe('/connections?signin=cancelled')
        expect(list).toContain('Sign-in was cancelled')
        expect(list).not.toContain('My docs deny')
      }
    }
  })
})
