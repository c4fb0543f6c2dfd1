import { describe, expect, it } from 'vitest'
import { fakeCursor } from './fake-requests'
import { requestsSince } from './app-calls'
import { call, signUpOwner, submitViaLink } from './helpers'
import { basicPasswordOf, createWorkflow, fakeWordPressSite, postStep, runWorkflow, wordpressViaLink } from './workflow-helpers'

const postsTo = (site: string) => (request: { method: string; path: string }) =>
  request.method === 'POST' && request.path === `${new URL(site).pathname}/wp-json/wp/v2/posts`

describe('workflows on a via-link WordPress connection', () => {
  it('creates a post on the client site with the client credentials when the webhook fires', async () => {
    const owner = await signUpOwner()
    const site = fakeWordPressSite()
    const connectionId = await wordpressViaLink(owner, site, 'good-client-app-password')
    const workflow = await createWorkflow(owner, [
      postStep(connectionId, { title: '{{trigger.title}}', content: 'By {{trigger.author.name}}', status: 'publish' }),
    ])
    expect(workflow.webhookUrl).toMatch(/^http:\/\/tether\.test\/hooks\/[A-Za-z0-9_-]{32}$/)

    const cursor = await fakeCursor()
    const run = await runWorkflow(owner, workflow, { title: 'Launch day', author: { name: 'Ada' } })

    const [post, ...others] = await requestsSince(cursor, postsTo(site))
    expect(others).toHaveLength(0)
    expect(basicPasswordOf(post!.headers.authorization)).toBe('good-client-app-password')
    expect(JSON.parse(post!.body)).toEqual({ title: 'Launch day', content: 'By Ada', status: 'publish' })
    expect(run).toMatchObject({ status: 'succeeded', error: null, finishedAt: expect.any(String) })
    expect(run.steps).toEqual([expect.objectContaining({ position: 1, status: 'succeeded', upstreamStatus: 201, error: null })])
    expect(run.steps[0]!.output).toMatchObject({ postId: expect.any(String), status: 'publish' })
  })

  it('passes one step output to the next through {{steps.N.field}}', async () => {
    const owner = await signUpOwner()
    const site = fakeWordPressSite()
    const connectionId = await wordpressViaLink(owner, site, 'good-chain-password')
    const workflow = await createWorkflow(owner, [
      postStep(connectionId, { title: '{{trigger.title}}', content: 'first' }),
      postStep(connectionId, { title: 'Follow-up to {{steps.1.postId}}', content: '{{steps.1.url}}' }),
    ])
    const cursor = await fakeCursor()
    const run = await runWorkflow(owner, workflow, { title: 'One' })
    expect(run.status).toBe('succeeded')
    const [first, second] = await requestsSince(cursor, postsTo(site))
    const firstId = (run.steps[0]!.output as { postId: string }).postId
    expect(JSON.parse(first!.body).title).toBe('One')
    expect(JSON.parse(second!.body)).toMatchObject({ title: `Follow-up to ${firstId}`, content: expect.stringContaining(`?p=${firstId}`) })
  })

  it('zero downtime: old credentials work while a refresh link is open, new ones are used right after the client submits', async () => {
    const owner = await signUpOwner()
    const site = fakeWordPressSite()
    const connectionId = await wordpressViaLink(owner, site, 'good-old-password')
    const workflow = await createWorkflow(owner, [postStep(connectionId)])
    const passwordsUsed = async (cursor: number) =>
      (await requestsSince(cursor, postsTo(site))).map((request) => basicPasswordOf(request.headers.authorization))

    let cursor = await fakeCursor()
    const before = await runWorkflow(owner, workflow)
    expect(await passwordsUsed(cursor)).toEqual(['good-old-password'])

    const refresh = await call(`/api/v1/connections/${connectionId}/link`, { method: 'POST', cookie: owner.cookie, json: {} })
    expect(refresh.status).toBe(201)
    const refreshPath = new URL((await refresh.json<{ link: { url: string } }>()).link.url).pathname

    cursor = await fakeCursor()
    const during = await runWorkflow(owner, workflow)
    expect(await passwordsUsed(cursor)).toEqual(['good-old-password'])

    expect(
      (await submitViaLink({ path: refreshPath }, { siteUrl: site, username: 'wendy', applicationPassword: 'good-new-password' })).status,
    ).toBe(200)
    cursor = await fakeCursor()
    const after = await runWorkflow(owner, workflow)
    expect(await passwordsUsed(cursor)).toEqual(['good-new-password'])

    expect([before.status, during.status, after.status]).toEqual(['succeeded', 'succeeded', 'succeeded'])
  })
})
