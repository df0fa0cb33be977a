# Node 22 LTS, the version Sandbank runs on (README: Node), from the npm registry's `node`
# package when this machine's own Node is another: installed once into .ci/.node/ (git-ignored),
# then put first on PATH. .ci/run sources it; on a machine with another Node, so can you:
#   source .ci/node.sh && npm ci && npm test
NODE_VERSION=22.23.3
node_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/.node"
if [ "$(node --version 2>/dev/null)" != "v$NODE_VERSION" ]; then
  if [ "$("$node_dir/node_modules/.bin/node" --version 2>/dev/null)" != "v$NODE_VERSION" ]; then
    npm install --prefix "$node_dir" --no-save --no-package-lock --no-audit --no-fund --loglevel=error "node@$NODE_VERSION"
  fi
  export PATH="$node_dir/node_modules/.bin:$PATH"
fi
node --version
