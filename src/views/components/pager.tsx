import { ChevronDown } from './icons'

export interface PagerProps {
  /** Names the navigation landmark, e.g. "Connections pages". */
  label: string
  /** Back to the first (newest) page; null when already there. */
  newestHref: string | null
  /** The next, older page; null on the last page. */
  olderHref: string | null
}

/** Keyset paging only goes forward: "Older" follows the cursor, "Newest" starts again. Plain links, no script. */
export function Pager({ label, newestHref, olderHref }: PagerProps) {
  if (!newestHref && !olderHref) return null
  return (
    <nav class="pager row" aria-label={label}>
      {newestHref ? (
        <a class="button button-secondary" href={newestHref}>
          Newest
        </a>
      ) : null}
      {olderHref ? (
        <a class="button button-secondary" href={olderHref} rel="next">
          Older
          <ChevronDown size={16} />
        </a>
      ) : null}
    </nav>
  )
}
