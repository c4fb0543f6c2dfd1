import { AppError } from '../domain/errors'
import { credentialValue, requiredInput } from './fields'
import { mimeRecipients } from './gmail'
import { field, idField, requireString } from './http'
import { callApi } from './rest'
import type { AppDefinition, Credentials, Field } from './types'

// https://postmarkapp.com/developer/api/server-api (GET /server: ID, Name) and https://postmarkapp.com/developer/api/email-api.
const POSTMARK_API = 'https://api.postmarkapp.com'

const SERVER_TOKEN: Field = {
  key: 'serverToken',
  label: 'Server API token',
  secret: true,
  inHeader: true,
  help: 'In Postmark: Servers → your server → API Tokens.',
}
const FROM: Field = {
  key: 'from',
  label: 'From',
  secret: false,
  type: 'email',
  help: 'A sender signature or domain you verified in Postmark.',
}
const TO: Field = { key: 'to', label: 'To', secret: false, type: 'email', help: 'One address, or several separated by commas.' }
const SUBJECT: Field = { key: 'subject', label: 'Subject', secret: false }
const BODY: Field = { key: 'body', label: 'Message', secret: false, type: 'textarea' }

export const postmark: AppDefinition = {
  id: 'postmark',
  name: 'Postmark',
  iconUrl: '/icons/postmark.svg',
  category: 'marketing',
  authType: 'api_key',
  requestAuth: { kind: 'header', header: 'x-postmark-server-token', field: 'serverToken' },
  fields: [SERVER_TOKEN],
  defaultEndpoints: { apiBaseUrl: POSTMARK_API },
  async verify(ctx, credentials) {
    const { body } = await callApi(ctx, postmarkAuth(credentials), '/server')
    return { label: requireString(ctx, body, 'Name'), id: idField(body, 'ID') }
  },
  actions: [
    {
      id: 'send-email',
      name: 'Send email',
      fields: [FROM, TO, SUBJECT, BODY],
      async run(ctx, credentials, input) {
        const [from] = mimeRecipients(requiredInput(input, FROM))
        const { status, body } = await callApi(ctx, postmarkAuth(credentials), '/email', {
          method: 'POST',
          json: {
            From: from,
            To: mimeRecipients(requiredInput(input, TO)).join(','),
            Subject: requiredInput(input, SUBJECT),
            TextBody: requiredInput(input, BODY),
          },
        })
        // Postmark reports a refused message with ErrorCode other than 0.
        if (Number(field(body, 'ErrorCode')) !== 0) throw new AppError('upstream_error', 'Postmark did not send the message.')
        return { upstreamStatus: status, output: { messageId: requireString(ctx, body, 'MessageID') } }
      },
    },
  ],
}

function postmarkAuth(credentials: Credentials): Record<string, string> {
  return { 'x-postmark-server-token': credentialValue(credentials, SERVER_TOKEN) }
}
