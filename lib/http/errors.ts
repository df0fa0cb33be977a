/**
 * The one way a route handler refuses a request: throw (or return the answer
 * of) an ApiError, and the client gets `{ "error": <a sentence for people>,
 * "code": <a word for programs, stable across releases> }` with the code's
 * status. The body is JSON with `<` escaped (./json.ts), so no message can be
 * read as markup, and is never sniffed. Modelled on dub's lib/api/errors.ts.
 */
import { jsonForHtml } from './json'

/** Each code and its status. A client may rely on the code; the message may be reworded. */
export const API_ERROR_STATUS = {
  /** The request itself is wrong: a search too long, a form the site did not send. */
  bad_request: 400,
  /** Only a signed-in author may do this. */
  unauthorized: 401,
  /** Refused whoever asks: a request from another site. */
  forbidden: 403,
  not_found: 404,
  /** The request's body is larger than any the site's forms send. */
  payload_too_large: 413,
  /** Too many attempts: Retry-After says when to try again. */
  rate_limited: 429,
  /** Something the answer needs is not ready or not reachable (search starting, the author store down): Retry-After says when. */
  unavailable: 503,
  /** A fault of the server's own: the log has the details, the client gets none. */
  internal_error: 500,
} as const

export type ApiErrorCode = keyof typeof API_ERROR_STATUS

export class ApiError extends Error {
  constructor(
    readonly code: ApiErrorCode,
    message: string,
    /** Headers the answer must carry whoever builds it: Retry-After, say. */
    readonly headers: Readonly<Record<string, string>> = {},
  ) {
    super(message)
    this.name = 'ApiError'
  }

  get status(): number {
    return API_ERROR_STATUS[this.code]
  }
}

/** A JSON answer with `<` escaped and no sniffing; `headers` are the route's own (its cache policy). */
export function jsonResponse(
  body: unknown,
  { status = 200, headers = {} }: { status?: number; headers?: Readonly<Record<string, string>> } = {},
): Response {
  return new Response(jsonForHtml(body), {
    status,
    headers: { 'Content-Type': 'application/json; charset=utf-8', 'X-Content-Type-Options': 'nosniff', ...headers },
  })
}

/** The answer to an ApiError: its status, `{ error, code }`, its own headers over the route's. */
export function errorResponse(error: ApiError, headers: Readonly<Record<string, string>> = {}): Response {
  return jsonResponse({ error: error.message, code: error.code }, { status: error.status, headers: { ...headers, ...error.headers } })
}

const INTERNAL_ERROR = new ApiError('internal_error', 'Something went wrong on our side. Try again later.')

/**
 * A route handler whose refusals are ApiErrors: one it throws becomes its
 * answer, with `headers` (the route's cache policy); anything else it throws
 * is logged and answered 500 with nothing of the error in it.
 */
export function withApiErrors<A extends unknown[]>(
  handler: (...args: A) => Promise<Response>,
  headers: Readonly<Record<string, string>> = {},
): (...args: A) => Promise<Response> {
  return async (...args) => {
    try {
      return await handler(...args)
    } catch (error) {
      if (error instanceof ApiError) return errorResponse(error, headers)
      console.error('sandbank: a route handler failed:', error)
      return errorResponse(INTERNAL_ERROR, headers)
    }
  }
}
