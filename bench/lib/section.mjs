import { readFileSync, writeFileSync } from 'node:fs'

/**
 * Writes one bench script's section of docs/BENCHMARKS.md between its `<!-- name:start/end -->` markers (appended the
 * first time), leaving the rest of the file as it is. `BENCH_WRITE=0` only prints.
 */
export function writeSection(name, lines) {
  if (process.env.BENCH_WRITE === '0') return
  const path = 'docs/BENCHMARKS.md'
  const start = `<!-- ${name}:start -->`
  const end = `<!-- ${name}:end -->`
  const section = [start, ...lines, end].join('\n')
  const doc = readFileSync(path, 'utf8')
  const next = doc.includes(start) ? doc.replace(new RegExp(`${start}[\\s\\S]*?${end}`), () => section) : `${doc.trimEnd()}\n\n${section}\n`
  writeFileSync(path, next)
  console.log(`wrote ${path}`)
}
