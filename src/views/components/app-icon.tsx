export interface AppIconProps {
  iconUrl: string
  name: string
  /** Square size in px. */
  size?: number
  /** When the app's name is not written next to the icon, the icon must carry it. */
  standalone?: boolean
}

export function AppIcon({ iconUrl, name, size = 32, standalone = false }: AppIconProps) {
  return <img class="app-icon" src={iconUrl} alt={standalone ? name : ''} width={size} height={size} decoding="async" />
}
