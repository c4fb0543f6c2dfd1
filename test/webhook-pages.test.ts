import { Webhook } from 'standardwebhooks'
import { describe, expect, it } from 'vitest'
import { call, form, signUpOwner } from './helpers'
import { createWorkflow } from './workflow-helpers'

type Owner = { cookie: string }

async function page(owner: Owner, path: string, extraCookie = ''): Promise<Response> {
  const response = await call(path, { cookie: extraCookie ? `${owner.cookie}; ${extraCookie}` : owner.cookie })
  expect(response.status, path).toBe(200)
  return response
}

function postForm(owner: Owner, path: string): Promise<Response> {
  return call(path, { ...form({}), cookie: owner.cookie })
}

const shownUrl = (html: string) =>
  /id="webhook-url"[^>]*value="([^"]+)"|value="([^"]+)"[^>]*id="webhook-url"/.exec(html)?.slice(1).find(Boolean)
const shownSecret = (html: string) => /whsec_[A-Za-z0-9+/=]+/.exec(html)?.[0]

function trigger(url: string, headers: Record<string, string> = {}): Promise<Response> {
  return call(new URL(url).pathname, {
    method: 'POST',
    body: '{"from":"page"}',
    headers: { 'content-type': 'application/json', ...headers },
  })
}

describe('webhook controls in the builder', () => {
  it('Rotate webhook URL: POST, redirect with a notice, the new address shown; the old one is 404', async () => {
    const owner = await signUpOwner()
    const workflow = await createWorkflow(owner, [], 'Page rotate')
    const before = await (await page(owner, `/workflows/${workflow.id}`)).text()
    expect(before).toContain('Rotate webhook URL')
    expect(shownUrl(before)).toBe(workflow.webhookUrl)

    const rotated = await postForm(owner, `/workflows/${workflow.id}/webhook/rotate`)
    expect(rotated.status).toBe(303)
    expect(rotated.headers.get('location')).toBe(`/workflows/${workflow.id}?done=webhook-rotated`)
    const after = await (await page(owner, rotated.headers.get('location')!)).text()
    expect(after).toContain('The previous one no longer works.')
    const newUrl = shownUrl(after)!
    expect(newUrl).toMatch(/\/hooks\/[A-Za-z0-9_-]{32}$/)
    expect(newUrl).not.toBe(workflow.webhookUrl)
    expect((await trigger(workflow.webhookUrl)).status).toBe(404)
    expect((await trigger(newUrl)).status).toBe(202)
  })

  it('signing secret: created by POST, shown once after the redirect (never in a URL), then Replace and Remove', async () => {
    const owner = await signUpOwner()
    const workflow = await createWorkflow(owner, [], 'Page signing')
    const off = await (await page(owner, `/workflows/${workflow.id}`)).text()
    expect(off).toContain('Signed triggers: off')
    expect(off).toContain('Create signing secret')
    expect(off).not.toContain('Remove signing secret')

    const created = await postForm(owner, `/workflows/${workflow.id}/webhook/secret`)
    expect(created.status).toBe(303)
    const location = created.headers.get('location')!
    expect(location).toBe(`/workflows/${workflow.id}?done=secret-created`)
    const setCookie = created.headers.get('set-cookie')!
    expect(setCookie).toMatch(/^tether_webhook_secret=/)
    expect(setCookie).toMatch(/HttpOnly/i)
    expect(setCookie).toMatch(/SameSite=Strict/i)
    expect(setCookie).toContain(`Path=/workflows/${workflow.id}`)
    expect(setCookie).toMatch(/Max-Age=120/)
    const reveal = setCookie.split(';')[0]!
    expect(reveal).not.toContain('whsec_')

    const shown = await page(owner, location, reveal)
    expect(shown.headers.get('cache-control')).toBe('no-store')
    expect(shown.headers.get('set-cookie')).toMatch(/^tether_webhook_secret=;.*Max-Age=0/i)
    const html = await shown.text()
    expect(html).toContain('Signed triggers: on')
    expect(html).toContain('shown only this once')
    const secret = shownSecret(html)!
    expect(secret).toMatch(/^whsec_/)
    // The reload (the browser has dropped the cookie) shows the state, not the secret.
    const reloaded = await (await page(owner, location)).text()
    expect(reloaded).toContain('Signed triggers: on')
    expect(shownSecret(reloaded)).toBeUndefined()
    // A reveal cookie of another workflow shows nothing here.
    const other = await createWorkflow(owner, [], 'Other')
    expect(shownSecret(await (await page(owner, `/workflows/${other.id}`, reveal)).text())).toBeUndefined()

    // The secret shown is the one triggers must be signed with.
    const at = new Date()
    const id = 'msg_page_1'
    const headers = {
      'webhook-id': id,
      'webhook-timestamp': String(Math.floor(at.getTime() / 1000)),
      'webhook-signature': new Webhook(secret).sign(id, at, '{"from":"page"}'),
    }
    expect((await trigger(workflow.webhookUrl)).status).toBe(401)
    expect((await trigger(workflow.webhookUrl, headers)).status).toBe(202)

    expect(html).toContain('Replace signing secret')
    const replaced = await postForm(owner, `/workflows/${workflow.id}/webhook/secret`)
    const replacedHtml = await (await page(owner, location, replaced.headers.get('set-cookie')!.split(';')[0]!)).text()
    expect(shownSecret(replacedHtml)).not.toBe(secret)
    expect((await trigger(workflow.webhookUrl, headers)).status).toBe(401)

    const removed = await postForm(owner, `/workflows/${workflow.id}/webhook/secret/delete`)
    expect(removed.status).toBe(303)
    const removedHtml = await (await page(owner, removed.headers.get('location')!)).text()
    expect(removedHtml).toContain('Signing secret removed.')
    expect(removedHtml).toContain('Signed triggers: off')
    expect((await trigger(workflow.webhookUrl)).status).toBe(202)
  })
})
