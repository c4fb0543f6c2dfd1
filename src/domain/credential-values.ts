/**
 * What a credential value may hold. Control characters (a line break, NUL, …) are never part of
 * a key, and in a header they would end it or inject another. A value sent as-is in a header
 * (a Bearer token, a raw Authorization header) must also be printable ASCII: the Fetch standard
 * refuses anything else there, and OAuth tokens are printable ASCII by definition (RFC 6749, A).
 */
export type CredentialValueProblem = 'control_character' | 'not_ascii'

// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are exactly what it finds
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/
const PRINTABLE_ASCII = /^[\u0020-\u007e]*$/

export function credentialValueProblem(value: string, inHeader: boolean): CredentialValueProblem | null {
  if (CONTROL.test(value)) return 'control_character'
  if (inHeader && !PRINTABLE_ASCII.test(value)) return 'not_ascii'
  return null
}

/** The field's error, in words the client can act on; never the value itself. */
export function credentialValueMessage(problem: CredentialValueProblem, label: string, appName: string): string {
  return problem === 'control_character'
    ? `${label} contains a line break or another invisible character. Copy it again from ${appName}.`
    : `${label} contains characters it cannot have, such as accented letters or emoji. Copy it again from ${appName}.`
}
