import { mimeRecipients } from './gmail'
import { requiredInput } from './fields'
import { callApi, tokenAuth } from './rest'
import { microsoftEndpoints, microsoftOAuth, verifyMicrosoftAccount } from './microsoft'
import type { AppDefinition, Field } from './types'

// https://learn.microsoft.com/en-us/graph/api/user-sendmail (POST /me/sendMail answers 202 with no body).
const TO: Field = { key: 'to', label: 'To', secret: false, type: 'email', help: 'One address, or several separated by commas.' }
const SUBJECT: Field = { key: 'subject', label: 'Subject', secret: false }
const BODY: Field = { key: 'body', label: 'Message', secret: false, type: 'textarea' }

export const microsoftOutlook: AppDefinition = {
  id: 'microsoft-outlook',
  name: 'Microsoft Outlook',
  iconUrl: '/icons/microsoft-outlook.svg',
  category: 'communication',
  authType: 'oauth2',
  fields: [],
  oauth: microsoftOAuth(['Mail.Send'], ['Send email as you (Tether cannot read your mailbox)']),
  defaultEndpoints: microsoftEndpoints,
  verify: verifyMicrosoftAccount,
  actions: [
    {
      id: 'send-email',
      name: 'Send email',
      fields: [TO, SUBJECT, BODY],
      async run(ctx, credentials, input) {
        const message = {
          subject: requiredInput(input, SUBJECT),
          body: { contentType: 'Text', content: requiredInput(input, BODY) },
          toRecipients: mimeRecipients(requiredInput(input, TO)).map((address) => ({ emailAddress: { address } })),
        }
        const { status } = await callApi(ctx, tokenAuth(credentials), '/me/sendMail', { method: 'POST', json: { message } })
        return { upstreamStatus: status, output: { sent: true } }
      },
    },
  ],
}
