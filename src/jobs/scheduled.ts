import type { Env } from '../env'

export async function runScheduled(_env: Env, _now: number): Promise<void> {}
