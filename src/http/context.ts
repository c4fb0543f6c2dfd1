import type { Owner } from '../domain/shapes'
import type { Env } from '../env'

export interface AppEnv {
  Bindings: Env
  Variables: {
    owner: Owner
    /** Extra origins a page's forms may post (and redirect) to, e.g. an OAuth provider. */
    formActionOrigins: string[]
  }
}
