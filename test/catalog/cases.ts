import type { AppDefinition, Credentials, VerifiedAccount } from '../../src/apps/types'
import type { ProgrammedReply } from '../programmable-fake'

/** A "who am I" call: the documented answer, the request that must produce it, and what Tether reads from it. */
export interface VerifyCase {
  app: AppDefinition
  credentials: Credentials
  /** The sample answer on the documentation page the app's file cites. */
  documented: unknown
  request: { method: string; url: string; header?: [name: string, value: string] }
  account: VerifiedAccount
}

/** A workflow action: the requests it must send (in order) and the output it builds from the documented answers. */
export interface ActionCase {
  app: AppDefinition
  action: string
  credentials: Credentials
  input: Record<string, string>
  replies: ProgrammedReply[]
  requests: { method: string; url: string; header?: [name: string, value: string]; json?: unknown; form?: Record<string, string> }[]
  output: Record<string, unknown>
}
