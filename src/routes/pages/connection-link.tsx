import { type Context, Hono } from 'hono'
import { AppError } from '../../domain/errors'
import type { AppEnv } from '../../http/context'
import { isQuotaError } from '../../http/errors'
import { flashed, redirectWithFlash, takeFlash } from '../../http/form-flash'
import { validate } from '../../http/validate'
import { currentLink } from '../../services/links'
import { renderPage } from '../../views/render'
import { LinkPage, type LinkPageProps } from '../../views/pages/dashboard/link-page'
import { connectionHref } from '../../views/pages/dashboard/paths'
import { parseForm, readForm } from './forms'
import { formMessages, idParam, refreshForm } from './schemas'
import { connectionView, ownerView } from './view-models'
import { depsFor } from '../../http/deps'
import { viewerTimeZone } from '../../http/viewer'
import { requireConnection } from '../../services/access'
import { issueNewLink, revokeOpenLink } from '../../services/link-lifecycle'

async function showLinkPage(c: Context<AppEnv>, id: string, extras: Pick<LinkPageProps, 'notice' | 'error'>, status = 200) {
  const deps = depsFor(c)
  const owner = c.get('owner')
  const now = Date.now()
  const found = await requireConnection(deps, owner, id)
  const timeZone = viewerTimeZone(c)
  const url = found.link ? (await currentLink(deps, owner, id, now)).url : null
  return c.html(
    renderPage(<LinkPage owner={ownerView(owner)} view={connectionView(found, now, timeZone)} url={url} now={now} {...extras} />, timeZone),
    status as 200,
  )
}

export const connectionLinkPages = new Hono<AppEnv>()
  .get('/:id/link', validate('param', idParam), async (c) => {
    const notice = c.req.query('new') === '1' ? 'new' : c.req.query('refreshed') === '1' ? 'refreshed' : null
    const flash = await takeFlash<{ error: string }>(c)
    if (flash) return flashed(await showLinkPage(c, c.req.valid('param').id, { error: flash.state.error }, flash.status), flash)
    return showLinkPage(c, c.req.valid('param').id, { notice })
  })
  .post('/:id/link', validate('param', idParam), async (c) => {
    const { id } = c.req.valid('param')
    const parsed = parseForm(refreshForm, await readForm(c), formMessages)
    // The select only offers valid lifetimes, so a bad value is a tampered form: no need to re-render it.
    if (!parsed.ok && parsed.errors.returnUrl) {
      return redirectWithFlash(c, connectionHref(id, '/link'), 'refresh', { error: formMessages.returnUrl }, 400)
    }
    if (!parsed.ok) throw new AppError('invalid_request', formMessages.expiresInMinutes)
    try {
      const { expiresInMinutes, allowAccountChange, locale, returnUrl } = parsed.data
      await issueNewLink(
        depsFor(c),
        c.get('owner'),
        id,
        { expiresInMinutes, allowAccountChange: allowAccountChange === '1', locale, returnUrl },
        Date.now(),
      )
    } catch (error) {
      // A return address the URL policy refuses, or a quota: said on the page, nothing issued.
      const refused = error instanceof AppError && error.code === 'invalid_request'
      if (!refused && !isQuotaError(error)) throw error
      return redirectWithFlash(c, connectionHref(id, '/link'), 'refresh', { error: error.message }, error.status, error)
    }
    return c.redirect(connectionHref(id, '/link?refreshed=1'), 303)
  })
  .post('/:id/revoke', validate('param', idParam), async (c) => {
    const { id } = c.req.valid('param')
    await revokeOpenLink(depsFor(c), c.get('owner'), id, Date.now())
    return c.redirect(connectionHref(id, '/link'), 303)
  })
