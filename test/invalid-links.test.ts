import { describe, expect, it } from 'vitest'
import { INVALID_LINK_MESSAGE } from '../src/domain/links'
import { LOCALES } from '../src/domain/locales'
import { newToken } from '../src/domain/tokens'
import { t } from '../src/i18n'
import { backdateLink, call, DEMO_KEY, followRedirect, form, requestLink, signUpOwner, submitViaLink } from './helpers'

describe('every unusable link looks the same', () => {
  it('unknown, malformed, used, rejected, revoked, deleted, expired and locked links get one status and body', async () => {
    const owner = await signUpOwner()
    const used = await requestLink(owner)
    await submitViaLink(used, { apiKey: DEMO_KEY })
    const rejected = await requestLink(owner)
    await call(`${rejected.path}/reject`, form({}))
    const revoked = await requestLink(owner)
    await call(`/api/v1/connections/${revoked.connectionId}/link`, { method: 'DELETE', cookie: owner.cookie })
    const deleted = await requestLink(owner)
    await call(`/api/v1/connections/${deleted.connectionId}`, { method: 'DELETE', cookie: owner.cookie })
    const expired = await requestLink(owner)
    await backdateLink(expired.connectionId)
    const locked = await requestLink(owner)
    for (let i = 0; i < 10; i++) await submitViaLink(locked, { apiKey: `wrong-${i}` })

    const paths = [
      `/connect/${newToken()}`,
      '/connect/short',
      `/connect/${'x'.repeat(200)}`,
      '/connect/%00%27%22',
      used.path,
      rejected.path,
      revoked.path,
      deleted.path,
      expired.path,
      locked.path,
    ]
    const answers = await Promise.all(
      paths.map(async (path) => {
        const response = await call(path)
        return { path, status: response.status, body: await response.text() }
      }),
    )
    const reference = answers[0]!
    expect(reference.status).toBe(410)
    expect(reference.body).toContain(INVALID_LINK_MESSAGE)
    for (const answer of answers) {
      expect({ path: answer.path, status: answer.status }).toEqual({ path: answer.path, status: 410 })
      expect(answer.body).toBe(reference.body)
    }
    // The write paths answer the same way.
    for (const path of paths.slice(4)) {
      const accept = await call(`${path}/accept`, form({}))
      expect(accept.status).toBe(410)
      expect(await accept.text()).toBe(reference.body)
    }
  })

  it('reads the same for every kind of unusable link within each language, whatever language the link was made in', async () => {
    const owner = await signUpOwner()
    const used = await requestLink(owner, 'demo-tasks', { locale: 'ja' })
    await submitViaLink(used, { apiKey: DEMO_KEY })
    const expired = await requestLink(owner, 'demo-tasks', { locale: 'fr' })
    await backdateLink(expired.connectionId)
    const rejected = await requestLink(owner, 'demo-tasks', { locale: 'de' })
    await call(`${rejected.path}/reject`, form({}))
    const locked = await requestLink(owner)
    for (let i = 0; i < 10; i++) await submitViaLink(locked, { apiKey: `wrong-${i}` })
    const paths = [`/connect/${newToken()}`, '/connect/short', used.path, expired.path, rejected.path, locked.path, `${used.path}/accept`]
    const pages = new Set<string>()
    for (const locale of LOCALES) {
      for (const ask of [{ headers: { 'accept-language': `${locale};q=0.9, zz` } }, { cookie: `tether_lang=${locale}` }]) {
        const answers = await Promise.all(paths.map(async (path) => ({ path, response: await call(path, ask) })))
        const reference = await answers[0]!.response.text()
        expect(reference).toContain(`<html lang="${locale}">`)
        expect(reference).toContain(t(locale, 'invalid.body'))
        for (const { path, response } of answers.slice(1)) {
          expect({ locale, path, status: response.status }).toEqual({ locale, path, status: 410 })
          expect(await response.text(), `${locale} ${path}`).toBe(reference)
        }
        pages.add(reference)
      }
    }
    expect(pages.size).toBe(LOCALES.length)
  })

  it('answers an empty or unreadable multipart body on an unusable link with the invalid-link page, not a form error', async () => {
    const owner = await signUpOwner()
    const used = await requestLink(owner)
    await submitViaLink(used, { apiKey: DEMO_KEY })
    const reference = await call(`/connect/${newToken()}`)
    const invalidPage = await reference.text()
    const bodies = [
      { name: 'empty multipart with a boundary', contentType: 'multipart/form-data; boundary=----tether', body: '' },
      { name: 'multipart without a boundary', contentType: 'multipart/form-data', body: 'apiKey=demo' },
      { name: 'garbage as multipart', contentType: 'multipart/form-data; boundary=----tether', body: '\u0000 not a multipart body \r\n--' },
    ]
    for (const token of [newToken(), used.token]) {
      for (const suffix of ['', '/reject', '/accept']) {
        for (const { name, contentType, body } of bodies) {
          const response = await call(`/connect/${token}${suffix}`, { method: 'POST', headers: { 'content-type': contentType }, body })
          const label = `${token === used.token ? 'used' : 'unknown'} token${suffix}, ${name}`
          expect({ label, status: response.status }).toEqual({ label, status: 410 })
          expect(await response.text(), label).toBe(invalidPage)
        }
      }
    }
  })

  it('answers an unreadable multipart body on an open link with the form error, and keeps the link open', async () => {
    const owner = await signUpOwner()
    const link = await requestLink(owner)
    const posted = await call(link.path, { method: 'POST', headers: { 'content-type': 'multipart/form-data' }, body: 'garbage' })
    expect(posted.headers.get('location')).toBe(`${link.path}/accept`)
    const response = await followRedirect(posted)
    expect(response.status).toBe(422)
    expect(await response.text()).toContain('<form')
    expect((await submitViaLink(link, { apiKey: DEMO_KEY })).status).toBe(200)
  })

  it('locks a link after 10 wrong submissions so it cannot test stolen keys', async () => {
    const owner = await signUpOwner()
    const link = await requestLink(owner)
    const statuses = []
    for (let i = 0; i < 10; i++) statuses.push((await submitViaLink(link, { apiKey: `wrong-${i}` })).status)
    expect(statuses.slice(0, 9).every((s) => s === 422)).toBe(true)
    expect(statuses[9]).toBe(423)
    expect((await submitViaLink(link, { apiKey: DEMO_KEY })).status).toBe(410)
    const response = await call(`/api/v1/connections/${link.connectionId}/link`, { cookie: owner.cookie })
    expect((await response.json<{ link: { status: string; message: string } }>()).link).toMatchObject({
      status: 'locked',
      message: expect.stringContaining('locked after 10 failed'),
    })
  })
})

describe('a link that is still open never looks dead', () => {
  it('GET of its /accept shows the API-key form again; of /reject, the confirmation; both invalid once it is used', async () => {
    const owner = await signUpOwner()
    const link = await requestLink(owner)
    const restored = await call(`${link.path}/accept`)
    expect(restored.status).toBe(200)
    const form = await restored.text()
    expect(form).toContain('Grant Access')
    expect(form).toContain(`action="${link.path}"`)
    const rejectStep = await call(`${link.path}/reject`)
    expect(rejectStep.status).toBe(200)
    expect(await rejectStep.text()).toContain(`action="${link.path}/reject"`)
    expect((await call(link.path)).status).toBe(200)

    expect((await submitViaLink(link, { apiKey: DEMO_KEY })).status).toBe(200)
    const invalid = await (await call('/connect/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA')).text()
    for (const suffix of ['/accept', '/reject']) {
      const used = await call(`${link.path}${suffix}`)
      expect(used.status).toBe(410)
      expect(await used.text()).toBe(invalid)
    }
  })

  it('an OAuth link restored at /accept goes back to its invitation, which starts the sign-in', async () => {
    const owner = await signUpOwner()
    const link = await requestLink(owner, 'demo-docs')
    const restored = await call(`${link.path}/accept`)
    expect(restored.status).toBe(303)
    expect(restored.headers.get('location')).toBe(link.path)
  })
})
