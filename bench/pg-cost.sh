#!/usr/bin/env bash
# Explains what the raw primary-key read (/bench/raw-pk: set_config + one SELECT under row-level security, prepared, on a
# pooled connection per request) costs PostgreSQL: bench/pgcost times it and its variants on one connection each, from
# the server process's own CPU clock, on a migrated and seeded database. See bench/README.md, "What the raw
# primary-key read costs PostgreSQL".
#
# Env overrides: BENCH_TENANTS (200), BENCH_TECHNICIANS (5), BENCH_DAYS (30), BENCH_ITERATIONS (4000 requests per
#                variant per round), BENCH_ROUNDS (3), BENCH_QUIET_WAIT (120), BENCH_REPORT (bench/results/pg-cost.md),
#                BENCH_BUILD (1; 0 uses the Release builds already there, e.g. while another bench script builds the same tree).
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"

tenants=${BENCH_TENANTS:-200}
technicians=${BENCH_TECHNICIANS:-5}
days=${BENCH_DAYS:-30}
iterations=${BENCH_ITERATIONS:-4000}
rounds=${BENCH_ROUNDS:-3}
quiet_wait=${BENCH_QUIET_WAIT:-120}

work="$root/artifacts/bench-pg-cost"
source bench/lib.sh
bench_require_positive tenants technicians days iterations rounds
bench_require_whole quiet_wait
report=${BENCH_REPORT:-$results_dir/pg-cost.md}

bench_create_database
# Two builds of the same project at once lock each other out; BENCH_BUILD=0 runs what is already built.
[ "${BENCH_BUILD:-1}" = 1 ] && bench_build src/Host bench/seed bench/pgcost
bench_copy_host
bench_host_env
log "Migrating the database..."
bench_host_command migrate
log "Seeding $tenants tenants x $technicians technicians x $days days..."
dotnet bench/seed/bin/Release/net10.0/ServicePro.Bench.Seed.dll --connection "$owner_connection;Command Timeout=0" --out "$work/lists" \
  --tenants "$tenants" --technicians "$technicians" --days "$days" --race-tenants 1 --race-weekdays 1 \
  | tee "$work/summary.txt" >&2 || die "seeding failed"

wait_quiet "$quiet_wait"
quiet="$quiet_note after ${quiet_waited}s"
log "Timing the variants ($quiet)..."
load_before=$(cut -d' ' -f1 /proc/loadavg)
dotnet bench/pgcost/bin/Release/net10.0/ServicePro.Bench.PgCost.dll --owner "$owner_connection" --app "$app_connection" \
  --iterations "$iterations" --rounds "$rounds" >"$work/table.md" 2> >(tee "$work/pgcost.log" >&2) || die "bench/pgcost failed"
load_after=$(cut -d' ' -f1 /proc/loadavg)

bench_export_conditions
{
  echo "# ServicePro benchmark: what the raw primary-key read costs PostgreSQL"
  echo
  echo "| | |"
  echo "|---|---|"
  echo "| Date | $BENCH_DATE |"
  echo "| Commit | \`$BENCH_COMMIT\` |"
  echo "| Machine | $BENCH_NPROC CPUs (\`nproc\`), $BENCH_CPU, $BENCH_KERNEL |"
  echo "| .NET | SDK $BENCH_DOTNET, runtime $BENCH_RUNTIME; Npgsql as in Directory.Packages.props |"
  echo "| PostgreSQL | $BENCH_PG (local, 127.0.0.1), as the application role |"
  echo "| Data | $(tail -n 1 "$work/summary.txt") (bench/seed) |"
  echo "| Load | $iterations requests per variant per round after a warm-up, $rounds rounds in alternating order, one connection (a pool of one) per variant; load average $load_before before, $load_after after; $quiet |"
  echo
  echo "PostgreSQL CPU is the server process's own run time (/proc/<backend pid>/schedstat) over the round divided by its"
  echo "requests: other work on the machine slows the wall clock but barely moves it."
  echo
  cat "$work/table.md"
  echo
  echo "Re-run with \`bench/pg-cost.sh\`; see bench/README.md."
} >"$report"
cat "$report"
log "Report written to ${report#"$root"/}"
