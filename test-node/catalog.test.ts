import { describe, expect, it } from 'vitest'
import readme from '../README.md?raw'
import { allApps } from '../src/apps'
import { withCatalog } from '../src/apps/catalog-markdown'

describe('the README catalog', () => {
  it('lists exactly the app files (run npm run catalog after adding one)', () => {
    expect(readme).toBe(withCatalog(readme, allApps))
  })
})
