import { type BrandRow, findBrandRow, upsertBrandRow } from '../db/brands'
import { checkAccent, checkLogo, isBranded, type LinkBrand, type LogoType, logoPath } from '../domain/brand'
import { toHex } from '../domain/encoding'
import { AppError } from '../domain/errors'
import { BRAND_NAME_MAX, LOGO_MAX_BYTES } from '../domain/limits'
import { MAX_LINK_MINUTES } from '../domain/links'
import { cleanName } from '../domain/names'
import type { Owner, PublicBrand } from '../domain/shapes'
import type { Deps } from './deps'
import { iso } from './public-shapes'

/**
 * The workspace's brand. The logo's bytes live in KV under their own SHA-256 (`logo:<hash>`, the type in the
 * metadata), so a logo URL never changes meaning and is cached for good; D1 names the current one.
 */

const logoKey = (hash: string) => `logo:${hash}`
/** A replaced logo stays while a link made before could still be open and show it. */
const REPLACED_LOGO_TTL_SECONDS = MAX_LINK_MINUTES * 60 + 3600

const emptyRow = (workspaceId: string, now: number): BrandRow => ({
  workspaceId,
  displayName: null,
  accent: null,
  logoHash: null,
  logoType: null,
  updatedAt: now,
})

const logoUrlOf = (row: BrandRow | undefined) => (row?.logoHash && row.logoType ? logoPath(row.logoHash, row.logoType) : null)

function publicBrand(row: BrandRow | undefined): PublicBrand {
  return {
    displayName: row?.displayName ?? null,
    accent: row?.accent ?? null,
    logoUrl: logoUrlOf(row),
    updatedAt: row ? iso(row.updatedAt) : null,
  }
}

export async function brandOf(deps: Deps, owner: Owner): Promise<PublicBrand> {
  return publicBrand(await findBrandRow(deps.db, owner.workspaceId))
}

/** What a new link carries into its snapshot and row; null when the workspace has no brand (Tether's own pages). */
export async function linkBrandFor(deps: Deps, workspaceId: string): Promise<LinkBrand | null> {
  const row = await findBrandRow(deps.db, workspaceId)
  const brand: LinkBrand = { name: row?.displayName ?? null, logoUrl: logoUrlOf(row), accent: row?.accent ?? null }
  return isBranded(brand) ? brand : null
}

/** A refusal names its field (`issues` in the API, the message under the field on the form). */
function forField<T>(path: string, check: () => T): T {
  try {
    return check()
  } catch (error) {
    if (error instanceof AppError) throw new AppError(error.code, error.message, [{ path, message: error.message }])
    throw error
  }
}

function checkDisplayName(raw: string): string | null {
  const name = cleanName(raw).trim().replace(/\s+/g, ' ')
  if (name.length > BRAND_NAME_MAX) throw new AppError('invalid_request', `The display name is longer than ${BRAND_NAME_MAX} characters.`)
  return name || null
}

/** Display name and accent: an absent one is kept, an empty one (or null) cleared. The logo has its own calls. */
export async function saveBrand(
  deps: Deps,
  owner: Owner,
  input: { displayName?: string | null; accent?: string | null },
  now: number,
): Promise<PublicBrand> {
  const current = (await findBrandRow(deps.db, owner.workspaceId)) ?? emptyRow(owner.workspaceId, now)
  const { displayName: name, accent: colour } = input
  const displayName = name === undefined ? current.displayName : name && forField('displayName', () => checkDisplayName(name))
  const accent = colour === undefined ? current.accent : colour?.trim() ? forField('accent', () => checkAccent(colour)) : null
  const row = { ...current, displayName, accent, updatedAt: now }
  await upsertBrandRow(deps.db, row)
  return publicBrand(row)
}

async function retireLogo(deps: Deps, row: BrandRow | undefined, keep: string | null): Promise<void> {
  if (!row?.logoHash || row.logoHash === keep) return
  const old = await deps.kv.getWithMetadata(logoKey(row.logoHash), 'arrayBuffer')
  if (old.value) {
    await deps.kv.put(logoKey(row.logoHash), old.value, { metadata: old.metadata, expirationTtl: REPLACED_LOGO_TTL_SECONDS })
  }
}

/** Only the bytes decide: the type is sniffed, the size capped; the bytes are stored before D1 names them. */
export async function saveLogo(
  deps: Deps,
  owner: Owner,
  upload: { bytes: Uint8Array<ArrayBuffer>; declaredType: string },
  now: number,
): Promise<PublicBrand> {
  const { bytes } = upload
  const type = checkLogo(bytes, LOGO_MAX_BYTES, upload.declaredType)
  const hash = toHex(new Uint8Array(await crypto.subtle.digest('SHA-256', bytes)))
  await deps.kv.put(logoKey(hash), bytes, { metadata: { type } })
  const current = await findBrandRow(deps.db, owner.workspaceId)
  const row = { ...(current ?? emptyRow(owner.workspaceId, now)), logoHash: hash, logoType: type, updatedAt: now }
  await upsertBrandRow(deps.db, row)
  await retireLogo(deps, current, hash)
  return publicBrand(row)
}

export async function removeLogo(deps: Deps, owner: Owner, now: number): Promise<PublicBrand> {
  const current = await findBrandRow(deps.db, owner.workspaceId)
  if (!current?.logoHash) return publicBrand(current)
  const row = { ...current, logoHash: null, logoType: null, updatedAt: now }
  await upsertBrandRow(deps.db, row)
  await retireLogo(deps, current, null)
  return publicBrand(row)
}

/** The stored logo, if its URL's type is the one it was sniffed as; anything else is not found. */
export async function readLogo(kv: KVNamespace, hash: string, type: LogoType): Promise<ArrayBuffer | null> {
  const found = await kv.getWithMetadata<{ type?: string }>(logoKey(hash), { type: 'arrayBuffer', cacheTtl: 3600 })
  return found.value && found.metadata?.type === type ? found.value : null
}
