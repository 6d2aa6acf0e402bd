#!/usr/bin/env bash
# Offline XSD validation of the add-in manifest (and of the built copy in dist/, if present).
# Uses the vendored schemas in schemas/office/ (see its README); needs xmllint (Debian: libxml2-utils).
# office-addin-manifest validate would POST to a Microsoft web service and cannot run offline.
set -euo pipefail
cd "$(dirname "$0")/.."

schema_dir="schemas/office"
if [ ! -f "$schema_dir/OfficeAppManifestV1_1.xsd" ]; then
  echo "check-manifest: $schema_dir/OfficeAppManifestV1_1.xsd is missing" >&2
  exit 1
fi
if ! command -v xmllint >/dev/null 2>&1; then
  echo "check-manifest: xmllint not found; install it with: apt-get install -y libxml2-utils" >&2
  exit 1
fi

files=(manifest.xml)
[ -f dist/manifest.xml ] && files+=(dist/manifest.xml)

status=0
for f in "${files[@]}"; do
  if xmllint --noout --nonet --schema "$schema_dir/OfficeAppManifestV1_1.xsd" "$f"; then
    :
  else
    status=1
  fi
done
exit $status
