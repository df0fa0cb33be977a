/**
 * TRACE and TRACK, refused with 405 before Next sees them. A web Request cannot carry these methods
 * (undici throws), and Next builds one for proxy.ts from every request, so Next would answer each with
 * a 500 and log a stack trace: log noise anyone can cause. Nothing on this site answers them anyway.
 * Installed once per server process by instrumentation.ts, on Node's HTTP server, the one place that
 * sees a request before Next does.
 */
import 'server-only'
import { Server, type IncomingMessage, type ServerResponse } from 'node:http'
import { PRIVATE_NO_STORE } from './cache'

const REFUSED = new Set(['TRACE', 'TRACK'])
const INSTALLED = Symbol.for('sandbank.http.refusedMethods')

type Header = { key: string; value: string }

export function refuseMethodsNextCannotRoute(securityHeaders: Header[]): void {
  const prototype = Server.prototype as Server & { [INSTALLED]?: true }
  if (prototype[INSTALLED]) return
  prototype[INSTALLED] = true
  const headers = {
    ...Object.fromEntries(securityHeaders.map(({ key, value }) => [key, value])),
    Allow: 'GET, HEAD, POST',
    'Cache-Control': PRIVATE_NO_STORE,
    'Content-Type': 'text/plain; charset=utf-8',
  }
  const emit = prototype.emit as (this: Server, event: string | symbol, ...args: unknown[]) => boolean
  prototype.emit = function (this: Server, event: string | symbol, ...args: unknown[]): boolean {
    const [request, response] = args as [IncomingMessage, ServerResponse]
    if (event !== 'request' || !REFUSED.has(request.method ?? '')) return emit.call(this, event, ...args)
    request.resume()
    response.writeHead(405, headers).end('Method not allowed.\n')
    return true
  }
}
