/** A bare 404 for machine routes (cards, feeds): says nothing about what might exist, and is never cached downstream. */
export function plainNotFound(): Response {
  return new Response('Not found', { status: 404, headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' } })
}
