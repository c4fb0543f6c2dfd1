import type { ComponentChildren, JSX } from 'preact'
import { Warning } from './icons'

export type FieldType = 'text' | 'email' | 'url' | 'password' | 'search' | 'tel' | 'number' | 'textarea'

export interface FieldProps {
  name: string
  label: string
  /** Defaults to `field-<name>`; pass one when a name repeats on a page. */
  id?: string
  type?: FieldType
  value?: string
  required?: boolean
  help?: ComponentChildren
  error?: string | null
  autocomplete?: string
  placeholder?: string
  /** API keys and tokens: a password input with autocomplete off, never echoed back. */
  secret?: boolean
  inputMode?: 'text' | 'email' | 'url' | 'numeric' | 'decimal' | 'tel' | 'search' | 'none'
  /** The browser's own check before posting; the server checks again. */
  minLength?: number
  /** The server's limit (src/domain/limits.ts), so a browser stops the typing instead of the server refusing the post. */
  maxLength?: number
}

interface Described {
  helpId?: string
  errorId?: string
  describedBy?: string
}

function describe(id: string, help: unknown, error: string | null | undefined): Described {
  const helpId = help ? `${id}-help` : undefined
  const errorId = error ? `${id}-error` : undefined
  // The error is read first: it is what the user has to act on.
  const describedBy = [errorId, helpId].filter(Boolean).join(' ') || undefined
  return { helpId, errorId, describedBy }
}

function FieldNotes({ help, helpId, error, errorId }: Described & { help?: ComponentChildren; error?: string | null }) {
  return (
    <>
      {help ? (
        <p class="field-help" id={helpId}>
          {help}
        </p>
      ) : null}
      {error ? (
        <p class="field-error" id={errorId}>
          <Warning size={16} />
          {error}
        </p>
      ) : null}
    </>
  )
}

export function Field({
  name,
  label,
  id = `field-${name}`,
  type = 'text',
  value,
  required,
  help,
  error,
  autocomplete,
  placeholder,
  secret,
  inputMode,
  minLength,
  maxLength,
}: FieldProps) {
  const notes = describe(id, help, error)
  const common = {
    id,
    name,
    required,
    placeholder,
    inputmode: inputMode,
    minlength: minLength,
    maxlength: maxLength,
    'aria-describedby': notes.describedBy,
    'aria-invalid': error ? ('true' as const) : undefined,
  }
  let control: JSX.Element
  if (secret || type === 'password') {
    // Never echo a password or key into HTML, even after a failed submission. API keys also
    // stay out of password managers; account passwords keep their autocomplete hint.
    control = <input {...common} type="password" autocomplete={secret ? 'off' : autocomplete} autocapitalize="off" spellcheck={false} />
  } else if (type === 'textarea') {
    control = <textarea {...common} value={value} autocomplete={autocomplete} rows={4} />
  } else {
    // preact types each input type separately and reject a union-typed `type`.
    control = <input {...common} type={type as 'text'} value={value} autocomplete={autocomplete} />
  }
  return (
    <div class="field">
      <label for={id}>{label}</label>
      {control}
      <FieldNotes help={help} error={error} {...notes} />
    </div>
  )
}

export interface SelectOption {
  value: string
  label: string
  disabled?: boolean
}

export interface SelectProps {
  name: string
  label: string
  options: SelectOption[]
  id?: string
  value?: string
  required?: boolean
  help?: ComponentChildren
  error?: string | null
  /** First, empty choice such as "Choose a connection…". */
  placeholder?: string
}

export function Select({ name, label, options, id = `field-${name}`, value, required, help, error, placeholder }: SelectProps) {
  const notes = describe(id, help, error)
  return (
    <div class="field">
      <label for={id}>{label}</label>
      <select id={id} name={name} required={required} aria-describedby={notes.describedBy} aria-invalid={error ? 'true' : undefined}>
        {placeholder !== undefined ? (
          <option value="" selected={!value}>
            {placeholder}
          </option>
        ) : null}
        {options.map((o) => (
          <option value={o.value} disabled={o.disabled} selected={o.value === value}>
            {o.label}
          </option>
        ))}
      </select>
      <FieldNotes help={help} error={error} {...notes} />
    </div>
  )
}

/** Form-level error, announced when the page loads after a failed submission. */
export function FormError({ message }: { message?: string | null }) {
  if (!message) return null
  return (
    <div class="alert alert-error" role="alert">
      <Warning />
      <div>{message}</div>
    </div>
  )
}

export interface SubmitButtonProps {
  children: ComponentChildren
  variant?: 'primary' | 'secondary' | 'danger'
  block?: boolean
  name?: string
  value?: string
  disabled?: boolean
  /** Posts to another URL than the form's own action. */
  formAction?: string
}

export function buttonClass(variant: SubmitButtonProps['variant'] = 'primary', block = false): string {
  return ['button', variant !== 'primary' && `button-${variant}`, block && 'button-block'].filter(Boolean).join(' ')
}

export function SubmitButton({ children, variant, block, name, value, disabled, formAction }: SubmitButtonProps) {
  return (
    <button type="submit" class={buttonClass(variant, block)} name={name} value={value} disabled={disabled} formaction={formAction}>
      {children}
    </button>
  )
}

export interface FileFieldProps {
  name: string
  label: string
  /** The `accept` list: what the picker offers; the server checks the bytes anyway. */
  accept: string
  id?: string
  required?: boolean
  help?: ComponentChildren
  error?: string | null
}

/** An upload: the form that holds it must be `enctype="multipart/form-data"`. */
export function FileField({ name, label, accept, id = `field-${name}`, required, help, error }: FileFieldProps) {
  const notes = describe(id, help, error)
  return (
    <div class="field">
      <label for={id}>{label}</label>
      <input
        type="file"
        id={id}
        name={name}
        accept={accept}
        required={required}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={notes.describedBy}
      />
      <FieldNotes help={help} error={error} {...notes} />
    </div>
  )
}
