#!/usr/bin/env bash
# The full UN/CEFACT Cross Industry Invoice D16B schema (the syntax XRechnung CII and Factur-X are
# restrictions of), for the e-invoice tests. No npm package ships it; Debian's Tryton module
# tryton-modules-edocument-uncefact carries it for its own tests. The package is only downloaded and
# unpacked into .cache/cii-d16b (not installed), and the four main schema files are checked against
# the SHA-256 sums below, so a changed package is noticed rather than silently used.
set -euo pipefail
cd "$(dirname "$0")/.."
dest=.cache/cii-d16b
main=$dest/data/standard/CrossIndustryInvoice_100pD16B.xsd
check() { (cd "$dest" && sha256sum --quiet -c "$OLDPWD/scripts/cii-d16b.sha256"); }
if [[ -f $main ]] && check; then echo "CII D16B schema: $dest"; exit 0; fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pkg=tryton-modules-edocument-uncefact
if ! (cd "$tmp" && apt-get download -q "$pkg" >/dev/null 2>&1); then
  # A fresh machine may not have the package lists yet.
  apt-get update -qq >/dev/null 2>&1 || true
  (cd "$tmp" && apt-get download -q "$pkg" >/dev/null 2>&1) || { echo "CII D16B schema: apt-get download $pkg failed (needs Debian's package lists: apt-get update)" >&2; exit 1; }
fi
dpkg-deb -x "$tmp"/*.deb "$tmp/x"
src=$(find "$tmp/x" -type d -path '*/tests/16B-CII' | head -1)
[[ -n $src ]] || { echo "CII D16B schema: $pkg no longer holds tests/16B-CII" >&2; exit 1; }
rm -rf "$dest"
mkdir -p "$dest"
cp -r "$src"/. "$dest"/
check || { echo "CII D16B schema: the files in $pkg differ from scripts/cii-d16b.sha256" >&2; exit 1; }
echo "CII D16B schema: $dest (from $(cd "$tmp" && ls *.deb))"
