#!/usr/bin/env bash
# Measures what tenant resolution + feature-flag evaluation cost per request, as a ratio of two endpoints of
# the same host measured in the same run: GET /bench/tenant-flag (tenant from the Host header, flag
# wl_enabled evaluated for it) against GET /bench/static (same constant JSON, no tenant). Rounds alternate
# so that drift (thermal, noisy neighbours, JIT tiering) hits both endpoints alike. See bench/README.md.
#
# Env overrides: BENCH_DURATION (seconds per round, 10), BENCH_ROUNDS (3), BENCH_CONNECTIONS (32),
#                BENCH_THREADS (wrk threads, 1), BENCH_WARMUP (least warm-up seconds per endpoint, 15), BENCH_WARMUP_MAX (most, 180), BENCH_TARGET (0.95),
#                BENCH_DECOMPOSE (1: also measure /bench/static on the tenant host, to split the cost; 0: skip),
#                BENCH_QUIET_WAIT (seconds to wait at most, before the warm-up, for other processes to leave the
#                CPUs idle, 180; 0: no wait), BENCH_QUIET_WAIT_ROUND (the same before each measurement, 60).
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"

duration=${BENCH_DURATION:-10}
rounds=${BENCH_ROUNDS:-3}
connections=${BENCH_CONNECTIONS:-32}
threads=${BENCH_THREADS:-1}
warmup=${BENCH_WARMUP:-15}
target=${BENCH_TARGET:-0.95}
decompose=${BENCH_DECOMPOSE:-1}
quiet_wait=${BENCH_QUIET_WAIT:-180}
quiet_wait_round=${BENCH_QUIET_WAIT_ROUND:-60}

work="$root/artifacts/bench"
source bench/lib.sh

bench_require_positive duration rounds connections threads warmup
bench_require_whole quiet_wait quiet_wait_round
[[ $decompose =~ ^[01]$ ]] || { echo "BENCH_DECOMPOSE must be 0 or 1 (got '$decompose')" >&2; exit 2; }
[[ $target =~ ^[0-9]+(\.[0-9]+)?$ ]] || { echo "BENCH_TARGET must be a number (got '$target')" >&2; exit 2; }

platform_host=localhost
tenant_host=root.servicepro.localhost
expected_body='{"ok":true,"service":"servicepro"}'
report="$results_dir/latest.md"

bench_require_tools
bench_create_database
bench_build src/Host
bench_copy_host
bench_host_env
bench_start_host

# --- check both endpoints before measuring -------------------------------------------------------------------
check_endpoint() { # check_endpoint <path> <host header>
  local out code body
  out=$(curl -s --max-time 5 -H "Host: $2" -w $'\n%{http_code}' "$base$1" || true)
  code=${out##*$'\n'}; body=${out%$'\n'*}
  if [ "$code" != 200 ] || [ "$body" != "$expected_body" ]; then
    die "GET $1 (Host: $2) answered $code with body '$body'; expected 200 with '$expected_body'"
  fi
  log "GET $1 (Host: $2) -> 200 $body"
}
# name|path|Host header. "tenant-static" (the static endpoint on the tenant's host: tenant resolution without
# the flag) is informational, to tell which half of the cost is which; BENCH_DECOMPOSE=0 leaves it out.
endpoints=("static|/bench/static|$platform_host" "tenant-flag|/bench/tenant-flag|$tenant_host")
[ "$decompose" = 1 ] && endpoints=("${endpoints[0]}" "tenant-static|/bench/static|$tenant_host" "${endpoints[1]}")
names=(); for e in "${endpoints[@]}"; do names+=("${e%%|*}"); done

check_all() { local e; for e in "${endpoints[@]}"; do IFS='|' read -r _ path hdr <<<"$e"; check_endpoint "$path" "$hdr"; done; }
check_all

# --- measure ---------------------------------------------------------------------------------------------
measure_endpoint() { # measure_endpoint <name> <out file> <seconds>
  local e path hdr
  for e in "${endpoints[@]}"; do
    [ "${e%%|*}" = "$1" ] || continue
    IFS='|' read -r _ path hdr <<<"$e"
    run_wrk "$2" "$3" "$path" "$hdr"
  done
}

wait_quiet "$quiet_wait"
initial_quiet="$quiet_note after ${quiet_waited}s"
log "Machine before warm-up: $initial_quiet"
bench_warmup "$warmup" "${names[@]}"
bench_rounds "$rounds" "$duration" "${names[@]}"

# Everything must still answer correctly after the load (a cache expiring mid-run must not break it).
check_all

# --- report ----------------------------------------------------------------------------------------------
bench_export_conditions
BENCH_THREADS="$threads" BENCH_CONNECTIONS="$connections" BENCH_DURATION="$duration" BENCH_WARMUP="$warmup" \
BENCH_QUIET="$initial_quiet" BENCH_QUIET_ROUND="$quiet_wait_round" BENCH_PLATFORM_HOST="$platform_host" BENCH_TENANT_HOST="$tenant_host" \
PYTHONPATH="$root/bench" python3 - "$raw_dir" "$rounds" "$target" >"$report.tmp" <<'PY'
import os, statistics, sys
from wrkstats import by_endpoint, conditions, load_rounds, warmups
raw, rounds, target = sys.argv[1], int(sys.argv[2]), float(sys.argv[3])
env = os.environ
n, t, c, dur = int(env["BENCH_NPROC"]), env["BENCH_THREADS"], env["BENCH_CONNECTIONS"], int(env["BENCH_DURATION"])
hosts = {"static": env["BENCH_PLATFORM_HOST"], "tenant-static": env["BENCH_TENANT_HOST"], "tenant-flag": env["BENCH_TENANT_HOST"]}
paths = {"static": "/bench/static", "tenant-static": "/bench/static", "tenant-flag": "/bench/tenant-flag"}

ordered = load_rounds(raw, int(env["BENCH_CLK_TCK"]))
rows = by_endpoint(ordered)
eps = [e for e in ("static", "tenant-static", "tenant-flag") if e in rows]
med = {e: {k: statistics.median(x[k] for x in rows[e]) for k in ("rps", "p50", "p99")} for e in eps}
cpu_us = {e: statistics.median(1e6 * x["host_cpu"] / x["total"] for x in rows[e]) for e in eps}
ratio = med["tenant-flag"]["rps"] / med["static"]["rps"]
meets = ratio >= target
by_round = {(x["round"], x["endpoint"]): x for e in eps for x in rows[e]}
other = statistics.median(x["other_cpu"] for e in eps for x in rows[e])

out = []
w = out.append
w(f"""# ServicePro benchmark: tenant resolution + feature flag vs static JSON

{conditions(
    f"`wrk -t{t} -c{c} -d{dur}s --latency` over loopback; {rounds} alternating rounds per endpoint, each after warming up until its throughput stopped climbing (at least {env['BENCH_WARMUP']}s: {warmups(raw)})",
    "ServicePro.Host, Release build, ASPNETCORE_ENVIRONMENT=Production, log level Warning, fresh database",
    f"{env['BENCH_QUIET']}; before each round it waits up to {env['BENCH_QUIET_ROUND']}s for other processes to drop under 15 % of the CPUs")}

wrk and the host share the same {n} CPUs: wrk runs with {t} thread(s) to leave the host as much CPU as it can,
and absolute requests/sec are lower than with a separate load generator. Compare the ratio, not the req/s.

## Result

**median(tenant-flag req/s) / median(static req/s) = {ratio:.3f}** (target >= {target:.2f}): **{"MEETS the target" if meets else "BELOW the target"}**

| Endpoint | Request | Median req/s | Min–max req/s | Median p50 (ms) | Median p99 (ms) | Host CPU µs / req |
|---|---|---:|---:|---:|---:|---:|""")
for e in eps:
    rs = [x["rps"] for x in rows[e]]
    label = e + (" (informational)" if e == "tenant-static" else "")
    w(f"| {label} | `GET {paths[e]}`, Host: {hosts[e]} | {med[e]['rps']:,.0f} | {min(rs):,.0f}–{max(rs):,.0f} | "
      f"{med[e]['p50']:.2f} | {med[e]['p99']:.2f} | {cpu_us[e]:.0f} |")

per_round = [by_round[(r, "tenant-flag")]["rps"] / by_round[(r, "static")]["rps"] for r in range(1, rounds + 1)]
cpu_ratio = cpu_us["static"] / cpu_us["tenant-flag"]
w("")
w(f"Host CPU per request: static {cpu_us['static']:.0f} µs, tenant-flag {cpu_us['tenant-flag']:.0f} µs, so tenancy + flag "
  f"add {cpu_us['tenant-flag'] - cpu_us['static']:.0f} µs of host CPU per request; cost ratio static/tenant-flag = "
  f"{cpu_ratio:.3f}. This cross-check depends much less than req/s on what else runs on the machine; a large gap "
  f"between it and the ratio above means noise, not code.")
w("")
w("Ratio per round (tenant-flag / static of the same round): " + ", ".join(f"{v:.3f}" for v in per_round) + ".")
if "tenant-static" in eps:
    res_only = med["tenant-static"]["rps"] / med["static"]["rps"]
    flag_only = med["tenant-flag"]["rps"] / med["tenant-static"]["rps"]
    w("")
    w(f"Split of the cost (medians): tenant resolution alone (static endpoint on the tenant host) keeps "
      f"{res_only:.3f} of the static throughput; the flag evaluation on top keeps {flag_only:.3f} of that "
      f"(the two multiply to the ratio).")
if other > 0.10 * n * dur:
    w("")
    w(f"**Noisy run:** processes other than the host and wrk used a median {other:.1f} CPU-seconds per "
      f"{dur}s round (of {n * dur} available). The rounds alternate so both endpoints share the noise, but "
      f"re-run on an idle machine for a trustworthy figure.")

w("""
## Rounds

| Round | Endpoint | Req/s | p50 (ms) | p99 (ms) | Requests | Host CPU s | wrk CPU s | Other CPU s | Load avg (1 min) | Waited for quiet (s) |
|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|""")
for x in ordered:
    w(f"| {x['round']} | {x['endpoint']} | {x['rps']:,.0f} | {x['p50']:.2f} | {x['p99']:.2f} | {x['total']:,} | "
      f"{x['host_cpu']:.1f} | {x['wrk_cpu']:.1f} | {x['other_cpu']:.1f} | {x['load']:.2f} | {x['waited']} |")
w("""
"Other CPU s" is busy CPU time on the machine during the round that was neither the host nor wrk (builds, tests,
PostgreSQL). Raw wrk output: artifacts/bench/wrk/ (not committed). Re-run with `bench/run.sh`; see bench/README.md.""")
print("\n".join(out))
PY
mv "$report.tmp" "$report"

cat "$report"
echo
log "Report written to ${report#"$root"/}"
