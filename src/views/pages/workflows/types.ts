import type { Action, AppDefinition } from '../../../apps/types'
import type { PublicConnection, PublicRun } from '../../../domain/shapes'

/** Dashboard URLs of one workflow, in one place. */
export const workflowHref = (id: string, rest = '') => `/workflows/${encodeURIComponent(id)}${rest}`

export interface WorkflowSummaryView {
  id: string
  name: string
  apps: AppDefinition[]
  stepCount: number
  updatedAt: string
}

/** A saved step as the builder lists it. */
export interface StepView {
  position: number
  /** null when the app left the catalog. */
  app: AppDefinition | null
  action: Action | null
  /** null when the connection was deleted since the step was saved. */
  connection: PublicConnection | null
  input: Record<string, string>
}

export interface WorkflowView {
  id: string
  name: string
  webhookUrl: string
  webhookSigning: boolean
  steps: StepView[]
  runs: PublicRun[]
  /** Older runs follow at `?runs=<cursor>`; null on the last page. */
  runsNextCursor: string | null
  /** Whether this is a later page of runs (offers the way back to the newest). */
  runsPaged: boolean
}
