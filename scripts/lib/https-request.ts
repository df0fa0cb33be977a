/**
 * One HTTPS request to a server on 127.0.0.1 that presents a certificate for
 * `servername`, trusting only the given CA (the stack's self-signed certificate).
 * Node's fetch cannot be told which CA to trust per request.
 */
import { request } from 'node:https'

export type Reply = { status: number; headers: Headers; text: string }

export type HttpsTarget = { port: number; servername: string; ca: Buffer }

function toHeaders(raw: Record<string, string | string[] | undefined>): Headers {
  const headers = new Headers()
  for (const [name, value] of Object.entries(raw)) {
    for (const one of Array.isArray(value) ? value : value === undefined ? [] : [value]) headers.append(name, one)
  }
  return headers
}

export function httpsRequest(
  { port, servername, ca }: HttpsTarget,
  method: string,
  pathname: string,
  headers: Record<string, string> = {},
  body?: string,
): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        servername,
        ca,
        method,
        path: pathname,
        headers: { host: `${servername}:${port}`, ...(body === undefined ? {} : { 'content-length': String(Buffer.byteLength(body)) }), ...headers },
        agent: false,
      },
      (response) => {
        const chunks: Buffer[] = []
        response.on('data', (chunk: Buffer) => chunks.push(chunk))
        response.on('end', () =>
          resolve({ status: response.statusCode ?? 0, headers: toHeaders(response.headers), text: Buffer.concat(chunks).toString('utf8') }),
        )
        response.on('error', reject)
      },
    )
    req.on('error', reject)
    req.end(body)
  })
}
