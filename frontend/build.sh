#!/usr/bin/env bash
# Build Coproduce's front-end assets (GOV.UK Frontend without GDS Transport
# or the crown) into coproduce/static/. Can be run from any directory.
# Output is committed, so Node is needed only to rebuild, not at run time.
set -euo pipefail

FRONTEND_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO_DIR="$(dirname "$FRONTEND_DIR")"
STATIC_DIR="$REPO_DIR/coproduce/static"
OUT_DIR="$STATIC_DIR/govuk"
GOVUK_DIST="$FRONTEND_DIR/node_modules/govuk-frontend/dist/govuk"

cd "$FRONTEND_DIR"

pkg_version() { node -p "require('$1').version"; }

# Install dependencies (exactly as locked) if they are missing, or if the
# installed govuk-frontend is not the one pinned in package.json.
wanted="$(node -p "require('./package.json').devDependencies['govuk-frontend']")"
if [[ ! -d node_modules ]] ||
   [[ ! -f node_modules/govuk-frontend/package.json ]] ||
   [[ "$(pkg_version ./node_modules/govuk-frontend/package.json)" != "$wanted" ]]; then
  echo "==> npm ci"
  npm ci --no-audit --no-fund
fi
version="$(pkg_version ./node_modules/govuk-frontend/package.json)"
echo "==> govuk-frontend $version, sass $(pkg_version ./node_modules/sass/package.json)"

# Clear earlier output (only the files this script writes).
mkdir -p "$OUT_DIR" "$STATIC_DIR/images"
rm -rf "$OUT_DIR/assets" "$OUT_DIR/application.css" \
       "$OUT_DIR/govuk-frontend.min.js" "$OUT_DIR/VERSION"

echo "==> Compiling scss/application.scss"
./node_modules/.bin/sass \
  --pkg-importer=node \
  --load-path=node_modules \
  --style=compressed \
  --no-source-map \
  scss/application.scss "$OUT_DIR/application.css"

# The source map is not shipped (like the CSS), so drop the trailing
# "//# sourceMappingURL=govuk-frontend.min.js.map" comment, which would
# otherwise make browser dev tools request a missing file.
echo "==> Copying govuk-frontend.min.js (without sourceMappingURL comment)"
sed -e 's|//# sourceMappingURL=[^[:space:]]*$||' \
  "$GOVUK_DIST/govuk-frontend.min.js" > "$OUT_DIR/govuk-frontend.min.js"
if grep -q sourceMappingURL "$OUT_DIR/govuk-frontend.min.js"; then
  echo "ERROR: sourceMappingURL still in govuk-frontend.min.js" >&2; exit 1
fi

# Copy the assets, leaving out:
#   fonts/                      GDS Transport (licensed for GOV.UK only)
#   images/favicon.*            the crown
#   images/govuk-icon-*         the crown (apple-touch / maskable icons)
#   images/govuk-opengraph-*    the crown + GOV.UK wordmark
#   images/govuk-crest.svg      the Royal Arms (footer copyright logo)
#   manifest.json               lists only the crown icons above
# Keep the image exclusions in step with scss/_url-handlers.scss.
echo "==> Copying assets (without fonts, crown, or crest)"
kept=()
excluded=()
while IFS= read -r -d '' src; do
  rel="${src#"$GOVUK_DIST/assets/"}"
  case "$rel" in
    fonts/* | images/favicon.* | images/govuk-icon-* | \
    images/govuk-opengraph-* | images/govuk-crest.* | manifest.json)
      excluded+=("$rel") ;;
    *)
      mkdir -p "$OUT_DIR/assets/$(dirname "$rel")"
      cp "$src" "$OUT_DIR/assets/$rel"
      kept+=("$rel") ;;
  esac
done < <(find "$GOVUK_DIST/assets" -type f -print0 | sort -z)
echo "    excluded: ${excluded[*]:-(none)}"
echo "    kept:     ${kept[*]:-(none)}"

printf '%s\n' "$version" > "$OUT_DIR/VERSION"

# Our own neutral favicon (the GOV.UK one is the crown).
cat > "$STATIC_DIR/images/favicon.svg" <<'SVG'
<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32" width="32" height="32">
  <rect width="32" height="32" rx="6" fill="#1d70b8"/>
  <path d="M21.66 10.34a8 8 0 1 0 0 11.32" fill="none" stroke="#fff" stroke-width="4" stroke-linecap="round"/>
</svg>
SVG

# Checks: no GDS Transport, no @font-face, url()s only under /static/govuk/assets/.
css="$OUT_DIR/application.css"
if grep -q "GDS Transport" "$css"; then echo "ERROR: GDS Transport in $css" >&2; exit 1; fi
if grep -q "@font-face" "$css"; then echo "ERROR: @font-face in $css" >&2; exit 1; fi
bad_urls="$(grep -o 'url([^)]*)' "$css" | grep -v '^url("\?/static/govuk/assets/' || true)"
if [[ -n "$bad_urls" ]]; then echo "ERROR: unexpected url()s in $css:" >&2; echo "$bad_urls" >&2; exit 1; fi
# Every url() must point at a file we shipped.
while IFS= read -r u; do
  path="${u#url(}"; path="${path%)}"; path="${path//\"/}"
  if [[ ! -f "$STATIC_DIR/${path#/static/}" ]]; then
    echo "ERROR: $css refers to $path, which is not shipped" >&2; exit 1
  fi
done < <(grep -o 'url([^)]*)' "$css" | sort -u || true)

echo "==> Done:"
( cd "$REPO_DIR" && find coproduce/static/govuk coproduce/static/images -type f -exec ls -l {} + |
  awk '{print "    " $5 "\t" $9}' )
