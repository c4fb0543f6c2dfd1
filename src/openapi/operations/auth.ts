import * as z from 'zod'
import { loginSchema, sessionResponse, signupSchema, tokenRequestSchema, tokenResponse } from '../../api-schemas/auth'
import { errorResponse } from '../errors'
import { exampleSession } from '../examples'
import type { Operation, ResponseSpec } from '../types'

const HTTPS_COOKIE = '`__Host-tether_session`'

const sessionSet = (description: string, status: 'signed up' | 'signed in'): ResponseSpec => ({
  description,
  body: { name: 'SessionResponse', schema: sessionResponse, example: exampleSession },
  headers: {
    'Set-Cookie': {
      description: `The session cookie of the account just ${status}: HttpOnly, SameSite=Lax, 14 days; ${HTTPS_COOKIE} over https.`,
      schema: z.string(),
    },
  },
})

export const authOperations: Operation[] = [
  {
    operationId: 'signUp',
    method: 'post',
    path: '/api/v1/auth/signup',
    summary: 'Create an account and its workspace, and sign in',
    tag: 'auth',
    auth: 'none',
    requestBody: {
      name: 'SignupRequest',
      schema: signupSchema,
      required: true,
      example: { email: 'olivia@agency.example', password: 'correct horse battery', name: 'Olivia Owner' },
    },
    responses: {
      201: sessionSet('The account, its workspace, and a session cookie.', 'signed up'),
      400: 'InvalidRequest',
      409: errorResponse(
        '`conflict`: an account with this email already exists.',
        'conflict',
        'An account with this email already exists.',
      ),
      429: 'RateLimited',
    },
  },
  {
    operationId: 'logIn',
    method: 'post',
    path: '/api/v1/auth/login',
    summary: 'Sign in with email and password',
    description: 'Every attempt counts towards per-account and per-address limits, even with the right password.',
    tag: 'auth',
    auth: 'none',
    requestBody: {
      name: 'LoginRequest',
      schema: loginSchema,
      required: true,
      example: { email: 'olivia@agency.example', password: 'correct horse battery' },
    },
    responses: {
      200: sessionSet('The signed-in user, the workspace, and a session cookie.', 'signed in'),
      400: 'InvalidRequest',
      401: errorResponse('`unauthorized`: the email or the password is wrong.', 'unauthorized', 'Email or password is incorrect.'),
      429: 'RateLimited',
    },
  },
  {
    operationId: 'logOut',
    method: 'post',
    path: '/api/v1/auth/logout',
    summary: 'End the session of the cookie sent, if any',
    tag: 'auth',
    auth: 'none',
    responses: { 204: { description: 'Signed out; the cookie is cleared.' } },
  },
  {
    operationId: 'createApiToken',
    method: 'post',
    path: '/api/v1/tokens',
    summary: 'Create an API token for `Authorization: Bearer`',
    description: 'The token is shown only in this answer; Tether keeps its hash.',
    tag: 'auth',
    auth: 'owner',
    requestBody: { name: 'TokenRequest', schema: tokenRequestSchema, required: true, example: { name: 'CI deploys' } },
    responses: {
      201: {
        description: 'The new token.',
        body: { name: 'TokenResponse', schema: tokenResponse, example: { token: 'tth_q8Vd2kP0xN4mR7tB1cZ5hQa3uFyWk7dN' } },
      },
      400: 'InvalidRequest',
    },
  },
]
