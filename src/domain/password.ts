import { fromBase64, toBase64 } from './encoding'

/** Cloudflare's production runtime rejects PBKDF2 above 100,000 iterations. */
export const PBKDF2_ITERATIONS = 100_000
const ALGORITHM = 'pbkdf2-sha256'
const SALT_BYTES = 16
const HASH_BYTES = 32
const MIN_SALT_BYTES = 8
const MAX_SALT_BYTES = 64
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/
const DECIMAL = /^[1-9][0-9]{0,8}$/

/**
 * `pbkdf2-sha256$<iterations>$<salt base64>$<hash base64>`: a stored hash names the parameters it
 * was made with, so they can change later without locking anyone out.
 */
export type PasswordHash = string

interface HashParts {
  iterations: number
  salt: Uint8Array<ArrayBuffer>
  hash: Uint8Array
}

export async function hashPassword(
  password: string,
  { iterations = PBKDF2_ITERATIONS, salt = crypto.getRandomValues(new Uint8Array(SALT_BYTES)) } = {},
): Promise<PasswordHash> {
  if (!Number.isInteger(iterations) || iterations < 1 || iterations > PBKDF2_ITERATIONS) {
    throw new RangeError(`PBKDF2 iterations must be between 1 and ${PBKDF2_ITERATIONS}`)
  }
  return [ALGORITHM, iterations, toBase64(salt), toBase64(await derive(password, salt, iterations))].join('$')
}

/** False for a wrong password and for a stored string it cannot read (unknown algorithm, tampered, truncated). */
export async function verifyPassword(password: string, stored: PasswordHash): Promise<boolean> {
  const parts = parsePasswordHash(stored)
  if (!parts) return false
  const candidate = await derive(password, parts.salt, parts.iterations)
  let diff = candidate.length ^ parts.hash.length
  for (let i = 0; i < candidate.length; i++) diff |= candidate[i]! ^ (parts.hash[i] ?? 0)
  return diff === 0
}

/** Whether a hash that verified was made with other parameters than today's, so it should be replaced. */
export function needsRehash(stored: PasswordHash): boolean {
  const parts = parsePasswordHash(stored)
  return !parts || parts.iterations !== PBKDF2_ITERATIONS || parts.salt.length !== SALT_BYTES
}

/** Iterations above the production cap are refused too: deriving them would throw there, or stall here. */
function parsePasswordHash(stored: string): HashParts | undefined {
  const fields = stored.split('$')
  if (fields.length !== 4) return undefined
  const [algorithm, iterationsText, saltText, hashText] = fields as [string, string, string, string]
  if (algorithm !== ALGORITHM || !DECIMAL.test(iterationsText) || !BASE64.test(saltText) || !BASE64.test(hashText)) return undefined
  const iterations = Number(iterationsText)
  const salt = fromBase64(saltText)
  const hash = fromBase64(hashText)
  if (iterations > PBKDF2_ITERATIONS || salt.length < MIN_SALT_BYTES || salt.length > MAX_SALT_BYTES || hash.length !== HASH_BYTES) {
    return undefined
  }
  return { iterations, salt, hash }
}

async function derive(password: string, salt: Uint8Array<ArrayBuffer>, iterations: number): Promise<Uint8Array> {
  const material = await crypto.subtle.importKey('raw', new TextEncoder().encode(password), 'PBKDF2', false, ['deriveBits'])
  const bits = await crypto.subtle.deriveBits({ name: 'PBKDF2', hash: 'SHA-256', salt, iterations }, material, HASH_BYTES * 8)
  return new Uint8Array(bits)
}
