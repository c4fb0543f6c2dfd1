import { DEFAULT_LINK_MINUTES } from '../../../domain/links'
import { Select } from '../../components/form'

/** The dashboard's four lifetimes; the API accepts any minute count in range. */
export const LINK_LIFETIMES = [
  { minutes: 60, label: '1 hour' },
  { minutes: 24 * 60, label: '24 hours' },
  { minutes: DEFAULT_LINK_MINUTES, label: '48 hours (default)' },
  { minutes: 7 * 24 * 60, label: '7 days' },
] as const

export function LinkLifetimeSelect({ id, value, error }: { id?: string; value?: string; error?: string | null }) {
  return (
    <Select
      name="expiresInMinutes"
      id={id}
      label="Link expires after"
      value={value ?? String(DEFAULT_LINK_MINUTES)}
      error={error}
      options={LINK_LIFETIMES.map((choice) => ({ value: String(choice.minutes), label: choice.label }))}
      help="After that the link stops working and you can generate a new one."
    />
  )
}
