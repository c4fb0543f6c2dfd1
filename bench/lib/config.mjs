/** Knobs, all from the environment so `npm run bench` needs no arguments. */
const quick = process.env.BENCH_QUICK === '1' || process.argv.includes('--quick')
const number = (name, fallback) => (process.env[name] ? Number(process.env[name]) : fallback)

export const settings = {
  quick,
  /** Seconds per target per round. */
  seconds: number('BENCH_SECONDS', quick ? 1 : 5),
  rounds: number('BENCH_ROUNDS', quick ? 2 : 3),
  connections: number('BENCH_CONNECTIONS', 10),
  warmupSeconds: quick ? 0.5 : 1,
  /** Links in the table for the cron sweep; overdue links are added on top. */
  cronSizes: quick ? [1_000, 10_000] : [1_000, 10_000, 100_000],
  cronOverdue: [0, 100, 1_000],
  cronRepeats: quick ? 1 : 3,
  /**
   * Workspaces the link requests take turns over, and workflows the triggers take turns over, so
   * that none reaches its quota (100 new links an hour) or rate limit (60 triggers a minute).
   */
  owners: number('BENCH_OWNERS', quick ? 30 : 160),
  workflows: number('BENCH_WORKFLOWS', quick ? 10 : 60),
  /** Sequential requests per scenario in the where-the-time-goes profile. */
  profileRequests: number('BENCH_PROFILE_REQUESTS', quick ? 40 : 300),
  /** Quick runs print only, unless asked; full runs write docs/BENCHMARKS.md and the chart. */
  writeDocs: process.env.BENCH_WRITE ? process.env.BENCH_WRITE === '1' : !quick,
}

export const COMPATIBILITY_DATE = '2026-11-01'
/** Invitation HTML + CSS, bytes. */
export const WEIGHT_BUDGET = 12_000
/** The worker bundle, gzip -9 bytes: what Cloudflare counts against the script size limit. */
export const BUNDLE_BUDGET_GZIP = 160 * 1024
