/** The fixed list the app picker filters by; every app file names exactly one. */
export const APP_CATEGORIES = [
  'crm',
  'marketing',
  'productivity',
  'project-management',
  'communication',
  'commerce',
  'finance',
  'developer',
  'support',
  'storage',
  'social',
  'forms-scheduling',
  'demo',
] as const

export type AppCategory = (typeof APP_CATEGORIES)[number]

/** Shown in the picker's category menu and chips. */
export const CATEGORY_LABELS: Record<AppCategory, string> = {
  crm: 'CRM',
  marketing: 'Marketing',
  productivity: 'Productivity',
  'project-management': 'Project management',
  communication: 'Communication',
  commerce: 'Commerce',
  finance: 'Finance',
  developer: 'Developer tools',
  support: 'Customer support',
  storage: 'Files and storage',
  social: 'Social media',
  'forms-scheduling': 'Forms and scheduling',
  demo: 'Demo',
}

export function isAppCategory(value: string): value is AppCategory {
  return (APP_CATEGORIES as readonly string[]).includes(value)
}
