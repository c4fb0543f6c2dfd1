import { Alert } from '../../components/alert'
import { CopyField } from '../../components/copy-field'
import { Field, Select, SubmitButton } from '../../components/form'
import { Time } from '../../components/time'
import type { FormState } from './types'
import type { PublicApiToken } from '../../../domain/shapes'
import { NAME_MAX, TOKEN_EXPIRY_DAYS_DEFAULT } from '../../../domain/limits'

export interface ApiTokensProps {
  tokens: PublicApiToken[]
  /** A token just created: shown this once, never again. */
  newToken?: string | null
  tokenForm?: FormState
  /** The request's time, for "in 3 days" and to mark expired tokens. */
  now: string
}

const SCOPE_OPTIONS = [
  { value: 'write', label: 'Write: read and change everything' },
  { value: 'read', label: 'Read only: GET requests' },
]

const EXPIRY_OPTIONS = [7, 30, 90, 180, 365].map((days) => ({ value: String(days), label: `${days} days` }))

function TokenRow({ token, now }: { token: PublicApiToken; now: string }) {
  const expired = token.expiresAt !== null && token.expiresAt <= now
  return (
    <tr>
      <td data-label="Name">
        <strong>{token.name}</strong>
      </td>
      <td data-label="Scope">{token.scope === 'read' ? 'Read only' : 'Write'}</td>
      <td data-label="Created">
        <Time at={token.createdAt} mode="date" />
      </td>
      <td data-label="Last used">{token.lastUsedAt ? <Time at={token.lastUsedAt} now={now} /> : <span class="muted">Never</span>}</td>
      <td data-label="Expires">
        {token.expiresAt === null ? 'Never' : expired ? <strong>Expired</strong> : <Time at={token.expiresAt} now={now} mode="date" />}
      </td>
      <td data-label="">
        <form method="post" action={`/settings/tokens/${encodeURIComponent(token.id)}/revoke`}>
          <button type="submit" class="button button-danger" aria-label={`Revoke token ${token.name}`}>
            Revoke
          </button>
        </form>
      </td>
    </tr>
  )
}

export function ApiTokens({ tokens, newToken, tokenForm = {}, now }: ApiTokensProps) {
  const values = tokenForm.values ?? {}
  return (
    <section class="card stack" aria-labelledby="tokens-title">
      <div>
        <h2 id="tokens-title">API tokens</h2>
        <p class="muted">Tokens let scripts and other tools use the JSON API as you. Only a signed-in user can create them.</p>
      </div>
      {newToken ? (
        <Alert kind="warning" title="Copy your new token now" live>
          <p>It won’t be shown again, not even on reload. Store it like a password.</p>
          <CopyField id="new-token" label="New API token" value={newToken} />
        </Alert>
      ) : null}
      <form method="post" action="/settings/tokens" class="stack">
        <Field
          name="name"
          maxLength={NAME_MAX}
          id="token-name"
          label="Token name"
          required
          placeholder="e.g. CI script"
          value={values.name}
          error={tokenForm.errors?.name}
          help="Helps you remember where the token is used."
        />
        <Select
          name="scope"
          id="token-scope"
          label="Scope"
          options={SCOPE_OPTIONS}
          value={values.scope ?? 'write'}
          error={tokenForm.errors?.scope}
          help="A read-only token is refused (403) on anything but GET."
        />
        <Select
          name="expiresInDays"
          id="token-expiry"
          label="Expires after"
          options={EXPIRY_OPTIONS}
          value={values.expiresInDays ?? String(TOKEN_EXPIRY_DAYS_DEFAULT)}
          error={tokenForm.errors?.expiresInDays}
        />
        <div class="form-actions">
          <SubmitButton variant="secondary">Create token</SubmitButton>
        </div>
      </form>
      {tokens.length ? (
        <table class="table">
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Scope</th>
              <th scope="col">Created</th>
              <th scope="col">Last used</th>
              <th scope="col">Expires</th>
              <th scope="col">
                <span class="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {tokens.map((token) => (
              <TokenRow token={token} now={now} />
            ))}
          </tbody>
        </table>
      ) : (
        <p class="muted small">No tokens yet.</p>
      )}
    </section>
  )
}
