import { env } from 'cloudflare:workers'
import { describe, expect, it } from 'vitest'
import { failureOf, onlyRequestSince, requestsSince } from '../../test/app-calls'
import { fakeCursor } from '../../test/fake-requests'
import { clickup } from './clickup'
import { appContext } from './context'
import { basicAuth } from './http'
import { mailchimp } from './mailchimp'
import type { AppDefinition, Credentials } from './types'
import { wordpress } from './wordpress'

const site = `${env.FAKES_URL}/wp`
const fakesHost = new URL(env.FAKES_URL).host

interface Case {
  app: AppDefinition
  /** Credentials whose secret part carries `behaviour` (see test/fakes/reply.ts). */
  credentials: (behaviour: string) => Credentials
  account: { label: string; id: string }
}

const cases: Case[] = [
  {
    app: wordpress,
    credentials: (behaviour) => ({ siteUrl: site, username: 'wendy', applicationPassword: `${behaviour} abcd efgh ijkl` }),
    account: { label: `Wendy Writer on ${fakesHost}`, id: `${site}#7` },
  },
  {
    app: clickup,
    credentials: (behaviour) => ({ apiToken: `pk_${behaviour}_0123456789` }),
    account: { label: 'casey@clickup.test', id: '4242' },
  },
  {
    app: mailchimp,
    credentials: (behaviour) => ({ apiKey: `${behaviour}0123456789abcdef-us21` }),
    account: { label: 'Client Co Newsletter', id: 'mc-account-1' },
  },
]

describe.each(cases)('$app.name verify', ({ app, credentials, account }) => {
  const verify = (behaviour: string) => app.verify(appContext(env, app), credentials(behaviour))

  it('accepts a good credential and names the account', async () => {
    expect(await verify('good')).toEqual(account)
  })

  it.each([
    ['wrong', 'invalid_credentials', /did not accept these credentials/],
    ['boom', 'upstream_error', /had a problem \(HTTP 500\)/],
    ['html', 'upstream_error', /web page instead of data/],
    ['garbage', 'upstream_error', /could not read/],
    ['redirect', 'upstream_error', /redirect, which Tether does not follow/],
  ])('a %s answer becomes %s', async (behaviour, code, message) => {
    const error = await failureOf(verify(behaviour))
    expect(error.code).toBe(code)
    expect(error.message).toMatch(message)
    expect(error.message).toContain(app.name)
    expect(error.message).not.toContain(behaviour === 'wrong' ? 'wrong' : '0123456789')
  })

  it('gives up on a hanging upstream within the timeout', async () => {
    const started = Date.now()
    const error = await failureOf(verify('hang'))
    expect(error.code).toBe('upstream_error')
    expect(error.message).toBe(`${app.name} did not answer in time.`)
    expect(Date.now() - started).toBeLessThan(2000)
  })
})

describe('WordPress', () => {
  it('creates a post with the client’s application password', async () => {
    const password = `good ${crypto.randomUUID()}`
    const cursor = await fakeCursor()
    const result = await wordpress.actions[0]!.run(
      appContext(env, wordpress),
      { siteUrl: `${site}/`, username: 'wendy', applicationPassword: password },
      { title: 'Hello', content: '<p>First post</p>' },
    )
    const sent = await onlyRequestSince(cursor, (request) => request.headers.authorization === basicAuth('wendy', password))
    expect(sent.method).toBe('POST')
    expect(sent.path).toBe('/wp/wp-json/wp/v2/posts')
    expect(JSON.parse(sent.body)).toEqual({ title: 'Hello', content: '<p>First post</p>', status: 'draft' })
    expect(result.upstreamStatus).toBe(201)
    expect(result.output).toEqual({ postId: expect.stringMatching(/^\d+$/), url: expect.stringContaining(`${site}/?p=`), status: 'draft' })
  })

  it('refuses an unknown post status before calling the site', async () => {
    const error = await failureOf(
      wordpress.actions[0]!.run(appContext(env, wordpress), cases[0]!.credentials('good'), { title: 'x', content: 'y', status: 'trash' }),
    )
    expect(error.code).toBe('invalid_request')
  })

  it.each(['http://10.0.0.5/wp', 'https://169.254.169.254', 'https://intranet', 'ftp://example.com', 'https://user:pw@example.com'])(
    'refuses the site address %s without calling it',
    async (siteUrl) => {
      const error = await failureOf(
        wordpress.verify(appContext(env, wordpress), { siteUrl, username: 'wendy', applicationPassword: 'good' }),
      )
      expect(error.code).toBe('invalid_request')
    },
  )

  it('reports a site that is not WordPress', async () => {
    const error = await failureOf(
      wordpress.verify(appContext(env, wordpress), { siteUrl: `${env.FAKES_URL}/wp-html`, username: 'w', applicationPassword: 'good' }),
    )
    expect(error.message).toMatch(/web page instead of data/)
  })

  it('asks for a missing field instead of calling the site', async () => {
    const error = await failureOf(
      wordpress.verify(appContext(env, wordpress), { siteUrl: site, username: 'wendy', applicationPassword: '  ' }),
    )
    expect(error).toMatchObject({ code: 'invalid_credentials', message: 'Enter the Application password.' })
  })
})

describe('ClickUp', () => {
  it('creates a task with the token sent as it is', async () => {
    const listId = `list${Date.now()}`
    const cursor = await fakeCursor()
    const result = await clickup.actions[0]!.run(
      appContext(env, clickup),
      { apiToken: 'pk_good_42' },
      { listId, name: 'Call the client', description: 'About the launch' },
    )
    const sent = await onlyRequestSince(cursor, (request) => request.path === `/api/v2/list/${listId}/task`)
    expect(sent.headers.authorization).toBe('pk_good_42')
    expect(JSON.parse(sent.body)).toEqual({ name: 'Call the client', description: 'About the launch' })
    expect(result.output).toEqual({ taskId: expect.stringMatching(/^task-/), url: expect.stringContaining('https://app.clickup.com/t/') })
  })

  it('reports a missing list as a refusal, not as bad credentials', async () => {
    const error = await failureOf(
      clickup.actions[0]!.run(appContext(env, clickup), { apiToken: 'pk_good_42' }, { listId: 'missing', name: 'x' }),
    )
    expect(error).toMatchObject({ code: 'upstream_error', message: 'ClickUp refused the request (HTTP 404).' })
  })
})

describe('Mailchimp', () => {
  it('adds a subscriber to the audience, authenticating with the key', async () => {
    const listId = `aud${Date.now()}`
    const cursor = await fakeCursor()
    const result = await mailchimp.actions[0]!.run(
      appContext(env, mailchimp),
      { apiKey: 'good0123-us21' },
      { listId, email: 'new@client.test', firstName: 'Nia' },
    )
    const sent = await onlyRequestSince(cursor, (request) => request.path === `/3.0/lists/${listId}/members`)
    expect(sent.headers.authorization).toBe(basicAuth('tether', 'good0123-us21'))
    expect(JSON.parse(sent.body)).toEqual({
      email_address: 'new@client.test',
      status: 'subscribed',
      merge_fields: { FNAME: 'Nia', LNAME: '' },
    })
    expect(result.output).toEqual({ memberId: expect.stringMatching(/^member-/), status: 'subscribed' })
  })

  it.each(['nodatacenter', 'abc-', 'abc-us21.evil.example', '-xx99', 'abc-us21/x'])(
    'refuses the malformed key %j without calling Mailchimp',
    async (apiKey) => {
      const cursor = await fakeCursor()
      const error = await failureOf(mailchimp.verify(appContext(env, mailchimp), { apiKey }))
      expect(error.code).toBe('invalid_credentials')
      expect(error.message).not.toContain(apiKey)
      expect(await requestsSince(cursor, (request) => request.headers.authorization === basicAuth('tether', apiKey))).toEqual([])
    },
  )

  it('builds the default address from the key’s data center', async () => {
    const seen: string[] = []
    const ctx = {
      ...appContext(env, mailchimp),
      endpoints: { ...mailchimp.defaultEndpoints },
      fetch: async (url: string) => {
        seen.push(url)
        return Response.json({ account_name: 'Client Co' })
      },
    }
    await mailchimp.verify(ctx, { apiKey: '0123456789abcdef0123456789abcdef-eu1' })
    expect(seen).toEqual(['https://eu1.api.mailchimp.com/3.0/'])
  })
})
