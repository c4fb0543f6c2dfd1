// Writes the README's app list (between the catalog markers) from the app files; test-node/catalog.test.ts fails when it is stale.
import { readFile, writeFile } from 'node:fs/promises'
import { fileURLToPath } from 'node:url'
import { build } from 'esbuild'

const readmePath = fileURLToPath(new URL('../README.md', import.meta.url))
const bundled = await build({
  stdin: {
    contents: "export { allApps } from './src/apps/index.ts'\nexport { withCatalog } from './src/apps/catalog-markdown.ts'\n",
    resolveDir: fileURLToPath(new URL('..', import.meta.url)),
    loader: 'ts',
  },
  bundle: true,
  platform: 'node',
  format: 'esm',
  write: false,
  logLevel: 'warning',
})
const source = Buffer.from(bundled.outputFiles[0].text).toString('base64')
const { allApps, withCatalog } = await import(`data:text/javascript;base64,${source}`)
await writeFile(readmePath, withCatalog(await readFile(readmePath, 'utf8'), allApps))
console.log(`wrote the catalog in ${readmePath}`)
