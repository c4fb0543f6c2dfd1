/**
 * A stand-in for ClickUp's API on loopback, run as its own process so it never shares the load
 * generator's event loop: `GET /api/v2/user` (the verify call) and `POST /api/v2/list/:id/task`
 * (the workflow action). Any `pk_…` token is accepted.
 */
import http from 'node:http'

let tasks = 0
const counts = { verify: 0, task: 0, refused: 0, connections: 0 }

const server = http.createServer((request, response) => {
  const chunks = []
  request.on('data', (chunk) => chunks.push(chunk))
  request.on('end', () => {
    const send = (status, body) => {
      const text = JSON.stringify(body)
      response.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) })
      response.end(text)
    }
    if (request.url === '/__stats') return send(200, counts)
    // `/delay/<ms>/…`: the same answer that much later, a real API's service time (bench/proxy.mjs).
    const delayed = /^\/delay\/(\d+)(\/.*)$/.exec(request.url ?? '')
    if (delayed) {
      request.url = delayed[2]
      return setTimeout(() => answer(request, chunks, send), Number(delayed[1]))
    }
    answer(request, chunks, send)
  })
})

function answer(request, chunks, send) {
  const authorized = String(request.headers.authorization ?? '').startsWith('pk_')
  if (!authorized) {
    counts.refused++
    return send(401, { err: 'Token invalid', ECODE: 'OAUTH_025' })
  }
  if (request.method === 'GET' && request.url === '/api/v2/user') {
    counts.verify++
    return send(200, { user: { id: 4242, username: 'Casey Clicker', email: 'casey@clickup.test' } })
  }
  const task = /^\/api\/v2\/list\/([^/]+)\/task$/.exec(request.url ?? '')
  if (request.method === 'POST' && task) {
    counts.task++
    const id = `task-${++tasks}`
    const { name } = JSON.parse(Buffer.concat(chunks).toString() || '{}')
    return send(200, { id, name, url: `https://app.clickup.com/t/${id}`, list: { id: task[1] } })
  }
  send(404, { err: 'Not found' })
}
// Every new TCP connection is counted, so a benchmark can show its clients kept theirs alive.
server.on('connection', () => counts.connections++)
server.keepAliveTimeout = 60_000
server.listen(0, '127.0.0.1', () => process.send?.({ port: server.address().port }))
process.on('disconnect', () => server.close(() => process.exit(0)))
