import { describe, expect, it } from 'vitest'
import { call, form, requestLink, signUpOwner, submitViaLink } from './helpers'
import { submit } from './dashboard-helpers'
import { requestsSince } from './app-calls'
import { fakeCursor } from './fake-requests'
import { createWorkflow, fakeWordPressSite, finishedRun, postStep, runsOf, trigger, wordpressViaLink } from './workflow-helpers'

type Owner = { cookie: string }

/** One radio of Choose a Connection: whether it is disabled, its visible words and its badges. */
function optionFor(html: string, value: string): { disabled: boolean; label: string; badges: string[] } | null {
  const match = new RegExp(`<label class="choice[^"]*" for="step-connection-${value}">(.*?)</label>`, 's').exec(html)
  if (!match) return null
  const radio = /<input type="radio"[^>]*>/.exec(match[1]!)![0]
  const visible = match[1]!.replace(/<span class="visually-hidden">.*?<\/span>/g, '').replace(/<[^>]+>/g, ' ')
  return {
    disabled: /\bdisabled\b/.test(radio),
    label: visible.replace(/\s+/g, ' ').trim(),
    badges: [...match[1]!.matchAll(/class="badge badge-([a-z_]+)"/g)].map((m) => m[1]!),
  }
}

async function page(owner: Owner, path: string): Promise<string> {
  const response = await call(path, { cookie: owner.cookie })
  expect(response.status, path).toBe(200)
  return response.text()
}

function postForm(owner: Owner, path: string, fields: Record<string, string>): Promise<Response> {
  return call(path, { ...form(fields), cookie: owner.cookie })
}

describe('workflow builder pages', () => {
  it('Choose a Connection lists this app’s usable connections first, pending and rejected disabled with their badge', async () => {
    const owner = await signUpOwner()
    const site = fakeWordPressSite()
    const pending = await requestLink(owner, 'wordpress', { name: 'Client Docs' })
    const rejected = await requestLink(owner, 'wordpress', { name: 'Old Site' })
    await call(`${rejected.path}/reject`, form({}))
    const active = await wordpressViaLink(owner, site, 'good-active-pw', 'Main Site')
    const refreshing = await wordpressViaLink(owner, site, 'good-refreshing-pw', 'Shop Site')
    expect((await call(`/api/v1/connections/${refreshing}/link`, { method: 'POST', cookie: owner.cookie, json: {} })).status).toBe(201)
    const otherApp = await requestLink(owner, 'demo-tasks', { name: 'Tasks Elsewhere' })
    const late = await requestLink(owner, 'wordpress', { name: 'Newest but pending' })
    const workflow = await createWorkflow(owner, [])

    const html = await page(owner, `/workflows/${workflow.id}/steps/new/wordpress`)
    expect(html).toContain('Choose a Connection')
    expect(optionFor(html, pending.connectionId)).toEqual({ disabled: true, label: 'Client Docs Pending', badges: ['pending'] })
    expect(optionFor(html, rejected.connectionId)).toEqual({ disabled: true, label: 'Old Site Rejected', badges: ['rejected'] })
    expect(optionFor(html, active)).toEqual({
      disabled: false,
      label: expect.stringMatching(/^Main Site .+ Via Link$/),
      badges: ['via_link'],
    })
    expect(optionFor(html, refreshing)).toEqual({
      disabled: false,
      label: expect.stringMatching(/^Shop Site .+ Pending$/),
      badges: ['refresh_pending'],
    })
    expect(optionFor(html, otherApp.connectionId)).toBeNull()
    const [usable, unusable] = [
      [refreshing, active],
      [pending.connectionId, rejected.connectionId, late.connectionId],
    ].map((ids) => ids.map((id) => html.indexOf(`for="step-connection-${id}"`)))
    expect([...usable!, ...unusable!].every((at) => at > 0)).toBe(true)
    expect(Math.max(...usable!)).toBeLessThan(Math.min(...unusable!))
    expect(html).toContain('<legend>Choose a Connection</legend>')
    expect(html).toContain('href="/connections/new/wordpress">Request a new connection via link</a>')
    expect(html).toContain('{{trigger.title}}')

    // Posting a disabled option anyway is refused and the form comes back with the reason.
    const refused = await submit(
      `/workflows/${workflow.id}/steps`,
      {
        appId: 'wordpress',
        action: 'create-post',
        connectionId: pending.connectionId,
        'input.title': 'T',
        'input.content': 'C',
      },
      owner.cookie,
    )
    expect(refused.status).toBe(422)
    const refusedPage = await refused.text()
    expect(refusedPage).toContain('is still pending')
    expect(refusedPage).toContain('value="T"')
  })

  it('builds, reorders, edits and deletes without JavaScript, and shows the runs', async () => {
    const owner = await signUpOwner()
    const site = fakeWordPressSite()
    const connectionId = await wordpressViaLink(owner, site, 'good-builder-pw')
    expect(await page(owner, '/workflows')).toContain('No workflows yet')

    const created = await postForm(owner, '/workflows', { name: 'Client newsletter' })
    expect(created.status).toBe(303)
    const workflowPath = new URL(created.headers.get('location')!, 'http://x').pathname
    const id = workflowPath.split('/').pop()!
    const first = await page(owner, `${workflowPath}?done=created`)
    expect(first).toContain('Client newsletter')
    expect(first).toMatch(/id="webhook-url"[^>]*value="http:\/\/tether\.test\/hooks\/[A-Za-z0-9_-]{32}"/)
    expect(await page(owner, `${workflowPath}/steps/new`)).toContain(`href="/workflows/${id}/steps/new/wordpress"`)

    const add = (fields: Record<string, string>) =>
      postForm(owner, `${workflowPath}/steps`, { appId: 'wordpress', action: 'create-post', connectionId, ...fields })
    expect((await add({ 'input.title': '{{trigger.title}}', 'input.content': 'first' })).status).toBe(303)
    expect((await add({ 'input.title': 'After {{steps.1.postId}}', 'input.content': 'second', 'input.status': '' })).status).toBe(303)
    const missing = await submit(
      `${workflowPath}/steps`,
      { appId: 'wordpress', action: 'create-post', connectionId, 'input.title': 'no content' },
      owner.cookie,
    )
    expect(missing.status).toBe(400)
    expect(await missing.text()).toContain('Content is required.')

    // Step 2 reads step 1's output, so it cannot move before it, and step 1 cannot go.
    const moved = await submit(`${workflowPath}/steps/2/move`, { direction: 'up' }, owner.cookie)
    expect(moved.status).toBe(400)
    expect(await moved.text()).toContain('refers to step 1, which does not run before step 1')
    expect((await submit(`${workflowPath}/steps/1/delete`, {}, owner.cookie)).status).toBe(400)
    // The refusal was shown once: the workflow page's reload is plain.
    expect(await page(owner, workflowPath)).not.toContain('which does not run before')

    const edit = await page(owner, `${workflowPath}/steps/2/edit`)
    expect(edit).toContain('value="After {{steps.1.postId}}"')
    expect(
      (
        await postForm(owner, `${workflowPath}/steps/2`, {
          appId: 'wordpress',
          action: 'create-post',
          connectionId,
          'input.title': 'Independent',
          'input.content': 'c',
        })
      ).status,
    ).toBe(303)
    expect((await postForm(owner, `${workflowPath}/steps/2/move`, { direction: 'up' })).status).toBe(303)
    const api = await (await call(`/api/v1/workflows/${id}`, { cookie: owner.cookie })).json<{
      workflow: { webhookUrl: string; steps: { input: Record<string, string> }[] }
    }>()
    expect(api.workflow.steps.map((step) => step.input.title)).toEqual(['Independent', '{{trigger.title}}'])

    const response = await trigger(api.workflow.webhookUrl, { title: 'From the hook' })
    await finishedRun(owner, id, (await response.json<{ runId: string }>()).runId)
    const withRuns = await page(owner, workflowPath)
    expect(withRuns).toContain('Succeeded')
    expect(withRuns).toContain('HTTP 201')

    expect((await postForm(owner, `${workflowPath}/steps/2/delete`, {})).status).toBe(303)
    expect((await postForm(owner, `${workflowPath}/rename`, { name: 'Renamed flow' })).status).toBe(303)
    expect(await page(owner, '/workflows')).toContain('Renamed flow')
    expect(await page(owner, `${workflowPath}/delete`)).toContain('Delete workflow')
    const deleted = await postForm(owner, `${workflowPath}/delete`, {})
    expect(deleted.headers.get('location')).toBe('/workflows?deleted=1')
    expect((await call(workflowPath, { cookie: owner.cookie })).status).toBe(404)
    expect((await call(`/api/v1/workflows/${id}/runs`, { cookie: owner.cookie })).status).toBe(404)
  })

  it('shows a failed run with its step, timing, upstream status and reason', async () => {
    const owner = await signUpOwner()
    const link = await requestLink(owner, 'wordpress', { name: 'Flaky' })
    await submitViaLink(link, { siteUrl: fakeWordPressSite(), username: 'wendy', applicationPassword: 'good-flaky-pw' })
    const workflow = await createWorkflow(owner, [postStep(link.connectionId, { title: '{{trigger.missing}}', content: 'x' })])
    const response = await trigger(workflow.webhookUrl, {})
    await finishedRun(owner, workflow.id, (await response.json<{ runId: string }>()).runId)
    const html = await page(owner, `/workflows/${workflow.id}`)
    expect(html).toContain('Failed')
    expect(html).toContain('Title is required.')
    expect(html).toMatch(/\d+ ms/)
  })

  it('Run now queues a run with the typed test payload; Retry runs a finished one again with its stored payload', async () => {
    const owner = await signUpOwner()
    const site = fakeWordPressSite()
    const connectionId = await wordpressViaLink(owner, site, 'good-run-now-password')
    const workflow = await createWorkflow(owner, [postStep(connectionId, { title: '{{trigger.title}}', content: 'x' })])
    const before = await page(owner, `/workflows/${workflow.id}`)
    expect(before).toContain('Run now with a test payload')
    expect(before).toContain('name="payload"')

    const bad = await postForm(owner, `/workflows/${workflow.id}/runs`, { payload: '{not json' })
    expect(bad.status).toBe(400)
    expect(await bad.text()).toContain('The test payload must be JSON')
    expect(await runsOf(owner, workflow.id)).toEqual([])

    const started = await postForm(owner, `/workflows/${workflow.id}/runs`, { payload: '{"title":"From the builder"}' })
    expect(started.status).toBe(303)
    expect(started.headers.get('location')).toBe(`/workflows/${workflow.id}?done=run-started#runs-title`)
    const [queued] = await runsOf(owner, workflow.id)
    expect(queued).toMatchObject({ status: 'queued' })
    expect(await page(owner, `/workflows/${workflow.id}`)).not.toContain(`/runs/${queued!.id}/retry`)
    const cursor = await fakeCursor()
    expect(await finishedRun(owner, workflow.id, queued!.id)).toMatchObject({ status: 'succeeded' })
    const [post] = await requestsSince(cursor, (request) => request.method === 'POST' && request.path.startsWith(new URL(site).pathname))
    expect(JSON.parse(post!.body)).toMatchObject({ title: 'From the builder' })

    const html = await page(owner, `/workflows/${workflow.id}`)
    expect(html).toContain(`action="/workflows/${workflow.id}/runs/${queued!.id}/retry"`)
    const retried = await postForm(owner, `/workflows/${workflow.id}/runs/${queued!.id}/retry`, {})
    expect(retried.status).toBe(303)
    expect(retried.headers.get('location')).toBe(`/workflows/${workflow.id}?done=run-retried#runs-title`)
    const [retry] = await runsOf(owner, workflow.id)
    expect(retry).toMatchObject({ status: 'queued', retryOf: queued!.id })
    await finishedRun(owner, workflow.id, retry!.id)
    const after = await page(owner, `/workflows/${workflow.id}`)
    expect(after).toContain('Retry of an earlier run')
  })

  it('needs a signed-in owner and refuses cross-site posts', async () => {
    expect((await call('/workflows')).status).toBe(303)
    const owner = await signUpOwner()
    const crossSite = await call('/workflows', {
      ...form({ name: 'x' }),
      cookie: owner.cookie,
      headers: { 'sec-fetch-site': 'cross-site', 'content-type': 'application/x-www-form-urlencoded' },
    })
    expect(crossSite.status).toBe(403)
    const other = await signUpOwner('Mallory')
    const workflow = await createWorkflow(owner, [])
    expect((await call(`/workflows/${workflow.id}`, { cookie: other.cookie })).status).toBe(404)
  })
})
