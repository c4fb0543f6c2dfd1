import { AppError } from '../domain/errors'
import { toBase64, toBase64Url, utf8 } from '../domain/encoding'
import { requiredInput } from './fields'
import { googleEndpoints, googleOAuth, postToGoogle, verifyGoogleAccount } from './google'
import { idField, requireString } from './http'
import type { AppDefinition, Field } from './types'

const GMAIL_API = 'https://gmail.googleapis.com'

const TO: Field = { key: 'to', label: 'To', secret: false, type: 'email', help: 'One address, or several separated by commas.' }
const SUBJECT: Field = { key: 'subject', label: 'Subject', secret: false }
const BODY: Field = { key: 'body', label: 'Message', secret: false, type: 'textarea' }

const ADDRESS = /^[^\s@,;<>"]+@[^\s@,;<>"]+\.[^\s@,;<>"]+$/

export const gmail: AppDefinition = {
  id: 'gmail',
  name: 'Gmail',
  iconUrl: '/icons/gmail.svg',
  category: 'communication',
  authType: 'oauth2',
  fields: [],
  oauth: googleOAuth(['https://www.googleapis.com/auth/gmail.send'], ['Send email as you (Tether cannot read your mailbox)']),
  defaultEndpoints: googleEndpoints(GMAIL_API),
  verify: verifyGoogleAccount,
  actions: [
    {
      id: 'send-email',
      name: 'Send email',
      fields: [TO, SUBJECT, BODY],
      async run(ctx, credentials, input) {
        const raw = toBase64Url(
          utf8.encode(mimeMessage(requiredInput(input, TO), requiredInput(input, SUBJECT), requiredInput(input, BODY))),
        )
        const { status, body } = await postToGoogle(ctx, credentials, `${ctx.endpoints.apiBaseUrl}/gmail/v1/users/me/messages/send`, {
          raw,
        })
        return {
          upstreamStatus: status,
          output: { messageId: requireString(ctx, body, 'id'), threadId: idField(body, 'threadId') ?? null },
        }
      },
    },
  ],
}

/** Header values come from workflow input, so line breaks are refused (no header injection). */
export function mimeMessage(to: string, subject: string, text: string): string {
  const recipients = mimeRecipients(to)
  if (/[\r\n]/.test(subject)) throw new AppError('invalid_request', 'The subject must be a single line.')
  const lines = toBase64(utf8.encode(text)).match(/.{1,76}/g) ?? []
  return [
    `To: ${recipients.join(', ')}`,
    `Subject: =?UTF-8?B?${toBase64(utf8.encode(subject))}?=`,
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=UTF-8',
    'Content-Transfer-Encoding: base64',
    '',
    ...lines,
  ].join('\r\n')
}

/** The addresses of a comma-separated To field; anything else (line breaks included) is refused. */
export function mimeRecipients(to: string): string[] {
  const recipients = to
    .split(',')
    .map((address) => address.trim())
    .filter(Boolean)
  if (recipients.length === 0 || !recipients.every((address) => ADDRESS.test(address))) {
    throw new AppError('invalid_request', 'To must be one or more email addresses separated by commas.')
  }
  return recipients
}
