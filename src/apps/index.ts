import { type Config, oauthClientFor } from '../config'
import type { Env } from '../env'
import { withApiRequest } from './api-request'
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
import { x } from './x'
import { linkedin } from './linkedin'
import { hubspot } from './hubspot'
import { notion } from './notion'
import { airtable } from './airtable'
import { asana } from './asana'
import { monday } from './monday'
import { calendly } from './calendly'
import { zoom } from './zoom'
import { microsoftOutlook } from './microsoft-outlook'
import { microsoftTeams } from './microsoft-teams'
import { googleDrive } from './google-drive'
import { googleCalendar } from './google-calendar'
import { youtube } from './youtube'
import { instagram } from './instagram'
import { discord } from './discord'
import { github } from './github'
import { gitlab } from './gitlab'
import { webflow } from './webflow'
import { dropbox } from './dropbox'
import { box } from './box'
import { stripe } from './stripe'
import { sendgrid } from './sendgrid'
import { brevo } from './brevo'
import { kit } from './kit'
import { klaviyo } from './klaviyo'
import { intercom } from './intercom'
import { linear } from './linear'
import { figma } from './figma'
import { postmark } from './postmark'
import { todoist } from './todoist'
import { zohoCrm } from './zoho-crm'
import { jiraCloud } from './jira-cloud'
import { xero } from './xero'
import { zoomServerToServer } from './zoom-server-to-server'
import { shopify } from './shopify'
import { wordpress } from './wordpress'

/** Each app with the generic "API request" action added (src/apps/api-request.ts). */
export const allApps: readonly AppDefinition[] = [
  googleDocs,
  googleSheets,
  gmail,
  slack,
  facebookPages,
  wordpress,
  clickup,
  mailchimp,
  x,
  linkedin,
  hubspot,
  notion,
  airtable,
  asana,
  monday,
  calendly,
  zoom,
  microsoftOutlook,
  microsoftTeams,
  googleDrive,
  googleCalendar,
  youtube,
  instagram,
  discord,
  github,
  gitlab,
  webflow,
  dropbox,
  box,
  stripe,
  sendgrid,
  brevo,
  kit,
  klaviyo,
  intercom,
  linear,
  figma,
  postmark,
  todoist,
  salesforce,
  jira,
  freshdesk,
  activeCampaign,
  trello,
  zohoCrm,
  jiraCloud,
  xero,
  zoomServerToServer,
  shopify,
  demoDocs,
  demoTasks,
].map(withApiRequest)

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
