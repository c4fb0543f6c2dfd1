import fc from 'fast-check'
import { expect } from 'vitest'

/** The seed every property runs on unless FC_SEED names another, so a green run stays green and a red one replays. */
export const DEFAULT_SEED = 20261127

/** FC_SEED: empty for the default, an integer, or `random` to explore (the seed used is printed). */
export function seedFrom(text: string | undefined): { seed: number; source: string } {
  const value = text?.trim() ?? ''
  if (value === '') return { seed: DEFAULT_SEED, source: 'default' }
  if (value === 'random') return { seed: Math.floor(Math.random() * 2 ** 31), source: 'random' }
  if (/^-?\d{1,10}$/.test(value) && Number(value) >= -(2 ** 31) && Number(value) < 2 ** 31)
    return { seed: Number(value), source: 'FC_SEED' }
  throw new Error(`FC_SEED must be a 32-bit integer or "random", not ${JSON.stringify(text)}`)
}

function rerunCommand(seed: number | string): string {
  const file = expect.getState().testPath?.replace(/^.*?\/(?=(?:src|test)\/)/, '') ?? ''
  return `FC_SEED=${seed} npx vitest run ${file}`.trim()
}

/**
 * Fixes the seed of every fc.assert, fc.check and fc.sample, and after each fc.assert prints it
 * with the command that reruns the file on another; a failure's message carries the replay command.
 */
export function configureProperties(text: string | undefined, log: (line: string) => void = console.log): number {
  const { seed, source } = seedFrom(text)
  fc.configureGlobal({
    seed,
    reporter(details) {
      const outcome = details.failed ? 'FAILED' : 'passed'
      log(`[property] ${details.numRuns} runs on seed ${seed} (${source}): ${outcome}; another seed: ${rerunCommand('<n>')}`)
      if (!details.failed) return
      throw new Error(`${fc.defaultReportMessage(details)}\n\nReplay: ${rerunCommand(details.seed)}`, { cause: details.errorInstance })
    },
  })
  return seed
}
