import { isRevoked } from './oauth-providers.ts'
import { bearerOf, bySecret, json, jsonBody, nextNumber, type Route } from './reply.ts'

const googleRefusal = json(401, {
  error: { code: 401, message: 'Request had invalid authentication credentials.', status: 'UNAUTHENTICATED' },
})
const slackRefusal = json(200, { ok: false, error: 'invalid_auth' })
const graphRefusal = json(400, { error: { message: 'Invalid OAuth access token.', type: 'OAuthException', code: 190 } })

/** Google userinfo, Docs, Sheets and Gmail; Slack's Web API; Facebook's Graph API. */
export const oauthApiRoutes: Route[] = [
  {
    method: 'GET',
    path: /^\/google\/userinfo$/,
    handle: (request) =>
      bySecret(
        isRevoked(bearerOf(request)) ? null : bearerOf(request),
        () => json(200, { sub: 'google-user-1', email: 'client@gmail.test', email_verified: true, name: 'Client Person' }),
        googleRefusal,
      ),
  },
  {
    method: 'POST',
    path: /^\/google-docs\/v1\/documents$/,
    handle: (request) =>
      bySecret(bearerOf(request), () => json(200, { documentId: `doc-${nextNumber()}`, title: jsonBody(request).title }), googleRefusal),
  },
  {
    method: 'POST',
    path: /^\/google-docs\/v1\/documents\/([^/:]+):batchUpdate$/,
    handle: (request, [documentId]) => bySecret(bearerOf(request), () => json(200, { documentId, replies: [{}] }), googleRefusal),
  },
  {
    method: 'POST',
    path: /^\/google-sheets\/v4\/spreadsheets\/([^/]+)\/values\/([^/]+):append$/,
    handle: (request, [spreadsheetId]) =>
      bySecret(
        bearerOf(request),
        () => {
          const row = (jsonBody(request).values as unknown[][] | undefined)?.[0] ?? []
          return json(200, {
            spreadsheetId,
            updates: { spreadsheetId, updatedRange: 'Sheet1!A5:C5', updatedRows: 1, updatedColumns: row.length, updatedCells: row.length },
          })
        },
        googleRefusal,
      ),
  },
  {
    method: 'POST',
    path: /^\/gmail\/gmail\/v1\/users\/me\/messages\/send$/,
    handle: (request) =>
      bySecret(
        bearerOf(request),
        () => {
          const n = nextNumber()
          return json(200, { id: `msg-${n}`, threadId: `thread-${n}`, labelIds: ['SENT'] })
        },
        googleRefusal,
      ),
  },
  {
    method: 'POST',
    path: /^\/slack\/api\/auth\.test$/,
    handle: (request) =>
      bySecret(
        isRevoked(bearerOf(request)) ? null : bearerOf(request),
        () =>
          json(200, {
            ok: true,
            url: 'https://client-team.slack.com/',
            team: 'Client Team',
            user: 'tether',
            team_id: 'T0001',
            user_id: 'U0BOT',
            bot_id: 'B0001',
          }),
        slackRefusal,
      ),
  },
  {
    method: 'POST',
    path: /^\/slack\/api\/chat\.postMessage$/,
    handle: (request) =>
      bySecret(
        bearerOf(request),
        () => {
          const message = jsonBody(request)
          if (message.channel === '#missing') return json(200, { ok: false, error: 'channel_not_found' })
          return json(200, {
            ok: true,
            channel: 'C0001',
            ts: `1700000000.${String(nextNumber()).padStart(6, '0')}`,
            message: { text: message.text },
          })
        },
        slackRefusal,
      ),
  },
  {
    method: 'GET',
    path: /^\/facebook\/v21\.0\/me$/,
    handle: (request) => bySecret(bearerOf(request), () => json(200, { id: 'fb-user-1', name: 'Client Person' }), graphRefusal),
  },
  {
    method: 'GET',
    path: /^\/facebook\/v21\.0\/([\w-]+)$/,
    // Only Pages the user manages come with a Page access token.
    handle: (request, [pageId]) =>
      bySecret(
        bearerOf(request),
        () => json(200, pageId === 'unmanaged' ? { id: pageId } : { id: pageId, access_token: `page-good-${pageId}` }),
        graphRefusal,
      ),
  },
  {
    method: 'POST',
    path: /^\/facebook\/v21\.0\/([\w-]+)\/feed$/,
    handle: (request, [pageId]) =>
      bearerOf(request) === `page-good-${pageId}`
        ? json(200, { id: `${pageId}_${nextNumber()}` })
        : json(403, { error: { message: 'Requires a Page access token.', type: 'OAuthException', code: 200 } }),
  },
]
