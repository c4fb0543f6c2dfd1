import { AppError } from '../domain/errors'
import type { Credentials, Field } from './types'

/** Reads a credential the client typed; a missing one means the credentials are unusable. */
export function credentialValue(credentials: Credentials, declared: Field): string {
  const value = (credentials as Record<string, unknown>)[declared.key]
  if (typeof value !== 'string' || value.trim() === '') {
    throw new AppError('invalid_credentials', `Enter the ${declared.label}.`)
  }
  return value.trim()
}

/** The access token of an OAuth connection. */
export function accessTokenOf(credentials: Credentials): string {
  const token = (credentials as Record<string, unknown>).accessToken
  if (typeof token !== 'string' || token === '') {
    throw new AppError('invalid_credentials', 'The connection has no access token. Reconnect it.')
  }
  return token
}

export function requiredInput(input: Record<string, string>, declared: Field): string {
  const value = optionalInput(input, declared)
  if (value === undefined) throw new AppError('invalid_request', `${declared.label} is required.`)
  return value
}

export function optionalInput(input: Record<string, string>, declared: Field): string | undefined {
  const value = input[declared.key]
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined
}
