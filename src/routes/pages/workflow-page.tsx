import { CURSOR_MAX } from '../../domain/limits'
import type { Context } from 'hono'
import type { AppEnv } from '../../http/context'
import { viewerTimeZone } from '../../http/viewer'
import type { Deps } from '../../services/deps'
import { requireWorkflow } from '../../services/workflows/definitions'
import { renderPage } from '../../views/render'
import { WorkflowPage } from '../../views/pages/workflows/workflow'
import { ownerView } from './view-models'
import { workflowView } from './workflow-views'

/** What a redirect's `?done=` says on the workflow page. */
export const NOTICES: Record<string, string> = {
  created: 'Workflow created. Add its first step.',
  'step-added': 'Step added.',
  'step-saved': 'Step saved.',
  'step-deleted': 'Step deleted.',
  moved: 'Steps reordered.',
  renamed: 'Workflow renamed.',
  'webhook-rotated': 'New webhook address created. The previous one no longer works.',
  'secret-created': 'Signing secret created. From now on only signed triggers start runs.',
  'secret-removed': 'Signing secret removed. Triggers no longer need a signature.',
  'run-started': 'Run queued with the test payload. It shows below once it has run.',
  'run-retried': 'Run queued again with its stored payload. The new run shows below.',
}

/** `?runs=<cursor>` pages the runs; anything longer than a cursor is ignored rather than parsed. */
const runsCursorOf = (cursor: string | undefined) => (cursor && cursor.length <= CURSOR_MAX ? cursor : undefined)

/** The builder's main page, also re-shown with the reason when a change is refused. */
export async function showWorkflow(
  c: Context<AppEnv>,
  deps: Deps,
  id: string,
  extras: { notice?: string | null; error?: string | null; newSecret?: string | null } = {},
  status = 200,
) {
  const owner = c.get('owner')
  const now = Date.now()
  const view = await workflowView(deps, owner, await requireWorkflow(deps, owner, id), now, runsCursorOf(c.req.query('runs')))
  return c.html(
    renderPage(<WorkflowPage owner={ownerView(owner)} workflow={view} now={now} {...extras} />, viewerTimeZone(c)),
    status as 200,
  )
}
