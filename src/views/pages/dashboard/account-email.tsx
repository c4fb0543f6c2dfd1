import { Field, FormError, SubmitButton } from '../../components/form'
import { Layout } from '../../layout'
import type { FormState } from './types'

/** The pages around the emailed links: "check your email", confirming an address, resetting a password. */

export function CheckEmailPage({ email, purpose }: { email: string; purpose: 'verify' | 'reset' }) {
  return (
    <Layout title="Check your email" variant="auth">
      <section class="card stack" aria-labelledby="check-title">
        <h1 id="check-title">Check your email</h1>
        {purpose === 'verify' ? (
          <p>
            We sent a message to <strong>{email}</strong>. Follow the link in it to confirm your address and open your dashboard; it works
            once, for 24 hours. If this address already has an account, its owner got a note instead.
          </p>
        ) : (
          <p>
            If <strong>{email}</strong> has a Tether account, we sent it a link to choose a new password. It works once, for 1 hour.
          </p>
        )}
        <p class="muted">
          Nothing there? Look in your spam folder. <a href="/login">Back to log in</a>
        </p>
      </section>
    </Layout>
  )
}

export function UnverifiedPage({ email, error }: { email: string; error?: string }) {
  return (
    <Layout title="Confirm your email" variant="auth">
      <section class="card stack" aria-labelledby="unverified-title">
        <h1 id="unverified-title">Confirm your email address</h1>
        <p role="alert">
          Your password is right, but <strong>{email}</strong> is not confirmed yet. Follow the link we emailed you, or have a new one sent.
        </p>
        <FormError message={error} />
        <form method="post" action="/verify-email/resend" class="stack">
          <input type="hidden" name="email" value={email} />
          <SubmitButton block>Resend the confirmation email</SubmitButton>
        </form>
      </section>
    </Layout>
  )
}

/** A used, expired or unknown link: a page that says so, never an error. */
export function EmailLinkProblemPage({ title, message }: { title: string; message: string }) {
  return (
    <Layout title={title} variant="auth">
      <section class="card stack" aria-labelledby="link-problem-title">
        <h1 id="link-problem-title">{title}</h1>
        <p role="alert">{message}</p>
        <p>
          <a class="button" href="/login">
            Log in
          </a>{' '}
          <a href="/forgot-password">Forgot your password?</a>
        </p>
      </section>
    </Layout>
  )
}

export function ForgotPasswordPage({ state = {} }: { state?: FormState }) {
  return (
    <Layout title="Reset your password" variant="auth">
      <section class="card stack" aria-labelledby="forgot-title">
        <h1 id="forgot-title">Reset your password</h1>
        <p class="muted">Enter the address of your account: we will email it a link to choose a new password.</p>
        <FormError message={state.error} />
        <form method="post" action="/forgot-password" class="stack">
          <Field
            name="email"
            label="Email"
            type="email"
            required
            autocomplete="email"
            value={state.values?.email}
            error={state.errors?.email}
          />
          <SubmitButton block>Email me a link</SubmitButton>
        </form>
        <p class="muted">
          <a href="/login">Back to log in</a>
        </p>
      </section>
    </Layout>
  )
}

export function NewPasswordPage({ token, passwordHelp, state = {} }: { token: string; passwordHelp: string; state?: FormState }) {
  return (
    <Layout title="Choose a new password" variant="auth">
      <section class="card stack" aria-labelledby="new-password-title">
        <h1 id="new-password-title">Choose a new password</h1>
        <p class="muted">Every session of your account ends; you stay signed in here.</p>
        <FormError message={state.error} />
        <form method="post" action={`/reset-password/${token}`} class="stack">
          <Field
            name="password"
            label="New password"
            type="password"
            required
            autocomplete="new-password"
            error={state.errors?.password}
            help={passwordHelp}
          />
          <SubmitButton block>Set the new password</SubmitButton>
        </form>
      </section>
    </Layout>
  )
}
