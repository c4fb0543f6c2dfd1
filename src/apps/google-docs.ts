import { optionalInput, requiredInput } from './fields'
import { googleEndpoints, googleOAuth, postToGoogle, verifyGoogleAccount } from './google'
import { requireString } from './http'
import type { AppDefinition, Field } from './types'

const DOCS_API = 'https://docs.googleapis.com'

const TITLE: Field = { key: 'title', label: 'Title', secret: false }
const CONTENT: Field = { key: 'content', label: 'Text', secret: false, type: 'textarea', optional: true }

export const googleDocs: AppDefinition = {
  id: 'google-docs',
  name: 'Google Docs',
  iconUrl: '/icons/google-docs.svg',
  category: 'productivity',
  authType: 'oauth2',
  fields: [],
  // drive.file: documents Tether creates, nothing else in the client's Drive.
  oauth: googleOAuth(
    ['https://www.googleapis.com/auth/drive.file'],
    ['Create Google Docs documents and edit only the ones Tether created'],
  ),
  defaultEndpoints: googleEndpoints(DOCS_API),
  verify: verifyGoogleAccount,
  actions: [
    {
      id: 'create-document',
      name: 'Create document',
      fields: [TITLE, CONTENT],
      async run(ctx, credentials, input) {
        const base = ctx.endpoints.apiBaseUrl
        const created = await postToGoogle(ctx, credentials, `${base}/v1/documents`, { title: requiredInput(input, TITLE) })
        const documentId = requireString(ctx, created.body, 'documentId')
        const text = optionalInput(input, CONTENT)
        if (text) {
          await postToGoogle(ctx, credentials, `${base}/v1/documents/${encodeURIComponent(documentId)}:batchUpdate`, {
            requests: [{ insertText: { location: { index: 1 }, text } }],
          })
        }
        return {
          upstreamStatus: created.status,
          output: {
            documentId,
            title: requireString(ctx, created.body, 'title'),
            url: `https://docs.google.com/document/d/${documentId}/edit`,
          },
        }
      },
    },
  ],
}
