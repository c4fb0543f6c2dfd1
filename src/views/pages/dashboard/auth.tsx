import { EMAIL_MAX, NAME_MAX, PASSWORD_MAX, PASSWORD_MIN } from '../../../domain/limits'
import { Field, FormError, SubmitButton } from '../../components/form'
import { Layout } from '../../layout'
import type { FormState } from './types'
import { PASSWORD_RULE } from '../../../domain/password-policy'

export interface AuthPageProps {
  /** Same-origin path to return to after signing in. */
  next?: string | null
  state?: FormState
}

const withNext = (path: string, next?: string | null) => (next ? `${path}?next=${encodeURIComponent(next)}` : path)

export function LoginPage({ next, state = {} }: AuthPageProps) {
  return (
    <Layout title="Log in" variant="auth">
      <section class="card stack" aria-labelledby="login-title">
        <h1 id="login-title">Log in to Tether</h1>
        <FormError message={state.error} />
        <form method="post" action={withNext('/login', next)} class="stack">
          <Field
            name="email"
            maxLength={EMAIL_MAX}
            label="Email"
            type="email"
            required
            autocomplete="email"
            value={state.values?.email}
            error={state.errors?.email}
          />
          <Field
            name="password"
            maxLength={PASSWORD_MAX}
            label="Password"
            type="password"
            required
            autocomplete="current-password"
            error={state.errors?.password}
          />
          <SubmitButton block>Log in</SubmitButton>
        </form>
        <p class="muted">
          <a href="/forgot-password">Forgot password?</a>
        </p>
        <p class="muted">
          New to Tether? <a href={withNext('/signup', next)}>Create an account</a>
        </p>
      </section>
    </Layout>
  )
}

export function SignupPage({ next, state = {} }: AuthPageProps) {
  return (
    <Layout title="Create your account" variant="auth">
      <section class="card stack" aria-labelledby="signup-title">
        <div>
          <h1 id="signup-title">Create your Tether account</h1>
          <p class="muted">Get working connections to your clients’ accounts without ever seeing their passwords.</p>
        </div>
        <FormError message={state.error} />
        <form method="post" action={withNext('/signup', next)} class="stack">
          <Field
            name="name"
            maxLength={NAME_MAX}
            label="Your name"
            required
            autocomplete="name"
            value={state.values?.name}
            error={state.errors?.name}
            help="Shown to your clients on the links you send them."
          />
          <Field
            name="email"
            maxLength={EMAIL_MAX}
            label="Email"
            type="email"
            required
            autocomplete="email"
            value={state.values?.email}
            error={state.errors?.email}
            help="We email it a link to confirm it; once confirmed it is shown to your clients, so they know who is asking."
          />
          <Field
            name="password"
            label="Password"
            type="password"
            required
            autocomplete="new-password"
            minLength={PASSWORD_MIN}
            maxLength={PASSWORD_MAX}
            error={state.errors?.password}
            help={PASSWORD_RULE}
          />
          <SubmitButton block>Create account</SubmitButton>
        </form>
        <p class="muted">
          Already have an account? <a href={withNext('/login', next)}>Log in</a>
        </p>
      </section>
    </Layout>
  )
}
