import { fromBase64, toBase64, utf8 } from './encoding'

/**
 * AES-256-GCM sealing with versioned keys. `ENCRYPTION_KEYS` is
 * "<version>:<base64 32 bytes>,…"; the first key seals, every key opens.
 */
export interface Keyring {
  current: string
  keys: ReadonlyMap<string, CryptoKey>
}

export interface Sealed {
  keyVersion: string
  /** base64(iv ‖ ciphertext ‖ tag) */
  blob: string
}

export class KeyringError extends Error {}
export class UnsealError extends Error {}

const IV_BYTES = 12
const VERSION_PATTERN = /^[A-Za-z0-9_-]{1,32}$/
const keyringCache = new Map<string, Promise<Keyring>>()

/** Imported keys are cached per isolate by their key material, never by env object. */
export function loadKeyring(spec: string | undefined): Promise<Keyring> {
  if (!spec) return Promise.reject(new KeyringError('ENCRYPTION_KEYS is not set'))
  let keyring = keyringCache.get(spec)
  if (!keyring) {
    keyring = importKeyring(spec)
    keyring.catch(() => keyringCache.delete(spec))
    keyringCache.set(spec, keyring)
  }
  return keyring
}

async function importKeyring(spec: string): Promise<Keyring> {
  const entries = spec
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean)
  if (entries.length === 0) throw new KeyringError('ENCRYPTION_KEYS has no keys')
  const keys = new Map<string, CryptoKey>()
  for (const entry of entries) {
    const separator = entry.indexOf(':')
    const version = entry.slice(0, separator)
    if (separator < 1 || !VERSION_PATTERN.test(version)) {
      throw new KeyringError('ENCRYPTION_KEYS entries must look like <version>:<base64 key>')
    }
    if (keys.has(version)) throw new KeyringError(`ENCRYPTION_KEYS repeats version ${version}`)
    let raw: Uint8Array<ArrayBuffer>
    try {
      raw = fromBase64(entry.slice(separator + 1))
    } catch {
      throw new KeyringError(`ENCRYPTION_KEYS key ${version} is not base64`)
    }
    if (raw.length !== 32) throw new KeyringError(`ENCRYPTION_KEYS key ${version} must be 32 bytes`)
    keys.set(version, await crypto.subtle.importKey('raw', raw, 'AES-GCM', false, ['encrypt', 'decrypt']))
  }
  return { current: entries[0]!.slice(0, entries[0]!.indexOf(':')), keys }
}

/** `context` is bound as associated data, so a blob only opens for the row it was sealed for. */
export async function seal(keyring: Keyring, plaintext: string, context: string): Promise<Sealed> {
  const key = keyring.keys.get(keyring.current)!
  const iv = crypto.getRandomValues(new Uint8Array(IV_BYTES))
  const ciphertext = await crypto.subtle.encrypt({ name: 'AES-GCM', iv, additionalData: utf8.encode(context) }, key, utf8.encode(plaintext))
  const blob = new Uint8Array(IV_BYTES + ciphertext.byteLength)
  blob.set(iv)
  blob.set(new Uint8Array(ciphertext), IV_BYTES)
  return { keyVersion: keyring.current, blob: toBase64(blob) }
}

export async function open(keyring: Keyring, sealed: Sealed, context: string): Promise<string> {
  const key = keyring.keys.get(sealed.keyVersion)
  if (!key) throw new UnsealError(`no key for version ${sealed.keyVersion}`)
  let bytes: Uint8Array<ArrayBuffer>
  try {
    bytes = fromBase64(sealed.blob)
  } catch {
    throw new UnsealError('sealed blob is not base64')
  }
  if (bytes.length < IV_BYTES + 16) throw new UnsealError('sealed blob is too short')
  try {
    const plaintext = await crypto.subtle.decrypt(
      { name: 'AES-GCM', iv: bytes.subarray(0, IV_BYTES), additionalData: utf8.encode(context) },
      key,
      bytes.subarray(IV_BYTES),
    )
    return utf8.decode(new Uint8Array(plaintext))
  } catch {
    throw new UnsealError('sealed blob failed authentication')
  }
}

/**
 * A short-lived value a browser carries (a cookie): `payload` with its expiry, sealed, as `<key version>.<blob>`.
 * `openExpiring` gives the payload back, or null for anything forged, altered, expired, malformed or sealed
 * under a retired key.
 */
export async function sealExpiring(keyring: Keyring, payload: unknown, context: string, until: number): Promise<string> {
  const sealed = await seal(keyring, JSON.stringify({ until, payload }), context)
  return `${sealed.keyVersion}.${sealed.blob}`
}

export async function openExpiring<T>(keyring: Keyring, value: string, context: string, now: number): Promise<T | null> {
  const dot = value.indexOf('.')
  if (dot < 1) return null
  try {
    const opened = JSON.parse(await open(keyring, { keyVersion: value.slice(0, dot), blob: value.slice(dot + 1) }, context)) as {
      until: number
      payload: T
    }
    return opened.until >= now ? opened.payload : null
  } catch {
    return null
  }
}

export const sealContext = {
  credentials: (connectionId: string) => `tether/connection/${connectionId}/credentials`,
  linkToken: (linkId: string) => `tether/link/${linkId}/token`,
  /** A several-apps link's token, kept so the owner can see the link again and a finished item can return to its list. */
  linkRequestToken: (requestId: string) => `tether/link-request/${requestId}/token`,
  oauthVerifier: (stateHash: string) => `tether/oauth-state/${stateHash}/verifier`,
  /** A sign-in's tokens while the person chooses a tenant or site (OAuthSpec.resourceLookup), for minutes at most. */
  oauthPending: (stateHash: string) => `tether/oauth-state/${stateHash}/pending`,
  webhookToken: (workflowId: string) => `tether/workflow/${workflowId}/webhook-token`,
  /** The new API token in the dashboard's one-time cookie, never at rest. */
  apiTokenReveal: (tokenId: string) => `tether/api-token/${tokenId}/reveal`,
  webhookSecret: (workflowId: string) => `tether/workflow/${workflowId}/webhook-secret`,
  /** A run's trigger payload, kept so the run can be retried. */
  runTrigger: (runId: string) => `tether/run/${runId}/trigger`,
  /** The just-created secret in the builder's one-time cookie, bound to its workflow. */
  webhookSecretReveal: (workflowId: string) => `tether/workflow/${workflowId}/webhook-secret-reveal`,
  /** An owner's webhook endpoint's signing secret, and its one-time reveal cookie in Settings. */
  webhookEndpointSecret: (endpointId: string) => `tether/webhook-endpoint/${endpointId}/secret`,
  webhookEndpointSecretReveal: (endpointId: string) => `tether/webhook-endpoint/${endpointId}/secret-reveal`,
  /** A workspace's own OAuth client secret (Settings → OAuth apps). */
  oauthAppSecret: (oauthAppId: string) => `tether/oauth-app/${oauthAppId}/client-secret`,
  /** The login device cookie, held by the browser only. */
  deviceCookie: () => 'tether/device-cookie',
  /** What a client's browser was last told about a link (outcome or refusal), in its own short-lived cookie. */
  clientNote: (kind: string) => `tether/connect/${kind}`,
  /** A refused dashboard or account form, carried across its redirect back to the page that shows it. */
  formFlash: () => 'tether/form-flash',
}
