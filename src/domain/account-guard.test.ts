import { describe, expect, it } from 'vitest'
import { accountChange, maskAccountLabel } from './account-guard'

describe('maskAccountLabel', () => {
  it('keeps the first letter and the domain of an email', () => {
    expect(maskAccountLabel('jane@acme.example')).toBe('j•••@acme.example')
  })

  it('keeps the first and last letter of a name', () => {
    expect(maskAccountLabel('Acme Workspace')).toBe('A•••e')
  })

  it('shows nothing of a label too short to hide', () => {
    expect(maskAccountLabel('Jo')).toBe('•••')
    expect(maskAccountLabel('')).toBe('•••')
  })

  it('never shows the local part, however long', () => {
    const masked = maskAccountLabel('secret.person@example.com')
    expect(masked).toBe('s•••@example.com')
    expect(masked).not.toContain('secret')
  })

  it('counts characters, not UTF-16 units', () => {
    expect(maskAccountLabel('😀bc😀')).toBe('😀•••😀')
  })
})

describe('accountChange', () => {
  it('is the same account when the ids match', () => {
    expect(accountChange('u1', 'u1', false)).toBe('same')
  })

  it('refuses another account unless allowed', () => {
    expect(accountChange('u1', 'u2', false)).toBe('refused')
    expect(accountChange('u1', 'u2', true)).toBe('changed')
  })

  it('refuses an answer without an id when one is stored', () => {
    expect(accountChange('u1', undefined, false)).toBe('refused')
  })

  it('records the id when none was stored', () => {
    expect(accountChange(null, 'u2', false)).toBe('recorded')
  })
})
