import { expect } from 'vitest'
import { AppError } from '../src/domain/errors'
import { fakeRequests, type RecordedRequest } from './fake-requests'

/** The AppError a call fails with; fails the test if it succeeds or throws anything else. */
export async function failureOf(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise
  } catch (error) {
    expect(error).toBeInstanceOf(AppError)
    return error as AppError
  }
  throw new Error('expected the call to fail')
}

/** What the fakes received after `cursor` (from fakeCursor) that `matches`: test files share the fakes. */
export async function requestsSince(cursor: number, matches: (request: RecordedRequest) => boolean): Promise<RecordedRequest[]> {
  return (await fakeRequests(cursor)).requests.filter(matches)
}

/** Exactly one matching request, or a failure that says what arrived instead. */
export async function onlyRequestSince(cursor: number, matches: (request: RecordedRequest) => boolean): Promise<RecordedRequest> {
  const found = await requestsSince(cursor, matches)
  if (found.length !== 1) {
    const all = (await fakeRequests(cursor)).requests.map((request) => `${request.method} ${request.path}`)
    throw new Error(`expected one matching request, found ${found.length}; received: ${all.join(', ') || 'nothing'}`)
  }
  return found[0]!
}
