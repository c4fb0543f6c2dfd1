import { type Config, oauthClientFor } from '../config'
import type { Env } from '../env'
import { activeCampaign } from './active-campaign'
import { clickup } from './clickup'
import { demoDocs } from './demo-docs'
import { demoTasks } from './demo-tasks'
import { facebookPages } from './facebook-pages'
import { freshdesk } from './freshdesk'
import { gmail } from './gmail'
import { googleDocs } from './google-docs'
import { googleSheets } from './google-sheets'
import { jira } from './jira'
import { mailchimp } from './mailchimp'
import { salesforce } from './salesforce'
import { slack } from './slack'
import { trello } from './trello'
import type { AppDefinition } from './types'
import { zohoCrm } from './zoho-crm'
import { wordpress } from './wordpress'

export const allApps: readonly AppDefinition[] = [
  googleDocs,
  googleSheets,
  gmail,
  slack,
  facebookPages,
  wordpress,
  clickup,
  mailchimp,
  salesforce,
  jira,
  freshdesk,
  activeCampaign,
  trello,
  zohoCrm,
  demoDocs,
  demoTasks,
]

const appsById = new Map(allApps.map((app) => [app.id, app]))

export function getApp(id: string): AppDefinition | undefined {
  return appsById.get(id)
}

/** The catalog owners see: demo apps only where the worker serves them. */
export function listedApps(config: Pick<Config, 'demoApps'>): AppDefinition[] {
  return allApps.filter((app) => !app.demo || config.demoApps)
}

/** Listed but unusable (available:false) when the app's OAuth provider has no client configured. */
export function isAppAvailable(env: Env, app: AppDefinition): boolean {
  if (app.demo && env.DEMO_APPS !== '1') return false
  return !app.oauth || oauthClientFor(env, app.oauth.provider) !== null
}
