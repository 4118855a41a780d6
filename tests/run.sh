#!/usr/bin/env bash
# Runs every test: starts PostgreSQL (installing it if needed), makes sure headless Chromium is there,
# runs `dotnet test`, and prints "N passed, N failed". Fails when a test fails or when no test ran.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
source build/postgres.sh

sp_ensure_postgres
sp_drop_stale_test_databases
sp_name_test_run
# Only this run's databases: other runs on the same cluster keep theirs.
trap 'sp_drop_run_databases "$SERVICEPRO_TEST_DB_PREFIX"' EXIT

if [ ! -x /usr/bin/chromium ]; then
  echo "Installing Chromium for the browser tests..."
  sp_as_root apt-get -o DPkg::Lock::Timeout=300 update -qq
  sp_as_root env DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=300 install -y -qq chromium >/dev/null
fi

export SERVICEPRO_TEST_PG_OWNER="$SERVICEPRO_PG_OWNER"
export SERVICEPRO_TEST_PG_APP="$SERVICEPRO_PG_APP"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

results="$root/artifacts/test-results"
rm -rf "$results"
status=0
dotnet test "$root/ServicePro.sln" -c Release --logger "trx" --logger "console;verbosity=normal" \
  --results-directory "$results" "$@" || status=$?

read -r passed failed total < <(python3 - "$results" <<'PY'
import glob, sys, xml.etree.ElementTree as ET
ns = {"t": "http://microsoft.com/schemas/VisualStudio/TeamTest/2010"}
passed = failed = total = 0
for path in glob.glob(sys.argv[1] + "/**/*.trx", recursive=True):
    counters = ET.parse(path).getroot().find("t:ResultSummary/t:Counters", ns)
    if counters is None:
        continue
    passed += int(counters.get("passed", 0))
    failed += int(counters.get("failed", 0)) + int(counters.get("error", 0)) + int(counters.get("timeout", 0)) + int(counters.get("aborted", 0))
    total += int(counters.get("total", 0))
print(passed, failed, total)
PY
)
[ "$total" -gt 0 ] || echo "No test ran." >&2
echo "$passed passed, $failed failed"
if [ "$total" -eq 0 ] || [ "$failed" -gt 0 ] || [ "$status" -ne 0 ]; then
  exit 1
fi
