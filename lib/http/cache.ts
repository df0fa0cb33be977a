/** For answers meant for one signed-in author: no shared cache keeps them, and no browser stores them. */
export const PRIVATE_NO_STORE = 'private, no-store'

/** For answers at an address that carries a fingerprint of its content (cards, picture variants): the address never changes meaning. */
export const PUBLIC_IMMUTABLE = 'public, max-age=31536000, immutable'
