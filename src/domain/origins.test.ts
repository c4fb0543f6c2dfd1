import { describe, expect, it } from 'vitest'
import { isLoopbackOrigin } from './origins'

describe('isLoopbackOrigin', () => {
  it.each(['http://localhost:8787', 'http://127.0.0.1:8787', 'http://127.1.2.3', 'http://[::1]:8787', 'https://localhost'])(
    '%s is loopback',
    (origin) => expect(isLoopbackOrigin(origin)).toBe(true),
  )

  it.each([
    'http://evil.example',
    'https://tether.example.com',
    'http://localhost.evil.example',
    'http://127.0.0.1.evil.example',
    'http://evil.localhost',
    'http://10.0.0.1',
    'http://[::2]',
    'http://0.0.0.0',
    'not an origin',
  ])('%s is not', (origin) => expect(isLoopbackOrigin(origin)).toBe(false))
})
