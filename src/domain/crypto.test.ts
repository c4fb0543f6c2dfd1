import { describe, expect, it } from 'vitest'
import { fromBase64, toBase64 } from './encoding'
import { loadKeyring, open, seal, UnsealError, KeyringError } from './crypto'

const K1 = `k1:${toBase64(new Uint8Array(32).fill(1))}`
const K2 = `k2:${toBase64(new Uint8Array(32).fill(2))}`

function flipBit(blob: string, byteIndex: number): string {
  const bytes = fromBase64(blob)
  bytes[byteIndex]! ^= 1
  return toBase64(bytes)
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
