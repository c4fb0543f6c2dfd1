import { pageQuery } from '../../api-schemas/connections'
import { idParam } from '../../api-schemas/common'
import {
  hookAcceptedResponse,
  hookParams,
  hookPayload,
  runListResponse,
  runParams,
  runStartedResponse,
  webhookSecretResponse,
  workflowListResponse,
  workflowResponse,
  workflowSchema,
} from '../../api-schemas/workflows'
import { errorResponse, quotaResponse } from '../errors'
import { exampleRun, exampleWorkflow, exampleWorkflowBody } from '../examples'
import type { NamedBody, Operation } from '../types'

const workflowBody: NamedBody = { name: 'WorkflowResponse', schema: workflowResponse, example: { workflow: exampleWorkflow } }
const workflowRequest = { name: 'WorkflowRequest', schema: workflowSchema, required: true, example: exampleWorkflowBody }

const notReady = errorResponse(
  '`connection_not_ready`: a step’s connection is missing, pending or rejected; `app_unavailable`: a step’s app is not configured.',
  'connection_not_ready',
  'Step 1: The connection "Client WordPress" is still pending: the client has not connected it yet.',
)

const queueUnavailable = errorResponse(
  '`queue_unavailable`: the runs queue did not take the run; it is recorded as failed and nothing ran. Send it again.',
  'queue_unavailable',
  'Tether could not queue the run right now. Send the trigger again in a moment.',
)

export const workflowOperations: Operation[] = [
  {
    operationId: 'listWorkflows',
    method: 'get',
    path: '/api/v1/workflows',
    summary: 'List the workspace’s workflows',
    tag: 'workflows',
    auth: 'owner',
    responses: {
      200: {
        description: 'Every workflow with its webhook URL.',
        body: { name: 'WorkflowListResponse', schema: workflowListResponse, example: { workflows: [exampleWorkflow] } },
      },
    },
  },
  {
    operationId: 'createWorkflow',
    method: 'post',
    path: '/api/v1/workflows',
    summary: 'Create a workflow: a webhook trigger and steps that run app actions',
    description: 'Each step is checked: the app and action exist, the connection belongs to the app and is active, the templates resolve.',
    tag: 'workflows',
    auth: 'owner',
    requestBody: workflowRequest,
    responses: {
      201: { description: 'The workflow.', body: workflowBody },
      400: 'InvalidRequest',
      409: quotaResponse(
        'the workspace holds 500 workflows',
        'This workspace has reached its limit of 500 workflows. Delete workflows you no longer need to create new ones.',
      ),
      422: notReady,
    },
  },
  {
    operationId: 'getWorkflow',
    method: 'get',
    path: '/api/v1/workflows/:id',
    summary: 'Get a workflow',
    tag: 'workflows',
    auth: 'owner',
    params: idParam,
    responses: { 200: { description: 'The workflow.', body: workflowBody }, 404: 'NotFound' },
  },
  {
    operationId: 'updateWorkflow',
    method: 'put',
    path: '/api/v1/workflows/:id',
    summary: 'Replace a workflow’s name and steps; the webhook URL stays',
    tag: 'workflows',
    auth: 'owner',
    params: idParam,
    requestBody: workflowRequest,
    responses: { 200: { description: 'The workflow.', body: workflowBody }, 400: 'InvalidRequest', 404: 'NotFound', 422: notReady },
  },
  {
    operationId: 'deleteWorkflow',
    method: 'delete',
    path: '/api/v1/workflows/:id',
    summary: 'Delete a workflow; its webhook stops working',
    tag: 'workflows',
    auth: 'owner',
    params: idParam,
    responses: { 204: { description: 'Deleted.' }, 404: 'NotFound' },
  },
  {
    operationId: 'listRuns',
    method: 'get',
    path: '/api/v1/workflows/:id/runs',
    summary: 'The workflow’s runs, newest first, a page at a time',
    tag: 'workflows',
    auth: 'owner',
    params: idParam,
    query: pageQuery,
    responses: {
      200: {
        description: 'A page of its runs and their steps; `nextCursor` leads to older ones.',
        body: { name: 'RunListResponse', schema: runListResponse, example: { runs: [exampleRun], nextCursor: null } },
      },
      400: 'InvalidRequest',
      404: 'NotFound',
    },
  },
  {
    operationId: 'rotateWebhook',
    method: 'post',
    path: '/api/v1/workflows/:id/webhook/rotate',
    summary: 'Give the workflow a new webhook URL; the old one answers 404 at once',
    tag: 'workflows',
    auth: 'owner',
    params: idParam,
    responses: { 200: { description: 'The workflow with its new webhook URL.', body: workflowBody }, 404: 'NotFound' },
  },
  {
    operationId: 'createWebhookSecret',
    method: 'post',
    path: '/api/v1/workflows/:id/webhook/secret',
    summary: 'Create or replace the webhook signing secret; from then on triggers must be signed',
    description:
      'The secret is in this answer only (`Cache-Control: no-store`). Triggers must then carry a Standard Webhooks ' +
      'signature (`webhook-id`, `webhook-timestamp` within 5 minutes, `webhook-signature`); a replaced secret stops working at once.',
    tag: 'workflows',
    auth: 'owner',
    params: idParam,
    responses: {
      200: {
        description: 'The workflow and its new secret.',
        body: {
          name: 'WebhookSecretResponse',
          schema: webhookSecretResponse,
          example: { workflow: { ...exampleWorkflow, webhookSigning: true }, secret: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw' },
        },
      },
      404: 'NotFound',
    },
  },
  {
    operationId: 'deleteWebhookSecret',
    method: 'delete',
    path: '/api/v1/workflows/:id/webhook/secret',
    summary: 'Remove the signing secret; triggers need no signature again',
    tag: 'workflows',
    auth: 'owner',
    params: idParam,
    responses: { 200: { description: 'The workflow, signing off.', body: workflowBody }, 404: 'NotFound' },
  },
  {
    operationId: 'triggerWorkflow',
    method: 'post',
    path: '/hooks/:token',
    summary: 'Trigger a workflow through its webhook URL',
    description:
      'The secret token in the URL is the credential; when the workflow has a signing secret, the request must also carry a ' +
      'valid Standard Webhooks signature over the raw body. At most 60 triggers a minute per workflow. ' +
      'Answers 202 once the run is on the runs queue (payload stored sealed); the queue consumer runs the steps, retrying ' +
      '429, 5xx and timeouts per step (see GET /api/v1/workflows/{id}/runs). ' +
      'The payload is available to step templates as `{{trigger.…}}`.',
    tag: 'webhooks',
    auth: 'none',
    params: hookParams,
    requestBody: { name: 'HookPayload', schema: hookPayload, required: false, example: { title: 'Hello', body: 'World' } },
    responses: {
      202: {
        description: 'The run is queued.',
        body: { name: 'HookAcceptedResponse', schema: hookAcceptedResponse, example: { runId: 'Rn8uI0oP2aS4dF6g' } },
      },
      400: errorResponse('`invalid_request`: the body is not JSON.', 'invalid_request', 'The request body must be JSON.'),
      401: errorResponse(
        '`invalid_signature`: the workflow requires signed triggers and the signature is missing, too old or wrong.',
        'invalid_signature',
        'The webhook-signature does not match the body with this workflow’s signing secret.',
      ),
      404: errorResponse('`not_found`: no workflow has this webhook token.', 'not_found', 'There is no workflow at this address.'),
      429: 'RateLimited',
      503: queueUnavailable,
    },
  },
  {
    operationId: 'retryRun',
    method: 'post',
    path: '/api/v1/runs/:id/retry',
    summary: 'Run a finished run again, with the payload it was triggered with',
    description:
      'Starts a new run of the workflow as it is now, with the stored (sealed) trigger payload of this run; the new run’s ' +
      '`retryOf` names this one, and this run’s record stays as it was.',
    tag: 'workflows',
    auth: 'owner',
    params: runParams,
    responses: {
      202: {
        description: 'The new run is queued.',
        body: { name: 'RunStartedResponse', schema: runStartedResponse, example: { runId: 'Rq3wE5rT7yU9iO1p' } },
      },
      404: 'NotFound',
      409: errorResponse(
        '`conflict`: the run is still queued or running, or is older than stored payloads.',
        'conflict',
        'This run has not finished yet.',
      ),
      503: queueUnavailable,
    },
  },
]
