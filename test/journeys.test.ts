import { describe, expect, it } from 'vitest'
import { INVALID_LINK_MESSAGE, LOCKED_LINK_MESSAGE, MAX_FAILED_ATTEMPTS } from '../src/domain/links'
import { newToken } from '../src/domain/tokens'
import { fakeWordPressSite } from './workflow-helpers'
import { call, cookiesAfter, DEMO_KEY, form, getConnection, requestLink, signUpOwner } from './helpers'

/**
 * A browser's journey after each finish: reload = GET the page again with its cookies, Back = GET
 * of an earlier URL with them, a second tab or another person = the same GETs without them.
 */

const SUCCESS = 'Connection created successfully'

async function invalidPage(): Promise<string> {
  const response = await call(`/connect/${newToken()}`)
  expect(response.status).toBe(410)
  return response.text()
}

/** The cookie a response sets under `name`, with its attributes. */
function setCookieOf(response: Response, name: string): string {
  const line = response.headers.getSetCookie().find((value) => value.startsWith(`${name}=`))
  if (!line) throw new Error(`no ${name} cookie set`)
  return line
}

async function expectPage(path: string, cookie: string | undefined, status: number, text: string) {
  const response = await call(path, { cookie })
  expect({ path, status: response.status }).toEqual({ path, status })
  expect(await response.text()).toContain(text)
}

/** Every URL this link's browser was on, and the outcome page, answer like a stranger's unusable link without the cookie. */
async function expectStrangerSeesInvalid(path: string, others: string | undefined) {
  const invalid = await invalidPage()
  for (const url of [path, `${path}/accept`, `${path}/reject`, '/connect/done']) {
    const response = await call(url, { cookie: others })
    expect({ url, status: response.status }).toEqual({ url, status: 410 })
    expect(await response.text()).toBe(invalid)
  }
}

describe('journeys that survive reload, Back and a second tab', () => {
  it('an API-key finish ends in a 303 to a token-free outcome page that reload and Back keep showing to this browser only', async () => {
    const owner = await signUpOwner()
    const link = await requestLink(owner)

    const accepted = await call(`${link.path}/accept`, form({}))
    expect(accepted.status).toBe(303)
    expect(accepted.headers.get('location')).toBe(`${link.path}/accept`)

    const submitted = await call(link.path, form({ apiKey: DEMO_KEY }))
    expect(submitted.status).toBe(303)
    expect(submitted.headers.get('location')).toBe('/connect/done')
    const outcome = setCookieOf(submitted, 'tether_outcome')
    expect(outcome).toMatch(/HttpOnly/i)
    expect(outcome).toMatch(/Path=\/connect(;|$)/i)
    expect(outcome).toMatch(/SameSite=Lax/i)
    expect(outcome).not.toContain(link.token)
    const cookie = cookiesAfter(submitted)

    for (let reload = 0; reload < 3; reload++) await expectPage('/connect/done', cookie, 200, SUCCESS)
    // Back through every page of the journey.
    for (const back of [`${link.path}/accept`, link.path, `${link.path}/reject`]) await expectPage(back, cookie, 200, SUCCESS)
    // A double submission of the form (Back, then Grant Access again) changes nothing and still says so.
    expect((await call(link.path, { ...form({ apiKey: 'demo_other_key_456' }), cookie })).status).toBe(200)
    expect(await getConnection(owner, link.connectionId)).toMatchObject({ status: 'active', accountLabel: expect.any(String) })

    await expectStrangerSeesInvalid(link.path, undefined)
    await expectStrangerSeesInvalid(link.path, 'tether_outcome=1.forged')
  })

  it('an outcome cookie opens only the link it was given for', async () => {
    const owner = await signUpOwner()
    const mine = await requestLink(owner)
    const theirs = await requestLink(owner)
    const cookie = cookiesAfter(await call(mine.path, form({ apiKey: DEMO_KEY })))
    await call(theirs.path, form({ apiKey: DEMO_KEY }))
    await expectPage(mine.path, cookie, 200, SUCCESS)
    const invalid = await invalidPage()
    for (const url of [theirs.path, `${theirs.path}/accept`]) {
      const response = await call(url, { cookie })
      expect(response.status).toBe(410)
      expect(await response.text()).toBe(invalid)
    }
  })

  it('Reject asks for confirmation first, then ends on a "Request declined" page that survives reload and Back', async () => {
    const owner = await signUpOwner()
    const link = await requestLink(owner)
    const invitation = await (await call(link.path)).text()
    expect(invitation).toContain(`href="${link.path}/reject"`)
    expect(invitation).not.toContain(`action="${link.path}/reject"`)

    const confirm = await call(`${link.path}/reject`)
    expect(confirm.status).toBe(200)
    const page = await confirm.text()
    expect(page).toContain('Reject this request?')
    expect(page).toContain(`action="${link.path}/reject"`)
    expect(page).toContain('name="reason"')
    // Seeing the confirmation, however often, spends nothing.
    await call(`${link.path}/reject`)
    expect(await getConnection(owner, link.connectionId)).toMatchObject({ status: 'pending', link: { status: 'pending' } })
    expect((await call(link.path)).status).toBe(200)

    const rejected = await call(`${link.path}/reject`, form({ reason: 'Wrong account' }))
    expect(rejected.status).toBe(303)
    expect(rejected.headers.get('location')).toBe('/connect/done')
    const cookie = cookiesAfter(rejected)
    expect(await getConnection(owner, link.connectionId)).toMatchObject({ status: 'rejected' })
    for (const url of ['/connect/done', '/connect/done', `${link.path}/reject`, link.path])
      await expectPage(url, cookie, 200, 'Request declined')
    await expectStrangerSeesInvalid(link.path, undefined)
  })

  it('a wrong key: 303 back to the form, which shows the refusal once; from the 5th refusal it counts down, then locks', async () => {
    const owner = await signUpOwner()
    const link = await requestLink(owner)
    let cookie = ''
    for (let refusal = 1; refusal < MAX_FAILED_ATTEMPTS; refusal++) {
      const refused = await call(link.path, { ...form({ apiKey: `wrong-key-${refusal}` }), cookie })
      expect(refused.status).toBe(303)
      expect(refused.headers.get('location')).toBe(`${link.path}/accept`)
      cookie = cookiesAfter(refused, cookie)
      const shown = await call(`${link.path}/accept`, { cookie })
      cookie = cookiesAfter(shown, cookie)
      expect(shown.status).toBe(422)
      const html = await shown.text()
      expect(html).toContain('We couldn’t connect')
      expect(html).not.toContain(`wrong-key-${refusal}`)
      const left = MAX_FAILED_ATTEMPTS - refusal
      const countdown = left === 1 ? '1 attempt left' : `${left} attempts left`
      if (refusal < 5) expect(html).not.toContain('attempts left')
      else expect(html).toContain(countdown)

      // A reload shows the plain form again, with the countdown (it comes from D1) but without the spent notice.
      const reloaded = await call(`${link.path}/accept`, { cookie })
      expect(reloaded.status).toBe(200)
      const again = await reloaded.text()
      expect(again).not.toContain('We couldn’t connect')
      if (refusal >= 5) expect(again).toContain(countdown)
    }

    const locking = await call(link.path, { ...form({ apiKey: 'wrong-key-last' }), cookie })
    expect(locking.status).toBe(303)
    expect(locking.headers.get('location')).toBe('/connect/done')
    cookie = cookiesAfter(locking, cookie)
    for (const url of ['/connect/done', '/connect/done', `${link.path}/accept`, link.path]) {
      await expectPage(url, cookie, 423, LOCKED_LINK_MESSAGE)
    }
    expect(LOCKED_LINK_MESSAGE).toMatch(/locked after too many wrong keys.*requester to get a new link/)
    await expectStrangerSeesInvalid(link.path, undefined)
    expect(await invalidPage()).toContain(INVALID_LINK_MESSAGE)
  })

  it('a refusal keeps the non-secret values on the form it redirects to, never the secret; oversized values are left out', async () => {
    const owner = await signUpOwner()
    const link = await requestLink(owner, 'wordpress')
    const site = fakeWordPressSite()
    const refuse = async (username: string) => {
      const refused = await call(link.path, form({ siteUrl: site, username, applicationPassword: 'wrong-secret-pw' }))
      expect(refused.status).toBe(303)
      const notice = setCookieOf(refused, 'tether_notice')
      expect(notice).not.toContain('wrong-secret-pw')
      expect(notice.length).toBeLessThan(4096)
      const shown = await call(`${link.path}/accept`, { cookie: cookiesAfter(refused) })
      expect(shown.status).toBe(422)
      return shown.text()
    }
    const kept = await refuse('wendy')
    expect(kept).toContain('value="wendy"')
    expect(kept).toContain(`value="${site}"`)
    expect(kept).not.toContain('wrong-secret-pw')
    const long = 'w'.repeat(3000)
    const dropped = await refuse(long)
    expect(dropped).not.toContain(long)
    expect(dropped).toContain('We couldn’t connect')
  })

  it('an OAuth finish ends on the outcome page: its reload never says the sign-in could not be verified', async () => {
    const owner = await signUpOwner()
    const link = await requestLink(owner, 'google-docs')
    const accepted = await call(`${link.path}/accept`, form({}))
    const stateCookie = cookiesAfter(accepted)
    const back = new URL((await fetch(new URL(accepted.headers.get('location')!), { redirect: 'manual' })).headers.get('location')!)
    const callback = await call(`/connect/oauth/callback${back.search}`, { cookie: stateCookie })
    expect(callback.status).toBe(303)
    expect(callback.headers.get('location')).toBe('/connect/done')
    const cookie = cookiesAfter(callback, stateCookie)
    for (const url of ['/connect/done', '/connect/done', link.path]) {
      const response = await call(url, { cookie })
      expect(response.status).toBe(200)
      const html = await response.text()
      expect(html).toContain(SUCCESS)
      expect(html).not.toContain('could not be verified')
    }
    await expectStrangerSeesInvalid(link.path, undefined)
  })

  it('a cancelled OAuth sign-in lands on Try again, and its reload goes back to the invitation', async () => {
    const owner = await signUpOwner()
    const link = await requestLink(owner, 'google-docs')
    const accepted = await call(`${link.path}/accept`, form({}))
    const state = new URL(accepted.headers.get('location')!).searchParams.get('state')
    const refused = await call(`/connect/oauth/callback?error=access_denied&state=${state}`, { cookie: cookiesAfter(accepted) })
    expect(refused.headers.get('location')).toBe(`${link.path}/accept`)
    const cookie = cookiesAfter(refused)
    const shown = await call(`${link.path}/accept`, { cookie })
    expect(await shown.text()).toContain('Sign-in was cancelled')
    const reloaded = await call(`${link.path}/accept`, { cookie: cookiesAfter(shown, cookie) })
    expect(reloaded.status).toBe(303)
    expect(reloaded.headers.get('location')).toBe(link.path)
  })
})
