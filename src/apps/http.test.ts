import { env } from 'cloudflare:workers'
import { describe, expect, it } from 'vitest'
import { failureOf } from '../../test/app-calls'
import { appContext } from './context'
import { callJson, field, idField, numberField, stringField } from './http'
import { wordpress } from './wordpress'
import type { AppContext } from './types'

/** A context whose upstream answers with `response`. */
function answering(response: Response): AppContext {
  return { ...appContext(env, wordpress), fetch: async () => response }
}

describe('callJson', () => {
  it('parses JSON and passes the status on', async () => {
    expect(await callJson(answering(Response.json({ a: 1 }, { status: 201 })), 'https://x.example')).toEqual({
      status: 201,
      body: { a: 1 },
    })
  })

  it('treats an empty answer as null', async () => {
    expect(await callJson(answering(new Response(null, { status: 204 })), 'https://x.example')).toEqual({ status: 204, body: null })
  })

  it('sends JSON bodies with the right headers', async () => {
    const seen: Request[] = []
    const ctx = {
      ...appContext(env, wordpress),
      fetch: async (url: string, init?: RequestInit) => {
        seen.push(new Request(url, init))
        return Response.json({})
      },
    }
    await callJson(ctx, 'https://x.example/items', { method: 'POST', json: { name: 'ü' } })
    expect(seen[0]!.headers.get('content-type')).toBe('application/json; charset=utf-8')
    expect(seen[0]!.headers.get('accept')).toBe('application/json')
    expect(await seen[0]!.text()).toBe('{"name":"ü"}')
  })

  it('keeps upstream words out of its messages', async () => {
    const error = await failureOf(callJson(answering(Response.json({ error: 'secret-detail' }, { status: 422 })), 'https://x.example'))
    expect(error).toMatchObject({ code: 'upstream_error', message: 'WordPress refused the request (HTTP 422).' })
    const server = await failureOf(callJson(answering(new Response('stack trace with token abc', { status: 503 })), 'https://x.example'))
    expect(server.message).toBe('WordPress had a problem (HTTP 503). Try again later.')
  })

  it('lets an app say which refusals are about credentials', async () => {
    const isCredentialError = (status: number, body: unknown) => status === 400 && field(body, 'error', 'code') === 190
    const refusal = answering(Response.json({ error: { code: 190 } }, { status: 400 }))
    expect(
      await failureOf(callJson(refusal, 'https://x.example', {}, { isCredentialError, rejectedMessage: 'Sign in again.' })),
    ).toMatchObject({
      code: 'invalid_credentials',
      message: 'Sign in again.',
    })
    expect((await failureOf(callJson(answering(Response.json({}, { status: 403 })), 'https://x.example'))).code).toBe('invalid_credentials')
  })

  it('refuses an answer over 1 MB without reading it all', async () => {
    const chunk = new Uint8Array(256 * 1024).fill(0x20)
    let pulled = 0
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled++
        controller.enqueue(chunk)
      },
    })
    const error = await failureOf(callJson(answering(new Response(endless)), 'https://x.example'))
    expect(error.message).toBe('WordPress sent an answer that is too large.')
    expect(pulled).toBeLessThan(10)
  })

  it.each([
    ['CR', '\r'],
    ['LF', '\n'],
    ['NUL', '\u0000'],
    ['é', 'é'],
    ['emoji', '🔑'],
  ])('turns a header that cannot be built (%s) into an app error that never quotes it, and sends nothing', async (_name, character) => {
    let sent = 0
    const ctx = {
      ...appContext(env, wordpress),
      fetch: async () => {
        sent++
        return Response.json({})
      },
    }
    const error = await failureOf(callJson(ctx, 'https://x.example', { headers: { authorization: `Bearer key-${character}-secret` } }))
    expect(error).toMatchObject({ code: 'invalid_credentials', message: expect.not.stringContaining('secret') })
    expect(sent).toBe(0)
  })

  it('reports an unreachable upstream', async () => {
    const ctx = {
      ...appContext(env, wordpress),
      fetch: async () => {
        throw new TypeError('connection refused')
      },
    }
    expect(await failureOf(callJson(ctx, 'https://x.example'))).toMatchObject({
      code: 'upstream_error',
      message: 'WordPress could not be reached.',
    })
  })
})

describe('narrowing helpers', () => {
  const body: unknown = { user: { id: 42, email: 'a@b.test', name: '', tags: ['x'] }, count: 3, list: [1] }

  it('follow paths through objects only', () => {
    expect(field(body, 'user', 'email')).toBe('a@b.test')
    expect(field(body, 'list', '0')).toBeUndefined()
    expect(field('text', 'length')).toBeUndefined()
    expect(field(null, 'x')).toBeUndefined()
  })

  it('return only values of the asked type', () => {
    expect(stringField(body, 'user', 'email')).toBe('a@b.test')
    expect(stringField(body, 'user', 'name')).toBeUndefined()
    expect(stringField(body, 'user', 'id')).toBeUndefined()
    expect(idField(body, 'user', 'id')).toBe('42')
    expect(idField(body, 'user', 'tags')).toBeUndefined()
    expect(numberField(body, 'count')).toBe(3)
    expect(numberField(body, 'user', 'email')).toBeUndefined()
  })
})
