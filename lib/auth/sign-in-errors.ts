import { FALLBACK_LANGUAGE, dictionaryFor, type Dictionary } from '../i18n'

/**
 * What the sign-in page says for each `?error=` code. Only these words ever
 * reach a visitor: an unknown code (or a message someone put in the address)
 * shows the generic one. The words are the interface dictionary's (lib/i18n), in British
 * English until the pages read the site's language.
 */
export const SIGN_IN_ERRORS: Dictionary['signIn']['errors'] = dictionaryFor(FALLBACK_LANGUAGE).signIn.errors

export type SignInErrorCode = keyof typeof SIGN_IN_ERRORS

export function signInErrorCode(value: string | null | undefined): SignInErrorCode | undefined {
  if (!value) return undefined
  return Object.hasOwn(SIGN_IN_ERRORS, value) ? (value as SignInErrorCode) : 'Default'
}

export function signInErrorMessage(value: string | null | undefined): string | undefined {
  const code = signInErrorCode(value)
  return code && SIGN_IN_ERRORS[code]
}
