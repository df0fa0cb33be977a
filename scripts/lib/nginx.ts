/**
 * nginx for the local stack, the tests and the bench: deploy/nginx/sandbank.conf
 * with its placeholders filled in, inside a main config that keeps everything
 * (pid, temp files, cache, logs) under one prefix folder, in the foreground,
 * on loopback ports. No root needed, and nothing outside the prefix is written.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { ROOT } from './process'

export const SITE_TEMPLATE = path.join(ROOT, 'deploy/nginx/sandbank.conf')

export type SiteValues = {
  publicHost: string
  serverName: string
  httpsListen: string
  httpListen: string
  cert: string
  certKey: string
  upstreams: string[]
  staticDir: string
  cacheDir: string
  logDir: string
}

/** The template with every ${SANDBANK_*} placeholder replaced; an unknown or unfilled one is an error. */
export function renderSiteConfig(values: SiteValues, template = readFileSync(SITE_TEMPLATE, 'utf8')): string {
  const byName: Record<string, string> = {
    SANDBANK_PUBLIC_HOST: values.publicHost,
    SANDBANK_SERVER_NAME: values.serverName,
    SANDBANK_HTTPS_LISTEN: values.httpsListen,
    SANDBANK_HTTP_LISTEN: values.httpListen,
    SANDBANK_CERT: values.cert,
    SANDBANK_CERT_KEY: values.certKey,
    SANDBANK_UPSTREAM_SERVERS: values.upstreams.map((address) => `server ${address} max_fails=1 fail_timeout=5s;`).join('\n    '),
    SANDBANK_STATIC_DIR: values.staticDir,
    SANDBANK_CACHE_DIR: values.cacheDir,
    SANDBANK_LOG_DIR: values.logDir,
  }
  // Only real lines: the comments at the top show the placeholders by name.
  return template
    .split('\n')
    .map((line) =>
      line.trimStart().startsWith('#')
        ? line
        : line.replace(/\$\{(SANDBANK_[A-Z_]+)\}/g, (_, name: string) => {
            const value = byName[name]
            if (value === undefined) throw new Error(`${SITE_TEMPLATE}: no value for \${${name}}`)
            return value
          }),
    )
    .join('\n')
}

/** The MIME types of what /_next/static holds, so the main config needs no distribution file. */
const TYPES = `types {
    text/html html;
    text/css css;
    application/javascript js mjs;
    application/json json map;
    image/svg+xml svg;
    image/png png;
    image/jpeg jpg jpeg;
    image/webp webp;
    image/avif avif;
    image/x-icon ico;
    font/woff2 woff2;
    font/woff woff;
    text/plain txt;
  }`

/**
 * Workers run as the checkout's owner when nginx is started by root (CI), so they can
 * read the build and write the cache; otherwise nginx runs as whoever started it.
 */
function userDirective(): string {
  if (process.getuid?.() !== 0) return ''
  const { uid, gid } = statSync(ROOT)
  const name = (file: string, id: number) =>
    readFileSync(file, 'utf8')
      .split('\n')
      .find((line) => line.split(':')[2] === String(id))
      ?.split(':')[0]
  return `user ${name('/etc/passwd', uid) ?? 'root'} ${name('/etc/group', gid) ?? 'root'};\n`
}

export function mainConfig(prefix: string, siteConfigFile: string, workerProcesses: number | 'auto'): string {
  return `# Written by scripts/lib/nginx.ts for one run; the site itself is ${path.basename(siteConfigFile)}.
${userDirective()}daemon off;
worker_processes ${workerProcesses};
pid ${prefix}/nginx.pid;
error_log ${prefix}/logs/error.log warn;
events { worker_connections 1024; }
http {
  ${TYPES}
  default_type application/octet-stream;
  sendfile on;
  tcp_nopush on;
  keepalive_timeout 65s;
  client_body_temp_path ${prefix}/tmp/body;
  proxy_temp_path ${prefix}/tmp/proxy;
  fastcgi_temp_path ${prefix}/tmp/fastcgi;
  uwsgi_temp_path ${prefix}/tmp/uwsgi;
  scgi_temp_path ${prefix}/tmp/scgi;
  include ${siteConfigFile};
}
`
}

export type NginxOptions = Omit<SiteValues, 'cacheDir' | 'logDir'> & {
  prefix: string
  workerProcesses?: number | 'auto'
  /**
   * Gives the page cache a file system of its own this size (a tmpfs, in a mount namespace only this nginx
   * sees, gone when it exits; Linux, as root): the failure tests fill it. From outside, it is
   * `/proc/<pid>/root/<prefix>/cache`.
   */
  cacheFileSystemBytes?: number
}

/** Writes both config files under the prefix, checks them with `nginx -t`, then starts nginx in the foreground. */
export async function startNginx(nginx: string, options: NginxOptions): Promise<ChildProcess> {
  const { prefix, workerProcesses = 'auto', cacheFileSystemBytes, ...site } = options
  // A run starts with an empty page cache: pages from an earlier build may name chunks this one lacks.
  for (const dir of ['tmp', 'cache']) rmSync(path.join(prefix, dir), { recursive: true, force: true })
  for (const dir of ['tmp', 'cache', 'logs']) mkdirSync(path.join(prefix, dir), { recursive: true })
  const siteFile = path.join(prefix, 'sandbank.conf')
  const mainFile = path.join(prefix, 'nginx.conf')
  writeFileSync(siteFile, renderSiteConfig({ ...site, cacheDir: path.join(prefix, 'cache'), logDir: path.join(prefix, 'logs') }))
  writeFileSync(mainFile, mainConfig(prefix, siteFile, workerProcesses))
  const args = ['-p', prefix, '-c', mainFile, '-e', path.join(prefix, 'logs/error.log')]
  await new Promise<void>((resolve, reject) => {
    const check = spawn(nginx, ['-t', '-q', ...args], { stdio: ['ignore', 'ignore', 'pipe'] })
    let errors = ''
    check.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString()))
    check.on('error', reject)
    check.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`nginx -t rejected ${mainFile}:\n${errors}`))))
  })
  if (cacheFileSystemBytes === undefined) return spawn(nginx, args, { stdio: ['ignore', 'pipe', 'pipe'] })
  // sh mounts the tmpfs, then becomes nginx (exec): the child's pid is nginx's.
  const mountThenRun = 'mount -t tmpfs -o size="$1" sandbank-cache "$2" && shift 2 && exec "$@"'
  const sizeAndDir = [String(cacheFileSystemBytes), path.join(prefix, 'cache')]
  return spawn('unshare', ['--mount', 'sh', '-c', mountThenRun, 'sh', ...sizeAndDir, nginx, ...args], { stdio: ['ignore', 'pipe', 'pipe'] })
}
