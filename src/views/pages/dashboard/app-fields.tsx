import { CREDENTIAL_FIELD_MAX } from '../../../domain/limits'
import type { AppDefinition, AuthType, Field as AppField } from '../../../apps/types'
import { Field } from '../../components/form'
import type { FormState } from './types'

/** An app's credential inputs. Secrets are never echoed back, even after a failed post. */
export function AppCredentialFields({
  app,
  idPrefix,
  state = {},
  fields = app.fields,
}: {
  app: AppDefinition
  idPrefix: string
  state?: FormState
  /** Default the app's credential fields; an OAuth app's pre-authorize fields (a Shopify store) before its sign-in. */
  fields?: readonly AppField[]
}) {
  return (
    <>
      {fields.map((field) => (
        <Field
          name={field.key}
          maxLength={CREDENTIAL_FIELD_MAX}
          id={`${idPrefix}-${field.key}`}
          label={field.label}
          type={field.secret ? 'password' : field.type === 'subdomain' ? 'text' : (field.type ?? 'text')}
          secret={field.secret}
          required={!field.optional}
          help={field.help}
          placeholder={field.placeholder}
          value={field.secret ? undefined : state.values?.[field.key]}
          error={state.errors?.[field.key]}
          autocomplete="off"
        />
      ))}
    </>
  )
}

export function authTypeLabel(app: AppDefinition): string {
  const labels: Record<AuthType, string> = {
    oauth2: `Sign in with ${app.oauth?.providerName ?? app.name}`,
    client_credentials: 'Client ID and secret',
    api_key: 'API key',
    basic: 'Username and password',
  }
  return labels[app.authType]
}
