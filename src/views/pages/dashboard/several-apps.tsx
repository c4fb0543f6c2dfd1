import type { AppDefinition } from '../../../apps/types'
import { MAX_REQUEST_ITEMS, NAME_MAX } from '../../../domain/limits'
import type { PublicLinkRequest } from '../../../domain/shapes'
import { Badge } from '../../components/badge'
import { CopyField } from '../../components/copy-field'
import { Field, FormError, Select, SubmitButton } from '../../components/form'
import { Link } from '../../components/icons'
import { Time } from '../../components/time'
import { Layout } from '../../layout'
import { LinkLanguageSelect } from './link-language'
import { LinkLifetimeSelect } from './link-lifetime'
import { NAME_VISIBLE_NOTE } from './new-connection'
import { connectionHref } from './paths'
import type { FormState, OwnerView } from './types'

export const SEVERAL_APPS_PATH = '/connections/several'

export interface SeveralAppsFormProps {
  owner: OwnerView
  /** The apps the workspace can connect now. */
  apps: AppDefinition[]
  rows: number
  state?: FormState
}

/** One link for several apps: a row per app; "Add another app" is a plain link, so the page works without scripts. */
export function SeveralAppsFormPage({ owner, apps, rows, state = {} }: SeveralAppsFormProps) {
  const options = apps.map((app) => ({ value: app.id, label: app.name }))
  const values = state.values ?? {}
  const errors = state.errors ?? {}
  return (
    <Layout title="Request several apps" owner={owner} current="connections">
      <div class="stack">
        <p class="small">
          <a href="/connections/new">← All apps</a>
        </p>
        <h1>
          <Link size={20} /> Request several apps in one link
        </h1>
        <p class="muted">
          Your client opens one link listing every app and connects, skips or rejects each in turn. Each app becomes a connection of its
          own.
        </p>
        <section class="card stack" aria-labelledby="several-title">
          <h2 id="several-title">Apps</h2>
          <FormError message={state.error} />
          <form method="post" action={SEVERAL_APPS_PATH} class="stack">
            <input type="hidden" name="rows" value={String(rows)} />
            {Array.from({ length: rows }, (_, i) => (
              <fieldset class="stack">
                <legend>App {i + 1}</legend>
                <div class="row">
                  <Select
                    name={`appId.${i}`}
                    id={`several-app-${i}`}
                    label="App"
                    options={options}
                    placeholder="Choose an app…"
                    value={values[`appId.${i}`]}
                    error={errors[`appId.${i}`]}
                  />
                  <Field
                    name={`name.${i}`}
                    id={`several-name-${i}`}
                    label="Connection name"
                    maxLength={NAME_MAX}
                    value={values[`name.${i}`]}
                    error={errors[`name.${i}`]}
                  />
                </div>
              </fieldset>
            ))}
            {rows < MAX_REQUEST_ITEMS ? (
              <p class="small">
                <a href={`${SEVERAL_APPS_PATH}?rows=${rows + 1}`}>+ Add another app</a> (up to {MAX_REQUEST_ITEMS}; empty rows are left out)
              </p>
            ) : null}
            <p class="muted small">{NAME_VISIBLE_NOTE}</p>
            <LinkLifetimeSelect id="several-expiry" value={values.expiresInMinutes} error={errors.expiresInMinutes} />
            <LinkLanguageSelect id="several-locale" value={values.locale} />
            <div class="form-actions">
              <SubmitButton>Generate link</SubmitButton>
            </div>
          </form>
        </section>
      </div>
    </Layout>
  )
}

export interface SeveralAppsLinkProps {
  owner: OwnerView
  request: PublicLinkRequest
  appName: (appId: string) => string
}

/** The request's one link and each item's connection with its own badge; each row leads to that connection's page. */
export function SeveralAppsLinkPage({ owner, request, appName }: SeveralAppsLinkProps) {
  return (
    <Layout title="Link for several apps" owner={owner} current="connections">
      <div class="stack">
        <p class="small">
          <a href="/connections">← Connections</a>
        </p>
        <h1>Link for several apps</h1>
        <section class="card stack" aria-labelledby="several-link-title">
          <h2 id="several-link-title">Send this link to your client</h2>
          {request.url ? (
            <>
              <CopyField id="several-link" label="Link" value={request.url} wrap />
              <p class="muted small">
                Expires <Time at={Date.parse(request.expiresAt)} />. Anyone with the link can connect these apps: send it only to your
                client.
              </p>
            </>
          ) : (
            <p class="muted">Every app of this link is finished, or the link expired. Each connection can get a new link of its own.</p>
          )}
        </section>
        <section class="card stack" aria-labelledby="several-items-title">
          <h2 id="several-items-title">Apps</h2>
          <ol class="stack">
            {request.items.map(({ connection }) => (
              <li class="row spread">
                <span>
                  <a href={connectionHref(connection.id)}>{connection.name}</a> <span class="muted">· {appName(connection.appId)}</span>
                </span>
                {connection.badge ? <Badge badge={connection.badge} /> : null}
              </li>
            ))}
          </ol>
        </section>
      </div>
    </Layout>
  )
}
