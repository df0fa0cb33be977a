import path from 'node:path'
import { readServerConfig, readSiteConfig } from '../../lib/config'
import { ensureAuthSecret, ensureDefaultAuthor } from './provisioning'

/**
 * Validates configuration and fills in the embedded defaults, saying on the
 * console what it made and where. Returns the environment for Next.
 */
export async function bootstrapEnvironment(port: number): Promise<NodeJS.ProcessEnv> {
  const env: NodeJS.ProcessEnv = { ...process.env }
  env.SITE_URL ||= `http://localhost:${port}`
  const site = readSiteConfig(env)
  const server = readServerConfig(env)
  env.NEXTAUTH_URL ||= site.url

  const secret = ensureAuthSecret(server)
  if (secret.origin === 'generated')
    console.log(`sandbank: no NEXTAUTH_SECRET set, so generated a random one and saved it to ${path.resolve(secret.file!)} (mode 0600).`)
  if (secret.origin === 'file') console.log(`sandbank: using the auth secret saved in ${path.resolve(secret.file!)}.`)
  env.NEXTAUTH_SECRET = secret.secret

  const author = await ensureDefaultAuthor(server)
  if (author) {
    console.log(
      [
        `sandbank: no authors yet, so created one (saved, hashed, in ${path.resolve(author.file)}):`,
        `  email:    ${author.email}`,
        `  password: ${author.password}`,
        `  sign in:  ${site.url}/signin`,
        '  This password is shown once. Add your own with `npm run author -- add you@example.org --name "Your Name"`,',
        '  then remove this one with `npm run author -- remove author@localhost`.',
      ].join('\n'),
    )
  }
  return env
}
