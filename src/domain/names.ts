/**
 * A name a person chose (owner, connection, workflow, token) as others will read it: without the
 * invisible format characters (Unicode category Cf: bidi overrides and isolates, zero-width
 * characters, the BOM) that can make "moc.knabgib" read as "bigbank.com", and with control
 * characters turned into spaces. Trimming and the NAME_MAX cap come after, in the schema.
 */
export function cleanName(raw: string): string {
  return raw.replace(/\p{Cf}+/gu, '').replace(/\p{Cc}+/gu, ' ')
}
