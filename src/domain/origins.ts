/**
 * Whether an origin is this machine: `localhost`, 127.0.0.0/8 or [::1]. Only such a request origin
 * may stand in for PUBLIC_URL, since only the person at that machine can be sent there. Pure.
 */
export function isLoopbackOrigin(origin: string): boolean {
  let host: string
  try {
    host = new URL(origin).hostname
  } catch {
    return false
  }
  return host === 'localhost' || host === '[::1]' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host)
}
