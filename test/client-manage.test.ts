import { env } from 'cloudflare:workers'
import { describe, expect, it } from 'vitest'
import { MANAGE_LINK_LIFETIME_MS } from '../src/domain/limits'
import { hashToken } from '../src/domain/tokens'
import { call, cookiesAfter, DEMO_KEY, form, requestLink, signUpOwner } from './helpers'
import { watchMail } from './mail'
import { connectForManageLink, manageTokenIn } from './manage-helpers'

const DAY = 86_400_000

async function grantRow(connectionId: string) {
  return env.DB.prepare('SELECT * FROM client_grants WHERE connection_id = ?').bind(connectionId).first<Record<string, unknown>>()
}

/** A run of a workflow of the workspace, started `ago` ms back, whose one step used the connection. */
async function recordRun(workspaceId: string, connectionId: string, ago: number) {
  const id = crypto.randomUUID()
  const at = Date.now() - ago
  await env.DB.batch([
    env.DB.prepare(
      'INSERT INTO workflows (id, workspace_id, name, webhook_token_hash, webhook_token_blob, webhook_token_key_version, created_at, ' +
        "updated_at) VALUES (?, ?, 'Seeded', ?, 'x', 'v1', ?, ?)",
    ).bind(`wf-${id}`, workspaceId, `hash-${id}`, at, at),
    env.DB.prepare("INSERT INTO runs (id, workflow_id, workspace_id, status, started_at) VALUES (?, ?, ?, 'succeeded', ?)").bind(
      `run-${id}`,
      `wf-${id}`,
      workspaceId,
      at,
    ),
    env.DB.prepare(
      "INSERT INTO run_steps (id, run_id, position, status, duration_ms, connection_id) VALUES (?, ?, 0, 'succeeded', 5, ?)",
    ).bind(`step-${id}`, `run-${id}`, connectionId),
  ])
}

describe('the client’s management link', () => {
  it('is 192 random bits, shown once on the success page, and stored only as its SHA-256', async () => {
    const owner = await signUpOwner()
    const link = await requestLink(owner)
    const { token, cookie, page } = await connectForManageLink(link)
    expect(atob(token.replace(/-/g, '+').replace(/_/g, '/')).length).toBe(24)
    expect(page).toContain(`/manage/${token}`)

    const row = await grantRow(link.connectionId)
    expect(row?.token_hash).toBe(await hashToken(token))
    const everything = JSON.stringify(await env.DB.prepare('SELECT * FROM client_grants').all())
    expect(everything).not.toContain(token)
    expect(Number(row?.expires_at) - Number(row?.created_at)).toBe(MANAGE_LINK_LIFETIME_MS)

    // Reload and Back: the success stays, the link is not shown again.
    const reloaded = await (await call('/connect/done', { cookie })).text()
    expect(reloaded).toContain('Connection created successfully')
    expect(manageTokenIn(reloaded)).toBeNull()
    expect(reloaded).not.toContain(token)
  })

  it('opens a private page of what was granted: app, account, who asked, when, access and runs of the last 30 days', async () => {
    const owner = await signUpOwner('Olivia Owner')
    const link = await requestLink(owner)
    const { token } = await connectForManageLink(link)
    const first = await call(`/manage/${token}`)
    expect(first.status).toBe(200)
    expect(first.headers.get('x-robots-tag')).toBe('noindex, nofollow')
    expect(first.headers.get('referrer-policy')).toBe('no-referrer')
    expect(first.headers.get('cache-control')).toBe('no-store')
    const html = await first.text()
    for (const text of ['Demo Tasks', 'Client Tasks', 'Who asked', 'Your Demo Tasks API key', 'No workflow run used this access.'])
      expect(html).toContain(text)
    // Nothing third-party: no script, and every stylesheet, image and form is Tether's own.
    expect(html).not.toMatch(/<script|https?:\/\/(?!tether\.test)[^"]*\.(css|js|png|svg)/)
    const { accountLabel } = await call(`/api/v1/connections/${link.connectionId}`, { cookie: owner.cookie }).then((r) =>
      r.json<{ connection: { accountLabel: string } }>().then((b) => b.connection),
    )
    expect(html).toContain(accountLabel)

    await recordRun(owner.workspaceId, link.connectionId, DAY)
    await recordRun(owner.workspaceId, link.connectionId, 29 * DAY)
    await recordRun(owner.workspaceId, link.connectionId, 31 * DAY)
    expect(await (await call(`/manage/${token}`)).text()).toContain('2 workflow runs used this access.')
  })

  it('answers one identical not-found page for unknown, malformed, expired and deleted-connection tokens', async () => {
    const owner = await signUpOwner()
    const link = await requestLink(owner)
    const { token } = await connectForManageLink(link)
    const bodyOf = async (path: string) => {
      const response = await call(path)
      expect(response.status, path).toBe(404)
      expect(response.headers.get('x-robots-tag')).toBe('noindex, nofollow')
      return response.text()
    }
    const unknown = await bodyOf(`/manage/${'A'.repeat(32)}`)
    expect(unknown).toContain('This management link can’t be used')
    expect(await bodyOf('/manage/short')).toBe(unknown)
    expect(await bodyOf(`/manage/${token}/extra/segment`)).toBe(unknown)

    // A year later: refused, on the page and for Revoke access.
    await env.DB.prepare('UPDATE client_grants SET expires_at = ? WHERE connection_id = ?')
      .bind(Date.now() - 1, link.connectionId)
      .run()
    expect(await bodyOf(`/manage/${token}`)).toBe(unknown)
    const late = await call(`/manage/${token}/revoke`, form({}))
    expect(late.status).toBe(303)
    expect(await call(`/api/v1/connections/${link.connectionId}`, { cookie: owner.cookie }).then((r) => r.json<never>())).toMatchObject({
      connection: { status: 'active' },
    })

    const other = await requestLink(owner)
    const second = await connectForManageLink(other)
    expect((await call(`/api/v1/connections/${other.connectionId}`, { method: 'DELETE', cookie: owner.cookie })).status).toBe(204)
    expect(await bodyOf(`/manage/${second.token}`)).toBe(unknown)
  })

  it('speaks the client’s language, from Accept-Language or their own choice', async () => {
    const owner = await signUpOwner()
    const { token } = await connectForManageLink(await requestLink(owner))
    const german = await (await call(`/manage/${token}`, { headers: { 'accept-language': 'de-DE,de;q=0.9' } })).text()
    expect(german).toContain('<html lang="de"')
    expect(german).toContain('Zugriff widerrufen')
    const chosen = await call(`/manage/${token}?lang=ja`)
    expect(chosen.status).toBe(303)
    expect(chosen.headers.get('set-cookie')).toContain('Path=/manage')
    const japanese = await (await call(`/manage/${token}`, { cookie: cookiesAfter(chosen) })).text()
    expect(japanese).toContain('アクセスを取り消す')
  })
})

describe('emailing the management link from the success page', () => {
  it('sends it once per post in the client’s language; refuses a bad address; then waits', async () => {
    const owner = await signUpOwner()
    const link = await requestLink(owner)
    const posted = await call(link.path, { ...form({ apiKey: DEMO_KEY }), headers: { ...form({}).headers, 'accept-language': 'fr' } })
    let cookie = cookiesAfter(posted)
    const shown = await call('/connect/done', { cookie, headers: { 'accept-language': 'fr' } })
    const token = manageTokenIn(await shown.text())!
    cookie = cookiesAfter(shown, cookie)

    const send = async (email: string) => {
      const answer = await call('/connect/done/email', {
        ...form({ email }),
        cookie,
        headers: { ...form({}).headers, 'accept-language': 'fr' },
      })
      expect(answer.status).toBe(303)
      expect(answer.headers.get('location')).toBe('/connect/done')
      cookie = cookiesAfter(answer, cookie)
      const page = await call('/connect/done', { cookie, headers: { 'accept-language': 'fr' } })
      cookie = cookiesAfter(page, cookie)
      return { status: page.status, html: await page.text() }
    }

    const bad = await send('not-an-address')
    expect(bad.status).toBe(400)
    expect(bad.html).toContain('Veuillez saisir une adresse e-mail valide.')

    const mail = watchMail()
    const sent = await send('client@example.com')
    expect(sent.status).toBe(200)
    expect(sent.html).toContain('Nous avons envoyé votre lien de gestion à client@example.com.')
    expect(manageTokenIn(sent.html)).toBeNull()
    const [message] = mail.sent()
    expect(message?.to).toBe('client@example.com')
    expect(message?.subject).toBe('Votre lien de gestion pour Demo Tasks')
    expect(message?.text).toContain(`/manage/${token}`)
    // Shown once: a reload says nothing more.
    expect(await (await call('/connect/done', { cookie })).text()).not.toContain('client@example.com')

    await send('client@example.com')
    await send('client@example.com')
    const waited = await send('client@example.com')
    expect(waited.status).toBe(429)
    expect(mail.sent()).toHaveLength(3)

    // Without this browser's outcome cookie the form opens nothing.
    expect((await call('/connect/done/email', form({ email: 'x@example.com' }))).status).toBe(410)
  })
})
