import { describe, expect, it } from 'vitest'
import { maskAccountLabel } from '../src/domain/account-guard'
import { t } from '../src/i18n'
import { call, cookiesAfter, DEMO_KEY, followRedirect, form, getConnection, requestLink, signUpOwner, submitViaLink } from './helpers'

const german = { 'accept-language': 'de-DE,de;q=0.9,en;q=0.5' }

async function page(path: string, init: { headers?: Record<string, string>; cookie?: string } = {}) {
  const response = await call(path, init)
  return { status: response.status, html: await response.text() }
}

describe('the client pages speak the client’s language', () => {
  it('follows Accept-Language: the invitation, its date, the form and its steps in German', async () => {
    const owner = await signUpOwner()
    const link = await requestLink(owner)
    const invitation = await page(link.path, { headers: german })
    expect(invitation.status).toBe(200)
    expect(invitation.html).toContain('<html lang="de">')
    expect(invitation.html).toContain(t('de', 'invite.titleConnect', { app: 'Demo Tasks' }))
    expect(invitation.html).toContain('Akzeptieren und verbinden')
    expect(invitation.html).toContain('Ihre Zugangsdaten für Demo Tasks (API-Schlüssel)')
    // 48 hours from now, as German writes dates: 03.12.2026, 14:05 (UTC).
    expect(invitation.html).toMatch(/<time datetime="[^"]+">\d\d\.\d\d\.\d{4}, \d\d:\d\d \(UTC\)<\/time>/)
    const accept = await call(`${link.path}/accept`, {
      ...form({}),
      headers: { ...german, 'content-type': 'application/x-www-form-urlencoded' },
    })
    const formPage = await page(accept.headers.get('location')!, { headers: german })
    expect(formPage.html).toContain('<title>Demo Tasks verbinden · Tether</title>')
    expect(formPage.html).toContain('Schlüssel eingeben')
    expect(formPage.html).toContain('Zugriff gewähren')
    expect(formPage.html).not.toContain('Grant Access')
  })

  it('keeps English for a browser that asks for no language we have', async () => {
    const owner = await signUpOwner()
    const link = await requestLink(owner)
    const invitation = await page(link.path, { headers: { 'accept-language': 'zh-CN, ko;q=0.8' } })
    expect(invitation.html).toContain('<html lang="en">')
    expect(invitation.html).toContain('Accept &amp; Connect')
  })

  it('takes the owner’s language for the link over the browser’s, and the client’s own choice over both', async () => {
    const owner = await signUpOwner()
    const link = await requestLink(owner, 'demo-tasks', { locale: 'fr' })
    expect((await page(link.path, { headers: german })).html).toContain('<html lang="fr">')

    const choice = await call(`${link.path}?lang=ja`, { headers: german })
    expect(choice.status).toBe(303)
    expect(choice.headers.get('location')).toBe(link.path)
    const cookie = cookiesAfter(choice)
    expect(cookie).toBe('tether_lang=ja')
    expect(choice.headers.getSetCookie()[0]).toMatch(/Path=\/connect; HttpOnly; SameSite=Lax/i)
    const chosen = await page(link.path, { headers: german, cookie })
    expect(chosen.html).toContain('<html lang="ja">')
    expect(chosen.html).toContain('承認して接続')
    expect(chosen.html).toContain('<a href="?lang=de" hreflang="de" lang="de">Deutsch</a>')
    expect(chosen.html).toContain('aria-current="true">日本語</a>')

    const unknown = await call(`${link.path}?lang=xx`)
    expect(unknown.status).toBe(303)
    expect(unknown.headers.getSetCookie()).toEqual([])
  })

  it('refuses a wrong key in the client’s language, counts down and locks in it', async () => {
    const owner = await signUpOwner()
    const link = await requestLink(owner, 'demo-tasks', { locale: 'es' })
    let last = ''
    for (let i = 0; i < 5; i++) last = await (await followRedirect(await call(link.path, form({ apiKey: `wrong-${i}` })))).text()
    expect(last).toContain(t('es', 'form.couldNotConnect'))
    expect(last).toContain(t('es', 'error.invalidCredentials', { app: 'Demo Tasks' }))
    expect(last).toContain(`<strong>${t('es', 'form.attemptsOther', { count: 5 })}</strong>${t('es', 'form.attemptsThen')}`)
    const empty = await (await followRedirect(await call(link.path, form({ apiKey: '' })))).text()
    expect(empty).toContain(t('es', 'error.fieldRequired', { field: 'API key' }))
    expect(empty).toContain(t('es', 'error.required'))
    let locked: Response | undefined
    for (let i = 5; i < 10; i++) locked = await call(link.path, form({ apiKey: `wrong-${i}` }))
    const outcome = await followRedirect(locked!)
    expect(outcome.status).toBe(423)
    const html = await outcome.text()
    expect(html).toContain(t('es', 'locked.heading'))
    expect(html).toContain(t('es', 'locked.body'))
  })

  it('refuses another account on a refresh link in the link’s language, naming both accounts', async () => {
    const owner = await signUpOwner()
    const link = await requestLink(owner)
    await submitViaLink(link, { apiKey: DEMO_KEY })
    const label = (await getConnection(owner, link.connectionId)).accountLabel!
    const reissued = await call(`/api/v1/connections/${link.connectionId}/link`, {
      method: 'POST',
      cookie: owner.cookie,
      json: { locale: 'it' },
    })
    const refresh = new URL((await reissued.json<{ link: { url: string } }>()).link.url).pathname
    const refused = await (await followRedirect(await call(refresh, form({ apiKey: 'demo_stranger_key_999' })))).text()
    expect(refused).toContain('<html lang="it">')
    const used = /ma queste credenziali sono di (.+?)\. Non è stato modificato nulla\./.exec(refused)?.[1]
    expect(used).toMatch(/^Demo Tasks workspace [0-9a-f]{6}$/)
    expect(used).not.toBe(label)
    expect(refused).toContain(t('it', 'error.accountMismatch', { app: 'Demo Tasks', expected: maskAccountLabel(label), used: used! }))
  })

  it('confirms a rejection and a success in the link’s language', async () => {
    const owner = await signUpOwner()
    const rejected = await requestLink(owner, 'demo-tasks', { locale: 'nl' })
    const confirm = await page(`${rejected.path}/reject`)
    expect(confirm.html).toContain(t('nl', 'reject.body', { name: 'Client Tasks' }))
    const declined = await (await followRedirect(await call(`${rejected.path}/reject`, form({})))).text()
    expect(declined).toContain('<html lang="nl">')
    expect(declined).toContain(t('nl', 'declined.body'))

    const used = await requestLink(owner, 'demo-tasks', { locale: 'pt-BR' })
    const done = await (await followRedirect(await call(used.path, form({ apiKey: DEMO_KEY })))).text()
    expect(done).toContain('<html lang="pt-BR">')
    expect(done).toContain(t('pt-BR', 'done.headingCreated'))
    expect(done).toContain(`${t('pt-BR', 'done.created', { app: 'Demo Tasks', name: 'Client Tasks' })}${t('pt-BR', 'done.close')}`)
  })

  it('stores the owner’s choice from the API and the dashboard, and refuses a language it does not have', async () => {
    const owner = await signUpOwner()
    const bad = await call('/api/v1/connections', {
      method: 'POST',
      cookie: owner.cookie,
      json: { appId: 'demo-tasks', name: 'X', via: 'link', locale: 'pt' },
    })
    expect(bad.status).toBe(400)

    const link = await requestLink(owner)
    const reissued = await call(`/api/v1/connections/${link.connectionId}/link`, {
      method: 'POST',
      cookie: owner.cookie,
      json: { locale: 'it' },
    })
    expect(reissued.status).toBe(201)
    const url = new URL((await reissued.json<{ link: { url: string } }>()).link.url)
    expect((await page(url.pathname)).html).toContain('<html lang="it">')

    const created = await call('/connections/new/demo-tasks/link', {
      ...form({ connectionName: 'Dashboard link', expiresInMinutes: '60', locale: 'ja' }),
      cookie: owner.cookie,
    })
    expect(created.status).toBe(303)
    const linkPage = await (await call(created.headers.get('location')!, { cookie: owner.cookie })).text()
    const dashboardUrl = linkPage.match(/http:\/\/tether\.test(\/connect\/[A-Za-z0-9_-]+)/)
    expect((await page(dashboardUrl![1]!)).html).toContain('<html lang="ja">')
    const formHtml = await (await call('/connections/new/demo-tasks', { cookie: owner.cookie })).text()
    expect(formHtml).toContain('<option value="ja">日本語</option>')
  })
})
