import { Alert } from '../../components/alert'
import { Field, FormError, SubmitButton } from '../../components/form'
import { PASSWORD_MAX, PASSWORD_MIN } from '../../../domain/limits'
import { PASSWORD_RULE } from '../../../domain/password-policy'
import type { FormState } from './types'

/** What a redirect after a post may announce: fixed words picked by a name in the URL, never text from it. */
export const SETTINGS_NOTICES = {
  'password-changed': 'Password changed. Every other session has been signed out; this one stays signed in.',
} as const

export type SettingsNotice = keyof typeof SETTINGS_NOTICES

export interface AccountSecurityProps {
  passwordForm?: FormState
  notice?: SettingsNotice | null
}

export function AccountSecurity({ passwordForm = {}, notice }: AccountSecurityProps) {
  const errors = passwordForm.errors ?? {}
  return (
    <>
      <section class="card stack" aria-labelledby="password-title">
        <h2 id="password-title">Change password</h2>
        {notice ? <Alert kind="success">{SETTINGS_NOTICES[notice]}</Alert> : null}
        <FormError message={passwordForm.error} />
        <form method="post" action="/settings/password" class="stack">
          <Field
            name="currentPassword"
            label="Current password"
            type="password"
            required
            autocomplete="current-password"
            maxLength={PASSWORD_MAX}
            error={errors.currentPassword}
          />
          <Field
            name="newPassword"
            label="New password"
            type="password"
            required
            autocomplete="new-password"
            minLength={PASSWORD_MIN}
            maxLength={PASSWORD_MAX}
            error={errors.newPassword}
            help={PASSWORD_RULE}
          />
          <Field
            name="confirmPassword"
            label="Confirm new password"
            type="password"
            required
            autocomplete="new-password"
            minLength={PASSWORD_MIN}
            maxLength={PASSWORD_MAX}
            error={errors.confirmPassword}
          />
          <p class="muted">
            Changing it signs out every other session. API tokens keep working: revoke them under API tokens if they may have leaked.
          </p>
          <div>
            <SubmitButton>Change password</SubmitButton>
          </div>
        </form>
      </section>
      <section class="card stack" aria-labelledby="sessions-title">
        <div>
          <h2 id="sessions-title">Sessions</h2>
          <p class="muted">
            A session ends 14 days after you log in, or after 24 hours without use. Logging out everywhere ends every session of yours, this
            one included, on every browser and device. API tokens are not sessions: they keep working until you revoke them.
          </p>
        </div>
        <form method="post" action="/settings/sessions/revoke">
          <SubmitButton variant="danger">Log out everywhere</SubmitButton>
        </form>
      </section>
    </>
  )
}
