/**
 * Downloads the old site's pictures politely and safely: a few at a time, a
 * timeout per request, retries with backoff for failures that may pass, a size
 * cap per file, an honest User-Agent, and only from hosts the caller allows,
 * redirects included.
 */
import pLimit from 'p-limit'
import type { MediaResult, MediaSource } from './fetch-images'

export type DownloadOptions = {
  /** Whether an address may be fetched; checked again for every redirect. */
  isAllowed: (url: URL) => boolean
  concurrency?: number
  timeoutMs?: number
  /** Attempts after the first, for network errors, 408, 429 and 5xx. */
  retries?: number
  /** Delay before the first retry; doubled each time. */
  backoffMs?: number
  maxBytes?: number
  userAgent?: string
  maxRedirects?: number
}

export const DEFAULT_USER_AGENT = "SandbankWordPressImporter/1.0 (moving this site's posts and images to a Sandbank blog)"

class Retryable extends Error {}

/** Errors that mean the host is not there at all: asking again, or for its next picture, cannot help. */
const UNREACHABLE = new Set(['ENOTFOUND', 'ECONNREFUSED', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_NONAME'])

class Unreachable extends Error {}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

async function readCapped(response: Response, maxBytes: number): Promise<Buffer | 'too-large'> {
  const declared = Number(response.headers.get('content-length'))
  if (Number.isFinite(declared) && declared > maxBytes) {
    await response.body?.cancel()
    return 'too-large'
  }
  const chunks: Buffer[] = []
  let size = 0
  if (!response.body) return Buffer.alloc(0)
  const reader = response.body.getReader()
  for (;;) {
    const { done, value } = await reader.read()
    if (done) break
    size += value.byteLength
    if (size > maxBytes) {
      await reader.cancel()
      return 'too-large'
    }
    chunks.push(Buffer.from(value))
  }
  return Buffer.concat(chunks)
}

export function downloadSource(options: DownloadOptions): MediaSource {
  const {
    isAllowed,
    concurrency = 4,
    timeoutMs = 20_000,
    retries = 2,
    backoffMs = 500,
    maxBytes = 20 * 1024 * 1024,
    userAgent = DEFAULT_USER_AGENT,
    maxRedirects = 3,
  } = options
  const limit = pLimit(concurrency)
  /** Hosts found not to exist (or refusing connections), so each of their pictures fails at once. */
  const unreachable = new Map<string, string>()

  /** One request chain (following allowed redirects), with the timeout over the whole of it. */
  async function attempt(start: URL): Promise<MediaResult> {
    const signal = AbortSignal.timeout(timeoutMs)
    let url = start
    for (let hop = 0; hop <= maxRedirects; hop++) {
      let response: Response
      try {
        response = await fetch(url, { redirect: 'manual', signal, headers: { 'user-agent': userAgent, accept: 'image/*' } })
      } catch (error) {
        const code = ((error as Error & { cause?: { code?: string } }).cause?.code ?? '') as string
        if (UNREACHABLE.has(code)) throw new Unreachable(`${url.host} cannot be reached (${code})`)
        const reason = signal.aborted ? `no answer within ${timeoutMs / 1000} s` : `network error (${(error as Error).message})`
        throw new Retryable(reason)
      }
      if (response.status >= 300 && response.status < 400 && response.headers.get('location')) {
        await response.body?.cancel()
        const next = new URL(response.headers.get('location')!, url)
        if (!isAllowed(next)) return { ok: false, reason: `redirected to ${next.host}, which is not allowed` }
        url = next
        continue
      }
      if (response.status === 408 || response.status === 429 || response.status >= 500) {
        await response.body?.cancel()
        throw new Retryable(`HTTP ${response.status}`)
      }
      if (response.status !== 200) {
        await response.body?.cancel()
        return { ok: false, reason: `HTTP ${response.status}`, gone: response.status === 404 || response.status === 410 }
      }
      let body: Buffer | 'too-large'
      try {
        body = await readCapped(response, maxBytes)
      } catch {
        throw new Retryable(signal.aborted ? `no complete answer within ${timeoutMs / 1000} s` : 'connection lost mid-file')
      }
      if (body === 'too-large') return { ok: false, reason: `larger than the ${Math.round(maxBytes / 1024 / 1024)} MB limit per file` }
      return { ok: true, data: body, from: url.href }
    }
    return { ok: false, reason: `more than ${maxRedirects} redirects` }
  }

  return (url) =>
    limit(async () => {
      if (!isAllowed(url)) return { ok: false, reason: `${url.host} is not allowed` }
      const known = unreachable.get(url.host)
      if (known) return { ok: false, reason: known, gone: true }
      let last = ''
      for (let n = 0; n <= retries; n++) {
        if (n > 0) await sleep(backoffMs * 2 ** (n - 1))
        try {
          return await attempt(url)
        } catch (error) {
          if (error instanceof Unreachable) {
            unreachable.set(url.host, error.message)
            return { ok: false, reason: error.message, gone: true }
          }
          if (!(error instanceof Retryable)) throw error
          last = error.message
        }
      }
      // A host that failed every try is not asked for its other pictures: each would wait as long again.
      const reason = `${last} (after ${retries + 1} tries)`
      if (!/^HTTP /.test(last)) unreachable.set(url.host, `${url.host} did not answer (${reason})`)
      return { ok: false, reason, gone: true }
    })
}
