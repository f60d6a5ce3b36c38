#!/usr/bin/env bash
# Bundle sizes (min+gz, KB) of each element's registration module and of the whole elements
# package, bundled with lit, @lit/context and @tanstack/query-core; @rapport/core, zod and idb are
# external (a host loads core once for every element). A measurement, not a budget check:
#   bash bench/element-sizes.sh
set -euo pipefail
cd "$(dirname "$0")/.."
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
esbuild=node_modules/.bin/esbuild
common=(--bundle --minify --format=esm --log-level=error --define:process.env.NODE_ENV='"production"'
  --external:@rapport/core --external:zod --external:idb)
size() { node -e "const z=require('zlib'),f=require('fs');console.log((z.gzipSync(f.readFileSync(process.argv[1]),{level:9}).length/1024).toFixed(1))" "$1"; }
for dir in packages/elements/src/*/; do
  name=$(basename "$dir")
  [ -f "$dir/define.ts" ] || continue
  "$esbuild" "$dir/define.ts" "${common[@]}" --outfile="$out/$name.js"
  printf '%-20s %6s KB\n' "$name" "$(size "$out/$name.js")"
done
"$esbuild" packages/elements/src/index.ts "${common[@]}" --outfile="$out/all.js"
printf '%-20s %6s KB\n' 'all elements' "$(size "$out/all.js")"
printf 'export { LitElement, html, css } from "lit";\n' > "$out/lit.js"
"$esbuild" "$out/lit.js" --bundle --minify --format=esm --log-level=error --outfile="$out/lit.min.js" \
  --resolve-extensions=.js --alias:lit="$(pwd)/node_modules/lit/index.js"
printf '%-20s %6s KB\n' 'lit alone' "$(size "$out/lit.min.js")"
