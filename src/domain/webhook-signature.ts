import { fromBase64, toBase64, utf8 } from './encoding'

/**
 * Standard Webhooks (standardwebhooks.com): the secret is `whsec_<base64 key>`; the sender signs
 * `${webhook-id}.${webhook-timestamp}.${raw body}` with HMAC-SHA256 and sends `v1,<base64>`
 * entries, space-separated, in `webhook-signature`. Pure: the clock is the `now` passed in.
 */
export const SECRET_PREFIX = 'whsec_'
const SECRET_BYTES = 32
/** The spec's replay window, either side of now. */
export const TIMESTAMP_TOLERANCE_MS = 5 * 60_000

export interface SignatureHeaders {
  id: string | undefined
  timestamp: string | undefined
  signature: string | undefined
}

export type SignatureVerdict = 'valid' | 'missing' | 'expired' | 'mismatch'

export function newWebhookSecret(): string {
  return `${SECRET_PREFIX}${toBase64(crypto.getRandomValues(new Uint8Array(SECRET_BYTES)))}`
}

function hmacKey(secret: string, usage: 'sign' | 'verify'): Promise<CryptoKey> {
  const key = fromBase64(secret.startsWith(SECRET_PREFIX) ? secret.slice(SECRET_PREFIX.length) : secret)
  return crypto.subtle.importKey('raw', key, { name: 'HMAC', hash: 'SHA-256' }, false, [usage])
}

/** The raw bytes as received: a body is never decoded and re-encoded before it is checked. */
function signedContent(id: string, timestamp: string, body: Uint8Array): Uint8Array<ArrayBuffer> {
  const head = utf8.encode(`${id}.${timestamp}.`)
  const content = new Uint8Array(head.length + body.length)
  content.set(head)
  content.set(body, head.length)
  return content
}

export async function signWebhook(secret: string, id: string, timestamp: string, body: Uint8Array): Promise<string> {
  const mac = await crypto.subtle.sign('HMAC', await hmacKey(secret, 'sign'), signedContent(id, timestamp, body))
  return `v1,${toBase64(new Uint8Array(mac))}`
}

function decodedSignature(entry: string): Uint8Array<ArrayBuffer> | undefined {
  const [version, value] = entry.split(',', 2)
  if (version !== 'v1' || !value) return undefined
  try {
    return fromBase64(value)
  } catch {
    return undefined
  }
}

/** HMAC verify in Web Crypto compares in constant time; any one valid `v1` entry is enough. */
export async function verifyWebhookSignature(
  secret: string,
  headers: SignatureHeaders,
  body: Uint8Array,
  now: number,
): Promise<SignatureVerdict> {
  const { id, timestamp, signature } = headers
  if (!id || !timestamp || !signature) return 'missing'
  if (!/^\d{1,12}$/.test(timestamp) || Math.abs(now - Number(timestamp) * 1000) > TIMESTAMP_TOLERANCE_MS) return 'expired'
  const key = await hmacKey(secret, 'verify')
  const content = signedContent(id, timestamp, body)
  for (const entry of signature.split(' ')) {
    const mac = decodedSignature(entry)
    if (mac && (await crypto.subtle.verify('HMAC', key, mac, content))) return 'valid'
  }
  return 'mismatch'
}
