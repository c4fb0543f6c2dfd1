import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { allApps } from '../src/apps'
import { withCatalog } from '../src/apps/catalog-markdown'

describe('the README catalog', () => {
  it('lists exactly the app files (run npm run catalog after adding one)', () => {
    const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8')
    expect(readme).toBe(withCatalog(readme, allApps))
  })
})
