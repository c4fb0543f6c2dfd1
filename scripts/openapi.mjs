// Writes public/api/v1/openapi.json from the operation registry and the zod schemas, so the worker
// serves a file instead of spending ~50 ms of CPU building the document on a cold start. A static
// asset rather than an import: bundled, it cost the worker 12 KiB of its gzip budget.
import { writeFile } from 'node:fs/promises'
import { fileURLToPath } from 'node:url'
import { build } from 'esbuild'

const output = fileURLToPath(new URL('../public/api/v1/openapi.json', import.meta.url))

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
await writeFile(output, `${JSON.stringify(buildOpenApiDocument(), null, 2)}\n`)
console.log(`wrote ${output}`)
