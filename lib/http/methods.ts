/**
 * Requests refused before Next sees them, with the security headers every answer carries.
 *
 * TRACE: a web Request cannot carry it (undici throws), and Next builds one for proxy.ts from every
 * request, so Next would answer each with a 500 and log a stack trace: log noise anyone can cause.
 * Nothing on this site answers it anyway: 405.
 *
 * A request Node's HTTP parser cannot read (a method it does not know, such as TRACK; a malformed
 * request line; headers past its limit) never becomes a request at all: Node answers it itself, bare.
 * Here it gets the status Node would give, with the headers and a short message.
 *
 * Installed once per server process by instrumentation.ts, on Node's HTTP server, the one place that
 * sees a request before Next does.
 */
import 'server-only'
import type { Socket } from 'node:net'
import { Server, STATUS_CODES, type IncomingMessage, type ServerResponse } from 'node:http'
import { PRIVATE_NO_STORE } from './cache'

const REFUSED = new Set(['TRACE'])
const INSTALLED = Symbol.for('sandbank.http.refusedMethods')

/** The status Node itself gives a request its parser refuses, by the error's code; any other is 400. */
const PARSER_REFUSAL_STATUS: Readonly<Record<string, number>> = {
  HPE_HEADER_OVERFLOW: 431,
  HPE_CHUNK_EXTENSIONS_OVERFLOW: 413,
  ERR_HTTP_REQUEST_TIMEOUT: 408,
}

type Header = { key: string; value: string }

export function refuseRequestsBeforeNext(securityHeaders: Header[]): void {
  const prototype = Server.prototype as Server & { [INSTALLED]?: true }
  if (prototype[INSTALLED]) return
  prototype[INSTALLED] = true
  const headers: Record<string, string> = {
    ...Object.fromEntries(securityHeaders.map(({ key, value }) => [key, value])),
    'Cache-Control': PRIVATE_NO_STORE,
    'Content-Type': 'text/plain; charset=utf-8',
  }
  const emit = prototype.emit as (this: Server, event: string | symbol, ...args: unknown[]) => boolean
  prototype.emit = function (this: Server, event: string | symbol, ...args: unknown[]): boolean {
    if (event === 'request') {
      const [request, response] = args as [IncomingMessage, ServerResponse]
      if (!REFUSED.has(request.method ?? '')) return emit.call(this, event, ...args)
      request.resume()
      response.writeHead(405, { ...headers, Allow: 'GET, HEAD, POST' }).end('Method not allowed.\n')
      return true
    }
    // A server that listens for these itself (Next's dev server) answers them its own way.
    if (event === 'clientError' && this.listenerCount('clientError') === 0) {
      const [error, socket] = args as [NodeJS.ErrnoException, ServerSocket]
      answerUnreadableRequest(error, socket, headers)
      return true
    }
    return emit.call(this, event, ...args)
  }
}

/** The answer in progress on a connection, as Node's server keeps it: an error answer must not be written into its middle. */
type ServerSocket = Socket & { _httpMessage?: ServerResponse | null }

/** What Node would do (answer unless an answer is already under way, then close), with the headers and a sentence. */
function answerUnreadableRequest(error: NodeJS.ErrnoException, socket: ServerSocket, headers: Record<string, string>): void {
  if (socket.writable && !socket._httpMessage?.headersSent) {
    const status = PARSER_REFUSAL_STATUS[error.code ?? ''] ?? 400
    const body = `${STATUS_CODES[status]}.\n`
    const lines = Object.entries({ ...headers, 'Content-Length': String(Buffer.byteLength(body)), Connection: 'close' })
    socket.write(`HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\n${lines.map(([name, value]) => `${name}: ${value}\r\n`).join('')}\r\n${body}`)
  }
  socket.destroy()
}
