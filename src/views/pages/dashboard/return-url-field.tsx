import { RETURN_URL_MAX } from '../../../domain/limits'
import { Field } from '../../components/form'

/** Where the client's outcome page offers to send them back; empty: no such button. */
export function ReturnUrlField({ id, value, error }: { id: string; value?: string; error?: string | null }) {
  return (
    <Field
      name="returnUrl"
      id={id}
      type="url"
      inputMode="url"
      label="Return address (optional)"
      maxLength={RETURN_URL_MAX}
      value={value}
      error={error}
      placeholder="https://your-site.example/clients"
      help={
        'After connecting or declining, your client gets a “Back to …” button to this https address, ' +
        'with ?connection=<id>&status=connected|rejected.'
      }
      autocomplete="url"
    />
  )
}
