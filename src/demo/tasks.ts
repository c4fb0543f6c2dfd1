import { Hono, type Context } from 'hono'
import * as z from 'zod'
import { sha256Hex } from '../domain/encoding'
import { newId } from '../domain/tokens'
import type { AppEnv } from '../http/context'
import { bearerToken } from './grants'
import { DEMO_TASKS_KEY_PATTERN } from './scopes'
import { getRecord, putRecord } from './store'

const TASK_LIFETIME_SECONDS = 7 * 24 * 3600
const KEY_RECORD_LIFETIME_SECONDS = 30 * 24 * 3600

/** What a key that went through "Regenerate key" is: revoked (the old one), or the workspace it now opens (the new one). */
type KeyRecord = { revoked: true } | { workspaceId: string }
const newTaskSchema = z.object({ name: z.string().trim().min(1).max(200), description: z.string().max(10_000).default('') }).strict()

/**
 * A workspace is named after the hash of its key, so different keys are different accounts; a key made by
 * "Regenerate key" opens the workspace of the key it replaced, which stops working.
 */
async function workspaceFor(c: Context<AppEnv>): Promise<{ id: string; name: string } | null> {
  const key = bearerToken(c)
  if (!key || !DEMO_TASKS_KEY_PATTERN.test(key)) return null
  const hash = await sha256Hex(key)
  const record = await getRecord<KeyRecord>(c.env.LINKS, 'key', hash)
  if (record && 'revoked' in record) return null
  const id = record?.workspaceId ?? `ws-${hash.slice(0, 12)}`
  return { id, name: `Demo Tasks workspace ${id.slice(3, 9)}` }
}

function refuse(c: Context<AppEnv>): Response {
  c.header('WWW-Authenticate', 'Bearer realm="demo-tasks"')
  return c.json({ error: 'invalid_api_key', message: 'Demo Tasks keys start with demo_ and are at least 12 characters long.' }, 401)
}

/** Demo Tasks' API: an API-key service, `Authorization: Bearer <key>`. */
export const demoTasksApi = new Hono<AppEnv>()
  // As real services offer: a new key for the same workspace, and the old one refused from then on.
  .post('/tasks/keys/regenerate', async (c) => {
    const workspace = await workspaceFor(c)
    if (!workspace) return refuse(c)
    const key = `demo_${newId()}`
    await putRecord(c.env.LINKS, 'key', await sha256Hex(key), { workspaceId: workspace.id }, KEY_RECORD_LIFETIME_SECONDS)
    await putRecord(c.env.LINKS, 'key', await sha256Hex(bearerToken(c)!), { revoked: true }, KEY_RECORD_LIFETIME_SECONDS)
    return c.json({ apiKey: key, workspaceId: workspace.id })
  })
  .get('/tasks/me', async (c) => {
    const workspace = await workspaceFor(c)
    return workspace ? c.json(workspace) : refuse(c)
  })
  .post('/tasks/tasks', async (c) => {
    const workspace = await workspaceFor(c)
    if (!workspace) return refuse(c)
    const parsed = newTaskSchema.safeParse(await c.req.json().catch(() => null))
    if (!parsed.success) return c.json({ error: 'invalid_request', message: 'Send {"name": "…", "description": "…"}.' }, 400)
    const id = newId()
    await putRecord(c.env.LINKS, 'task', id, { ...parsed.data, workspaceId: workspace.id, createdAt: Date.now() }, TASK_LIFETIME_SECONDS)
    return c.json({ id, name: parsed.data.name, workspaceId: workspace.id }, 201)
  })
