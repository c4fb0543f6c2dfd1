import { Copy } from './icons'

export interface CopyFieldProps {
  label: string
  value: string
  id: string
  help?: string
  /** A long value that must stay readable in full on a phone (a link): a read-only textarea that wraps. */
  wrap?: boolean
}

/**
 * A read-only input anyone can select and copy by hand. The copy button is `hidden` until
 * /copy.js confirms the Clipboard API exists, so no dead button shows without scripts.
 */
export function CopyField({ label, value, id, help, wrap }: CopyFieldProps) {
  const helpId = help ? `${id}-help` : undefined
  const common = { id, readonly: true, spellcheck: false, autocomplete: 'off', 'aria-describedby': helpId }
  return (
    <div class="field">
      <label for={id}>{label}</label>
      <div class={wrap ? 'copy-field copy-field-wrap' : 'copy-field'}>
        {wrap ? <textarea {...common} rows={2} value={value} /> : <input {...common} type="text" value={value} />}
        <button type="button" class="button button-secondary" data-copy-target={id} hidden>
          <Copy size={16} />
          <span data-copy-text>Copy</span>
          <span class="visually-hidden">{` ${label}`}</span>
        </button>
        <span class="visually-hidden" aria-live="polite" />
      </div>
      {help ? (
        <p class="field-help" id={helpId}>
          {help}
        </p>
      ) : null}
    </div>
  )
}
