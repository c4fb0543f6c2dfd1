// `npm run lint:lines`: fails on any line over 140 characters in the tracked (or new, not ignored)
// source files. Biome's formatter wraps code at 140 but leaves long strings, templates and
// comments alone, and it does not format public/ at all.
import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'

const MAX = 140
const EXTENSIONS = /\.(ts|tsx|js|mjs|cjs|css|json|jsonc)$/
// Generated files: their generators decide their lines.
const EXEMPT = new Set(['package-lock.json', 'worker-configuration.d.ts', 'public/api/v1/openapi.json'])

const files = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard', '-z'], { encoding: 'utf8' })
  .split('\0')
  .filter((file) => EXTENSIONS.test(file) && !EXEMPT.has(file))

const long = []
for (const file of files) {
  let text
  try {
    text = readFileSync(file, 'utf8')
  } catch {
    continue // deleted in the work tree, not yet in the index
  }
  text.split(/\r?\n/).forEach((line, index) => {
    const length = [...line].length
    if (length > MAX) long.push(`${file}:${index + 1}: ${length} characters`)
  })
}
if (long.length > 0) {
  console.error(`${long.length} lines over ${MAX} characters:\n  ${long.join('\n  ')}`)
  process.exit(1)
}
console.log(`${files.length} files, no line over ${MAX} characters.`)
