import { COMMON_PASSWORDS } from './common-passwords'
import { PASSWORD_MIN } from './limits'
import { isRepeated, isRun } from './password-patterns'

export type PasswordProblem = 'too_short' | 'repeated' | 'run' | 'common'

/** The size of the list the bundled entries come from (SecLists' 10k most common; scripts/common-passwords.mjs). */
export const COMMON_PASSWORD_LIST_SIZE = 10_000
const LIST_SIZE = COMMON_PASSWORD_LIST_SIZE.toLocaleString('en-US')

/** The rule in one sentence, for the forms' hint. */
export const PASSWORD_RULE =
  `At least ${PASSWORD_MIN} characters, not a repeated character or pattern, not a run like “abcdefghijkl” or “qwertyuiopas”, ` +
  `and not one of the ${LIST_SIZE} most common passwords. A few unrelated words work well.`

export const PASSWORD_PROBLEM_MESSAGES: Record<PasswordProblem, string> = {
  too_short: `Use at least ${PASSWORD_MIN} characters.`,
  repeated: 'This password repeats one character or a short pattern. Choose something less predictable, like a few unrelated words.',
  run: 'This password is a simple run of letters, digits or keys (like “123456789012” or “qwertyuiopas”). Choose something less guessable.',
  common: `This password is one of the ${LIST_SIZE} most common passwords. Choose another, like a few unrelated words.`,
}

const common = new Set(COMMON_PASSWORDS)

/** Why a password may not be chosen, or null. Applies when a password is set, never at login. */
export function passwordProblem(password: string): PasswordProblem | null {
  if (password.length < PASSWORD_MIN) return 'too_short'
  if (isRepeated(password)) return 'repeated'
  if (isRun(password)) return 'run'
  if (common.has(password.toLowerCase())) return 'common'
  return null
}
