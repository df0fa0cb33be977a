/**
 * What a search request may ask for, and the shape of the answer. Nothing but
 * a type is imported, so it is safe for client code; the search page hands the
 * limits to the box.
 */
import type { AnyDocumentKind } from '../documents'

export const MAX_QUERY_LENGTH = 200
export const DEFAULT_LIMIT = 10
export const MAX_LIMIT = 50

export type SearchHit = {
  /** Which kind of document (lib/documents): pages (About, the accessibility statement) are found alongside posts. */
  type: AnyDocumentKind['type']
  title: string
  url: string
  /** Posts only: pages have no date. */
  date?: string
  summary: string
  /** HTML: every character escaped except the <mark> elements around matched words. */
  snippet: string
  tags: string[]
  score: number
}

export type SearchResponse = { query: string; total: number; results: SearchHit[] }

export type SearchParams = { query: string; limit: number }

export type SearchParamsResult = { ok: true; params: SearchParams } | { ok: false; error: string }

export function queryTooLongMessage(): string {
  return `Your search is too long. Use ${MAX_QUERY_LENGTH} characters or fewer.`
}

/**
 * Length is counted in UTF-16 units, as the browser's `maxlength` counts them,
 * so anything the header form lets through is accepted here.
 */
export function parseSearchQuery(raw: string | null | undefined): { ok: true; query: string } | { ok: false; error: string } {
  const value = raw ?? ''
  if (value.length > MAX_QUERY_LENGTH) return { ok: false, error: queryTooLongMessage() }
  return { ok: true, query: value.trim() }
}

/** Out-of-range limits are refused rather than clamped, so a caller's mistake is visible. */
export function parseSearchLimit(raw: string | null | undefined): { ok: true; limit: number } | { ok: false; error: string } {
  if (raw === null || raw === undefined) return { ok: true, limit: DEFAULT_LIMIT }
  const limit = /^\d{1,3}$/.test(raw) ? Number(raw) : Number.NaN
  if (!(limit >= 1 && limit <= MAX_LIMIT)) {
    return { ok: false, error: `limit must be a whole number from 1 to ${MAX_LIMIT}.` }
  }
  return { ok: true, limit }
}

export function parseSearchParams(params: URLSearchParams): SearchParamsResult {
  const query = parseSearchQuery(params.get('q'))
  if (!query.ok) return query
  const limit = parseSearchLimit(params.get('limit'))
  if (!limit.ok) return limit
  return { ok: true, params: { query: query.query, limit: limit.limit } }
}
