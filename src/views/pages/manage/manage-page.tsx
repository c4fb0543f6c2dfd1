import type { ComponentChildren } from 'preact'
import type { AppDefinition } from '../../../apps/types'
import type { ManagedGrant } from '../../../domain/shapes'
import { plural } from '../../../i18n'
import { Alert } from '../../components/alert'
import { AppIcon } from '../../components/app-icon'
import { buttonClass, SubmitButton } from '../../components/form'
import { Time } from '../../components/time'
import { Layout } from '../../layout'
import { useLocale, useT } from '../../locale'
import { accessSummary } from '../connect/access'

/** The client's management page (`/manage/<token>`): what they granted, and Revoke access. No script, nothing third-party. */

export const managePath = (token: string) => `/manage/${token}`

interface GrantProps {
  app: AppDefinition
  grant: ManagedGrant
  token: string
}

/** The words every grant page fills in: the app, who asked, the connection's name. */
const namesOf = (app: AppDefinition, grant: ManagedGrant) => ({ app: app.name, requester: grant.requesterName, name: grant.connectionName })

/** The frame of each grant page: its title, the app's icon and the heading. */
function GrantCard({
  app,
  id,
  title,
  heading,
  children,
}: {
  app: AppDefinition
  id: string
  title: string
  heading: string
  children: ComponentChildren
}) {
  return (
    <Layout title={title} variant="public" languages>
      <section class="card invite" aria-labelledby={id}>
        <AppIcon iconUrl={app.iconUrl} name={app.name} size={56} />
        <h1 id={id}>{heading}</h1>
        {children}
      </section>
    </Layout>
  )
}

function GrantFacts({ app, grant }: Omit<GrantProps, 'token'>) {
  const t = useT()
  const locale = useLocale()
  const usage =
    grant.runsLast30Days === 0 ? t('manage.runsNone') : plural(locale, grant.runsLast30Days, 'manage.runsOne', 'manage.runsOther')
  return (
    <dl class="kv">
      <dt>{t('manage.app')}</dt>
      <dd>{app.name}</dd>
      <dt>{t('manage.account')}</dt>
      <dd>{grant.accountLabel ?? t('manage.unknownAccount')}</dd>
      <dt>{t('manage.connection')}</dt>
      <dd>{grant.connectionName}</dd>
      <dt>{t('manage.requester')}</dt>
      <dd>{grant.requesterName}</dd>
      <dt>{t('manage.granted')}</dt>
      <dd>
        <Time at={grant.grantedAt} />
      </dd>
      <dt>{t('manage.access')}</dt>
      <dd>
        <ul class="access-list">
          {accessSummary(app, locale).map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      </dd>
      {grant.revokedAt === null ? (
        <>
          <dt>{t('manage.usage')}</dt>
          <dd>{usage}</dd>
        </>
      ) : null}
    </dl>
  )
}

export function ManagePage({ app, grant, token }: GrantProps) {
  const t = useT()
  const names = namesOf(app, grant)
  return (
    <GrantCard app={app} id="manage-title" title={t('manage.title')} heading={t('manage.heading', names)}>
      <GrantFacts app={app} grant={grant} />
      <p class="muted">{t('manage.revokeNote', names)}</p>
      <a href={`${managePath(token)}/revoke`} class={buttonClass('danger', true)}>
        {t('manage.revoke')}
      </a>
    </GrantCard>
  )
}

export function RevokeConfirmPage({ app, grant, token }: GrantProps) {
  const t = useT()
  return (
    <GrantCard app={app} id="revoke-title" title={t('manage.confirmTitle')} heading={t('manage.confirmTitle')}>
      <p>{t('manage.confirmBody', namesOf(app, grant))}</p>
      <form method="post" action={`${managePath(token)}/revoke`} class="invite-actions">
        <a href={managePath(token)} class={buttonClass('secondary', true)}>
          {t('manage.confirmBack')}
        </a>
        <SubmitButton variant="danger" block>
          {t('manage.confirmSubmit')}
        </SubmitButton>
      </form>
    </GrantCard>
  )
}

export function RevokedPage({ app, grant }: Omit<GrantProps, 'token'>) {
  const t = useT()
  return (
    <GrantCard app={app} id="revoked-title" title={t('manage.revokedTitle')} heading={t('manage.revokedTitle')}>
      <Alert kind="success">{t('manage.revokedBody', namesOf(app, grant))}</Alert>
      <GrantFacts app={app} grant={grant} />
      {grant.revokedAt !== null ? (
        <p class="muted">
          {t('manage.revokedAt')} <Time at={grant.revokedAt} />
        </p>
      ) : null}
    </GrantCard>
  )
}

/** One page, byte-identical within a language, for every token that opens nothing. */
export function ManageNotFoundPage() {
  const t = useT()
  return (
    <Layout title={t('manage.notFoundTitle')} variant="public" languages>
      <section class="card invite" aria-labelledby="manage-missing-title">
        <h1 id="manage-missing-title">{t('manage.notFoundHeading')}</h1>
        <Alert kind="warning">{t('manage.notFoundBody')}</Alert>
      </section>
    </Layout>
  )
}
