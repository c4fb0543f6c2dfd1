// The order matters only for the shared workspace's table (the screenshot shows every badge)
// and for 1 → 2 → 3, which continue one story. 5b and 7 wait on the clock, so they run last.
import { apiRequestScenario } from './api-request.mjs'
import { accessibilityScenario, keyboardScenario, ownerPhoneScenario } from './accessibility.mjs'
import { clientPhoneScenario, requestLinkScenario, workflowScenario } from './journey.mjs'
import { expiryScenario, oauthScenario, refreshScenario, rejectScenario } from './more-flows.mjs'
import { signUpScenario } from './sign-up.mjs'
import { reloadAndBackScenario } from './reload-and-back.mjs'
import { papercutsScenario } from './papercuts.mjs'
import { needsReconnectScenario } from './needs-reconnect.mjs'
import { retriedRunScenario } from './retried-run.mjs'
import { sameAccountScenario } from './same-account.mjs'
import { germanClientScenario } from './german-client.mjs'
import { multiAppScenario } from './multi-app.mjs'
import { brandedInvitationScenario } from './branded-invitation.mjs'
import { notificationsScenario } from './notifications.mjs'
import { staticAssetsScenario } from './static-assets.mjs'
import { tableScenario } from './table.mjs'
import { managePageScenario } from './manage-page.mjs'

export const scenarios = [
  signUpScenario,
  requestLinkScenario,
  clientPhoneScenario,
  workflowScenario,
  oauthScenario,
  rejectScenario,
  refreshScenario,
  accessibilityScenario,
  keyboardScenario,
  ownerPhoneScenario,
  staticAssetsScenario,
  // After the screenshots of the shared table, which its four connections would crowd.
  reloadAndBackScenario,
  papercutsScenario,
  apiRequestScenario,
  sameAccountScenario,
  germanClientScenario,
  multiAppScenario,
  brandedInvitationScenario,
  needsReconnectScenario,
  notificationsScenario,
  managePageScenario,
  retriedRunScenario,
  expiryScenario,
  tableScenario,
]
