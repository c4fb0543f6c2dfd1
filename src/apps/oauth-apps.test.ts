import { env } from 'cloudflare:workers'
import { describe, expect, it } from 'vitest'
import { failureOf, onlyRequestSince, requestsSince } from '../../test/app-calls'
import { fakeCursor } from '../../test/fake-requests'
import { fromBase64, utf8 } from '../domain/encoding'
import { appContext } from './context'
import { facebookPages } from './facebook-pages'
import { gmail } from './gmail'
import { googleDocs } from './google-docs'
import { googleSheets } from './google-sheets'
import { slack } from './slack'
import type { AppDefinition } from './types'

/** A token no other test uses, so the request it made can be picked out of the shared log. */
const uniqueToken = () => `access-good-${crypto.randomUUID()}`
const bearerIs = (token: string) => (request: { headers: Record<string, string> }) => request.headers.authorization === `Bearer ${token}`

function run(app: AppDefinition, accessToken: string, input: Record<string, string>) {
  return app.actions[0]!.run(appContext(env, app), { accessToken }, input)
}

describe('OAuth apps verify', () => {
  it.each([googleDocs, googleSheets, gmail])('$name names the Google account from userinfo', async (app) => {
    const token = uniqueToken()
    const cursor = await fakeCursor()
    expect(await app.verify(appContext(env, app), { accessToken: token })).toEqual({ label: 'client@gmail.test', id: 'google-user-1' })
    expect((await onlyRequestSince(cursor, bearerIs(token))).path).toBe('/google/userinfo')
  })

  it.each([
    { app: googleDocs, accessToken: 'expired-good-token' },
    { app: slack, accessToken: 'xoxb-revoked' },
    { app: facebookPages, accessToken: 'fb-expired' },
  ])('$app.name refuses a dead token as invalid_credentials', async ({ app, accessToken }) => {
    const error = await failureOf(app.verify(appContext(env, app), { accessToken }))
    expect(error.code).toBe('invalid_credentials')
    expect(error.message).not.toContain(accessToken)
  })

  it('Slack names the workspace (auth.test answers 200 even when refusing)', async () => {
    expect(await slack.verify(appContext(env, slack), { accessToken: 'xoxb-good-1' })).toEqual({ label: 'Client Team', id: 'T0001' })
  })

  it('Facebook names the person behind the token (Graph refuses with 400, code 190)', async () => {
    expect(await facebookPages.verify(appContext(env, facebookPages), { accessToken: 'fb-good-1' })).toEqual({
      label: 'Client Person',
      id: 'fb-user-1',
    })
  })

  it('refuses credentials without an access token before calling anyone', async () => {
    const error = await failureOf(googleDocs.verify(appContext(env, googleDocs), { apiKey: 'x' }))
    expect(error.code).toBe('invalid_credentials')
  })
})

describe('OAuth apps actions', () => {
  it('Google Docs creates a document, then writes its text', async () => {
    const token = uniqueToken()
    const cursor = await fakeCursor()
    const result = await run(googleDocs, token, { title: 'Brief', content: 'Hello from Tether' })
    const [create, write] = await requestsSince(cursor, bearerIs(token))
    expect(create).toMatchObject({ method: 'POST', path: '/google-docs/v1/documents' })
    expect(JSON.parse(create!.body)).toEqual({ title: 'Brief' })
    const documentId = result.output.documentId as string
    expect(write!.path).toBe(`/google-docs/v1/documents/${documentId}:batchUpdate`)
    expect(JSON.parse(write!.body)).toEqual({ requests: [{ insertText: { location: { index: 1 }, text: 'Hello from Tether' } }] })
    expect(result.output).toEqual({ documentId, title: 'Brief', url: `https://docs.google.com/document/d/${documentId}/edit` })
  })

  it('Google Sheets appends one row, taking the ID out of a pasted address', async () => {
    const token = uniqueToken()
    const cursor = await fakeCursor()
    const result = await run(googleSheets, token, {
      spreadsheetId: 'https://docs.google.com/spreadsheets/d/1AbC_dEf-123/edit#gid=0',
      sheet: "Leads '24",
      values: 'Ada\nada@example.com\n42',
    })
    const sent = await onlyRequestSince(cursor, bearerIs(token))
    const url = new URL(sent.path, 'http://fake')
    expect(decodeURIComponent(url.pathname)).toBe("/google-sheets/v4/spreadsheets/1AbC_dEf-123/values/'Leads ''24'!A1:append")
    expect(url.searchParams.get('valueInputOption')).toBe('USER_ENTERED')
    expect(JSON.parse(sent.body)).toEqual({ majorDimension: 'ROWS', values: [['Ada', 'ada@example.com', '42']] })
    expect(result.output).toMatchObject({ spreadsheetId: '1AbC_dEf-123', updatedRows: 1 })
  })

  it('Gmail sends a MIME message with an encoded subject', async () => {
    const token = uniqueToken()
    const cursor = await fakeCursor()
    const result = await run(gmail, token, { to: 'ada@example.com, bob@example.com', subject: 'Grüße', body: 'Line one\nLine two' })
    const sent = await onlyRequestSince(cursor, bearerIs(token))
    expect(sent.path).toBe('/gmail/gmail/v1/users/me/messages/send')
    const raw = JSON.parse(sent.body).raw as string
    const message = utf8.decode(fromBase64(raw.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (raw.length % 4)) % 4)))
    expect(message).toContain('To: ada@example.com, bob@example.com\r\n')
    expect(message).toContain(`Subject: =?UTF-8?B?${btoa(String.fromCharCode(...utf8.encode('Grüße')))}?=\r\n`)
    expect(message).toContain(`\r\n\r\n${btoa('Line one\nLine two')}`)
    expect(result.output).toEqual({ messageId: expect.stringMatching(/^msg-/), threadId: expect.stringMatching(/^thread-/) })
  })

  it.each([
    { to: 'ada@example.com\r\nBcc: eve@example.com', subject: 'Hi', body: 'x' },
    { to: 'ada@example.com', subject: 'Hi\r\nBcc: eve@example.com', body: 'x' },
    { to: 'not an address', subject: 'Hi', body: 'x' },
  ])('Gmail refuses header injection and bad addresses without sending (%#)', async (input) => {
    const token = uniqueToken()
    const cursor = await fakeCursor()
    expect((await failureOf(run(gmail, token, input))).code).toBe('invalid_request')
    expect(await requestsSince(cursor, bearerIs(token))).toEqual([])
  })

  it('Slack posts the message to the channel', async () => {
    const token = `xoxb-${uniqueToken()}`
    const cursor = await fakeCursor()
    const result = await run(slack, token, { channel: '#general', text: 'Deploy done' })
    const sent = await onlyRequestSince(cursor, bearerIs(token))
    expect(sent.path).toBe('/slack/api/chat.postMessage')
    expect(JSON.parse(sent.body)).toEqual({ channel: '#general', text: 'Deploy done' })
    expect(result.output).toEqual({ channel: 'C0001', ts: expect.stringMatching(/^1700000000\./) })
  })

  it('Slack explains an ok:false refusal in its own words', async () => {
    const error = await failureOf(run(slack, 'xoxb-good-1', { channel: '#missing', text: 'x' }))
    expect(error).toMatchObject({ code: 'upstream_error', message: 'Slack could not find that channel.' })
  })

  it('Facebook publishes with the Page token, never the user token', async () => {
    const token = `fb-${uniqueToken()}`
    const pageId = `page${Date.now()}`
    const cursor = await fakeCursor()
    const result = await run(facebookPages, token, { pageId, message: 'We are open', link: 'https://client.example/news' })
    const lookup = await onlyRequestSince(cursor, bearerIs(token))
    expect(lookup).toMatchObject({ method: 'GET', path: `/facebook/v21.0/${pageId}?fields=access_token` })
    const post = await onlyRequestSince(cursor, (request) => request.path === `/facebook/v21.0/${pageId}/feed`)
    expect(post.headers.authorization).toBe(`Bearer page-good-${pageId}`)
    expect(JSON.parse(post.body)).toEqual({ message: 'We are open', link: 'https://client.example/news' })
    expect(result.output.postId).toMatch(new RegExp(`^${pageId}_`))
  })

  it('Facebook explains a Page the account does not manage', async () => {
    const error = await failureOf(run(facebookPages, 'fb-good-1', { pageId: 'unmanaged', message: 'x' }))
    expect(error.message).toMatch(/cannot post to that Page/)
  })

  it('every action refuses missing required input before calling anyone', async () => {
    for (const app of [googleDocs, googleSheets, gmail, slack, facebookPages]) {
      expect((await failureOf(run(app, 'access-good-1', {}))).code).toBe('invalid_request')
    }
  })
})
