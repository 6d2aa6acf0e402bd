#!/usr/bin/env bash
# Runs the built CLI as a user would (bin/msp-billing.js) on a temporary workspace.
set -euo pipefail
cd "$(dirname "$0")/.."
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cli() { node bin/msp-billing.js "$@"; }
printf 'article_no;description;unit_price;vat_pct\nM365-BP;Microsoft 365 Business Premium;20,60;19\n' > "$tmp/articles.csv"
printf 'customer_no;customer_name;contract_no;contract_start;position_no;article_no;quantity;unit_price;valid_from\n10001;Müller GmbH;V-1;01.01.2026;1;M365-BP;10;20,60;\n10001;Müller GmbH;V-1;01.01.2026;1;M365-BP;12;20,60;15.03.2026\n' > "$tmp/contracts.csv"
cli import-master --workspace "$tmp/ws.db" "$tmp/articles.csv" "$tmp/contracts.csv"
cli export-master --workspace "$tmp/ws.db" --out "$tmp/out.csv"
grep -q '^10001,Müller GmbH,V-1,license,monthly,advance,2026-01-01,,1,M365-BP,Microsoft 365 Business Premium,12,20.6,0,19,2026-03-15,' <(tr -d '\r' < "$tmp/out.csv")
sed 's/15.03.2026/31.02.2026/' "$tmp/contracts.csv" > "$tmp/bad.csv"
cp "$tmp/ws.db" "$tmp/ws.before"
set +e
cli import-master --workspace "$tmp/ws.db" "$tmp/bad.csv" 2> "$tmp/err.txt"; rc=$?
set -e
[[ $rc -eq 1 ]] || { echo "expected exit 1, got $rc"; exit 1; }
grep -q 'row 3' "$tmp/err.txt"
cmp "$tmp/ws.db" "$tmp/ws.before"
set +e; cli 2>/dev/null; rc=$?; set -e
[[ $rc -eq 2 ]] || { echo "expected usage exit 2, got $rc"; exit 1; }
echo "CLI smoke test ok"
