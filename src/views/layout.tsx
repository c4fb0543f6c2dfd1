import type { ComponentChildren } from 'preact'
import { accentStylesheetPath, isBranded, type LinkBrand } from '../domain/brand'
import { UNREAD_COUNT_CAP } from '../domain/limits'
import { useBrand } from './brand'
import { DASHBOARD_STYLESHEET_URL, SCRIPT_URL, STYLESHEET_URL } from './asset-urls'
import { LanguageMenu } from './components/language-menu'
import { useLocale, useT } from './locale'

export interface LayoutProps {
  title: string
  children: ComponentChildren
  /** Signed-in owner's name shows the dashboard navigation. */
  owner?: { name: string; email: string; unreadNotifications?: number } | null
  /** Public client pages: no navigation, centred card. */
  variant?: 'dashboard' | 'public' | 'auth'
  current?: 'connections' | 'workflows' | 'settings' | 'notifications'
  /** The client pages: the language menu in the header. */
  languages?: boolean
}

/** Past the cap the count is not exact, and says so. */
function unreadLabel(unread: number): string {
  return unread >= UNREAD_COUNT_CAP ? `${UNREAD_COUNT_CAP - 1}+` : String(unread)
}

export function Layout({ title, children, owner, variant = 'dashboard', current, languages = false }: LayoutProps) {
  const t = useT()
  // Only a client's page wears the owner's brand; the dashboard and sign-in pages stay Tether's.
  const provided = useBrand()
  const brand = variant === 'public' && isBranded(provided) ? provided : null
  return (
    <html lang={useLocale()}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="robots" content="noindex, nofollow" />
        <title>{`${title} · ${brand?.name ?? 'Tether'}`}</title>
        <link rel="stylesheet" href={STYLESHEET_URL} />
        {brand && brand.accent !== null ? <link rel="stylesheet" href={accentStylesheetPath(brand.accent)} /> : null}
        {/* Tables, menus and the rest only the dashboard has: a client's page loads the first sheet alone. */}
        {variant === 'dashboard' ? <link rel="stylesheet" href={DASHBOARD_STYLESHEET_URL} /> : null}
        <link rel="icon" href="/icons/tether.svg" type="image/svg+xml" />
        {/* Copy buttons and menus only exist on the dashboard; client pages need no script at all. */}
        {variant === 'dashboard' ? <script src={SCRIPT_URL} defer /> : null}
      </head>
      <body class={`layout-${variant}`}>
        <a class="skip-link" href="#main">
          {t('layout.skip')}
        </a>
        {variant === 'dashboard' && owner ? (
          <header class="topbar">
            <a class="brand" href="/connections">
              <img src="/icons/tether.svg" alt="" width="24" height="24" />
              Tether
            </a>
            <nav aria-label="Main">
              <a href="/connections" aria-current={current === 'connections' ? 'page' : undefined}>
                Connections
              </a>
              <a href="/workflows" aria-current={current === 'workflows' ? 'page' : undefined}>
                Workflows
              </a>
              <a href="/settings" aria-current={current === 'settings' ? 'page' : undefined}>
                Settings
              </a>
              <a href="/notifications" aria-current={current === 'notifications' ? 'page' : undefined}>
                Notifications
                {owner.unreadNotifications ? (
                  <>
                    {' '}
                    <span class="badge badge-rejected">{unreadLabel(owner.unreadNotifications)}</span>
                    <span class="visually-hidden"> unread</span>
                  </>
                ) : null}
              </a>
            </nav>
            <form method="post" action="/logout" class="topbar-account">
              <span class="muted" title={owner.email}>
                {owner.name}
              </span>
              <button type="submit" class="button-link">
                Log out
              </button>
            </form>
          </header>
        ) : (
          <header class="topbar topbar-plain">
            {brand ? (
              <OwnerBrand brand={brand} />
            ) : (
              <span class="brand">
                <img src="/icons/tether.svg" alt="" width="24" height="24" />
                Tether
              </span>
            )}
            {languages ? <LanguageMenu /> : null}
          </header>
        )}
        <main id="main" class={variant === 'dashboard' ? 'page' : 'page-narrow'}>
          {children}
        </main>
        {brand ? (
          <footer class="secured-by">
            <img src="/icons/tether.svg" alt="" width="14" height="14" />
            {t('layout.securedBy')}
          </footer>
        ) : null}
      </body>
    </html>
  )
}

/** The owner's name and logo where Tether's would be; a logo without a name speaks for itself. */
function OwnerBrand({ brand }: { brand: LinkBrand }) {
  const t = useT()
  return (
    <span class="brand brand-owner">
      {brand.logoUrl !== null ? (
        <img class="brand-logo" src={brand.logoUrl} alt={brand.name !== null ? '' : t('layout.ownerLogo')} height="32" />
      ) : null}
      {brand.name}
    </span>
  )
}
