import { describe, expect, it } from 'vitest'
import { call, signUpOwner } from './helpers'
import { page } from './dashboard-helpers'

/** The curl command shown on Settings, read back into a request: URL, headers and body, as a shell would pass them. */
function parseCurl(html: string, token: string): { url: string; init: RequestInit } {
  const code = /<code>(curl [\s\S]*?)<\/code>/.exec(html)![1]!.replaceAll('&quot;', '"').replaceAll('&amp;', '&').replaceAll('&lt;', '<')
  const command = code.replaceAll('\\\n', ' ').replaceAll('$TETHER_TOKEN', token)
  const method = /-X (\w+)/.exec(command)![1]!
  const url = /-X \w+ (\S+)/.exec(command)![1]!
  const headers = Object.fromEntries([...command.matchAll(/-H "([^:]+): ([^"]*)"/g)].map(([, key, value]) => [key!, value!]))
  const body = /-d '([^']*)'/.exec(command)![1]!
  return { url, init: { method, headers, body } }
}

describe("Settings' example request", () => {
  it('works as shown on this install: it requests a link for an app that is configured here', async () => {
    const owner = await signUpOwner()
    const minted = await call('/api/v1/tokens', { method: 'POST', cookie: owner.cookie, json: { name: 'Example' } })
    expect(minted.status).toBe(201)
    const { token } = await minted.json<{ token: string }>()

    const { url, init } = parseCurl(await page('/settings', owner.cookie), token)
    expect(JSON.parse(String(init.body))).toMatchObject({ appId: 'demo-tasks', via: 'link' })
    expect(url).toBe('http://tether.test/api/v1/connections')
    const response = await call(new URL(url).pathname, init)
    expect(response.status, await response.clone().text()).toBe(201)
    const { link } = await response.json<{ link: { url: string } }>()
    expect(link.url).toMatch(/^http:\/\/tether\.test\/connect\//)
  })
})
