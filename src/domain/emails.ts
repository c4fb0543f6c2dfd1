import { type NotificationFacts, notificationSentence, notificationTitle } from './notifications'

/** The account emails, as plain text and simple HTML built from the same lines. Pure: links and names are passed in. */

export interface EmailContent {
  subject: string
  text: string
  html: string
}

function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`)
}

interface Part {
  lines: string[]
  action?: { label: string; url: string }
  after?: string[]
}

export function compose(subject: string, { lines, action, after = [] }: Part): EmailContent {
  const text = [...lines, ...(action ? [`${action.label}: ${action.url}`] : []), ...after, '— Tether'].join('\n\n')
  const paragraphs = lines.map((line) => `<p>${escapeHtml(line)}</p>`)
  const button = action ? [`<p><a href="${escapeHtml(action.url)}">${escapeHtml(action.label)}</a></p>`] : []
  const rest = after.map((line) => `<p>${escapeHtml(line)}</p>`)
  const body = [...paragraphs, ...button, ...rest, '<p>— Tether</p>'].join('')
  const html = `<!doctype html><html><body style="font-family:sans-serif">${body}</body></html>`
  return { subject, text, html }
}

export function verificationEmail(name: string, url: string): EmailContent {
  return compose('Confirm your email address for Tether', {
    lines: [
      `Hello ${name},`,
      'Confirm that this address is yours to finish creating your Tether account. The link works once, for 24 hours.',
    ],
    action: { label: 'Confirm my address', url },
    after: ['If you did not sign up for Tether, ignore this email: no account is used until the address is confirmed.'],
  })
}

/** What the holder of a taken address gets instead of a second account: the answer to the sign-up looks the same. */
export function signupAttemptEmail(name: string, loginUrl: string, resetUrl: string): EmailContent {
  return compose('Someone tried to sign up to Tether with your address', {
    lines: [
      `Hello ${name},`,
      'Someone tried to sign up to Tether with your email address, which already has an account. No new account was created.',
    ],
    action: { label: 'Log in', url: loginUrl },
    after: [`If it was you and you forgot your password, reset it: ${resetUrl}`, 'If it was not you, you can ignore this email.'],
  })
}

export function passwordResetEmail(name: string, url: string): EmailContent {
  return compose('Reset your Tether password', {
    lines: [
      `Hello ${name},`,
      'Someone (hopefully you) asked to reset the password of your Tether account. The link works once, for 1 hour.',
    ],
    action: { label: 'Choose a new password', url },
    after: ['Setting a new password signs out every session of your account. If you did not ask for this, ignore this email.'],
  })
}

/** A notification to one of the workspace's people: the facts only, and a link to the connection when the address is known. */
export function notificationEmail(name: string, facts: NotificationFacts, connectionUrl: string | null): EmailContent {
  return compose(`Tether: ${notificationTitle(facts)}`, {
    lines: [`Hello ${name},`, notificationSentence(facts)],
    ...(connectionUrl ? { action: { label: 'Open the connection', url: connectionUrl } } : {}),
    after: ['You can choose which notifications you get by email in Tether, under Settings → Notifications.'],
  })
}
