import { EMAIL_MAX } from '../../../domain/limits'
import { Alert } from '../../components/alert'
import { CopyField } from '../../components/copy-field'
import { Field, SubmitButton } from '../../components/form'
import { useT } from '../../locale'

/** Where the outcome page's optional email form posts. */
export const MANAGE_EMAIL_PATH = '/connect/done/email'

/** The success page's part about the client's private management link: shown once, then only the offer to email it. */
export interface ManageLinkView {
  /** Null after the first view: the link is never shown again. */
  url: string | null
  emailedTo: string | null
  emailProblem: 'invalid' | 'too_many' | 'failed' | null
}

const PROBLEM_KEYS = { invalid: 'done.emailInvalid', too_many: 'done.emailTooMany', failed: 'done.emailFailed' } as const

export function ManageLinkPanel({ url, emailedTo, emailProblem }: ManageLinkView) {
  const t = useT()
  return (
    <section class="stack" aria-labelledby="manage-link-title">
      <h2 id="manage-link-title">{t('done.manageHeading')}</h2>
      {url ? (
        <>
          <p>{t('done.manageBody')}</p>
          <CopyField id="manage-link" label={t('done.manageLabel')} value={url} wrap />
        </>
      ) : (
        <p>{t('done.manageShown')}</p>
      )}
      {emailedTo ? <Alert kind="success">{t('done.emailSent', { email: emailedTo })}</Alert> : null}
      <form method="post" action={MANAGE_EMAIL_PATH} class="stack">
        <Field
          name="email"
          type="email"
          label={t('done.emailLabel')}
          help={t('done.emailHelp')}
          error={emailProblem ? t(PROBLEM_KEYS[emailProblem]) : null}
          autocomplete="email"
          maxLength={EMAIL_MAX}
          required
        />
        <SubmitButton variant="secondary" block>
          {t('done.emailSubmit')}
        </SubmitButton>
      </form>
    </section>
  )
}
