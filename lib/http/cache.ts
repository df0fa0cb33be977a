/** For answers meant for one signed-in author: no shared cache keeps them, and no browser stores them. */
export const PRIVATE_NO_STORE = 'private, no-store'
