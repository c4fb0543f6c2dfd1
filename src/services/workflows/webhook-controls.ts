import { AppError } from '../../domain/errors'
import { open, openExpiring, seal, sealContext, sealExpiring } from '../../domain/crypto'
import { newWebhookSecret, verifyWebhookSignature, type SignatureHeaders } from '../../domain/webhook-signature'
import { replaceWebhookToken, setWebhookSecret, type WorkflowWithSteps } from '../../db/workflows'
import type { Owner } from '../../domain/shapes'
import type { Deps } from '../deps'
import { enforceRateLimits, WEBHOOK_PER_WORKFLOW } from '../rate-limits'
import { requireWorkflow } from './definitions'
import { newWebhook } from './webhook'

/** The old URL answers 404 as soon as this returns. */
export async function rotateWebhook(deps: Deps, owner: Owner, id: string, now: number): Promise<WorkflowWithSteps> {
  await requireWorkflow(deps, owner, id)
  const webhook = await newWebhook(deps, id)
  await replaceWebhookToken(deps.db, owner.workspaceId, id, { hash: webhook.tokenHash, sealed: webhook.sealed }, now)
  return requireWorkflow(deps, owner, id)
}

/** Creates or replaces the signing secret; the caller shows it once. */
export async function createWebhookSecret(
  deps: Deps,
  owner: Owner,
  id: string,
  now: number,
): Promise<{ workflow: WorkflowWithSteps; secret: string }> {
  await requireWorkflow(deps, owner, id)
  const secret = newWebhookSecret()
  await setWebhookSecret(deps.db, owner.workspaceId, id, await seal(await deps.keyring(), secret, sealContext.webhookSecret(id)), now)
  return { workflow: await requireWorkflow(deps, owner, id), secret }
}

export async function removeWebhookSecret(deps: Deps, owner: Owner, id: string, now: number): Promise<WorkflowWithSteps> {
  await requireWorkflow(deps, owner, id)
  await setWebhookSecret(deps.db, owner.workspaceId, id, null, now)
  return requireWorkflow(deps, owner, id)
}

export const isSigned = ({ workflow }: WorkflowWithSteps) => workflow.webhookSecretBlob !== null

const SIGNATURE_MESSAGES = {
  missing: 'This workflow requires signed triggers: send the webhook-id, webhook-timestamp and webhook-signature headers.',
  expired: 'The webhook-timestamp is more than 5 minutes away from now.',
  mismatch: 'The webhook-signature does not match the body with this workflow’s signing secret.',
} as const

/**
 * What a trigger must pass before a run starts: the signature (on the raw bytes, when the
 * workflow has a secret), then the per-workflow limit, so forged triggers spend no one's budget.
 */
export async function admitTrigger(
  deps: Deps,
  found: WorkflowWithSteps,
  headers: SignatureHeaders,
  body: Uint8Array,
  now: number,
): Promise<void> {
  const { workflow } = found
  if (workflow.webhookSecretBlob !== null && workflow.webhookSecretKeyVersion !== null) {
    const sealed = { blob: workflow.webhookSecretBlob, keyVersion: workflow.webhookSecretKeyVersion }
    const secret = await open(await deps.keyring(), sealed, sealContext.webhookSecret(workflow.id))
    const verdict = await verifyWebhookSignature(secret, headers, body, now)
    if (verdict !== 'valid') throw new AppError('invalid_signature', SIGNATURE_MESSAGES[verdict])
  }
  await enforceRateLimits(deps.db, [{ policy: WEBHOOK_PER_WORKFLOW, subject: workflow.id }], now)
}

/** How long the builder may still show a just-created secret (one page load, then it is gone). */
export const SECRET_REVEAL_MS = 2 * 60_000

/** The new secret sealed for the builder's one-time cookie: bound to the workflow, useless after SECRET_REVEAL_MS. */
export async function sealSecretReveal(deps: Deps, workflowId: string, secret: string, now: number): Promise<string> {
  return sealExpiring(await deps.keyring(), secret, sealContext.webhookSecretReveal(workflowId), now + SECRET_REVEAL_MS)
}

/** Anything that does not open, belongs to another workflow or is too old shows nothing. */
export async function openSecretReveal(deps: Deps, workflowId: string, value: string, now: number): Promise<string | null> {
  return openExpiring<string>(await deps.keyring(), value, sealContext.webhookSecretReveal(workflowId), now)
}
