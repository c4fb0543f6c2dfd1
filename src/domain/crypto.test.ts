import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { fromBase64, toBase64, utf8 } from './encoding'
import { loadKeyring, open, seal, sealContext, UnsealError, KeyringError, type Keyring, type Sealed } from './crypto'

const K1 = `k1:${toBase64(new Uint8Array(32).fill(1))}`
const K2 = `k2:${toBase64(new Uint8Array(32).fill(2))}`

function flipBit(blob: string, byteIndex: number, bit = 0): string {
  const bytes = fromBase64(blob)
  bytes[byteIndex]! ^= 1 << bit
  return toBase64(bytes)
}

async function refuses(keyring: Keyring, sealed: Sealed, context: string): Promise<boolean> {
  try {
    await open(keyring, sealed, context)
    return false
  } catch (error) {
    return error instanceof UnsealError
  }
}

describe('AES-256-GCM sealing', () => {
  it('round-trips with a fresh 12-byte IV per seal', async () => {
    const keyring = await loadKeyring(K1)
    const a = await seal(keyring, 'secret', 'row-1')
    const b = await seal(keyring, 'secret', 'row-1')
    expect(a.keyVersion).toBe('k1')
    expect(fromBase64(a.blob).subarray(0, 12)).not.toEqual(fromBase64(b.blob).subarray(0, 12))
    expect(await open(keyring, a, 'row-1')).toBe('secret')
  })

  it('detects a flipped bit in the IV, the ciphertext and the tag', async () => {
    const keyring = await loadKeyring(K1)
    const sealed = await seal(keyring, 'a credential', 'row-1')
    const length = fromBase64(sealed.blob).length
    for (const index of [0, 11, 12, length - 17, length - 1]) {
      await expect(open(keyring, { ...sealed, blob: flipBit(sealed.blob, index) }, 'row-1')).rejects.toThrow(UnsealError)
    }
  })

  it('binds the ciphertext to its row: moved to another row it does not open', async () => {
    const keyring = await loadKeyring(K1)
    const sealed = await seal(keyring, 'a credential', 'tether/connection/a/credentials')
    await expect(open(keyring, sealed, 'tether/connection/b/credentials')).rejects.toThrow(UnsealError)
  })

  it('rotates: the first key seals, older keys still open', async () => {
    const old = await seal(await loadKeyring(K1), 'from before', 'row')
    const rotated = await loadKeyring(`${K2},${K1}`)
    expect(await open(rotated, old, 'row')).toBe('from before')
    expect((await seal(rotated, 'new', 'row')).keyVersion).toBe('k2')
    await expect(open(await loadKeyring(K2), old, 'row')).rejects.toThrow(UnsealError)
  })

  it('refuses malformed key specs', async () => {
    await expect(loadKeyring(undefined)).rejects.toThrow(KeyringError)
    await expect(loadKeyring('k1:short')).rejects.toThrow(KeyringError)
    await expect(loadKeyring(`${K1},${K1}`)).rejects.toThrow(KeyringError)
    await expect(loadKeyring('nocolon')).rejects.toThrow(KeyringError)
  })
})

describe('AES-256-GCM sealing, measured', () => {
  it('round-trips 1,000 random plaintexts of 0 to 4 KB', async () => {
    const keyring = await loadKeyring(K1)
    const plaintext = fc.integer({ min: 0, max: 4096 }).chain((size) =>
      fc.oneof(
        fc.string({ unit: 'grapheme-ascii', minLength: size, maxLength: size }),
        fc.string({ unit: 'binary', minLength: 0, maxLength: Math.floor(size / 4) }),
        fc.uint8Array({ minLength: 0, maxLength: Math.floor((size * 3) / 4) }).map((bytes) => toBase64(bytes)),
      ),
    )
    let largest = 0
    await fc.assert(
      fc.asyncProperty(plaintext, fc.string({ maxLength: 80 }), async (text, context) => {
        largest = Math.max(largest, utf8.encode(text).length)
        expect(utf8.encode(text).length).toBeLessThanOrEqual(4096)
        expect(await open(keyring, await seal(keyring, text, context), context)).toBe(text)
      }),
      { numRuns: 1000 },
    )
    console.log(`[figure] crypto: 1000 random plaintexts (0–${largest} bytes) round-tripped`)
  })

  it('detects every single-bit flip of the IV, the ciphertext and the tag (100%)', async () => {
    const keyring = await loadKeyring(K1)
    let flips = 0
    let detected = 0
    for (const plaintext of ['', 'x', '{"apiKey":"a credential of a typical length, some 64 bytes.."}', 'é'.repeat(100)]) {
      const context = sealContext.credentials('row-1')
      const sealed = await seal(keyring, plaintext, context)
      const length = fromBase64(sealed.blob).length
      expect(length).toBe(12 + utf8.encode(plaintext).length + 16)
      for (let byte = 0; byte < length; byte++) {
        for (let bit = 0; bit < 8; bit++) {
          flips++
          if (await refuses(keyring, { ...sealed, blob: flipBit(sealed.blob, byte, bit) }, context)) detected++
        }
      }
      // Cut short or extended, it fails too.
      const bytes = fromBase64(sealed.blob)
      for (const changed of [bytes.subarray(0, length - 1), bytes.subarray(0, 27), new Uint8Array([...bytes, 0])]) {
        flips++
        if (await refuses(keyring, { ...sealed, blob: toBase64(changed) }, context)) detected++
      }
    }
    console.log(
      `[figure] crypto: ${detected}/${flips} single-bit flips and truncations of IV, ciphertext and tag detected ` +
        `(${((100 * detected) / flips).toFixed(1)}%)`,
    )
    expect(detected).toBe(flips)
  })

  it('refuses every change of the associated data: another row, another kind of secret, any edited character', async () => {
    const keyring = await loadKeyring(K1)
    const context = sealContext.credentials('conn-AbC123')
    const sealed = await seal(keyring, 'a credential', context)
    const others = new Set<string>([
      sealContext.credentials('conn-AbC124'),
      sealContext.credentials('conn-abc123'),
      sealContext.credentials(''),
      sealContext.linkToken('conn-AbC123'),
      sealContext.oauthVerifier('conn-AbC123'),
      sealContext.webhookToken('conn-AbC123'),
      context.slice(0, -1),
      `${context} `,
      ` ${context}`,
      `${context}\u0000`,
      context.toUpperCase(),
      '',
    ])
    for (let i = 0; i < context.length; i++) {
      const code = context.charCodeAt(i)
      for (let bit = 0; bit < 7; bit++) others.add(context.slice(0, i) + String.fromCharCode(code ^ (1 << bit)) + context.slice(i + 1))
    }
    others.delete(context)
    let refused = 0
    for (const other of others) if (await refuses(keyring, sealed, other)) refused++
    // Moved to another row of the same table: the row's id is in the associated data.
    for (let row = 0; row < 100; row++) if (await refuses(keyring, sealed, sealContext.credentials(`conn-${row}`))) refused++
    // Relabelled with another key version: no key, or the wrong one.
    const both = await loadKeyring(`${K2},${K1}`)
    if (await refuses(both, { ...sealed, keyVersion: 'k2' }, context)) refused++
    if (await refuses(both, { ...sealed, keyVersion: 'k9' }, context)) refused++
    const total = others.size + 100 + 2
    console.log(
      `[figure] crypto: ${refused}/${total} changed associated data, moved rows and relabelled versions refused ` +
        `(${((100 * refused) / total).toFixed(1)}%)`,
    )
    expect(refused).toBe(total)
    expect(await open(keyring, sealed, context)).toBe('a credential')
  })

  it('uses a 12-byte IV that never repeats over 10,000 seals', async () => {
    const keyring = await loadKeyring(K1)
    const ivs = new Set<string>()
    for (let i = 0; i < 10_000; i++) {
      const bytes = fromBase64((await seal(keyring, 'same plaintext', 'same row')).blob)
      expect(bytes.length).toBe(12 + 14 + 16)
      ivs.add(toBase64(bytes.subarray(0, 12)))
    }
    console.log(`[figure] crypto: ${ivs.size} distinct 12-byte IVs over 10000 seals of one plaintext`)
    expect(ivs.size).toBe(10_000)
  })
})
