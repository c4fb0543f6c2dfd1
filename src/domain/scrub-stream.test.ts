import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { utf8, toBase64 } from './encoding'
import { Redactor } from './redact'
import { scrubbingStream } from './scrub-stream'

async function through(secrets: string[], chunks: string[]): Promise<string> {
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(utf8.encode(chunk))
      controller.close()
    },
  }).pipeThrough(scrubbingStream(secrets))
  return new Response(stream).text()
}

describe('scrubbingStream', () => {
  it('replaces a secret split across chunks, and its encoded forms', async () => {
    const secret = 'sk_live_abcdef123456'
    expect(await through([secret], ['{"echo":"sk_live_', 'abcdef', '123456","b64":"', toBase64(utf8.encode(secret)), '"}'])).toBe(
      '{"echo":"[redacted]","b64":"[redacted]"}',
    )
  })

  it('passes everything else through unchanged', async () => {
    expect(await through(['sk_live_abcdef123456'], ['plain ', 'text'])).toBe('plain text')
    expect(await through([], ['no ', 'secrets'])).toBe('no secrets')
  })

  it('agrees with the Redactor on any text cut into any chunks', async () => {
    const secret = 'tok_9f8e7d6c5b'
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.oneof(fc.constant(secret), fc.string({ maxLength: 12 })), { maxLength: 8 }),
        fc.array(fc.nat(40), { maxLength: 6 }),
        async (pieces, cuts) => {
          const text = pieces.join('')
          const points = [...new Set(cuts.map((cut) => Math.min(cut, text.length)))].sort((a, b) => a - b)
          const chunks = [0, ...points, text.length].slice(1).map((end, index, ends) => text.slice(index === 0 ? 0 : ends[index - 1], end))
          expect(await through([secret], chunks)).toBe(new Redactor([secret]).text(text))
        },
      ),
    )
  })

  it('errors past its byte cap, and says once that it ended: flushed, cancelled or capped', async () => {
    const ends: string[] = []
    const source = (chunks: string[]) =>
      new ReadableStream<Uint8Array>({
        start(controller) {
          for (const chunk of chunks) controller.enqueue(utf8.encode(chunk))
          controller.close()
        },
      })
    const guarded = (name: string, maxBytes?: number) => scrubbingStream([], { maxBytes, onEnd: () => ends.push(name) })

    expect(await new Response(source(['ab', 'cd']).pipeThrough(guarded('flushed', 4))).text()).toBe('abcd')
    await expect(new Response(source(['ab', 'cde']).pipeThrough(guarded('capped', 4))).text()).rejects.toThrow(/larger/)
    const reader = source(['ab', 'cd']).pipeThrough(guarded('cancelled')).getReader()
    await reader.read()
    await reader.cancel()
    expect(ends).toEqual(['flushed', 'capped', 'cancelled'])
  })
})
