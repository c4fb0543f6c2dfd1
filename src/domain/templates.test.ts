import { describe, expect, it } from 'vitest'
import { renderInput, renderTemplate, templateProblems, type TemplateScope } from './templates'

const scope: TemplateScope = {
  trigger: { title: 'Hello', count: 3, draft: false, author: { name: 'Ada' }, tags: ['a', 'b'], empty: null },
  steps: new Map<number, unknown>([[1, { id: '42', url: 'https://x.test/42' }]]),
}

describe('renderTemplate', () => {
  it('fills trigger fields and earlier step outputs', () => {
    expect(renderTemplate('New: {{trigger.title}} by {{ trigger.author.name }}', scope)).toBe('New: Hello by Ada')
    expect(renderTemplate('Post {{steps.1.id}} at {{steps.1.url}}', scope)).toBe('Post 42 at https://x.test/42')
  })

  it('writes numbers and booleans as text, objects and arrays as JSON', () => {
    expect(renderTemplate('{{trigger.count}} {{trigger.draft}}', scope)).toBe('3 false')
    expect(renderTemplate('{{trigger.tags}} {{trigger.author}}', scope)).toBe('["a","b"] {"name":"Ada"}')
    expect(renderTemplate('{{trigger.tags.1}}', scope)).toBe('b')
  })

  it('renders missing values as empty text', () => {
    expect(renderTemplate('[{{trigger.nope}}][{{trigger.empty}}][{{steps.2.id}}][{{trigger.title.deeper}}]', scope)).toBe('[][][][]')
  })

  it('never reaches into prototypes or runs anything', () => {
    expect(renderTemplate('{{trigger.constructor}}{{trigger.__proto__}}{{trigger.toString}}', scope)).toBe('')
    expect(renderTemplate('{{ trigger.title + 1 }}{{ alert(1) }}', scope)).toBe('')
  })

  it('leaves text without placeholders alone', () => {
    expect(renderTemplate('plain {single} braces {{ unclosed', scope)).toBe('plain {single} braces {{ unclosed')
  })

  it('renders every field of an input', () => {
    expect(renderInput({ title: '{{trigger.title}}', content: 'fixed' }, scope)).toEqual({ title: 'Hello', content: 'fixed' })
  })
})

describe('templateProblems', () => {
  it('accepts trigger references and earlier steps', () => {
    expect(templateProblems('{{trigger.title}} {{steps.1.id}}', 2)).toEqual([])
  })

  it('refuses references to the same or a later step', () => {
    expect(templateProblems('{{steps.2.id}}', 2)).toEqual(['{{steps.2.id}} refers to step 2, which does not run before step 2.'])
    expect(templateProblems('{{steps.3.id}}', 1)).toHaveLength(1)
  })

  it('refuses anything that is not a dotted reference', () => {
    expect(templateProblems('{{title}}', 1)).toHaveLength(1)
    expect(templateProblems('{{steps.0.id}}', 1)).toHaveLength(1)
    expect(templateProblems('{{trigger.a b}}', 1)).toHaveLength(1)
    expect(templateProblems('{{}}', 1)).toHaveLength(1)
  })
})
