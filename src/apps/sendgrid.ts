import { credentialValue, requiredInput } from './fields'
import { mimeRecipients } from './gmail'
import { bearer, idField, requireString } from './http'
import { callApi } from './rest'
import type { AppDefinition, Credentials, Field } from './types'

// https://www.twilio.com/docs/sendgrid/api-reference/users-api/retrieve-your-username (username, userId) and .../mail-send/mail-send.
const SENDGRID_API = 'https://api.sendgrid.com'

const API_KEY: Field = {
  key: 'apiKey',
  label: 'API key',
  secret: true,
  inHeader: true,
  placeholder: 'SG.…',
  help: 'In SendGrid: Settings → API Keys → Create API Key. It starts with SG.',
}
const FROM: Field = { key: 'from', label: 'From', secret: false, type: 'email', help: 'A sender you verified in SendGrid.' }
const TO: Field = { key: 'to', label: 'To', secret: false, type: 'email', help: 'One address, or several separated by commas.' }
const SUBJECT: Field = { key: 'subject', label: 'Subject', secret: false }
const BODY: Field = { key: 'body', label: 'Message', secret: false, type: 'textarea' }

export const sendgrid: AppDefinition = {
  id: 'sendgrid',
  name: 'SendGrid',
  iconUrl: '/icons/sendgrid.svg',
  category: 'marketing',
  authType: 'api_key',
  requestAuth: { kind: 'bearer', field: 'apiKey' },
  fields: [API_KEY],
  defaultEndpoints: { apiBaseUrl: SENDGRID_API },
  async verify(ctx, credentials) {
    const { body } = await callApi(ctx, sendgridAuth(credentials), '/v3/user/username')
    return { label: requireString(ctx, body, 'username'), id: idField(body, 'userId') }
  },
  actions: [
    {
      id: 'send-email',
      name: 'Send email',
      fields: [FROM, TO, SUBJECT, BODY],
      async run(ctx, credentials, input) {
        const [from] = mimeRecipients(requiredInput(input, FROM))
        const to = mimeRecipients(requiredInput(input, TO)).map((email) => ({ email }))
        const { status } = await callApi(ctx, sendgridAuth(credentials), '/v3/mail/send', {
          method: 'POST',
          json: {
            personalizations: [{ to }],
            from: { email: from },
            subject: requiredInput(input, SUBJECT),
            content: [{ type: 'text/plain', value: requiredInput(input, BODY) }],
          },
        })
        // SendGrid answers 202 Accepted with no body.
        return { upstreamStatus: status, output: { accepted: true } }
      },
    },
  ],
}

function sendgridAuth(credentials: Credentials): Record<string, string> {
  return { authorization: bearer(credentialValue(credentials, API_KEY)) }
}
