#!/usr/bin/env bash
# Builds the documentation site into docs/_site (static files, relative links: GitHub Pages or file://).
#   bash docs/build.sh            # builds the solution first
#   bash docs/build.sh --no-build # reuses the Release build (CI)
# Generated first: the CLI and web API references (movierec docs reference) and the notebooks as pages (movierec docs
# notebooks, from the committed notebooks); then DocFX builds the API reference from the XML docs and the site, with
# warnings as errors (a broken link, cross-reference or missing XML doc fails the build).
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
if [ "${1:-}" != "--no-build" ]; then dotnet build MovieRec.sln -c Release; fi
dotnet tool restore >/dev/null
movierec=(dotnet MovieRec.Cli/bin/Release/net10.0/movierec.dll)
"${movierec[@]}" docs reference --out docs/reference
"${movierec[@]}" docs notebooks notebooks/*.ipynb --out docs/notebooks
rm -rf docs/_site
# DocFX's --warningsAsErrors covers the site build; the summary line covers the metadata step too.
log="$(mktemp)"
dotnet docfx docs/docfx.json --warningsAsErrors 2>&1 | tee "$log"
if ! grep -qE '^\s*0 warning\(s\)' "$log"; then echo "docs/build.sh: DocFX reported warnings (above); the site must build without any" >&2; exit 1; fi
echo "site: docs/_site/index.html"
