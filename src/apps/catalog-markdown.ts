import { CATEGORY_LABELS } from './categories'
import type { AppDefinition } from './types'

export const CATALOG_START = '<!-- catalog:start (npm run catalog writes this list from src/apps) -->'
export const CATALOG_END = '<!-- catalog:end -->'

/** How an app authenticates, in a few words, from its declaration. */
export function authModeLabel(app: AppDefinition): string {
  if (app.authType === 'oauth2') return app.oauth?.pkce === false ? 'OAuth 2.0' : 'OAuth 2.0 with PKCE'
  if (app.authType === 'client_credentials') return 'OAuth 2.0 client credentials'
  const placement = app.credentialPlacement
  if (placement?.in === 'query') return 'API key in the query'
  if (placement?.in === 'header') return `API key in the \`${placement.name}\` header`
  if (placement?.in === 'bearer') return 'API key as a Bearer token'
  if (placement?.in === 'basic' || app.authType === 'basic') return 'Basic'
  return 'API key'
}

/** The README's catalog table, padded as the formatter pads it; demo apps are left out (served only with DEMO_APPS=1). */
export function catalogMarkdown(apps: readonly AppDefinition[]): string {
  const listed = apps.filter((app) => !app.demo)
  const rows = [
    ['App', 'id', 'Category', 'Sign-in'],
    ...listed.map((app) => [app.name, `\`${app.id}\``, CATEGORY_LABELS[app.category], authModeLabel(app)]),
  ]
  const widths = rows[0]!.map((_, column) => Math.max(3, ...rows.map((row) => row[column]!.length)))
  const line = (cells: string[]) => `| ${cells.map((cell, column) => cell.padEnd(widths[column]!)).join(' | ')} |`
  const [header, ...body] = rows
  return [`${listed.length} apps.`, '', line(header!), line(widths.map((width) => '-'.repeat(width))), ...body.map(line)].join('\n')
}

/** `readme` with the text between the markers replaced; throws when the markers are missing. */
export function withCatalog(readme: string, apps: readonly AppDefinition[]): string {
  const start = readme.indexOf(CATALOG_START)
  const end = readme.indexOf(CATALOG_END)
  if (start < 0 || end < start) throw new Error('README.md lacks the catalog markers')
  return `${readme.slice(0, start + CATALOG_START.length)}\n\n${catalogMarkdown(apps)}\n\n${readme.slice(end)}`
}
