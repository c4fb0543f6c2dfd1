import type { AppDefinition } from '../../../apps/types'
import { Alert } from '../../components/alert'
import { AppIcon } from '../../components/app-icon'
import { buttonClass } from '../../components/form'
import { Steps } from '../../components/steps'
import { Layout } from '../../layout'
import { useLocale, useT } from '../../locale'
import { flowSteps } from './access'
import { ManageLinkPanel, type ManageLinkView } from './manage-link'

/** The owner's returnUrl with the outcome in its query, and the name to show on the way back (null: none set). */
export interface BackLink {
  href: string
  name: string | null
}

function BackToOwner({ back }: { back?: BackLink }) {
  const t = useT()
  if (!back) return null
  return (
    <a class={buttonClass('primary', true)} href={back.href} rel="noreferrer">
      {back.name !== null ? t('outcome.backTo', { name: back.name }) : t('outcome.back')}
    </a>
  )
}

export function ConnectedPage({
  app,
  connectionName,
  requesterName,
  refreshed = false,
  manage,
  continueTo,
  back,
}: {
  app: AppDefinition
  connectionName: string
  requesterName?: string
  /** A refresh link: the connection existed and now has new credentials. */
  refreshed?: boolean
  /** The client's management link, for a success that made one. */
  manage?: ManageLinkView
  /** The list of a several-apps link, to go on with its other apps. */
  continueTo?: string | undefined
  back?: BackLink | undefined
}) {
  const t = useT()
  const params = { app: app.name, name: connectionName }
  return (
    <Layout title={t(refreshed ? 'done.titleUpdated' : 'done.titleCreated')} variant="public" languages>
      <Steps current={3} labels={flowSteps(app, useLocale())} />
      <section class="card invite" aria-labelledby="done-title">
        <AppIcon iconUrl={app.iconUrl} name={app.name} size={56} />
        <h1 id="done-title">{t(refreshed ? 'done.headingUpdated' : 'done.headingCreated')}</h1>
        <Alert kind="success">
          {t(refreshed ? 'done.updated' : 'done.created', params)}
          {requesterName ? t('done.for', { requester: requesterName }) : ''}
          {t(continueTo ? 'done.period' : 'done.close')}
        </Alert>
        {manage ? <ManageLinkPanel {...manage} /> : null}
        {continueTo ? (
          <a class={buttonClass('primary', true)} href={continueTo}>
            {t('done.continue')}
          </a>
        ) : null}
        <BackToOwner back={back} />
      </section>
    </Layout>
  )
}

export function DeclinedPage({ back }: { back?: BackLink }) {
  const t = useT()
  return (
    <Layout title={t('declined.title')} variant="public" languages>
      <section class="card invite" aria-labelledby="declined-title">
        <h1 id="declined-title">{t('declined.title')}</h1>
        <p>{t('declined.body')}</p>
        <BackToOwner back={back} />
      </section>
    </Layout>
  )
}

export function InvalidLinkPage() {
  const t = useT()
  return (
    <Layout title={t('invalid.title')} variant="public" languages>
      <section class="card invite" aria-labelledby="invalid-title">
        <h1 id="invalid-title">{t('invalid.heading')}</h1>
        <Alert kind="warning" live>
          {t('invalid.body')}
        </Alert>
      </section>
    </Layout>
  )
}

export function LinkLockedPage({ message }: { message?: string }) {
  const t = useT()
  return (
    <Layout title={t('locked.title')} variant="public" languages>
      <section class="card invite" aria-labelledby="locked-title">
        <h1 id="locked-title">{t('locked.heading')}</h1>
        <Alert kind="error">{message ?? t('locked.body')}</Alert>
      </section>
    </Layout>
  )
}

export function SignInDeclinedPage({ app, token }: { app: AppDefinition; token: string }) {
  const t = useT()
  return (
    <Layout title={t('signinCancelled.title')} variant="public" languages>
      <Steps current={2} />
      <section class="card invite" aria-labelledby="denied-title">
        <AppIcon iconUrl={app.iconUrl} name={app.name} size={56} />
        <h1 id="denied-title">{t('signinCancelled.heading')}</h1>
        <p>{t('signinCancelled.body', { app: app.name })}</p>
        <form method="post" action={`/connect/${token}/accept`}>
          <button type="submit" class={buttonClass('primary', true)}>
            {t('signinCancelled.retry')}
          </button>
        </form>
      </section>
    </Layout>
  )
}
