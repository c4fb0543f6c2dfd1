import { NOTIFICATION_TYPE_LABELS, NOTIFICATION_TYPES, type NotificationSettings } from '../../../domain/notifications'
import { Alert } from '../../components/alert'
import { SubmitButton } from '../../components/form'
import { Layout } from '../../layout'
import type { OwnerView } from './types'

export interface NotificationSettingsPageProps {
  owner: OwnerView
  settings: NotificationSettings
  saved: boolean
}

/** Field names of the form: `<type>.inApp`, `<type>.email`; an unticked box is simply absent. */
export const notificationField = (type: string, channel: 'inApp' | 'email') => `${type}.${channel}`

export function NotificationSettingsPage({ owner, settings, saved }: NotificationSettingsPageProps) {
  return (
    <Layout title="Notifications · Settings" owner={owner} current="settings">
      <div class="stack">
        <p>
          <a href="/settings">← Settings</a>
        </p>
        <h1>Notification settings</h1>
        <p class="muted">
          Choose what this workspace is told of: in the <a href="/notifications">notification list</a>, and by email to everyone in the
          workspace with a confirmed address. Everything is on until you switch it off.
        </p>
        {saved ? <Alert kind="success">Notification settings saved.</Alert> : null}
        <form method="post" action="/settings/notifications" class="card stack">
          {NOTIFICATION_TYPES.map((type) => (
            <fieldset class="choice-list">
              <legend>{NOTIFICATION_TYPE_LABELS[type]}</legend>
              <label class="choice">
                <input type="checkbox" name={notificationField(type, 'inApp')} checked={settings[type].inApp} /> In the app
              </label>
              <label class="choice">
                <input type="checkbox" name={notificationField(type, 'email')} checked={settings[type].email} /> By email
              </label>
            </fieldset>
          ))}
          <div class="form-actions">
            <SubmitButton>Save notification settings</SubmitButton>
          </div>
        </form>
      </div>
    </Layout>
  )
}
