import type { AppDefinition } from '../../../apps/types'
import { AppIcon } from '../../components/app-icon'
import { SubmitButton } from '../../components/form'
import { Layout } from '../../layout'
import { useT } from '../../locale'

export interface ChooseResourceProps {
  app: AppDefinition
  choices: { id: string; name: string }[]
}

/** After a sign-in that gives access to several organisations or sites (OAuthSpec.resourceLookup): one is connected. */
export function ChooseResourcePage({ app, choices }: ChooseResourceProps) {
  const t = useT()
  return (
    <Layout title={t('choose.title')} variant="public" languages>
      <section class="card invite" aria-labelledby="choose-title">
        <AppIcon iconUrl={app.iconUrl} name={app.name} size={56} />
        <h1 id="choose-title">{t('choose.title')}</h1>
        <p>{t('choose.body', { app: app.name })}</p>
        <form method="post" action="/connect/oauth/choose" class="stack">
          <fieldset class="stack">
            <legend class="visually-hidden">{t('choose.title')}</legend>
            {choices.map((choice, index) => (
              <label class="row" for={`choice-${index}`} key={choice.id}>
                <input type="radio" name="choice" id={`choice-${index}`} value={choice.id} required checked={index === 0} />
                <span>{choice.name}</span>
              </label>
            ))}
          </fieldset>
          <SubmitButton block>{t('choose.submit')}</SubmitButton>
        </form>
      </section>
    </Layout>
  )
}
