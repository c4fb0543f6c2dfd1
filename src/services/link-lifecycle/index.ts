/**
 * The one module that owns a link's lifecycle (docs/ARCHITECTURE.md): the owner's side (issue, revoke, close), the
 * client's (check lease, failed attempt, use, reject, skip) and the cron's (expiry), each change one D1 batch through
 * `commit`.
 */
export * from './client'
export * from './expiry'
export * from './owner'
