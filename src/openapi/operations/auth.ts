import * as z from 'zod'
import {
  emailRequestSchema,
  loginSchema,
  resetSentResponse,
  sessionResponse,
  signupSchema,
  tokenListResponse,
  tokenRequestSchema,
  tokenResponse,
  verificationSentResponse,
} from '../../api-schemas/auth'
import { idParam } from '../../api-schemas/common'
import { errorResponse } from '../errors'
import { exampleApiToken, exampleSession } from '../examples'
import type { Operation, ResponseSpec } from '../types'

const HTTPS_COOKIE = '`__Host-tether_session`'

const verificationSent: ResponseSpec = {
  description: 'Accepted; what happens next is in the inbox of the address.',
  body: { name: 'VerificationSent', schema: verificationSentResponse },
}

const sessionSet = (description: string, status: 'signed in'): ResponseSpec => ({
  description,
  body: { name: 'SessionResponse', schema: sessionResponse, example: exampleSession },
  headers: {
    'Set-Cookie': {
      description:
        `The session cookie of the account just ${status}: HttpOnly, SameSite=Lax, 14 days at most and 24 hours idle; ` +
        `${HTTPS_COOKIE} over https.`,
      schema: z.string(),
    },
  },
})

export const authOperations: Operation[] = [
  {
    operationId: 'signUp',
    method: 'post',
    path: '/api/v1/auth/signup',
    summary: 'Create an account and its workspace; the address is confirmed by an emailed link',
    description:
      'No session: the new address gets a single-use confirmation link (24 hours) whose GET confirms it, signs in and opens the ' +
      'dashboard. A taken address gets the same answer, and its owner an email saying someone tried.',
    tag: 'auth',
    auth: 'none',
    requestBody: {
      name: 'SignupRequest',
      schema: signupSchema,
      required: true,
      example: { email: 'olivia@agency.example', password: 'correct horse battery', name: 'Olivia Owner' },
    },
    responses: {
      202: verificationSent,
      400: 'InvalidRequest',
      429: 'RateLimited',
    },
  },
  {
    operationId: 'resendVerification',
    method: 'post',
    path: '/api/v1/auth/resend-verification',
    summary: 'Email a new confirmation link to an unconfirmed address',
    description: 'The same answer for any address; only an account still waiting for confirmation gets an email.',
    tag: 'auth',
    auth: 'none',
    requestBody: { name: 'EmailRequest', schema: emailRequestSchema, required: true, example: { email: 'olivia@agency.example' } },
    responses: { 202: verificationSent, 400: 'InvalidRequest', 429: 'RateLimited' },
  },
  {
    operationId: 'requestPasswordReset',
    method: 'post',
    path: '/api/v1/auth/password-reset',
    summary: 'Email a single-use password reset link (1 hour)',
    description: 'The same answer whether or not the address has an account. The link opens a form; the new password ends every session.',
    tag: 'auth',
    auth: 'none',
    requestBody: { name: 'EmailRequest', schema: emailRequestSchema, required: true, example: { email: 'olivia@agency.example' } },
    responses: {
      202: {
        description: 'If the address has an account, the link is on its way.',
        body: { name: 'ResetSent', schema: resetSentResponse },
      },
      400: 'InvalidRequest',
      429: 'RateLimited',
    },
  },
  {
    operationId: 'logIn',
    method: 'post',
    path: '/api/v1/auth/login',
    summary: 'Sign in with email and password',
    description:
      'Every attempt counts towards per-address limits and, even with the right password, towards the account’s limit (10 per ' +
      '15 minutes) — unless the browser sends the device cookie (`tether_device`, `__Host-tether_device` over https) of an ' +
      'earlier login to this account: then it counts on that device alone, so wrong passwords from elsewhere cannot lock it ' +
      'out. A successful login sets a fresh device cookie (HttpOnly, SameSite=Strict, a year, sealed).',
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
      403: errorResponse(
        '`email_unverified`: the password is right but the address was never confirmed; ' +
          '`POST /api/v1/auth/resend-verification` sends the link again.',
        'email_unverified',
        'Confirm your email address first: follow the link we emailed you, or have it sent again.',
      ),
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
    description:
      'Needs a signed-in session: an API token cannot mint tokens (403). The token is shown only in this answer ' +
      '(`Cache-Control: no-store`); Tether keeps its hash. `scope` defaults to `write`, `expiresInDays` to 90.',
    tag: 'auth',
    auth: 'owner',
    requestBody: {
      name: 'TokenRequest',
      schema: tokenRequestSchema,
      required: true,
      example: { name: 'CI deploys', scope: 'read', expiresInDays: 30 },
    },
    responses: {
      201: {
        description: 'The new token, with its secret this once.',
        body: {
          name: 'TokenResponse',
          schema: tokenResponse,
          example: { ...exampleApiToken, lastUsedAt: null, token: 'tth_q8Vd2kP0xN4mR7tB1cZ5hQa3uFyWk7dN' },
        },
        headers: { 'Cache-Control': { description: 'Always `no-store`: the answer holds a secret.', schema: z.literal('no-store') } },
      },
      400: 'InvalidRequest',
      403: errorResponse(
        '`forbidden`: the request came with an API token (only a session mints tokens), or from another site; ' +
          '`insufficient_scope`: it came with a read-only token.',
        'forbidden',
        'API tokens can only be created by a signed-in user, not with another API token.',
      ),
    },
  },
  {
    operationId: 'listApiTokens',
    method: 'get',
    path: '/api/v1/tokens',
    summary: 'The caller’s API tokens, newest first',
    description: 'Name, scope and dates; never the secret nor its hash. Expired tokens are listed until revoked.',
    tag: 'auth',
    auth: 'owner',
    responses: {
      200: {
        description: 'Every token of the signed-in user.',
        body: { name: 'TokenListResponse', schema: tokenListResponse, example: { tokens: [exampleApiToken] } },
      },
    },
  },
  {
    operationId: 'revokeApiToken',
    method: 'delete',
    path: '/api/v1/tokens/:id',
    summary: 'Revoke an API token; it is refused (401) from the next request on',
    description: 'A session or a `write` token may revoke, the caller’s own token included.',
    tag: 'auth',
    auth: 'owner',
    params: idParam,
    responses: {
      204: { description: 'Revoked.' },
      404: errorResponse('`not_found`: the caller has no token with this id.', 'not_found', 'There is no such API token.'),
    },
  },
]
