import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { fromBase64, toBase64 } from './encoding'
import { hashPassword, needsRehash, PBKDF2_ITERATIONS, verifyPassword } from './password'

const PASSWORD = 'correct horse battery'
/** Low, so the tests stay fast; the parameters are read from the stored string anyway. */
const FEW = 1_000

function fieldsOf(stored: string): { algorithm: string; iterations: string; salt: string; hash: string } {
  const [algorithm = '', iterations = '', salt = '', hash = ''] = stored.split('$')
  return { algorithm, iterations, salt, hash }
}

describe('passwords', () => {
  it('stay within what production Workers accept', () => {
    expect(PBKDF2_ITERATIONS).toBeLessThanOrEqual(100_000)
  })

  it('hash with a per-user salt and verify', async () => {
    const a = fieldsOf(await hashPassword(PASSWORD))
    const b = fieldsOf(await hashPassword(PASSWORD))
    expect(a.salt).not.toBe(b.salt)
    expect(a.hash).not.toBe(b.hash)
    const stored = await hashPassword(PASSWORD)
    expect(await verifyPassword(PASSWORD, stored)).toBe(true)
    expect(await verifyPassword('correct horse batterz', stored)).toBe(false)
  })

  it('store one self-describing string: algorithm, iterations, salt and hash', async () => {
    const salt = new Uint8Array(16).fill(7)
    const stored = await hashPassword(PASSWORD, { salt })
    expect(stored).toMatch(/^pbkdf2-sha256\$100000\$[A-Za-z0-9+/]+=*\$[A-Za-z0-9+/]+=*$/)
    const fields = fieldsOf(stored)
    expect(fields.salt).toBe(toBase64(salt))
    expect(fromBase64(fields.hash)).toHaveLength(32)
    // The same derivation WebCrypto does on its own, so the string is readable by anything that knows PBKDF2.
    const material = await crypto.subtle.importKey('raw', new TextEncoder().encode(PASSWORD), 'PBKDF2', false, ['deriveBits'])
    const bits = await crypto.subtle.deriveBits({ name: 'PBKDF2', hash: 'SHA-256', salt, iterations: 100_000 }, material, 256)
    expect(fields.hash).toBe(toBase64(new Uint8Array(bits)))
  })

  it('verify with the iterations the string names, and ask for a rehash when they are not today’s', async () => {
    const older = await hashPassword(PASSWORD, { iterations: FEW })
    expect(fieldsOf(older).iterations).toBe(String(FEW))
    expect(await verifyPassword(PASSWORD, older)).toBe(true)
    expect(await verifyPassword('wrong', older)).toBe(false)
    expect(needsRehash(older)).toBe(true)
    expect(needsRehash(await hashPassword(PASSWORD))).toBe(false)
    expect(needsRehash(await hashPassword(PASSWORD, { salt: new Uint8Array(8), iterations: PBKDF2_ITERATIONS }))).toBe(true)
  })

  it('refuse to make hashes production would reject or that protect nothing', async () => {
    for (const iterations of [0, -1, 1.5, PBKDF2_ITERATIONS + 1, Number.NaN]) {
      await expect(hashPassword(PASSWORD, { iterations }), String(iterations)).rejects.toThrow(RangeError)
    }
  })

  it('refuse tampered, truncated and unknown strings without throwing', async () => {
    const stored = await hashPassword(PASSWORD, { iterations: FEW })
    const { salt, hash } = fieldsOf(stored)
    const flipped = toBase64(fromBase64(hash).map((byte, i) => (i === 0 ? byte ^ 1 : byte)))
    const refused = [
      '',
      hash,
      `${salt}$${hash}`,
      `pbkdf2-sha256$${FEW}$${salt}`,
      `pbkdf2-sha256$${FEW}$${salt}$${hash}$`,
      `pbkdf2-sha256$${FEW}$${salt}$${flipped}`,
      `pbkdf2-sha256$${FEW + 1}$${salt}$${hash}`,
      `pbkdf2-sha256$${FEW}$${toBase64(new Uint8Array(16))}$${hash}`,
      `pbkdf2-sha512$${FEW}$${salt}$${hash}`,
      `PBKDF2-SHA256$${FEW}$${salt}$${hash}`,
      `argon2id$${FEW}$${salt}$${hash}`,
      `bcrypt$${FEW}$${salt}$${hash}`,
      `pbkdf2-sha256$0$${salt}$${hash}`,
      `pbkdf2-sha256$-1000$${salt}$${hash}`,
      `pbkdf2-sha256$0${FEW}$${salt}$${hash}`,
      `pbkdf2-sha256$1e3$${salt}$${hash}`,
      `pbkdf2-sha256$ ${FEW}$${salt}$${hash}`,
      `pbkdf2-sha256$100001$${salt}$${hash}`,
      `pbkdf2-sha256$99999999999$${salt}$${hash}`,
      `pbkdf2-sha256$${FEW}$$${hash}`,
      `pbkdf2-sha256$${FEW}$${salt}$`,
      `pbkdf2-sha256$${FEW}$${toBase64(new Uint8Array(4))}$${hash}`,
      `pbkdf2-sha256$${FEW}$${toBase64(new Uint8Array(65))}$${hash}`,
      `pbkdf2-sha256$${FEW}$${salt}$${hash.slice(0, -4)}`,
      `pbkdf2-sha256$${FEW}$${salt}$${toBase64(new Uint8Array(33))}`,
      `pbkdf2-sha256$${FEW}$${salt.replace(/=+$/, '')}$${hash}`,
      `pbkdf2-sha256$${FEW}$${salt}$${hash.replaceAll('+', '-').replaceAll('/', '_')}x`,
      `pbkdf2-sha256$${FEW}$${salt}!$${hash}`,
    ]
    for (const candidate of refused) expect(await verifyPassword(PASSWORD, candidate), candidate).toBe(false)
    for (const candidate of refused) expect(needsRehash(candidate), candidate).toBe(true)
    expect(await verifyPassword(PASSWORD, stored)).toBe(true)
  })

  it('answer false, never throw, for any stored text', async () => {
    const text = fc.oneof(
      fc.string({ unit: 'binary' }),
      fc
        .array(fc.oneof(fc.constantFrom('pbkdf2-sha256', '1000', '100000', ''), fc.base64String({ maxLength: 48 })), { maxLength: 6 })
        .map((fields) => fields.join('$')),
    )
    await fc.assert(
      fc.asyncProperty(text, async (stored) => {
        expect(await verifyPassword(PASSWORD, stored)).toBe(false)
      }),
      { numRuns: 200 },
    )
  })
})
