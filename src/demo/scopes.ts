/** What the demo OAuth provider can grant, in the words its consent page and Tether's invitation show. */
export const DEMO_SCOPES = {
  profile: 'See your name and email address',
  'docs.write': 'Create documents in your Demo Docs account',
} as const

export type DemoScope = keyof typeof DEMO_SCOPES

export function isDemoScope(scope: string): scope is DemoScope {
  return Object.hasOwn(DEMO_SCOPES, scope)
}

/** Demo Tasks accepts any key of this shape, so the demo needs no sign-up. */
export const DEMO_TASKS_KEY_PATTERN = /^demo_[A-Za-z0-9_-]{7,}$/
