import type { Env } from '../env'

export interface Owner {
  userId: string
  workspaceId: string
  email: string
  name: string
  via: 'session' | 'api_token'
}

export interface AppEnv {
  Bindings: Env
  Variables: {
    owner: Owner
    /** Extra origins a page's forms may post (and redirect) to, e.g. an OAuth provider. */
    formActionOrigins: string[]
  }
}
