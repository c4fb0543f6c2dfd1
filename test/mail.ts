import { env } from 'cloudflare:workers'
import { type MockInstance, vi } from 'vitest'

/**
 * What the worker sent through its `EMAIL` binding. The test's `env` is the worker's own, so a spy on
 * the binding sees every message while the real binding (miniflare's simulator) still sends it.
 */
export type SentMail = EmailMessageBuilder & { text: string; html: string }

function mailSpy(): MockInstance<SendEmail['send']> {
  const send = env.EMAIL.send
  if (vi.isMockFunction(send)) return send as MockInstance<SendEmail['send']>
  return vi.spyOn(env.EMAIL, 'send')
}

/** Starts recording; `sent()` lists what went out since, oldest first. */
export function watchMail(): { sent: () => SentMail[] } {
  const spy = mailSpy()
  const from = spy.mock.calls.length
  return {
    sent: () =>
      mailSpy()
        .mock.calls.slice(spy === mailSpy() ? from : 0)
        .map(([message]) => message as SentMail),
  }
}

/** Runs `action` and returns the one message it sent to `to`; throws if it sent none or several. */
export async function mailTo(to: string, action: () => Promise<unknown>): Promise<SentMail> {
  const mail = watchMail()
  await action()
  const found = mail.sent().filter((message) => message.to === to)
  if (found.length !== 1) throw new Error(`expected one email to ${to}, got ${found.length}`)
  return found[0]!
}

/** The first link in a message's text that goes to `path` on the worker (a verification or reset link). */
export function linkIn(mail: SentMail, path: '/verify-email/' | '/reset-password/'): string {
  const match = new RegExp(`https?://[^\\s]+${path}[A-Za-z0-9_-]+`).exec(mail.text)
  if (!match) throw new Error(`no ${path} link in: ${mail.text}`)
  return new URL(match[0]).pathname
}
