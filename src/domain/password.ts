import { fromBase64, toBase64 } from './encoding'

/** Cloudflare's production runtime rejects PBKDF2 above 100,000 iterations. */
export const PBKDF2_ITERATIONS = 100_000
const SALT_BYTES = 16
const HASH_BITS = 256

export interface PasswordHash {
  hash: string
  salt: string
}

export async function hashPassword(password: string, salt = crypto.getRandomValues(new Uint8Array(SALT_BYTES))): Promise<PasswordHash> {
  return { hash: toBase64(await derive(password, salt)), salt: toBase64(salt) }
}

export async function verifyPassword(password: string, stored: PasswordHash): Promise<boolean> {
  const candidate = await derive(password, fromBase64(stored.salt))
  const expected = fromBase64(stored.hash)
  let diff = candidate.length ^ expected.length
  for (let i = 0; i < candidate.length; i++) diff |= candidate[i]! ^ (expected[i] ?? 0)
  return diff === 0
}

async function derive(password: string, salt: Uint8Array<ArrayBuffer>): Promise<Uint8Array> {
  const material = await crypto.subtle.importKey('raw', new TextEncoder().encode(password), 'PBKDF2', false, ['deriveBits'])
  const bits = await crypto.subtle.deriveBits({ name: 'PBKDF2', hash: 'SHA-256', salt, iterations: PBKDF2_ITERATIONS }, material, HASH_BITS)
  return new Uint8Array(bits)
}
