import { type Context, Hono } from 'hono'
import { AppError } from '../../domain/errors'
import type { AppEnv } from '../../http/context'
import { depsFor } from '../../http/deps'
import { flashed, redirectWithFlash, takeFlash } from '../../http/form-flash'
import { brandOf, removeLogo, saveBrand, saveLogo } from '../../services/brand'
import { BRAND_PAGE, type BrandPageProps, BrandPage } from '../../views/pages/dashboard/brand-settings'
import { renderPage } from '../../views/render'
import { fieldErrorsOf, readForm } from './forms'
import { ownerView } from './view-models'

/** The two posts that carry an image; app.ts gives them a body limit of their own. */
export const LOGO_UPLOAD_PATH = /^\/(settings\/brand\/logo|api\/v1\/workspace\/brand\/logo)$/

type Failed = NonNullable<BrandPageProps['failed']>

const isRefusal = (error: unknown): error is AppError =>
  error instanceof AppError && (error.code === 'invalid_request' || error.code === 'payload_too_large')

/** Mounted at /settings/brand; every post ends in a 303, a refusal with its flash. */
export const brandPages = new Hono<AppEnv>()
  .get('/', async (c) => {
    const flash = await takeFlash<Failed>(c)
    const brand = await brandOf(depsFor(c), c.get('owner'))
    const page = <BrandPage owner={ownerView(c.get('owner'))} brand={brand} failed={flash?.state} saved={c.req.query('saved') === '1'} />
    return flashed(c.html(renderPage(page), (flash?.status ?? 200) as 200), flash)
  })
  .post('/', async (c) => {
    const form = await readForm(c)
    const values = { displayName: form.displayName ?? '', accent: form.accent ?? '' }
    try {
      await saveBrand(depsFor(c), c.get('owner'), values, Date.now())
    } catch (error) {
      if (!isRefusal(error)) throw error
      const failed: Failed = { form: 'brand', state: { values, errors: fieldErrorsOf(error) } }
      return redirectWithFlash(c, BRAND_PAGE, 'brand', failed, error.status, error)
    }
    return c.redirect(`${BRAND_PAGE}?saved=1`, 303)
  })
  .post('/logo', async (c) => {
    try {
      const file = await logoFile(c)
      await saveLogo(depsFor(c), c.get('owner'), file, Date.now())
    } catch (error) {
      if (!isRefusal(error)) throw error
      const failed: Failed = { form: 'logo', state: { errors: { logo: error.message } } }
      return redirectWithFlash(c, BRAND_PAGE, 'logo', failed, error.status, error)
    }
    return c.redirect(`${BRAND_PAGE}?saved=1`, 303)
  })
  .post('/logo/delete', async (c) => {
    await removeLogo(depsFor(c), c.get('owner'), Date.now())
    return c.redirect(BRAND_PAGE, 303)
  })

async function logoFile(c: Context<AppEnv>): Promise<{ bytes: Uint8Array<ArrayBuffer>; declaredType: string }> {
  const body = await c.req.parseBody().catch(() => {
    throw new AppError('invalid_request', 'The form could not be read.')
  })
  const file = body.logo
  if (!(file instanceof File) || file.size === 0) throw new AppError('invalid_request', 'Choose an image file for the logo.')
  return { bytes: new Uint8Array(await file.arrayBuffer()), declaredType: file.type }
}
