import { describe, expect, it } from 'vitest'
import { signupSchema } from '../src/api-schemas/auth'
import { name as nameSchema } from '../src/api-schemas/common'
import { passwordChangeSchema } from '../src/api-schemas/password'
import {
  BRAND_NAME_MAX,
  CREDENTIAL_FIELD_MAX,
  REJECT_REASON_MAX,
  RETURN_URL_MAX,
  SEARCH_MAX,
  TEMPLATE_MAX,
  TEST_PAYLOAD_MAX,
} from '../src/domain/limits'
import { call, requestLink, signUpOwner } from './helpers'
import { addDirect, location, page, post } from './dashboard-helpers'

const TEXT_TYPES = new Set(['text', 'password', 'url', 'email', 'search', 'textarea'])

/** The server's limit for each input name a form can have; an input missing here fails the test. */
function limitOf(inputName: string): number | null | undefined {
  // A step's input templates (api-schemas/workflows: z.record(…, z.string().max(TEMPLATE_MAX))).
  if (inputName.startsWith('input.')) return TEMPLATE_MAX
  const limits: Record<string, number | null> = {
    name: nameSchema.maxLength,
    connectionName: nameSchema.maxLength,
    email: signupSchema.shape.email.maxLength,
    password: signupSchema.shape.password.maxLength,
    // Settings' password change (api-schemas/password: passwordChangeSchema).
    currentPassword: passwordChangeSchema.shape.currentPassword.maxLength,
    newPassword: passwordChangeSchema.shape.newPassword.maxLength,
    confirmPassword: passwordChangeSchema.shape.newPassword.maxLength,
    reason: REJECT_REASON_MAX,
    q: SEARCH_MAX,
    payload: TEST_PAYLOAD_MAX,
    // The demo apps' credential fields, checked by services/credentials.
    apiKey: CREDENTIAL_FIELD_MAX,
    returnUrl: RETURN_URL_MAX,
    // Settings → Brand (api-schemas/brand: saveBrandSchema); the accent is #rrggbb.
    displayName: BRAND_NAME_MAX,
    accent: 7,
  }
  return limits[inputName]
}

/** Every text-like input of a page: its name, type and maxlength. */
function textInputs(html: string): { name: string; type: string; maxlength: number | null }[] {
  const tags = [...html.matchAll(/<(input|textarea)\b([^>]*)>/g)]
  return tags
    .map(([, tag, attrs]) => {
      const attr = (key: string) => new RegExp(`\\s${key}="([^"]*)"`).exec(attrs!)?.[1]
      const type = tag === 'textarea' ? 'textarea' : (attr('type') ?? 'text')
      const max = attr('maxlength')
      return { name: attr('name') ?? '', type, maxlength: max === undefined ? null : Number(max), readonly: /\sreadonly\b/.test(attrs!) }
    })
    .filter((input) => TEXT_TYPES.has(input.type) && !input.readonly)
}

function expectLimits(html: string, where: string, atLeast = 1) {
  const inputs = textInputs(html)
  expect(inputs.length, `${where}: text inputs`).toBeGreaterThanOrEqual(atLeast)
  for (const input of inputs) {
    const limit = limitOf(input.name)
    expect(limit, `${where}: a known limit for "${input.name}"`).toBeTypeOf('number')
    expect(input.maxlength, `${where}: maxlength of "${input.name}"`).toBe(limit)
  }
}

describe('maxlength on every form', () => {
  it('matches the server limits on the owner pages', async () => {
    expectLimits(await (await call('/signup')).text(), '/signup', 3)
    expectLimits(await (await call('/login')).text(), '/login', 2)
    const owner = await signUpOwner()
    const id = await addDirect(owner.cookie)
    const paths = [
      '/connections/new',
      '/connections/new/demo-tasks',
      `/connections/${id}`,
      '/settings',
      '/settings/brand',
      '/workflows/new',
    ]
    for (const path of paths) {
      expectLimits(await page(path, owner.cookie), path)
    }
    const created = await post('/workflows', { name: 'Limits' }, owner.cookie)
    const workflowPath = new URL(location(created), 'http://tether.test').pathname
    expectLimits(await page(workflowPath, owner.cookie), workflowPath)
    expectLimits(await page(`${workflowPath}/steps/new/demo-tasks?action=create-task`, owner.cookie), 'step form', 2)
  })

  it("matches the server limits on the client's pages", async () => {
    const owner = await signUpOwner()
    const link = await requestLink(owner)
    // The invitation holds no text input since Reject asks for its confirmation (and the reason) on a page of its own.
    expectLimits(await (await call(link.path)).text(), 'invitation', 0)
    expectLimits(await (await call(`${link.path}/reject`)).text(), 'reject confirmation')
    expectLimits(await (await call(`${link.path}/accept`)).text(), 'credentials form')
    const oauth = await requestLink(owner, 'demo-docs')
    const consent = await call(location(await call(`${oauth.path}/accept`, { method: 'POST' })))
    expect(consent.status).toBe(200)
    expectLimits(await consent.text(), 'demo consent page')
  })
})
