/**
 * What the sign-in page says for each `?error=` code. Only these words ever
 * reach a visitor: an unknown code (or a message someone put in the address)
 * shows the generic one.
 */
export const SIGN_IN_ERRORS = {
  CredentialsSignin: 'The email or password is not right.',
  RateLimited: 'Too many failed sign-in attempts. Wait 15 minutes, then try again.',
  SignInUnavailable: 'Sign-in is unavailable right now. Try again later.',
  SessionRequired: 'Sign in to see that page.',
  AccessDenied: 'That account may not sign in here.',
  Default: 'Sign-in did not work. Try again.',
} as const

export type SignInErrorCode = keyof typeof SIGN_IN_ERRORS

export function signInErrorCode(value: string | null | undefined): SignInErrorCode | undefined {
  if (!value) return undefined
  return Object.hasOwn(SIGN_IN_ERRORS, value) ? (value as SignInErrorCode) : 'Default'
}

export function signInErrorMessage(value: string | null | undefined): string | undefined {
  const code = signInErrorCode(value)
  return code && SIGN_IN_ERRORS[code]
}
