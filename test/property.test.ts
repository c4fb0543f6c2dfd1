import { env } from 'cloudflare:workers'
import fc from 'fast-check'
import { afterEach, describe, expect, it } from 'vitest'
import { configureProperties, DEFAULT_SEED, seedFrom } from './property'

describe('property tests', () => {
  afterEach(() => {
    configureProperties(env.FC_SEED, () => {})
  })

  it('read FC_SEED as the default, an integer or "random", and refuse anything else', () => {
    expect(seedFrom(undefined)).toEqual({ seed: DEFAULT_SEED, source: 'default' })
    expect(seedFrom('')).toEqual({ seed: DEFAULT_SEED, source: 'default' })
    expect(seedFrom(' 123 ')).toEqual({ seed: 123, source: 'FC_SEED' })
    expect(seedFrom('-7')).toEqual({ seed: -7, source: 'FC_SEED' })
    const random = seedFrom('random')
    expect(random.source).toBe('random')
    expect(Number.isInteger(random.seed)).toBe(true)
    for (const bad of ['abc', '1.5', '1e3', '2147483648', '99999999999', '0x10']) expect(() => seedFrom(bad), bad).toThrow(/FC_SEED/)
  })

  it('run on one fixed seed by default, so two runs draw the same values', () => {
    const configured = fc.readConfigureGlobal().seed
    if (!env.FC_SEED) expect(configured).toBe(DEFAULT_SEED)
    const first = fc.sample(fc.string(), 20)
    expect(fc.sample(fc.string(), 20)).toEqual(first)
    expect(fc.sample(fc.string(), { seed: configured, numRuns: 20 })).toEqual(first)
    expect(fc.sample(fc.string(), { seed: (configured ?? 0) + 1, numRuns: 20 })).not.toEqual(first)
  })

  it('print the seed and the command for another after each run, and the replay command on failure', async () => {
    const lines: string[] = []
    configureProperties('42', (line) => lines.push(line))
    fc.assert(
      fc.property(fc.nat(), (n) => n >= 0),
      { numRuns: 10 },
    )
    expect(lines).toEqual([
      '[property] 10 runs on seed 42 (FC_SEED): passed; another seed: FC_SEED=<n> npx vitest run test/property.test.ts',
    ])
    await expect(
      fc.assert(
        fc.asyncProperty(fc.nat(), async (n) => n < 10),
        { numRuns: 100 },
      ),
    ).rejects.toThrow(/Counterexample: \[10\][\s\S]*Replay: FC_SEED=42 npx vitest run test\/property\.test\.ts/)
    expect(lines[1]).toMatch(/^\[property\] \d+ runs on seed 42 \(FC_SEED\): FAILED;/)
  })
})
