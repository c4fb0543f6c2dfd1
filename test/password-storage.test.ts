import { applyD1Migrations } from 'cloudflare:test'
import { env } from 'cloudflare:workers'
import { describe, expect, it } from 'vitest'
import { toBase64 } from '../src/domain/encoding'
import { hashPassword, PBKDF2_ITERATIONS, verifyPassword } from '../src/domain/password'
import { withEnv } from './hardening/with-env'
import { call, sessionCookieFrom, signUpOwner } from './helpers'

/** signUpOwner's password. */
const PASSWORD = 'correct horse battery'
const MIGRATION = '0002_self_describing_password_hash'

type Caller = (path: string, init: { method: string; json: unknown }) => Promise<Response>
const logIn = (email: string, password: string, via: Caller = call) =>
  via('/api/v1/auth/login', { method: 'POST', json: { email, password } })

async function storedHash(db: D1Database, email: string): Promise<string> {
  const row = await db.prepare('SELECT password_hash AS hash FROM users WHERE email = ?').bind(email).first<{ hash: string }>()
  if (!row) throw new Error(`no user ${email}`)
  return row.hash
}

async function setStoredHash(email: string, hash: string): Promise<void> {
  await env.DB.prepare('UPDATE users SET password_hash = ? WHERE email = ?').bind(hash, email).run()
}

/** The hash as the code before the migration made it: PBKDF2-SHA256, 100,000 iterations, base64. */
async function oldHash(password: string, salt: Uint8Array<ArrayBuffer>): Promise<string> {
  const material = await crypto.subtle.importKey('raw', new TextEncoder().encode(password), 'PBKDF2', false, ['deriveBits'])
  return toBase64(
    new Uint8Array(await crypto.subtle.deriveBits({ name: 'PBKDF2', hash: 'SHA-256', salt, iterations: 100_000 }, material, 256)),
  )
}

/** Empties a database, so a rerun in the same runtime (watch mode) starts from nothing too. */
async function dropEverything(db: D1Database): Promise<void> {
  const tables = await db
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '_cf_%'")
    .all<{ name: string }>()
  if (tables.results.length === 0) return
  await db.batch([db.prepare('PRAGMA defer_foreign_keys = on'), ...tables.results.map(({ name }) => db.prepare(`DROP TABLE "${name}"`))])
}

describe('stored password hashes', () => {
  it('are rehashed at login when the stored iterations are not today’s, and left alone when they are', async () => {
    const owner = await signUpOwner()
    const current = await storedHash(env.DB, owner.email)
    expect(current).toMatch(/^pbkdf2-sha256\$100000\$/)
    expect((await logIn(owner.email, PASSWORD)).status).toBe(200)
    expect(await storedHash(env.DB, owner.email)).toBe(current)

    const older = await hashPassword(PASSWORD, { iterations: 1_000 })
    await setStoredHash(owner.email, older)
    expect((await logIn(owner.email, 'wrong password!')).status).toBe(401)
    expect(await storedHash(env.DB, owner.email)).toBe(older)

    const login = await logIn(owner.email, PASSWORD)
    expect(login.status).toBe(200)
    expect((await call('/api/v1/connections', { cookie: sessionCookieFrom(login) })).status).toBe(200)
    const rehashed = await storedHash(env.DB, owner.email)
    expect(rehashed.split('$').slice(0, 2)).toEqual(['pbkdf2-sha256', String(PBKDF2_ITERATIONS)])
    expect(rehashed.split('$')[2]).not.toBe(older.split('$')[2])
    expect(await verifyPassword(PASSWORD, rehashed)).toBe(true)
    expect((await logIn(owner.email, PASSWORD)).status).toBe(200)
    expect(await storedHash(env.DB, owner.email)).toBe(rehashed)
  })

  it('refuse a login when the stored string is tampered with or names an algorithm Tether does not know', async () => {
    const owner = await signUpOwner()
    const [, iterations, salt, hash] = (await storedHash(env.DB, owner.email)).split('$') as [string, string, string, string]
    for (const stored of [`argon2id$${iterations}$${salt}$${hash}`, `pbkdf2-sha256$${iterations}$${salt}$${hash.slice(1)}`, hash]) {
      await setStoredHash(owner.email, stored)
      expect((await logIn(owner.email, PASSWORD)).status, stored).toBe(401)
      expect(await storedHash(env.DB, owner.email)).toBe(stored)
    }
  })

  it(`migration ${MIGRATION} turns an old {hash, salt} row into one string, and the old password still logs in`, async () => {
    const db = env.MIGRATION_DB
    await dropEverything(db)
    const at = env.TEST_MIGRATIONS.findIndex((migration) => migration.name.startsWith(MIGRATION))
    expect(at).toBeGreaterThan(0)
    await applyD1Migrations(db, env.TEST_MIGRATIONS.slice(0, at))

    const email = 'old-shape@agency.test'
    const salt = new Uint8Array(16).map((_, i) => i * 13 + 5)
    const hash = await oldHash(PASSWORD, salt)
    await db.batch([
      db.prepare('INSERT INTO workspaces (id, name, created_at) VALUES (?, ?, ?)').bind('ws-old', "Old's workspace", 1),
      db
        .prepare('INSERT INTO users (id, workspace_id, email, name, password_hash, password_salt, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)')
        .bind('user-old', 'ws-old', email, 'Old', hash, toBase64(salt), 1),
    ])

    await applyD1Migrations(db, env.TEST_MIGRATIONS)
    const columns = await db.prepare("SELECT name FROM pragma_table_info('users')").all<{ name: string }>()
    expect(columns.results.map((column) => column.name)).not.toContain('password_salt')
    const migrated = `pbkdf2-sha256$100000$${toBase64(salt)}$${hash}`
    expect(await storedHash(db, email)).toBe(migrated)

    const app = withEnv({ DB: db })
    expect((await logIn(email, 'wrong password!', app.call)).status).toBe(401)
    // Migration 0007 leaves accounts from before verification unverified: the right password gets 403 until confirmed.
    expect((await logIn(email, PASSWORD, app.call)).status).toBe(403)
    await db.prepare('UPDATE users SET email_verified_at = 2 WHERE id = ?').bind('user-old').run()
    const login = await logIn(email, PASSWORD, app.call)
    expect(login.status).toBe(200)
    expect(await login.json()).toMatchObject({ user: { id: 'user-old', email } })
    expect((await app.call('/api/v1/connections', { cookie: sessionCookieFrom(login) })).status).toBe(200)
    // Today's parameters are the old ones, so nothing needed rewriting.
    expect(await storedHash(db, email)).toBe(migrated)
  })
})
