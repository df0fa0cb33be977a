/**
 * Requests per second of `next start` for a post page, against nginx serving the
 * same HTML from disk: the physical reference for "a static page over HTTP on this
 * machine". Both on 127.0.0.1, uncompressed (the load generator sends no
 * Accept-Encoding), bounded in time. On a 2-core machine the load generator
 * competes with the server, so read the ratio, not the absolute figures.
 */
import { existsSync } from 'node:fs'
import { formatLoad, measureInterleaved, measureLoad } from './load'
import { NGINX, startStaticNginx } from './static-nginx'
import { firstPostUrl, type BenchRow, type BenchSection } from './types'

export const throughput: BenchSection = {
  name: 'throughput',
  async run({ baseUrl }) {
    const section = 'throughput'
    const postUrl = await firstPostUrl(baseUrl)
    const html = Buffer.from(await (await fetch(postUrl, { headers: { 'accept-encoding': 'identity' } })).arrayBuffer())
    const rows: BenchRow[] = []
    if (!existsSync(NGINX)) {
      const next = await measureLoad(postUrl)
      rows.push({ section, metric: `next start, post page (${next.tool})`, value: formatLoad(next) })
      rows.push({ section, metric: 'nginx, same HTML', value: 'n/a (apt-get install -y nginx)' })
      return rows
    }
    const nginx = await startStaticNginx(html)
    try {
      const served = Buffer.from(await (await fetch(nginx.url)).arrayBuffer())
      if (!served.equals(html)) throw new Error('throughput: nginx did not serve the same HTML')
      const [next, reference] = await measureInterleaved([{ url: postUrl }, { url: nginx.url }])
      rows.push({ section, metric: `next start, post page (${next.tool})`, value: formatLoad(next) })
      if (next.errors) rows.push({ section, metric: 'next start, errors or non-2xx', value: String(next.errors) })
      rows.push({ section, metric: `nginx, same HTML from disk (${reference.tool})`, value: formatLoad(reference) })
      if (reference.errors) rows.push({ section, metric: 'nginx, errors or non-2xx', value: String(reference.errors) })
      rows.push({ section, metric: 'ratio, nginx ÷ next start', value: `${(reference.rps / next.rps).toFixed(1)}×` })
    } finally {
      await nginx.stop()
    }
    return rows
  },
}
