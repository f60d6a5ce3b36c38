#!/usr/bin/env bash
# Bundle sizes (min+gz, bytes) of each element's registration module and of the whole elements
# package, next to lit alone. Every figure is one esbuild --bundle --minify with @rapport/core and
# its own dependencies (zod, idb, @tanstack/query-core) external — a host loads the SDK once for
# every element, and elements reach TanStack through `crm.queryClient` — and lit, @lit/context and
# @lit-labs/virtualizer bundled. "over lit" subtracts lit alone.
#   source     packages/elements/src as written: the budget check's exact command
#   published  packages/elements/dist, what a host's bundler gets from the package: templates
#              minified (scripts/minify-templates.mjs) and decorators lowered (browsers do not run
#              them yet), one file per module. Needs a build (`npm run build`); a dist older than
#              src is reported, not measured.
# A measurement, not a budget check:
#   bash bench/element-sizes.sh
set -euo pipefail
cd "$(dirname "$0")/.."
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
size() {
  NODE_PATH="$PWD/node_modules" node_modules/.bin/esbuild "$1" --bundle --minify --format=esm \
    --log-level=error --define:process.env.NODE_ENV='"production"' \
    --external:@rapport/core '--external:@rapport/core/*' \
    --external:zod --external:idb --external:@tanstack/query-core | gzip -9 | wc -c
}
src=packages/elements/src
dist=packages/elements/dist
published=yes
if [ ! -f "$dist/index.js" ]; then
  published="no $dist: run npm run build"
elif [ -n "$(find "$src" -name '*.ts' ! -name '*.test.ts' -newer "$dist/index.js" -print -quit)" ]; then
  published="$dist is older than $src: run npm run build"
fi
printf "export { LitElement, html, css, svg, nothing } from 'lit';\n" > "$out/lit.js"
lit=$(size "$out/lit.js")
printf '%-20s %9s %9s %10s %9s\n' '' source 'over lit' published 'over lit'
row() {
  local a b
  a=$(size "$src/$2.ts")
  if [ "$published" = yes ]; then
    b=$(size "$dist/$2.js")
    printf '%-20s %9d %9d %10d %9d\n' "$1" "$a" $((a - lit)) "$b" $((b - lit))
  else
    printf '%-20s %9d %9d\n' "$1" "$a" $((a - lit))
  fi
}
for dir in "$src"/*/; do
  name=$(basename "$dir")
  [ -f "$dir/define.ts" ] || continue
  row "$name" "$name/define"
done
row 'all elements' index
printf '%-20s %9d\n' 'lit alone' "$lit"
[ "$published" = yes ] || echo "published: $published"
