import { sha256Hex } from '../domain/encoding'

/**
 * The demo services keep their state in the LINKS namespace under `demo:`. Codes, tokens and
 * keys appear only as SHA-256 hashes, in keys and values alike.
 */
const PREFIX = 'demo:'
/** KV refuses a shorter expirationTtl. */
const KV_MIN_TTL_SECONDS = 60

export type SecretKind = 'code' | 'access' | 'refresh'
export type RecordKind = 'doc' | 'task' | 'key'

async function secretKey(kind: SecretKind, secret: string): Promise<string> {
  return `${PREFIX}${kind}:${await sha256Hex(secret)}`
}

/** A record found by the hash another record kept of its secret (a refresh token's access token). */
export async function deleteSecretRecordByHash(kv: KVNamespace, kind: SecretKind, hash: string): Promise<void> {
  await kv.delete(`${PREFIX}${kind}:${hash}`)
}

export async function deleteSecretRecord(kv: KVNamespace, kind: SecretKind, secret: string): Promise<void> {
  await kv.delete(await secretKey(kind, secret))
}

function ttl(seconds: number): number {
  return Math.max(KV_MIN_TTL_SECONDS, Math.ceil(seconds))
}

export async function putSecretRecord(
  kv: KVNamespace,
  kind: SecretKind,
  secret: string,
  value: object,
  lifetimeSeconds: number,
): Promise<void> {
  await kv.put(await secretKey(kind, secret), JSON.stringify(value), { expirationTtl: ttl(lifetimeSeconds) })
}

export async function getSecretRecord<T>(kv: KVNamespace, kind: SecretKind, secret: string): Promise<T | null> {
  return kv.get<T>(await secretKey(kind, secret), 'json')
}

/** Reads and deletes: codes and refresh tokens work once. */
export async function takeSecretRecord<T>(kv: KVNamespace, kind: SecretKind, secret: string): Promise<T | null> {
  const key = await secretKey(kind, secret)
  const value = await kv.get<T>(key, 'json')
  if (value !== null) await kv.delete(key)
  return value
}

export async function putRecord(kv: KVNamespace, kind: RecordKind, id: string, value: object, lifetimeSeconds: number): Promise<void> {
  await kv.put(`${PREFIX}${kind}:${id}`, JSON.stringify(value), { expirationTtl: ttl(lifetimeSeconds) })
}

export function getRecord<T>(kv: KVNamespace, kind: RecordKind, id: string): Promise<T | null> {
  return kv.get<T>(`${PREFIX}${kind}:${id}`, 'json')
}
