/**
 * A self-signed certificate for the local stack, made once with Debian's openssl
 * and kept until it is about to expire or no longer names the host.
 */
import { execFile } from 'node:child_process'
import { chmodSync, existsSync, mkdirSync } from 'node:fs'
import { isIP } from 'node:net'
import path from 'node:path'
import { promisify } from 'node:util'

const exec = promisify(execFile)

export type Certificate = { cert: string; key: string; created: boolean }

const DAYS = 365

async function stillGood(cert: string, hostnames: string[]): Promise<boolean> {
  try {
    // -checkend fails when the certificate expires within a day.
    const { stdout } = await exec('openssl', ['x509', '-in', cert, '-noout', '-checkend', '86400', '-ext', 'subjectAltName'])
    return hostnames.every((name) => stdout.includes(isIP(name) ? `IP Address:${name}` : `DNS:${name}`))
  } catch {
    return false
  }
}

export async function ensureSelfSignedCertificate(dir: string, hostnames: string[]): Promise<Certificate> {
  const cert = path.join(dir, 'cert.pem')
  const key = path.join(dir, 'key.pem')
  if (existsSync(cert) && existsSync(key) && (await stillGood(cert, hostnames))) return { cert, key, created: false }
  mkdirSync(dir, { recursive: true, mode: 0o700 })
  const altNames = hostnames.map((name) => (isIP(name) ? `IP:${name}` : `DNS:${name}`)).join(',')
  await exec('openssl', [
    'req',
    '-x509',
    '-newkey',
    'rsa:2048',
    '-nodes',
    '-sha256',
    '-days',
    String(DAYS),
    '-subj',
    `/CN=${hostnames[0]}`,
    '-addext',
    `subjectAltName=${altNames}`,
    '-keyout',
    key,
    '-out',
    cert,
  ])
  chmodSync(key, 0o600)
  return { cert, key, created: true }
}
