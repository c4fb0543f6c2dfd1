import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'

/** Placeholder until the app fakes land: a loopback server that answers 404. */
export async function startFakes(): Promise<{ url: string; endpoints: Record<string, Record<string, string>> }> {
  const server = createServer((_req, res) => { res.statusCode = 404; res.end() })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  server.unref()
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  return { url, endpoints: {} }
}
