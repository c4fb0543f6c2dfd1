import { describe, expect, it } from 'vitest'
import { isLocalAddress } from './addresses'

describe('isLocalAddress', () => {
  it('knows loopback and private networks, IPv4 and IPv6', () => {
    for (const ip of ['127.0.0.1', '127.8.9.10', '10.1.2.3', '172.16.0.1', '172.31.255.255', '192.168.1.20', '169.254.1.1', '100.64.0.1']) {
      expect(isLocalAddress(ip), ip).toBe(true)
    }
    for (const ip of ['::1', '::ffff:127.0.0.1', '::ffff:192.168.0.4', 'fd12:3456::1', 'fc00::1', 'fe80::1', 'FE80::abcd', ' 127.0.0.1 ']) {
      expect(isLocalAddress(ip), ip).toBe(true)
    }
  })
  it('leaves public addresses and junk alone', () => {
    for (const ip of ['8.8.8.8', '172.32.0.1', '172.15.255.255', '192.169.0.1', '100.128.0.1', '1.1.1.1', '2001:db8::1', '2a00:1450::1']) {
      expect(isLocalAddress(ip), ip).toBe(false)
    }
    for (const ip of ['', 'localhost', '256.1.1.1', '1.2.3', 'not an ip']) expect(isLocalAddress(ip), ip).toBe(false)
  })
})
