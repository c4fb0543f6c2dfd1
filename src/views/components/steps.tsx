import { useT } from '../locale'
import { Check } from './icons'

export type StepNumber = 1 | 2 | 3

export interface StepsProps {
  current: StepNumber
  /** Defaults to the client flow; API-key apps may say "Enter key" instead of "Sign in". */
  labels?: readonly [string, string, string]
}

const CLIENT_FLOW = ['steps.review', 'steps.signIn', 'steps.done'] as const

/** Step 3 is the end of the flow, so reaching it completes it. */
export function Steps({ current, labels }: StepsProps) {
  const t = useT()
  const shown = labels ?? CLIENT_FLOW.map((key) => t(key))
  return (
    <ol class="steps" aria-label={t('steps.label')}>
      {shown.map((label, index) => {
        const step = index + 1
        const done = step < current || (step === 3 && current === 3)
        return (
          <li class={done ? 'is-done' : undefined} aria-current={step === current ? 'step' : undefined}>
            <span class="steps-marker" aria-hidden="true">
              {done ? <Check size={14} /> : step}
            </span>
            {label}
            {done ? <span class="visually-hidden">{t('steps.completed')}</span> : null}
          </li>
        )
      })}
    </ol>
  )
}
