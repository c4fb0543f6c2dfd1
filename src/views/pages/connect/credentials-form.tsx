import { CREDENTIAL_FIELD_MAX } from '../../../domain/limits'
import { preAuthorizeFieldsOf } from '../../../apps/metadata'
import type { AppDefinition } from '../../../apps/types'
import { plural } from '../../../i18n'
import { Alert } from '../../components/alert'
import { AppIcon } from '../../components/app-icon'
import { Field, SubmitButton } from '../../components/form'
import { Steps } from '../../components/steps'
import { Layout } from '../../layout'
import { useLocale, useT } from '../../locale'
import { flowSteps, localizedField } from './access'

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
  /** An OAuth app's pre-authorize fields (a Shopify store), posted to Accept, which goes on to the sign-in. */
  beforeSignIn?: boolean
}

export function CredentialsFormPage({
  app,
  token,
  connectionName,
  error,
  values = {},
  errors = {},
  attemptsLeft,
  beforeSignIn = false,
}: CredentialsFormProps) {
  const t = useT()
  const locale = useLocale()
  const title = t('form.title', { app: app.name })
  return (
    <Layout title={title} variant="public" languages>
      <Steps current={2} labels={flowSteps(app, locale)} />
      <section class="card" aria-labelledby="auth-title">
        <div class="card-header row">
          <AppIcon iconUrl={app.iconUrl} name={app.name} size={40} />
          <div>
            <h1 id="auth-title">{title}</h1>
            <p class="muted small">{t('form.for', { name: connectionName })}</p>
          </div>
        </div>
        {error ? (
          <Alert kind="error" title={t('form.couldNotConnect')}>
            {error}
          </Alert>
        ) : null}
        {attemptsLeft != null ? (
          <Alert kind="warning" live>
            <strong>{plural(locale, attemptsLeft, 'form.attemptsOne', 'form.attemptsOther')}</strong>
            {t('form.attemptsThen')}
          </Alert>
        ) : null}
        <form method="post" action={beforeSignIn ? `/connect/${token}/accept` : `/connect/${token}`} class="stack" novalidate={false}>
          {(beforeSignIn ? preAuthorizeFieldsOf(app) : app.fields).map((declared) => {
            const field = localizedField(app, declared, locale)
            return (
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
            )
          })}
          {beforeSignIn ? null : <p class="muted small">{t('form.checkNote', { app: app.name })}</p>}
          <SubmitButton block>{t('form.grant')}</SubmitButton>
        </form>
      </section>
    </Layout>
  )
}
