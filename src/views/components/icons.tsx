import type { ComponentChildren } from 'preact'

export interface IconProps {
  /** Rendered width and height in px; CSS may resize it (e.g. inside a badge). */
  size?: number
  class?: string
}

/** Decorative outline icon: the text next to it carries the meaning for assistive tech. */
function Svg({ size = 20, class: extra, children }: IconProps & { children: ComponentChildren }) {
  return (
    <svg
      class={extra ? `icon ${extra}` : 'icon'}
      width={size}
      height={size}
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      stroke-width="2"
      stroke-linecap="round"
      stroke-linejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      {children}
    </svg>
  )
}

const icon = (d: string) => (props: IconProps) => (
  <Svg {...props}>
    <path d={d} />
  </Svg>
)

export const Hourglass = icon('M6 2h12M6 22h12M7 2v4l5 6 5-6V2M7 22v-4l5-6 5 6v4')
export const Link = icon('M10 13a5 5 0 0 0 7.5.5l3-3a5 5 0 0 0-7-7l-1.8 1.7M14 11a5 5 0 0 0-7.5-.5l-3 3a5 5 0 0 0 7 7l1.7-1.7')
export const Refresh = icon('M21 3v6h-6M3 21v-6h6M4.5 9A8 8 0 0 1 18 6l3 3M3 15l3 3a8 8 0 0 0 13.5-3')
export const Close = icon('M18 6 6 18M6 6l12 12')
export const Check = icon('M20 6 9 17l-5-5')
export const Copy = icon(
  'M11 9h9a2 2 0 0 1 2 2v9a2 2 0 0 1-2 2h-9a2 2 0 0 1-2-2v-9a2 2 0 0 1 2-2zM5 15H4a2 2 0 0 1-2-2V4a2 2 0 0 1 2-2h9a2 2 0 0 1 2 2v1',
)
export const Plus = icon('M12 5v14M5 12h14')
export const Shield = icon('M12 22s8-4 8-10V5l-8-3-8 3v7c0 6 8 10 8 10zM9 12l2 2 4-4')
export const Key = icon('M21 2l-2 2m-3.5 3.5L19 4m-3.5 3.5 3 3L22 7l-3-3m-3.5 3.5-4.1 4.1m0 0a5.5 5.5 0 1 1-7.8 7.8 5.5 5.5 0 0 1 7.8-7.8z')
export const Search = icon('M11 19a8 8 0 1 0 0-16 8 8 0 0 0 0 16zM21 21l-4.3-4.3')
export const Warning = icon('M10.3 3.9 1.8 18a2 2 0 0 0 1.7 3h17a2 2 0 0 0 1.7-3L13.7 3.9a2 2 0 0 0-3.4 0zM12 9v4M12 17h.01')
export const Info = icon('M12 22a10 10 0 1 0 0-20 10 10 0 0 0 0 20zM12 16v-4M12 8h.01')
export const Trash = icon('M3 6h18M19 6l-1 14a2 2 0 0 1-2 2H8a2 2 0 0 1-2-2L5 6M10 11v6M14 11v6M9 6V4a1 1 0 0 1 1-1h4a1 1 0 0 1 1 1v2')
export const Clock = icon('M12 22a10 10 0 1 0 0-20 10 10 0 0 0 0 20zM12 6v6l4 2')
export const ExternalLink = icon('M18 13v6a2 2 0 0 1-2 2H5a2 2 0 0 1-2-2V8a2 2 0 0 1 2-2h6M15 3h6v6M10 14 21 3')
export const Play = icon('M6 4l14 8-14 8z')
export const ChevronDown = icon('M6 9l6 6 6-6')
export const Lock = icon('M5 11h14a2 2 0 0 1 2 2v7a2 2 0 0 1-2 2H5a2 2 0 0 1-2-2v-7a2 2 0 0 1 2-2zM7 11V7a5 5 0 0 1 10 0v4')

/** Vertical "more" dots: round caps of zero-length strokes, 3 px wide, so they stay visible at small sizes (and cost one path per row). */
export function Dots(props: IconProps) {
  return (
    <Svg {...props}>
      <path d="M12 5h.01M12 12h.01M12 19h.01" stroke-width="3" />
    </Svg>
  )
}
