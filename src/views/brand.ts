import { createContext } from 'preact'
import { useContext } from 'preact/hooks'
import type { LinkBrand } from '../domain/brand'

/** The owner's brand on a client page, provided by renderPage like the language; null: Tether's own look. */
export const BrandContext = createContext<LinkBrand | null>(null)

export const useBrand = () => useContext(BrandContext)
