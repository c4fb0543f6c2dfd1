import type { PublicWebhookDelivery, PublicWebhookEndpoint } from '../../../domain/shapes'
import { WEBHOOK_EVENT_TYPES } from '../../../domain/webhook-events'
import { Alert } from '../../components/alert'
import { CopyField } from '../../components/copy-field'
import { Field, SubmitButton } from '../../components/form'
import { Time } from '../../components/time'
import { Layout } from '../../layout'
import type { FormState, OwnerView } from './types'

export interface WebhooksPageProps {
  owner: OwnerView
  endpoints: { endpoint: PublicWebhookEndpoint; deliveries: PublicWebhookDelivery[] }[]
  /** A secret just created or rotated: shown this once, never again. */
  revealed?: { endpointId: string; secret: string } | null
  form?: FormState
  now: string
}

const STATUS_TEXT: Record<PublicWebhookDelivery['status'], string> = {
  pending: 'Retrying',
  delivered: 'Delivered',
  failed: 'Failed',
}

function DeliveryLog({ endpointId, deliveries, now }: { endpointId: string; deliveries: PublicWebhookDelivery[]; now: string }) {
  if (deliveries.length === 0) return <p class="muted small">Nothing sent yet.</p>
  return (
    <table class="table">
      <thead>
        <tr>
          <th scope="col">Event</th>
          <th scope="col">Status</th>
          <th scope="col">Attempts</th>
          <th scope="col">Last answer</th>
          <th scope="col">Next retry</th>
          <th scope="col">
            <span class="visually-hidden">Actions</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {deliveries.map((delivery) => (
          <tr>
            <td data-label="Event">
              <code>{delivery.eventType}</code> <Time at={delivery.createdAt} now={now} />
            </td>
            <td data-label="Status">{STATUS_TEXT[delivery.status]}</td>
            <td data-label="Attempts">{delivery.attempts}</td>
            <td data-label="Last answer">{delivery.lastStatus ?? delivery.lastError ?? '—'}</td>
            <td data-label="Next retry">
              {delivery.nextRetryAt && delivery.status === 'pending' ? <Time at={delivery.nextRetryAt} now={now} /> : '—'}
            </td>
            <td data-label="">
              <form
                method="post"
                action={`/settings/webhooks/${encodeURIComponent(endpointId)}/deliveries/${encodeURIComponent(delivery.id)}/resend`}
              >
                <button type="submit" class="button button-secondary" aria-label={`Resend ${delivery.eventType} (${delivery.id})`}>
                  Resend
                </button>
              </form>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}

export function WebhooksPage({ owner, endpoints, revealed, form = {}, now }: WebhooksPageProps) {
  const values = form.values ?? {}
  return (
    <Layout title="Webhooks" owner={owner} current="settings">
      <div class="stack">
        <p>
          <a href="/settings">← Settings</a>
        </p>
        <h1>Webhooks</h1>
        <p class="muted">
          Tether tells your systems when a client opens, accepts or rejects a link, when a link expires or locks, and when a connection is
          created, refreshed, needs reconnecting or is deleted. Each request is signed per Standard Webhooks; failed deliveries are retried
          for about 41 hours.
        </p>
        {revealed ? (
          <Alert kind="warning" title="Copy the signing secret now" live>
            <p>It won’t be shown again, not even on reload. Verify every delivery with it.</p>
            <CopyField id="new-webhook-secret" label="Signing secret" value={revealed.secret} />
          </Alert>
        ) : null}
        <section class="card stack" aria-labelledby="add-endpoint-title">
          <h2 id="add-endpoint-title">Add an endpoint</h2>
          <form method="post" action="/settings/webhooks" class="stack">
            <Field
              name="url"
              id="endpoint-url"
              type="url"
              label="Endpoint URL"
              required
              placeholder="https://ops.example.com/tether-events"
              value={values.url}
              error={form.errors?.url}
            />
            <fieldset class="stack">
              <legend>Events (none ticked: all of them)</legend>
              {WEBHOOK_EVENT_TYPES.map((type) => (
                <label>
                  <input type="checkbox" name={`event.${type}`} checked={values[`event.${type}`] !== undefined} /> <code>{type}</code>
                </label>
              ))}
            </fieldset>
            <div class="form-actions">
              <SubmitButton variant="secondary">Add endpoint</SubmitButton>
            </div>
          </form>
        </section>
        {endpoints.map(({ endpoint, deliveries }) => (
          <section class="card stack" aria-label={`Endpoint ${endpoint.url}`}>
            <h2>
              <code>{endpoint.url}</code>
            </h2>
            <p class="muted small">{endpoint.events.length ? endpoint.events.join(', ') : 'All events'}</p>
            <div class="form-actions">
              <form method="post" action={`/settings/webhooks/${encodeURIComponent(endpoint.id)}/rotate-secret`}>
                <button type="submit" class="button button-secondary">
                  Rotate secret
                </button>
              </form>
              <form method="post" action={`/settings/webhooks/${encodeURIComponent(endpoint.id)}/delete`}>
                <button type="submit" class="button button-danger" aria-label={`Delete endpoint ${endpoint.url}`}>
                  Delete
                </button>
              </form>
            </div>
            <h3>Deliveries</h3>
            <DeliveryLog endpointId={endpoint.id} deliveries={deliveries} now={now} />
          </section>
        ))}
      </div>
    </Layout>
  )
}
