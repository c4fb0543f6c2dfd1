import { PASSWORD_MIN } from './limits'

/** Sequences whose consecutive characters make a run, read forwards or backwards, wrapping around. */
const RUN_SEQUENCES = ['abcdefghijklmnopqrstuvwxyz', '0123456789', 'qwertyuiopasdfghjklzxcvbnm', '1234567890', 'qwertzuiop', 'azertyuiop']
/** "abab…", "123123…", "passpass…": a unit this long or shorter, repeated, adds nothing a guesser does not try. */
const REPEAT_UNIT_MAX = 4

/** One character or a short unit repeated, case-insensitively. */
export function isRepeated(password: string): boolean {
  const lowered = password.toLowerCase()
  for (let unit = 1; unit <= REPEAT_UNIT_MAX && unit < lowered.length; unit++) {
    if (lowered.split('').every((char, i) => char === lowered[i % unit])) return true
  }
  return false
}

const reversed = (text: string) => text.split('').reverse().join('')

/** Consecutive letters, digits or keyboard keys ("abcdefghijkl", "123456789012", "qwertyuiopas"), either way. */
export function isRun(password: string): boolean {
  const lowered = password.toLowerCase()
  return RUN_SEQUENCES.some((sequence) => {
    const wrapped = sequence.repeat(Math.ceil(lowered.length / sequence.length) + 1)
    return wrapped.includes(lowered) || reversed(wrapped).includes(lowered)
  })
}

/** What the length and pattern rules refuse without any list. */
export function refusedWithoutList(password: string): boolean {
  return password.length < PASSWORD_MIN || isRepeated(password) || isRun(password)
}

/**
 * The part of the common-password list worth bundling: what no other rule refuses, lower-cased
 * and sorted (the list is compared in lower case). Of SecLists' 10,000 that is a few dozen.
 */
export function bundledCommonPasswords(entries: readonly string[]): string[] {
  const lowered = new Set(entries.map((entry) => entry.toLowerCase()))
  return [...lowered].filter((entry) => !refusedWithoutList(entry)).sort()
}
