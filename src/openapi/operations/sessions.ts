import { passwordChangeSchema } from '../../api-schemas/password'
import { errorBody, errorResponse } from '../errors'
import type { Operation } from '../types'

export const sessionOperations: Operation[] = [
  {
    operationId: 'changePassword',
    method: 'post',
    path: '/api/v1/auth/password',
    summary: 'Change the password; every other session of the user ends',
    description:
      'Needs a signed-in session and the current password; the new one must meet the password policy. The session that asks ' +
      'stays signed in, every other one ends in the same transaction. API tokens are not sessions and keep working. ' +
      'Attempts are limited per user (10 per 15 minutes).',
    tag: 'auth',
    auth: 'owner',
    requestBody: {
      name: 'PasswordChangeRequest',
      schema: passwordChangeSchema,
      required: true,
      example: { currentPassword: 'correct horse battery', newPassword: 'purple elephant on a unicycle' },
    },
    responses: {
      204: { description: 'Changed; the other sessions are signed out.' },
      400: {
        description:
          '`invalid_request`: the new password breaks the policy (too short, a repeat or run, one of the 10,000 most common), ' +
          'equals the current one, or the current password is wrong; `issues` names the field.',
        body: errorBody({
          error: {
            code: 'invalid_request',
            message: 'The current password is not right.',
            issues: [{ path: 'currentPassword', message: 'The current password is not right.' }],
          },
        }),
      },
      409: errorResponse(
        '`conflict`: the password was changed by another request in the meantime.',
        'conflict',
        'The password was changed in the meantime. Sign in again with the new one.',
      ),
      429: 'RateLimited',
    },
  },
  {
    operationId: 'logOutEverywhere',
    method: 'post',
    path: '/api/v1/auth/sessions/revoke',
    summary: 'Log out everywhere: end every session of the user, this one included',
    description:
      'Every browser signed into the account is signed out and the caller’s session cookie is cleared. API tokens are separate ' +
      '(revoke them with `DELETE /api/v1/tokens/{id}`).',
    tag: 'auth',
    auth: 'owner',
    responses: { 204: { description: 'Every session ended.' } },
  },
]
