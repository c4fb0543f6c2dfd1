import { Alert } from '../components/alert'
import { AppIcon } from '../components/app-icon'
import { Badge, type BadgeKind } from '../components/badge'
import { CopyField } from '../components/copy-field'
import { EmptyState } from '../components/empty-state'
import { Field, FormError, Select, SubmitButton } from '../components/form'
import * as Icons from '../components/icons'
import { Menu, MenuItemButton, MenuItemLink } from '../components/menu'
import { QrCode } from '../components/qr-code'
import { Steps } from '../components/steps'
import { Time } from '../components/time'
import { Layout } from '../layout'

const NOW = Date.UTC(2026, 10, 27, 14, 5)
const LINK = 'https://tether.example/connect/q3X9vYb2Lk7sWmN4pR8tZc1dEf6gHj0a'
const ROWS: { name: string; app: string; badge: BadgeKind; created: number }[] = [
  { name: "Client's Google Docs", app: 'Google Docs', badge: 'pending', created: NOW - 3_600_000 },
  { name: 'Acme WordPress', app: 'WordPress', badge: 'via_link', created: NOW - 86_400_000 * 3 },
  { name: 'Acme Slack', app: 'Slack', badge: 'refresh_pending', created: NOW - 86_400_000 * 12 },
  { name: 'Old ClickUp', app: 'ClickUp', badge: 'rejected', created: NOW - 86_400_000 * 40 },
  { name: 'Newsletter', app: 'Mailchimp', badge: 'active', created: NOW - 86_400_000 * 2 },
  { name: 'Support Gmail', app: 'Gmail', badge: 'needs_reconnect', created: NOW - 86_400_000 * 9 },
  { name: 'Late Sheets', app: 'Google Sheets', badge: 'expired', created: NOW - 86_400_000 * 5 },
  { name: 'Guessed ClickUp', app: 'ClickUp', badge: 'locked', created: NOW - 86_400_000 * 6 },
]
const icon = (app: string) => `/icons/${app.toLowerCase().replace(' ', '-')}.svg`

/** Every component on one page: for reviews and screenshots, not linked from the app. */
export function StyleGuidePage() {
  return (
    <Layout title="Style guide" owner={{ name: 'Dana Owner', email: 'dana@agency.example' }} current="connections">
      <div class="stack">
        <div class="row spread">
          <h1>Connections</h1>
          <a class="button" href="#add">
            <Icons.Plus size={18} />
            Add Connection
          </a>
        </div>
        <table class="table">
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">App</th>
              <th scope="col">Status</th>
              <th scope="col">Created</th>
              <th scope="col">
                <span class="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {ROWS.map((r) => (
              <tr>
                <td data-label="Name">
                  <strong>{r.name}</strong>
                </td>
                <td data-label="App">
                  <span class="row">
                    <AppIcon iconUrl={icon(r.app)} name={r.app} size={20} />
                    {r.app}
                  </span>
                </td>
                <td data-label="Status">
                  <Badge badge={r.badge} />
                </td>
                <td data-label="Created">
                  <Time at={r.created} now={NOW} />
                </td>
                <td data-label="">
                  <Menu label={`Actions for ${r.name}`}>
                    <MenuItemLink href="#update">
                      <Icons.Link size={16} />
                      Update Connection via Link
                    </MenuItemLink>
                    <MenuItemLink href="#data">
                      <Icons.Key size={16} />
                      Update Connection Data
                    </MenuItemLink>
                    <MenuItemButton action="#delete" danger>
                      <Icons.Trash size={16} />
                      Delete
                    </MenuItemButton>
                  </Menu>
                </td>
              </tr>
            ))}
          </tbody>
        </table>

        <section class="card" aria-labelledby="sg-link">
          <div class="card-header">
            <h2 id="sg-link">Share this link</h2>
            <Badge badge="pending" />
          </div>
          <div class="stack">
            <CopyField id="sg-url" label="Connection link" value={LINK} help="Valid for 48 hours. It works once." />
            <p class="small muted">
              Expires <Time at={NOW + 172_800_000} now={NOW} /> (<Time at={NOW + 172_800_000} />)
            </p>
            <QrCode text={LINK} label="QR code of the connection link" size={144} />
          </div>
        </section>

        <section class="card stack" aria-labelledby="sg-form">
          <h2 id="sg-form">Request Connection via Link</h2>
          <FormError message="Fix the highlighted field and try again." />
          <form class="stack" method="post" action="#">
            <Field
              name="name"
              label="Connection name"
              value="Client's Google Docs"
              required
              help="Shown to the person who opens the link."
            />
            <Select
              name="expires"
              label="Link expires after"
              value="2880"
              options={[
                { value: '60', label: '1 hour' },
                { value: '1440', label: '24 hours' },
                { value: '2880', label: '48 hours' },
                { value: '10080', label: '7 days' },
              ]}
            />
            <Field name="apiKey" label="API key" secret required error="This key was rejected by ClickUp." />
            <div class="form-actions">
              <SubmitButton>Generate link</SubmitButton>
              <a class="button button-secondary" href="#cancel">
                Cancel
              </a>
              <SubmitButton variant="danger" disabled>
                Delete
              </SubmitButton>
            </div>
          </form>
        </section>

        <Alert kind="error" title="Couldn't verify">
          The API key was rejected by ClickUp.
        </Alert>
        <Alert kind="success">Connection created successfully.</Alert>
        <Alert kind="warning">
          This connection link expired on <Time at={NOW} />. Click Refresh credentials to generate a new link.
        </Alert>
        <Alert kind="info">Workflows keep using the current credentials until new ones arrive.</Alert>

        <section class="card stack" aria-labelledby="sg-apps">
          <h2 id="sg-apps">Pick an app</h2>
          <Field name="q" type="search" label="Search apps" placeholder="Google, Slack, WordPress…" />
          <ul class="app-grid">
            {['Google Docs', 'Gmail', 'Slack', 'WordPress', 'ClickUp', 'Mailchimp'].map((name) => (
              <li>
                <a class="app-tile" href="#pick">
                  <AppIcon iconUrl={icon(name)} name={name} />
                  {name}
                </a>
              </li>
            ))}
          </ul>
        </section>

        <EmptyState
          title="No connections yet"
          icon={<Icons.Link size={24} />}
          action={
            <a class="button" href="#add">
              <Icons.Plus size={18} />
              Add Connection
            </a>
          }
        >
          Ask a client for access with a single-use link. They never share a password with you.
        </EmptyState>

        <section class="card invite" aria-labelledby="sg-invite">
          <Steps current={1} />
          <AppIcon iconUrl={icon('Google Docs')} name="Google Docs" size={56} />
          <h2 id="sg-invite">Connect your Google Docs account</h2>
          <p class="lead">
            <strong>Dana Owner</strong> (<a href="mailto:dana@agency.example">dana@agency.example</a>) asks you to connect your Google Docs
            account.
          </p>
          <dl class="kv">
            <dt>Connection name</dt>
            <dd>Client's Google Docs</dd>
            <dt>Link expires</dt>
            <dd>
              <Time at={NOW} />
            </dd>
          </dl>
          <p class="note">
            <Icons.Shield size={18} />
            <span>Once connected, Dana Owner can use these credentials in their workflows.</span>
          </p>
          <div class="invite-actions">
            <form method="post" action="#">
              <SubmitButton block>Accept &amp; Connect</SubmitButton>
            </form>
            <form method="post" action="#">
              <SubmitButton variant="secondary" block>
                Reject
              </SubmitButton>
            </form>
          </div>
        </section>

        <section class="card" aria-labelledby="sg-audit">
          <h2 id="sg-audit">Details</h2>
          <dl class="kv">
            <dt>Account</dt>
            <dd>client@example.com</dd>
            <dt>Created</dt>
            <dd>
              <Time at={NOW} />
            </dd>
          </dl>
          <ol class="timeline">
            <li>
              <strong>Link created</strong>{' '}
              <span class="small muted">
                <Time at={NOW - 7_200_000} />
              </span>
            </li>
            <li>
              <strong>Link opened</strong>{' '}
              <span class="small muted">
                <Time at={NOW - 3_600_000} />
              </span>
            </li>
            <li>
              <strong>Connection created</strong>{' '}
              <span class="small muted">
                <Time at={NOW} />
              </span>
            </li>
          </ol>
          <pre class="code">{'curl -X POST https://tether.example/api/v1/connections \\\n  -H "Authorization: Bearer $TOKEN"'}</pre>
          <p class="row small">
            {Object.entries(Icons).map(([name, Icon]) => (
              <span title={name}>
                <Icon />
              </span>
            ))}
          </p>
        </section>
      </div>
    </Layout>
  )
}
