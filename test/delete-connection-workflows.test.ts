import { describe, expect, it } from 'vitest'
import { signUpOwner } from './helpers'
import { addDirect, page } from './dashboard-helpers'
import { createWorkflow } from './workflow-helpers'

const taskStep = (connectionId: string) => ({ appId: 'demo-tasks', action: 'create-task', connectionId, input: { name: 'A task' } })

describe('the delete confirmation', () => {
  it('lists, linked, the workflows that use the connection and says what happens to them', async () => {
    const owner = await signUpOwner()
    const used = await addDirect(owner.cookie, 'Used tasks')
    const other = await addDirect(owner.cookie, 'Other tasks')
    const publish = await createWorkflow(owner, [taskStep(used), taskStep(used)], 'Publish <posts>')
    const archive = await createWorkflow(owner, [taskStep(other), taskStep(used)], 'Archive')
    const unrelated = await createWorkflow(owner, [taskStep(other)], 'Unrelated')

    const html = await page(`/connections/${used}/delete`, owner.cookie)
    expect(html).toContain('These 2 workflows use it')
    expect(html).toContain('will fail, and each run stop at them, until you choose another connection')
    const linked = [...html.matchAll(/<li><a href="\/workflows\/([^"]+)">([^<]*)<\/a><\/li>/g)].map(([, id, name]) => [id, name])
    expect(linked).toEqual([
      [archive.id, 'Archive'],
      [publish.id, 'Publish &lt;posts>'],
    ])
    expect(html).not.toContain(unrelated.id)

    const solo = await addDirect(owner.cookie, 'Solo tasks')
    await createWorkflow(owner, [taskStep(solo)], 'Solo')
    expect(await page(`/connections/${solo}/delete`, owner.cookie)).toContain('This workflow uses it')
    const lonely = await addDirect(owner.cookie, 'Lonely tasks')
    expect(await page(`/connections/${lonely}/delete`, owner.cookie)).toContain('No workflow uses this connection.')
  })
})
