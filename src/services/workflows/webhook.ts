import { open, seal, sealContext, type Sealed } from '../../domain/crypto'
import { hashToken, isWellFormedToken, newToken } from '../../domain/tokens'
import { findWorkflowByWebhookHash, type WorkflowRow, type WorkflowWithSteps } from '../../db/workflows'
import type { Deps } from '../deps'

/** Like link tokens: looked up by hash, kept sealed so the owner can see the URL again. */
export interface NewWebhook {
  tokenHash: string
  sealed: Sealed
}

export async function newWebhook(deps: Deps, workflowId: string): Promise<NewWebhook> {
  const token = newToken()
  return { tokenHash: await hashToken(token), sealed: await seal(await deps.keyring(), token, sealContext.webhookToken(workflowId)) }
}

export const webhookUrl = (deps: Deps, token: string) => `${deps.publicOrigin}/hooks/${token}`

export async function revealWebhookUrl(deps: Deps, workflow: WorkflowRow): Promise<string> {
  const sealed = { keyVersion: workflow.webhookTokenKeyVersion, blob: workflow.webhookTokenBlob }
  return webhookUrl(deps, await open(await deps.keyring(), sealed, sealContext.webhookToken(workflow.id)))
}

export async function findWorkflowForWebhook(deps: Deps, token: string): Promise<WorkflowWithSteps | undefined> {
  if (!isWellFormedToken(token)) return undefined
  return findWorkflowByWebhookHash(deps.db, await hashToken(token))
}
