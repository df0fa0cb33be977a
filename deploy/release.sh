#!/usr/bin/env bash
# Assembles a release from a build: the standalone server (server.js and only the
# node_modules it uses), the hashed static files, public/, the content store and the picture variants (.images/), in one folder.
#   npm ci && (set -a; . /etc/sandbank/sandbank.env; npm run build)
#   deploy/release.sh /srv/sandbank/releases/$(date -u +%Y%m%d%H%M%S)
# docs/deployment.md explains the rest (switching `current`, the shared static folder).
set -euo pipefail
cd "$(dirname "$0")/.."
dest=${1:?usage: deploy/release.sh DEST_FOLDER}
dist=${NEXT_DIST_DIR:-.next}
if [ ! -f "$dist/standalone/server.js" ]; then
  echo "deploy/release.sh: no $dist/standalone/server.js; run npm run build first" >&2
  exit 1
fi
mkdir -p "$dest"
cp -a "$dist/standalone/." "$dest/"
mkdir -p "$dest/$dist"
cp -a "$dist/static" "$dest/$dist/static"
cp -a public "$dest/public"
# The server reads posts from the content store this build was compiled against (docs/content-store.md).
store=$(sed -n "s/^export const contentStoreId = '\([0-9a-f]*\)'$/\1/p" .contentlayer/store/current.mjs)
if [ -z "$store" ] || [ ! -f ".contentlayer/store/$store/index.json" ]; then
  echo "deploy/release.sh: no content store in .contentlayer/store; run npm run build first" >&2
  exit 1
fi
mkdir -p "$dest/.contentlayer/store"
cp -a ".contentlayer/store/$store" "$dest/.contentlayer/store/$store"
# Picture variants the build made (lib/images): the server reads them from .images/ beside server.js.
if [ -d .images ]; then cp -a .images "$dest/.images"; fi
echo "deploy/release.sh: $(du -sh "$dest" | cut -f1) in $dest; start it with: PORT=3001 HOSTNAME=127.0.0.1 node $dest/server.js"
