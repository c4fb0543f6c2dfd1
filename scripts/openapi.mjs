// Writes src/openapi/openapi.json from the operation registry and the zod schemas, so the worker
// serves a file instead of spending ~50 ms of CPU building the document on a cold start.
import { spawnSync } from 'node:child_process'
import { writeFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { fileURLToPath } from 'node:url'
import { build } from 'esbuild'

const output = fileURLToPath(new URL('../src/openapi/openapi.json', import.meta.url))

const bundled = await build({
  entryPoints: [fileURLToPath(new URL('../src/openapi/document.ts', import.meta.url))],
  bundle: true,
  platform: 'node',
  format: 'esm',
  write: false,
  logLevel: 'warning',
})
const source = Buffer.from(bundled.outputFiles[0].text).toString('base64')
const { buildOpenApiDocument } = await import(`data:text/javascript;base64,${source}`)
await writeFile(output, `${JSON.stringify(buildOpenApiDocument())}\n`)

// Formatted the way `npm run lint` expects, so a regenerated file is also a clean diff.
const biome = createRequire(import.meta.url).resolve('@biomejs/biome/bin/biome')
const formatted = spawnSync(process.execPath, [biome, 'format', '--write', output], { encoding: 'utf8' })
if (formatted.status !== 0) {
  console.error(formatted.stdout, formatted.stderr)
  process.exit(formatted.status ?? 1)
}
console.log(`wrote ${output}`)
