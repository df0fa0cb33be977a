import { conflictsWithBuild } from '@/lib/auth'
import {
  authSecretFingerprint,
  isLoopbackUrl,
  localSiteUrlWarning,
  readServerConfig,
  siteSettingsOf,
  withBuildSettings,
  type BuildSettings,
} from '@/lib/config'

const SECRET = 'a-secret-of-at-least-thirty-two-characters'
const publicBuild: BuildSettings = {
  ...siteSettingsOf({ SITE_URL: 'https://blog.example.org', SITE_NAME: 'Our blog' }),
  authSecretFingerprint: authSecretFingerprint(SECRET),
}
const localBuild = siteSettingsOf({})
const conflicts = (build: BuildSettings, env: Record<string, string>) =>
  conflictsWithBuild(build, env, readServerConfig({ DATA_DIR: '/nonexistent', ...env }))

describe('a server and the build it serves', () => {
  test('a build records its SITE_URL and site settings, and only a fingerprint of its secret', () => {
    expect(publicBuild.siteUrl).toBe('https://blog.example.org')
    expect(publicBuild.values).toEqual({ SITE_NAME: 'Our blog' })
    expect(JSON.stringify(publicBuild)).not.toContain(SECRET)
    expect(localBuild.siteUrl).toBe('http://localhost:3000')
  })

  test('settings a server is not given come from the build, except a local build’s address', () => {
    expect(withBuildSettings({ PORT: '3000' }, publicBuild)).toEqual({ PORT: '3000', SITE_URL: 'https://blog.example.org', SITE_NAME: 'Our blog' })
    expect(withBuildSettings({ SITE_NAME: 'Our blog' }, localBuild)).toEqual({ SITE_NAME: 'Our blog' })
    expect(withBuildSettings({}, undefined)).toEqual({})
  })

  test('the same settings, or none, agree with the build', () => {
    expect(conflicts(publicBuild, { SITE_URL: 'https://blog.example.org/', SITE_NAME: ' Our blog ', NEXTAUTH_SECRET: SECRET })).toEqual([])
    // Both local: PORT=4000 npm start on the quick start's build.
    expect(conflicts(localBuild, { SITE_URL: 'http://127.0.0.1:4000' })).toEqual([])
  })

  test('a different SITE_URL or site setting stops the server, naming the variable and both values', () => {
    const [siteUrl, name] = conflicts(publicBuild, { SITE_URL: 'http://localhost:3000', SITE_NAME: 'Another', NEXTAUTH_SECRET: SECRET })
    expect(siteUrl).toMatch(/^SITE_URL is http:\/\/localhost:3000, but this build was made for https:\/\/blog\.example\.org/)
    expect(name).toMatch(/^SITE_NAME is "Another", but this build was made with "Our blog"/)
    // A local build served at a public address: its pages point at localhost.
    expect(conflicts(localBuild, { SITE_URL: 'https://blog.example.org' })[0]).toMatch(/this build was made for http:\/\/localhost:3000/)
    expect(conflicts(localBuild, { SITE_CONTACT_EMAIL: 'web@example.org' })[0]).toMatch(/made with none \(the default\)/)
  })

  test('a build given NEXTAUTH_SECRET stops a server with another secret, or with none', () => {
    expect(conflicts(publicBuild, { NEXTAUTH_SECRET: 'another-secret-of-at-least-thirty-two-chars' })).toEqual([
      expect.stringMatching(/^NEXTAUTH_SECRET is not the one given to this build/),
    ])
    expect(conflicts(publicBuild, {})).toEqual([expect.stringMatching(/^NEXTAUTH_SECRET is not set, though one was given to this build/)])
    // A build given none leaves the secret to the server.
    expect(conflicts(localBuild, { NEXTAUTH_SECRET: SECRET })).toEqual([])
  })
})

describe('the warning about a local SITE_URL', () => {
  test('loopback addresses are this machine’s', () => {
    for (const url of ['http://localhost:3000', 'http://127.0.0.1', 'https://app.localhost', 'http://[::1]:3000'])
      expect(isLoopbackUrl(url)).toBe(true)
    for (const url of ['https://blog.example.org', 'http://10.0.0.5', 'http://localhost.example.org']) expect(isLoopbackUrl(url)).toBe(false)
  })

  test('a build for a local address names SITE_URL and what breaks', () => {
    const warning = localSiteUrlWarning('http://localhost:3000', { siteUrlSet: false })!
    expect(warning).toContain('SITE_URL is not set')
    for (const what of ['Open Graph cards', 'feeds', 'canonical links', 'sign-in cookies']) expect(warning).toContain(what)
    expect(localSiteUrlWarning('https://blog.example.org', { siteUrlSet: true })).toBeUndefined()
  })

  test('npm start warns only when others can reach the server', () => {
    expect(localSiteUrlWarning('http://localhost:3000', { siteUrlSet: false, listeningOn: '127.0.0.1' })).toBeUndefined()
    expect(localSiteUrlWarning('http://localhost:3000', { siteUrlSet: false, listeningOn: '0.0.0.0' })).toContain('listens on 0.0.0.0')
  })
})
