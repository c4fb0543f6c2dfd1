import { AppError } from '../domain/errors'
import { bearer, callJson, idField, stringField } from './http'
import { checkedMetadata } from './oauth'
import type { AppContext, AppDefinition, OAuthCredentials, ResourceLookup } from './types'

/** One site or tenant a new token may use (OAuthSpec.resourceLookup). */
export interface ResourceChoice {
  id: string
  name: string
}

export function resourceLookupOf(app: AppDefinition): ResourceLookup | undefined {
  return app.oauth?.resourceLookup
}

/** Right after the code exchange: what the token gives access to, each id checked like any metadata value. */
export async function lookUpResources(app: AppDefinition, ctx: AppContext, credentials: OAuthCredentials): Promise<ResourceChoice[]> {
  const lookup = resourceLookupOf(app)
  const url = ctx.endpoints.resourcesUrl
  if (!lookup || !url) throw new TypeError(`${app.id} declares no resource lookup`)
  const { body } = await callJson(ctx, url, { headers: { authorization: bearer(credentials.accessToken), accept: 'application/json' } })
  if (!Array.isArray(body)) throw new AppError('upstream_error', `${app.name} sent an answer Tether could not read.`)
  const choices = body.map((entry: unknown) => {
    const id = checkedMetadata(app, ctx, lookup, idField(entry, lookup.idField))
    return { id, name: stringField(entry, lookup.nameField) ?? id }
  })
  if (choices.length === 0) {
    throw new AppError(
      'invalid_credentials',
      `This ${app.name} sign-in gives access to no ${lookup.label.toLowerCase()}. Please start again.`,
    )
  }
  return choices
}

/** The credentials with the chosen site or tenant kept as their metadata. */
export function withResource(app: AppDefinition, credentials: OAuthCredentials, choice: ResourceChoice): OAuthCredentials {
  const lookup = resourceLookupOf(app)
  if (!lookup) throw new TypeError(`${app.id} declares no resource lookup`)
  return { ...credentials, metadata: { ...credentials.metadata, [lookup.key]: choice.id } }
}
