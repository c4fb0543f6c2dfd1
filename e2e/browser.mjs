// Debian's Chromium driven by playwright-core; never a downloaded browser.
import { existsSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { chromium } from 'playwright-core'

export const CHROMIUM = process.env.E2E_CHROMIUM ?? '/usr/bin/chromium'
const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
]

export const DESKTOP = { viewport: { width: 1280, height: 800 } }
export const PHONE = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true }

export async function launchBrowser() {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`Chromium not found at ${CHROMIUM}. Install it: apt-get update && apt-get install -y chromium`)
  }
  return chromium.launch({ executablePath: CHROMIUM, args: ARGS })
}

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8')

/**
 * axe-core on the page as it is: serious and critical violations fail. The page must come from
 * a context created with `bypassCSP: true`, since the app's CSP forbids injected scripts.
 */
export async function assertAccessible(page, label) {
  await page.addScriptTag({ content: axeSource })
  const { violations } = await page.evaluate(() => globalThis.axe.run(document, { resultTypes: ['violations'] }))
  const bad = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
  if (bad.length) {
    const lines = bad.map(
      (v) =>
        `  [${v.impact}] ${v.id}: ${v.help}\n${v.nodes
          .slice(0, 3)
          .map((n) => `      ${n.target.join(' ')} — ${n.failureSummary?.split('\n').slice(1).join('; ')}`)
          .join('\n')}`,
    )
    throw new Error(`axe on ${label}: ${bad.length} serious/critical violation(s)\n${lines.join('\n')}`)
  }
  return violations.length
}
