/** The figures as tables: text for the terminal, Markdown for docs/BENCHMARKS.md. */
export const HELLO = 'floor: hello world'
export const KV_HIT = 'floor: one KV get (hit)'
export const KV_MISS = 'floor: one KV get (miss)'

export const x = (value) => (value === null || value === undefined ? '–' : `${value < 0.1 ? value.toPrecision(2) : value.toFixed(2)}×`)
export const ms = (v) => (v === null || v === undefined ? '–' : v < 10 ? v.toFixed(2) : v.toFixed(1))

const SCENARIO_ORDER = [
  HELLO,
  KV_HIT,
  'invitation page',
  KV_MISS,
  'invalid-link page',
  'link generation',
  'credential submission',
  'workflow run (webhook)',
]

export function mainTable(results) {
  const head = ['Target', 'req/s', 'p50 ms', 'p99 ms', 'CPU µs/req', '× hello', '× KV floor', 'p99 × KV floor']
  const body = SCENARIO_ORDER.map((name) => results.rows.find((r) => r.name === name))
    .filter(Boolean)
    .map((r) => [
      r.name,
      r.rps.toFixed(0),
      String(r.p50),
      String(r.p99),
      r.cpu === null ? '–' : r.cpu.toFixed(0),
      x(r.vsHello.median),
      r.vsKv ? x(r.vsKv.median) : '',
      r.p99VsKv ? x(r.p99VsKv.median) : '',
    ])
  return { head, body }
}

export function profileTable(results) {
  const head = [
    'Scenario',
    'response ms',
    'crypto',
    'D1 (trips)',
    'KV (calls)',
    'upstream (calls)',
    'other JS',
    'after response ms',
    'after: D1 (trips)',
    'after: upstream',
  ]
  const cell = (b) => `${ms(b.ms)} (${b.calls.toFixed(b.calls % 1 ? 2 : 0)})`
  const body = results.profile.map((p) => {
    const io = ['crypto', 'importKey', 'd1', 'kv', 'upstream'].reduce((sum, b) => sum + p.response[b].ms, 0)
    return [
      p.name,
      ms(p.responseMs),
      ms(p.response.crypto.ms + p.response.importKey.ms),
      cell(p.response.d1),
      cell(p.response.kv),
      cell(p.response.upstream),
      ms(Math.max(0, p.responseMs - io)),
      ms(p.afterMs),
      cell(p.after.d1),
      cell(p.after.upstream),
    ]
  })
  return { head, body }
}

export function markdownTable({ head, body }) {
  const line = (cells) => `| ${cells.join(' | ')} |`
  return [line(head), line(head.map((_, i) => (i === 0 ? '---' : '---:'))), ...body.map(line)].join('\n')
}

export function textTable({ head, body }) {
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((row) => row[i].length)))
  const line = (cells) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ')
  return [line(head), widths.map((w) => '─'.repeat(w)).join('  '), ...body.map(line)].join('\n')
}
