import { basicOf, bySecret, type FakeRequest, HANG, htmlPage, json, jsonBody, nextNumber, type Reply, type Route } from './reply.ts'

/**
 * WordPress (any site prefix, e.g. `${FAKES_URL}/wp`; a prefix starting /wp-html is a site
 * that is not WordPress at all), ClickUp and Mailchimp, speaking their real paths and auth.
 */
export const apiKeyAppRoutes: Route[] = [
  {
    method: 'GET',
    path: /^(\/[^?]*?)?\/wp-json\/wp\/v2\/users\/me$/,
    handle: (request, [site = '']) =>
      site.startsWith('/wp-html')
        ? htmlPage
        : site.startsWith('/wp-echo') || site.startsWith('/wp-huge')
          ? bySecret(basicOf(request)?.password, () =>
              json(200, { id: 7, name: hostileName(request, site), link: `${request.origin}${site}/` }),
            )
          : bySecret(
              basicOf(request)?.password,
              () =>
                json(200, { id: 7, name: 'Wendy Writer', slug: basicOf(request)?.user, link: `${request.origin}${site}/author/wendy/` }),
              json(401, {
                code: 'incorrect_password',
                message: 'The provided password is an invalid application password.',
                data: { status: 401 },
              }),
            ),
  },
  {
    method: 'POST',
    path: /^(\/[^?]*?)?\/wp-json\/wp\/v2\/posts$/,
    handle: (request, [site = '']) =>
      flakyAnswer(site) ??
      bySecret(basicOf(request)?.password, () => {
        const id = 100 + nextNumber()
        const post = jsonBody(request)
        const status = site.startsWith('/wp-echo') || site.startsWith('/wp-huge') ? hostileName(request, site) : post.status
        return json(201, { id, link: `${request.origin}${site}/?p=${id}`, status, title: { rendered: post.title } })
      }),
  },
  {
    method: 'GET',
    path: /^\/api\/v2\/user$/,
    handle: (request) =>
      bySecret(
        request.headers.authorization,
        () => json(200, { user: { id: 4242, username: 'Casey Clicker', email: 'casey@clickup.test' } }),
        json(401, { err: 'Token invalid', ECODE: 'OAUTH_025' }),
      ),
  },
  {
    method: 'POST',
    path: /^\/api\/v2\/list\/([^/]+)\/task$/,
    handle: (request, [listId]) =>
      bySecret(
        request.headers.authorization,
        () => {
          if (listId === 'missing') return json(404, { err: 'List not found', ECODE: 'ITEM_015' })
          const id = `task-${nextNumber()}`
          const task = json(200, { id, name: jsonBody(request).name, url: `https://app.clickup.com/t/${id}`, list: { id: listId } })
          // A list `slow-<ms>` answers that much later.
          const slow = /^slow-(\d+)$/.exec(listId ?? '')
          return slow && task !== HANG ? { ...task, afterMs: Number(slow[1]) } : task
        },
        json(401, { err: 'Token invalid', ECODE: 'OAUTH_025' }),
      ),
  },
  {
    method: 'GET',
    path: /^\/3\.0\/$/,
    handle: (request) =>
      bySecret(
        basicOf(request)?.password,
        () => json(200, { account_id: 'mc-account-1', account_name: 'Client Co Newsletter', email: 'owner@client.test' }),
        mailchimpRefusal(),
      ),
  },
  {
    method: 'POST',
    path: /^\/3\.0\/lists\/([^/]+)\/members$/,
    handle: (request) =>
      bySecret(
        basicOf(request)?.password,
        () => {
          const member = jsonBody(request)
          if (String(member.email_address).includes('exists')) return json(400, { title: 'Member Exists', status: 400 })
          return json(200, { id: `member-${nextNumber()}`, email_address: member.email_address, status: member.status })
        },
        mailchimpRefusal(),
      ),
  },
]

const flakyAnswers = new Map<string, number>()

/**
 * A flaky site, `/wp-flaky/<answers>/<key>`: its first posts get `<answers>` in turn (comma-separated statuses,
 * or `hang` for no answer at all), then it works. Each test picks its own key, so tests share no state.
 */
function flakyAnswer(site: string): Reply | undefined {
  const match = /^\/wp-flaky\/([\w,]+)\/([\w-]+)/.exec(site)
  if (!match) return undefined
  const key = `${match[1]}/${match[2]}`
  const seen = flakyAnswers.get(key) ?? 0
  flakyAnswers.set(key, seen + 1)
  const answer = match[1]!.split(',')[seen]
  if (answer === undefined) return undefined
  if (answer === 'hang') return HANG
  return json(Number(answer), { code: 'flaky', message: `Answer ${seen + 1} of this flaky site.`, data: { status: Number(answer) } })
}

/**
 * A site that is not what it seems: `/wp-echo…` names the user (and a post's status) with what it
 * was sent, in every form an echo takes: the Authorization header itself (the password base64
 * inside `user:password`), the password raw, URL- and form-encoded, hex, base64url, and inside a
 * JSON document, and the request body; `/wp-huge…` with 900 KB of text.
 */
function hostileName(request: FakeRequest, site: string): string {
  if (site.startsWith('/wp-huge')) return `Wendy ${'x'.repeat(900 * 1024)}`
  const password = basicOf(request)?.password ?? ''
  const bytes = Buffer.from(password, 'utf8')
  return [
    'Wendy',
    request.headers.authorization,
    password,
    encodeURIComponent(password),
    new URLSearchParams({ p: password }).toString(),
    bytes.toString('hex'),
    bytes.toString('base64url'),
    JSON.stringify({ echoed: password }),
    request.body,
  ].join(' | ')
}

function mailchimpRefusal() {
  return json(401, { type: 'about:blank', title: 'API Key Invalid', status: 401, detail: 'Your API key may be invalid.' })
}
