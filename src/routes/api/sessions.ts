import { Hono } from 'hono'
import { passwordChangeSchema } from '../../api-schemas/password'
import type { AppEnv } from '../../http/context'
import { depsFor } from '../../http/deps'
import { clearSessionCookie, requireOwner, sessionToken } from '../../http/owner-auth'
import { validate } from '../../http/validate'
import { changePassword } from '../../services/passwords'
import { endEverySession } from '../../services/sessions'

/** The signed-in owner's password and sessions. */
export const sessionsApi = new Hono<AppEnv>()
  .post('/auth/password', requireOwner, validate('json', passwordChangeSchema), async (c) => {
    await changePassword(depsFor(c).db, c.get('owner'), c.req.valid('json'), sessionToken(c), Date.now())
    return c.body(null, 204)
  })
  .post('/auth/sessions/revoke', requireOwner, async (c) => {
    await endEverySession(depsFor(c).db, c.get('owner').userId)
    clearSessionCookie(c)
    return c.body(null, 204)
  })
