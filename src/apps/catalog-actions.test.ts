import { describe, expect, it } from 'vitest'
import { failureOf } from '../../test/app-calls'
import { apiKeyActionCases } from '../../test/catalog/action-api-key-fixtures'
import { oauthActionCases } from '../../test/catalog/action-oauth-fixtures'
import type { ActionCase } from '../../test/catalog/cases'
import { programmedContext } from '../../test/programmable-fake'
import type { Action } from './types'

const cases = [...oauthActionCases, ...apiKeyActionCases]
const actionOf = (entry: ActionCase): Action => entry.app.actions.find((action) => action.id === entry.action)!
const named = (entry: ActionCase) => ({ name: `${entry.app.name}: ${entry.action}`, entry })

describe('the catalog’s workflow actions, against the documented answers', () => {
  it('covers every action of the apps added to the catalog', () => {
    const covered = new Set(cases.map((entry) => `${entry.app.id}/${entry.action}`))
    for (const entry of cases) for (const action of entry.app.actions) expect(covered).toContain(`${entry.app.id}/${action.id}`)
    expect(cases.length).toBeGreaterThanOrEqual(15)
  })

  it.each(cases.map(named))('$name sends the documented request and reads the answer', async ({ entry }) => {
    const fake = await programmedContext(entry.app, entry.replies)
    const result = await actionOf(entry).run(fake.ctx, entry.credentials, entry.input)
    const sent = await fake.requests()
    expect(sent.map((request) => `${request.method} ${fake.upstreamUrl(request)}`)).toEqual(
      entry.requests.map((request) => `${request.method} ${request.url}`),
    )
    entry.requests.forEach((expected, index) => {
      const request = sent[index]!
      if (expected.header) expect(request.headers[expected.header[0]]).toBe(expected.header[1])
      if (expected.json !== undefined) expect(JSON.parse(request.body)).toEqual(expected.json)
      if (expected.form !== undefined) expect(Object.fromEntries(new URLSearchParams(request.body))).toEqual(expected.form)
    })
    expect(result.output).toEqual(entry.output)
    expect(result.upstreamStatus).toBe(entry.replies.at(-1)!.status)
  })

  const withRequiredInput = cases.filter((entry) => actionOf(entry).fields.some((field) => !field.optional))
  it.each(withRequiredInput.map(named))('$name asks for its required input before calling anyone', async ({ entry }) => {
    const fake = await programmedContext(entry.app, entry.replies)
    const error = await failureOf(actionOf(entry).run(fake.ctx, entry.credentials, {}))
    expect(error.code).toBe('invalid_request')
    expect(await fake.requests()).toEqual([])
  })

  const climbing: { app: string; entry: ActionCase; input: Record<string, string> }[] = [
    { app: 'GitHub', entry: cases.find((entry) => entry.app.id === 'github')!, input: { repository: '../..', title: 'x' } },
    { app: 'GitLab', entry: cases.find((entry) => entry.app.id === 'gitlab')!, input: { project: '..', title: 'x' } },
    { app: 'Airtable', entry: cases.find((entry) => entry.app.id === 'airtable')!, input: { baseId: 'app1', table: '..', fields: '{}' } },
  ]
  it.each(climbing)('$app refuses a path input that would climb to another endpoint', async ({ entry, input }) => {
    const fake = await programmedContext(entry.app, entry.replies)
    expect((await failureOf(actionOf(entry).run(fake.ctx, entry.credentials, input))).code).toBe('invalid_request')
    expect(await fake.requests()).toEqual([])
  })
})
