import { it } from 'vitest'
import { call, signUpOwner } from './helpers'
const H = { origin: 'null', 'sec-fetch-site': 'same-origin' }
it('dump', async () => {
  const { cookie } = await signUpOwner()
  const r = await call('/connections/new/demo-tasks/link', { method: 'POST', cookie, headers: H, body: new URLSearchParams({ connectionName: 'Client tasks', expiresInMinutes: '2880' }) })
  const loc = r.headers.get('location')!
  const link = await (await call(loc, { cookie })).text()
  const url = /value="(http[^"]+)"/.exec(link)![1]!
  await call(new URL(url).pathname, { method: 'POST', headers: { ...H, 'user-agent': 'Mozilla/5.0 Test' }, body: new URLSearchParams({ apiKey: 'demo_abcdefghijk' }) })
  await call('/connections/new/demo-tasks/link', { method: 'POST', cookie, headers: H, body: new URLSearchParams({ connectionName: 'Other', expiresInMinutes: '60' }) })
  const id = loc.split('/')[2]
  for (const p of ['/connections', loc.replace('?new=1', ''), `/connections/${id}`, '/connections/new', '/connections/new/demo-docs', '/settings', '/login', `/connections/${id}/delete`]) {
    const res = await call(p, { cookie })
    console.log(`===== ${p} ${res.status} ${res.headers.get('content-security-policy')}\n` + (await res.text()).replace(/<path d="[^"]{200,}"/g, '<path d="…"'))
  }
})
