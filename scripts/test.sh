#!/usr/bin/env bash
# The project's test command (`npm test`): typecheck, lint, unit tests, build, manifest schema check,
# CLI smoke test and browser tests. Prints one plain `N passed, N failed` line at the end and exits
# non-zero when anything failed.
set -uo pipefail
cd "$(dirname "$0")/.."
passed=0
failed=0
skipped=0
step() { # name, command...
  local name=$1; shift
  echo "== $name"
  if "$@"; then passed=$((passed + 1)); echo "-- $name: ok"; else failed=$((failed + 1)); echo "-- $name: FAILED"; fi
}
count_jest() { # adds jest's per-test counts from its JSON report
  local report=$1
  if [[ -f $report ]]; then
    local p f
    p=$(node -e "const r=require('./$report');console.log(r.numPassedTests)")
    f=$(node -e "const r=require('./$report');console.log(r.numFailedTests + (r.numRuntimeErrorTestSuites||0))")
    k=$(node -e "const r=require('./$report');console.log(r.numPendingTests + r.numTodoTests)")
    passed=$((passed + p)); failed=$((failed + f)); skipped=$((skipped + k))
    echo "-- jest: $p passed, $f failed, $k skipped"
  else
    failed=$((failed + 1)); echo "-- jest: no report"
  fi
}
mkdir -p reports
# A throwaway PostgreSQL cluster for the PostgreSQL adapter's tests (stopped on exit).
if [[ -z ${MSP_TEST_PG_URL:-} ]]; then
  if pg_env=$(bash scripts/pg-cluster.sh start); then
    eval "$pg_env"
    export MSP_TEST_PG_URL
    trap 'bash scripts/pg-cluster.sh stop' EXIT
  else
    echo "-- PostgreSQL could not be started (apt-get install -y postgresql): its tests will fail"
  fi
fi
step "typecheck" npx tsc --noEmit -p tsconfig.json
step "typecheck core (no DOM/Node types)" npx tsc --noEmit -p tsconfig.core.json
step "lint" npx eslint src test
step "build (webpack + CLI)" npm run --silent build
# The UN/CEFACT CII D16B schema for the e-invoice tests (downloaded from Debian, not installed).
step "CII D16B schema" bash scripts/fetch-cii-schema.sh
# jest runs after the build so that the test comparing dist/functions.json with the JSDoc runs too
echo "== jest"
rm -f reports/jest.json
npx jest --ci --maxWorkers=2 --json --outputFile=reports/jest.json 2>&1 | grep -vE '^\s+(✓|√)' | tail -n 60
count_jest reports/jest.json
# The use cases and scenarios once more on the add-in's store (Dexie) and on PostgreSQL (the team
# store): every adapter runs the same code, and these prove it on real workloads.
# On PostgreSQL also the team server: its API, the pane's calls through it and BILLED (issue 21).
for kind in dexie postgres; do
  extra=()
  if [[ $kind == postgres ]]; then extra=(test/server test/taskpane/server- test/functions/billed-server-mode); fi
  echo "== jest on the $kind store (use cases and scenarios${extra[*]:+, team server})"
  rm -f "reports/jest-$kind.json"
  MSP_TEST_STORE=$kind npx jest --ci --maxWorkers=2 --json --outputFile="reports/jest-$kind.json" test/app test/scenarios "${extra[@]}" 2>&1 | grep -vE '^\s+(✓|√)' | tail -n 30
  count_jest "reports/jest-$kind.json"
done
if [[ -f scripts/check-manifest.sh ]]; then step "manifest XSD check" bash scripts/check-manifest.sh; fi
step "CLI smoke test" bash scripts/cli-smoke.sh
if [[ -f test/e2e/run.js ]]; then
  echo "== browser tests"
  out=$(node test/e2e/run.js 2>&1); rc=$?
  echo "$out" | tail -n 40
  line=$(echo "$out" | grep -E '^[0-9]+ passed, [0-9]+ failed' | tail -n 1)
  if [[ -n $line ]]; then
    passed=$((passed + $(echo "$line" | cut -d' ' -f1))); failed=$((failed + $(echo "$line" | cut -d' ' -f3)))
  fi
  if [[ $rc -ne 0 && ( -z $line || $(echo "$line" | cut -d' ' -f3) == 0 ) ]]; then failed=$((failed + 1)); fi
fi
echo
echo "$passed passed, $failed failed, $skipped skipped"
[[ $failed -eq 0 ]]
