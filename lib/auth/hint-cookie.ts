/**
 * A cookie holding only "1", set beside the session cookie, so the header's
 * client island knows whether asking for the session is worth a request.
 */
export const SIGNED_IN_HINT_COOKIE = 'sandbank-signed-in'
