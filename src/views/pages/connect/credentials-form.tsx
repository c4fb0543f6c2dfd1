import { CREDENTIAL_FIELD_MAX } from '../../../domain/limits'
import type { AppDefinition } from '../../../apps/types'
import { Alert } from '../../components/alert'
import { AppIcon } from '../../components/app-icon'
import { Field, SubmitButton } from '../../components/form'
import { Steps } from '../../components/steps'
import { Layout } from '../../layout'
import { flowSteps } from './access'

export interface CredentialsFormProps {
  app: AppDefinition
  token: string
  connectionName: string
  error?: string | null
  /** Non-secret values to keep after a failed attempt; secrets are never echoed. */
  values?: Record<string, string>
  /** Field key → what is wrong with it. */
  errors?: Record<string, string>
  /** Said from the ATTEMPTS_SHOWN_FROM-th refusal on, so the lock never comes as a surprise. */
  attemptsLeft?: number | null
}

const attemptsText = (left: number) => `${left} ${left === 1 ? 'attempt' : 'attempts'} left`

export function CredentialsFormPage({ app, token, connectionName, error, values = {}, errors = {}, attemptsLeft }: CredentialsFormProps) {
  return (
    <Layout title={`Connect ${app.name}`} variant="public">
      <Steps current={2} labels={flowSteps(app)} />
      <section class="card" aria-labelledby="auth-title">
        <div class="card-header row">
          <AppIcon iconUrl={app.iconUrl} name={app.name} size={40} />
          <div>
            <h1 id="auth-title">Connect {app.name}</h1>
            <p class="muted small">For “{connectionName}”</p>
          </div>
        </div>
        {error ? (
          <Alert kind="error" title="We couldn’t connect">
            {error}
          </Alert>
        ) : null}
        {attemptsLeft != null ? (
          <Alert kind="warning" live>
            <strong>{attemptsText(attemptsLeft)}</strong>. After that this link locks and you will need a new one from your requester.
          </Alert>
        ) : null}
        <form method="post" action={`/connect/${token}`} class="stack" novalidate={false}>
          {app.fields.map((field) => (
            <Field
              name={field.key}
              maxLength={CREDENTIAL_FIELD_MAX}
              label={field.label}
              type={field.secret ? 'password' : field.type === 'subdomain' ? 'text' : (field.type ?? 'text')}
              secret={field.secret}
              required={!field.optional}
              help={field.help}
              placeholder={field.placeholder}
              value={field.secret ? undefined : values[field.key]}
              error={errors[field.key]}
              autocomplete="off"
            />
          ))}
          <p class="muted small">Tether checks these with {app.name} before saving them, encrypted. They are never shown again.</p>
          <SubmitButton block>Grant Access</SubmitButton>
        </form>
      </section>
    </Layout>
  )
}
