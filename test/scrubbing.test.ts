import { env } from 'cloudflare:workers'
import { describe, expect, it } from 'vitest'
import { AppError } from '../src/domain/errors'
import { ACCOUNT_LABEL_MAX, RECORDED_OUTPUT_MAX } from '../src/domain/limits'
import { depsFromEnv } from '../src/services/deps'
import { startRun } from '../src/services/workflows/runs'
import { advanceRun } from '../src/services/workflows/advance-run'
import { findWorkflowForWebhook } from '../src/services/workflows/webhook'
import { edgeOf } from '../src/http/deps'
import { requestsSince } from './app-calls'
import { fakeCursor } from './fake-requests'
import { call, getConnection, ORIGIN, signUpOwner } from './helpers'
import { forms } from './secret-forms'
import { createWorkflow, directConnection, postStep, runsOf, runWorkflow, wordpressViaLink } from './workflow-helpers'

type Owner = Awaited<ReturnType<typeof signUpOwner>>

/** A site of the fake that echoes every form of what it was sent (`/wp-echo…`) or sends 900 KB (`/wp-huge…`). */
const siteOf = (kind: 'wp' | 'wp-echo' | 'wp-huge') => `${env.FAKES_URL}/${kind}/${crypto.randomUUID().slice(0, 8)}`
/** Spaces, `+`, `/` and `é` make every encoding differ from the raw value; `good` makes the fake accept it. */
const passwordFor = (label: string) => `good ${label}+/é ${crypto.randomUUID()}`

/** The forms of `secret` that `text` still holds; [] when it is clean. */
const survivors = (text: string, secret: string) => forms(secret).filter((form) => text.includes(form))

async function eventsText(owner: Owner, connectionId: string): Promise<string> {
  return (await call(`/api/v1/connections/${connectionId}/events`, { cookie: owner.cookie })).text()
}

describe('account labels', () => {
  it('are scrubbed of the credentials just sent, in every form, wherever they are shown', async () => {
    const owner = await signUpOwner()
    const password = passwordFor('label')
    const viaLink = await wordpressViaLink(owner, siteOf('wp-echo'), password)
    const site = siteOf('wp-echo')
    const direct = await directConnection(owner, 'wordpress', { siteUrl: site, username: 'wendy', applicationPassword: password })

    for (const id of [viaLink, direct]) {
      const { accountLabel } = await getConnection(owner, id)
      expect(accountLabel).toContain('[redacted]')
      expect(accountLabel!.length).toBeLessThanOrEqual(ACCOUNT_LABEL_MAX)
      expect(survivors(accountLabel!, password)).toEqual([])
      for (const path of [`/api/v1/connections/${id}/events`, `/connections/${id}`, '/connections']) {
        const text = await (await call(path, { cookie: owner.cookie })).text()
        expect({ path, survivors: survivors(text, password) }).toEqual({ path, survivors: [] })
      }
    }
  })

  it('are capped: a 900 KB name is stored as 200 characters, once per place', async () => {
    const owner = await signUpOwner()
    const id = await wordpressViaLink(owner, siteOf('wp-huge'), passwordFor('huge'))
    const { accountLabel } = await getConnection(owner, id)
    expect(accountLabel).toHaveLength(ACCOUNT_LABEL_MAX)
    expect(accountLabel).toMatch(/^Wendy x+…$/)
    expect((await eventsText(owner, id)).length).toBeLessThan(4_000)
    const row = await env.DB.prepare('SELECT length(account_label) AS n FROM connections WHERE id = ?').bind(id).first<{ n: number }>()
    expect(row!.n).toBe(ACCOUNT_LABEL_MAX)
  })

  it('stored before the cap are cut by migration 0003, in the connection and its events', async () => {
    const owner = await signUpOwner()
    const id = await directConnection(owner, 'clickup', { apiToken: 'pk_good_migrated' })
    const long = `Casey ${'y'.repeat(5_000)}`
    await env.DB.prepare('UPDATE connections SET account_label = ? WHERE id = ?').bind(long, id).run()
    await env.DB.prepare(
      "INSERT INTO events (id, workspace_id, connection_id, type, actor, at, detail) VALUES (?, ?, ?, 'x', 'client', 0, ?)",
    )
      .bind(crypto.randomUUID(), owner.workspaceId, id, JSON.stringify({ account: long, purpose: 'create' }))
      .run()
    const migration = env.TEST_MIGRATIONS.find((candidate) => candidate.name.includes('cap_account_labels'))!
    for (const query of migration.queries) await env.DB.prepare(query).run()
    expect((await getConnection(owner, id)).accountLabel).toBe(`${long.slice(0, ACCOUNT_LABEL_MAX - 1)}…`)
    const detail = await env.DB.prepare("SELECT detail FROM events WHERE connection_id = ? AND type = 'x'")
      .bind(id)
      .first<{ detail: string }>()
    expect(JSON.parse(detail!.detail)).toEqual({ account: `${long.slice(0, ACCOUNT_LABEL_MAX - 1)}…`, purpose: 'create' })
  })
})

describe('run records', () => {
  it('scrub step outputs, and a later step reads the scrubbed value through {{steps.N.field}}', async () => {
    const owner = await signUpOwner()
    const password = passwordFor('echo')
    const echoing = await wordpressViaLink(owner, siteOf('wp-echo'), password)
    const plainSite = siteOf('wp')
    const plain = await wordpressViaLink(owner, plainSite, 'good-plain-password', 'Plain blog')
    const workflow = await createWorkflow(owner, [
      postStep(echoing, { title: 'First', content: 'Body' }),
      postStep(plain, { title: '{{steps.1.status}}', content: '{{steps.1}}', status: 'draft' }),
    ])
    const cursor = await fakeCursor()
    const run = await runWorkflow(owner, workflow)
    expect(run.status).toBe('succeeded')

    const recorded = JSON.stringify(run.steps)
    expect(recorded).toContain('[redacted]')
    expect(survivors(recorded, password)).toEqual([])
    const [second] = await requestsSince(cursor, (request) => request.path.startsWith(new URL(plainSite).pathname))
    expect(JSON.parse(second!.body).title).toContain('[redacted]')
    expect(survivors(second!.body, password)).toEqual([])
  })

  it('scrub the secrets of every connection of the run, not only the step’s own', async () => {
    const owner = await signUpOwner()
    const other = `pk_good_${crypto.randomUUID()}`
    const clickup = await directConnection(owner, 'clickup', { apiToken: other })
    const echoing = await wordpressViaLink(owner, siteOf('wp-echo'), passwordFor('cross'))
    const workflow = await createWorkflow(owner, [
      postStep(echoing, { title: 'Echo', content: '{{trigger.pasted}}' }),
      { appId: 'clickup', action: 'create-task', connectionId: clickup, input: { listId: '900', name: 'Task' } },
    ])
    // The trigger carries the ClickUp token (say, pasted by mistake); the WordPress step echoes it back.
    const run = await runWorkflow(owner, workflow, { pasted: other })
    expect(run.status).toBe('succeeded')
    expect(JSON.stringify(run.steps[0]!.output)).toContain('[redacted]')
    expect(survivors(JSON.stringify(run), other)).toEqual([])
  })

  it('cap a step output at 16 KiB of valid JSON that says it was cut', async () => {
    const owner = await signUpOwner()
    const huge = await wordpressViaLink(owner, siteOf('wp-huge'), passwordFor('output'))
    const workflow = await createWorkflow(owner, [postStep(huge, { title: 'Big', content: 'Body' })])
    const run = await runWorkflow(owner, workflow)
    expect(run.status).toBe('succeeded')
    const stored = await env.DB.prepare('SELECT output FROM run_steps WHERE run_id = ?').bind(run.id).first<{ output: string }>()
    expect(stored!.output.length).toBeLessThanOrEqual(RECORDED_OUTPUT_MAX)
    expect(JSON.parse(stored!.output)).toMatchObject({ truncated: true, preview: expect.stringMatching(/^\{"postId":/) })
  })

  it('scrub step and run errors in every form', async () => {
    const owner = await signUpOwner()
    const password = passwordFor('error')
    const connection = await wordpressViaLink(owner, siteOf('wp'), password)
    const workflow = await createWorkflow(owner, [postStep(connection, { title: 'T', content: 'C' })])
    const token = new URL(workflow.webhookUrl).pathname.split('/').pop()!
    // An upstream failure whose message quotes what was sent, in each form an echo takes.
    const echoed = forms(`wendy:${password}`).join(' ')
    const base = depsFromEnv(env, ORIGIN, edgeOf(env))
    const deps = {
      ...base,
      appContext: (app: Parameters<typeof base.appContext>[0]) => ({
        ...base.appContext(app),
        fetch: async () => {
          throw new AppError('upstream_error', `WordPress said: ${echoed}`)
        },
      }),
    }
    const found = await findWorkflowForWebhook(deps, token)
    expect(await advanceRun(deps, (await startRun(deps, found!, {}, Date.now())).runId)).toEqual({ kind: 'done' })
    const [run] = await runsOf(owner, workflow.id)
    expect(run!.status).toBe('failed')
    expect(run!.steps[0]!.error).toContain('[redacted]')
    expect(survivors(JSON.stringify(run), password)).toEqual([])
  })
})
