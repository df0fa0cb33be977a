import { readdirSync, statSync } from 'node:fs'
import path from 'node:path'
import { GUARDED_PREFIXES, PAGED_LISTING_PREFIXES, RESERVED_TOP_LEVEL_SEGMENTS, ROUTES, matchRoute } from '@/lib/routes'
import { ROOT } from '@/scripts/lib/process'

/** Next's metadata files in app/ and the addresses they answer at. */
const METADATA_FILES: Record<string, string> = { 'robots.ts': 'robots.txt', 'icon.svg': 'icon.svg', 'sitemap.ts': 'sitemap.xml' }

/** Every route app/ defines, as its folder spells it: a folder with a page or route file, or a metadata file. Private (_x) folders and route groups ((x)) are not addresses. */
function appRoutes(dir = 'app', at = ''): string[] {
  return readdirSync(path.join(ROOT, dir)).flatMap((name) => {
    const full = path.join(dir, name)
    if (statSync(path.join(ROOT, full)).isDirectory()) {
      if (name.startsWith('_')) return []
      return appRoutes(full, /^\(.*\)$/.test(name) ? at : `${at}/${name}`)
    }
    if (/^(page|route)\.tsx?$/.test(name)) return [at || '/']
    return METADATA_FILES[name] ? [`${at}/${METADATA_FILES[name]}`] : []
  })
}

describe('the route table', () => {
  test('is exactly the routes in app/, so a new route cannot be left out of the guard and the reserved names', () => {
    expect(ROUTES.map((route) => route.pattern).sort()).toEqual(appRoutes().sort())
  })

  test('matches an address to its route as Next does: static before dynamic before the rest of the address', () => {
    const routeOf = (pathname: string) => matchRoute(pathname)?.route.pattern
    expect(routeOf('/')).toBe('/')
    expect(routeOf('/tags')).toBe('/tags')
    expect(routeOf('/tags/x/page/2')).toBe('/tags/[tag]/page/[page]')
    expect(routeOf('/drafts/pages/a/b')).toBe('/drafts/pages/[...slug]')
    expect(routeOf('/drafts/pages')).toBe('/drafts/[slug]')
    expect(routeOf('/og/site')).toBe('/og/site')
    expect(routeOf('/about')).toBe('/[...slug]')
    expect(routeOf('/tags/x/other')).toBe('/[...slug]')
    expect(matchRoute('/og/pages/services/contact')?.params).toEqual({ slug: ['services', 'contact'] })
    expect(matchRoute('/posts/a/images/b-0123456789abcdef-360.avif')?.params).toEqual({ slug: ['a'], file: ['b-0123456789abcdef-360.avif'] })
  })

  test('gives the names a page may not take, the prefixes proxy.ts guards and the listings whose /page/1 redirects', () => {
    expect(RESERVED_TOP_LEVEL_SEGMENTS).toEqual(
      [
        ...['api', 'archive', 'atom.xml', 'authors', 'drafts', 'feed.json', 'feed.xml', 'icon.svg', 'og', 'page', 'posts', 'robots.txt'],
        ...['search', 'signin', 'signout', 'sitemap.xml', 'sitemaps', 'tags', '404', '500', '_next', '_not-found', 'favicon.ico'],
      ].sort(),
    )
    expect(GUARDED_PREFIXES).toEqual(['/archive/', '/authors/', '/drafts/', '/og/pages/', '/og/posts/', '/page/', '/posts/', '/sitemaps/', '/tags/'])
    expect(PAGED_LISTING_PREFIXES).toEqual(['/tags/', '/archive/', '/authors/'])
  })
})
