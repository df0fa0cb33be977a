import { ConfigError, parseSiteUrl, readServerConfig, readSiteConfig } from '@/lib/config'

describe('site configuration', () => {
  test('defaults need nothing set', () => {
    const site = readSiteConfig({})
    expect(site.url).toBe('http://localhost:3000')
    expect(site.name).toBe('Sandbank')
    expect(site.postsPerPage).toBe(10)
    expect(site.contactEmail).toBeUndefined()
  })
  test('SITE_LANGUAGE is a BCP 47 tag, British English by default, with its Open Graph locale', () => {
    expect(readSiteConfig({})).toMatchObject({ language: 'en-GB', locale: 'en_GB' })
    expect(readSiteConfig({ SITE_LANGUAGE: ' cy ' })).toMatchObject({ language: 'cy', locale: 'cy_GB' })
    expect(readSiteConfig({ SITE_LANGUAGE: 'FA' })).toMatchObject({ language: 'fa', locale: 'fa_IR' })
    expect(readSiteConfig({ SITE_LANGUAGE: 'zh-hant-tw' })).toMatchObject({ language: 'zh-Hant-TW', locale: 'zh_TW' })
    for (const bad of ['welsh', 'en_GB', 'cy;DROP']) {
      expect(() => readSiteConfig({ SITE_LANGUAGE: bad })).toThrow('SITE_LANGUAGE must be a BCP 47 language tag')
    }
  })
  test('SITE_CONTACT_EMAIL must be an email address', () => {
    expect(readSiteConfig({ SITE_CONTACT_EMAIL: ' web@example.org ' }).contactEmail).toBe('web@example.org')
    for (const bad of ['web', 'web@example', 'a b@example.org', 'web@example.org?subject=x"><script>']) {
      expect(() => readSiteConfig({ SITE_CONTACT_EMAIL: bad })).toThrow('SITE_CONTACT_EMAIL must be an email address')
    }
  })
  test('SITE_URL is normalised and validated with the variable named', () => {
    expect(parseSiteUrl('https://blog.example.org/')).toBe('https://blog.example.org')
    expect(() => parseSiteUrl('blog.example.org')).toThrow('SITE_URL must be an absolute http(s) URL')
    expect(() => parseSiteUrl('ftp://blog.example.org')).toThrow(ConfigError)
  })
  test('server settings: GitHub needs both halves, a short secret and bad share days are refused', () => {
    expect(readServerConfig({}).authorsFile).toBe('.data/authors.json')
    expect(readServerConfig({ DATA_DIR: '/srv/data' }).secretFile).toBe('/srv/data/nextauth-secret')
    expect(() => readServerConfig({ GITHUB_ID: 'x' })).toThrow('GITHUB_SECRET must be set together')
    expect(() => readServerConfig({ NEXTAUTH_SECRET: 'short' })).toThrow('NEXTAUTH_SECRET must be at least 32 characters')
    expect(() => readServerConfig({ SHARE_LINK_DAYS: '0' })).toThrow('SHARE_LINK_DAYS')
    expect(readServerConfig({ GITHUB_ID: 'id', GITHUB_SECRET: 'secret' }).github).toEqual({ clientId: 'id', clientSecret: 'secret' })
  })
  test('REDIS_URL is optional, and must be a redis:// or rediss:// URL when set', () => {
    expect(readServerConfig({}).redisUrl).toBeUndefined()
    expect(readServerConfig({ REDIS_URL: ' redis://127.0.0.1:6379 ' }).redisUrl).toBe('redis://127.0.0.1:6379')
    expect(readServerConfig({ REDIS_URL: 'rediss://user:pw@cache.internal:6380/2' }).redisUrl).toBe('rediss://user:pw@cache.internal:6380/2')
    expect(() => readServerConfig({ REDIS_URL: 'localhost:6379' })).toThrow('REDIS_URL must use redis:// or rediss://')
    expect(() => readServerConfig({ REDIS_URL: 'not a url' })).toThrow('REDIS_URL must be a redis:// or rediss:// URL')
  })
  test('comments: SITE_COMMENTS on or off, SMTP_URL and SMTP_FROM, PAGE_CACHE_REFRESH_URL, each checked with the variable named', () => {
    expect(readSiteConfig({}).comments).toBe(true)
    expect(readSiteConfig({ SITE_COMMENTS: ' OFF ' }).comments).toBe(false)
    expect(() => readSiteConfig({ SITE_COMMENTS: 'no' })).toThrow('SITE_COMMENTS must be on or off, got "no"')
    const defaults = readServerConfig({ SITE_URL: 'https://blog.example.org' })
    expect(defaults).toMatchObject({
      commentsDir: '.data/comments',
      mailFrom: 'comments@blog.example.org',
      smtpUrl: undefined,
      pageCacheRefreshUrl: undefined,
    })
    expect(readServerConfig({ SMTP_URL: 'smtps://u:p@mail.example.org:465', SMTP_FROM: 'Blog <blog@example.org>' })).toMatchObject({
      smtpUrl: 'smtps://u:p@mail.example.org:465',
      mailFrom: 'Blog <blog@example.org>',
    })
    expect(() => readServerConfig({ SMTP_URL: 'http://mail.example.org' })).toThrow('SMTP_URL must use smtp:// or smtps://')
    expect(() => readServerConfig({ SMTP_URL: 'smtp//user:secret@x' })).not.toThrow('secret')
    expect(() => readServerConfig({ SMTP_FROM: 'not an address' })).toThrow('SMTP_FROM must be an email address')
    expect(readServerConfig({ PAGE_CACHE_REFRESH_URL: 'http://127.0.0.1:8081/' }).pageCacheRefreshUrl).toBe('http://127.0.0.1:8081')
    expect(() => readServerConfig({ PAGE_CACHE_REFRESH_URL: 'https://127.0.0.1:8081' })).toThrow('PAGE_CACHE_REFRESH_URL must use http://')
    expect(() => readServerConfig({ PAGE_CACHE_REFRESH_URL: 'http://127.0.0.1:8081/purge' })).toThrow(
      'PAGE_CACHE_REFRESH_URL must be http://host:port',
    )
  })
})

describe('TRUSTED_PROXIES', () => {
  test('a bad value stops the server with a message naming the variable', () => {
    for (const bad of ['11', 'ten', '10.0.0.0/33', '10.0.0.1/8/1', 'fd00::/200', '1.2.3']) {
      expect(() => readServerConfig({ TRUSTED_PROXIES: bad })).toThrow(/TRUSTED_PROXIES/)
    }
    expect(readServerConfig({ TRUSTED_PROXIES: '127.0.0.1, ::1' }).trustedProxies.kind).toBe('addresses')
  })
})
