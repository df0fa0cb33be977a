/** A same-site path to return to after sign-in; anything else falls back to /drafts. */
export function safeCallbackPath(value: string | undefined, fallback = '/drafts'): string {
  if (!value || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\') || value.length > 2000) return fallback
  return value
}
