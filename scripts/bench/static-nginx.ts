/**
 * nginx serving one HTML file from disk, the ceiling for "a page over HTTP on
 * this machine": on loopback only, in the foreground, one worker, no access log,
 * everything under a temp prefix. With a certificate it speaks TLS the way the
 * stack's nginx does, so the two compare like for like.
 */
import { spawn } from 'node:child_process'
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { freePort, stopServer, waitForPort } from '../lib/process'

export const NGINX = '/usr/sbin/nginx'

export type StaticNginx = { url: string; port: number; stop: () => Promise<void> }

function config(prefix: string, port: number, tls?: { cert: string; key: string }): string {
  const listen = tls
    ? `listen 127.0.0.1:${port} ssl;
    ssl_certificate ${tls.cert};
    ssl_certificate_key ${tls.key};
    ssl_protocols TLSv1.2 TLSv1.3;
    ssl_session_cache shared:static_tls:10m;`
    : `listen 127.0.0.1:${port};`
  return `daemon off;
worker_processes 1;
pid ${prefix}/nginx.pid;
error_log ${prefix}/error.log warn;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path ${prefix}/tmp/body;
  proxy_temp_path ${prefix}/tmp/proxy;
  fastcgi_temp_path ${prefix}/tmp/fastcgi;
  uwsgi_temp_path ${prefix}/tmp/uwsgi;
  scgi_temp_path ${prefix}/tmp/scgi;
  default_type text/html;
  server {
    ${listen}
    root ${prefix}/root;
    location / { try_files /index.html =404; }
  }
}
`
}

export async function startStaticNginx(html: Buffer, tls?: { cert: string; key: string }): Promise<StaticNginx> {
  const prefix = mkdtempSync(path.join(tmpdir(), 'sandbank-nginx-'))
  // nginx's worker runs as nobody when started by root, and mkdtemp makes the folder 0700.
  chmodSync(prefix, 0o755)
  mkdirSync(path.join(prefix, 'root'))
  mkdirSync(path.join(prefix, 'tmp'))
  writeFileSync(path.join(prefix, 'root/index.html'), html)
  const port = await freePort()
  writeFileSync(path.join(prefix, 'nginx.conf'), config(prefix, port, tls))
  const nginx = spawn(NGINX, ['-p', prefix, '-c', path.join(prefix, 'nginx.conf'), '-e', path.join(prefix, 'error.log')], { stdio: 'ignore' })
  const stop = async () => {
    await stopServer(nginx)
    rmSync(prefix, { recursive: true, force: true })
  }
  try {
    await waitForPort(port, nginx, 'nginx', 10_000)
  } catch (error) {
    await stop()
    throw error
  }
  return { url: `${tls ? 'https' : 'http'}://127.0.0.1:${port}/`, port, stop }
}
