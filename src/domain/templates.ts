/**
 * Step inputs are plain text with `{{ reference }}` placeholders, e.g. `{{trigger.title}}` or
 * `{{steps.1.id}}` (steps are numbered from 1). A reference is a dotted path, nothing more:
 * no expressions, no calls, so a template can never execute code.
 *
 * A reference whose value is missing at run time renders as empty text: webhook payloads vary
 * and an optional field should not fail the run. Required inputs still fail in the app's action
 * when they end up empty. Malformed references and references to a step that does not run
 * earlier are refused when the workflow is saved (`templateProblems`).
 */

export interface TemplateScope {
  /** The webhook's JSON payload. */
  trigger: unknown
  /** Outputs of the steps that ran so far, by 1-based position. */
  steps: ReadonlyMap<number, unknown>
}

const PLACEHOLDER = /\{\{([^{}]*)\}\}/g
const SEGMENT = /^[A-Za-z0-9_-]+$/
const STEP_NUMBER = /^[1-9][0-9]*$/

type Reference = { root: 'trigger'; path: string[] } | { root: 'steps'; step: number; path: string[] }

function parseReference(raw: string): Reference | null {
  const segments = raw.trim().split('.')
  if (!segments.every((segment) => SEGMENT.test(segment))) return null
  const [root, ...rest] = segments
  if (root === 'trigger') return { root, path: rest }
  if (root === 'steps' && rest[0] !== undefined && STEP_NUMBER.test(rest[0])) {
    return { root, step: Number(rest[0]), path: rest.slice(1) }
  }
  return null
}

/** Own properties and array indexes only, so `__proto__` or `constructor` resolve to nothing. */
function lookup(value: unknown, path: readonly string[]): unknown {
  let current = value
  for (const key of path) {
    if (typeof current !== 'object' || current === null || !Object.hasOwn(current, key)) return undefined
    current = (current as Record<string, unknown>)[key]
  }
  return current
}

function asText(value: unknown): string {
  if (value === undefined || value === null) return ''
  if (typeof value === 'string') return value
  if (typeof value === 'number' || typeof value === 'boolean') return String(value)
  return JSON.stringify(value)
}

export function renderTemplate(template: string, scope: TemplateScope): string {
  return template.replace(PLACEHOLDER, (_match, raw: string) => {
    const reference = parseReference(raw)
    if (!reference) return ''
    const base = reference.root === 'trigger' ? scope.trigger : scope.steps.get(reference.step)
    return asText(lookup(base, reference.path))
  })
}

export function renderInput(input: Readonly<Record<string, string>>, scope: TemplateScope): Record<string, string> {
  return Object.fromEntries(Object.entries(input).map(([key, template]) => [key, renderTemplate(template, scope)]))
}

/**
 * Why a template cannot work in the step at `position` (1-based), in words for the owner;
 * empty when it is fine. Unclosed braces are left alone: they are ordinary text.
 */
export function templateProblems(template: string, position: number): string[] {
  const problems: string[] = []
  for (const match of template.matchAll(PLACEHOLDER)) {
    const raw = (match[1] ?? '').trim()
    const reference = parseReference(raw)
    if (!reference) {
      problems.push(`{{${raw}}} is not a reference. Use {{trigger.field}} or {{steps.1.field}}.`)
    } else if (reference.root === 'steps' && reference.step >= position) {
      problems.push(`{{${raw}}} refers to step ${reference.step}, which does not run before step ${position}.`)
    }
  }
  return problems
}
