#!/usr/bin/env bash
# Measures what tenant resolution + feature-flag evaluation cost per request, as a ratio of two endpoints of
# the same host measured in the same run: GET /bench/tenant-flag (tenant from the Host header, flag
# wl_enabled evaluated for it) against GET /bench/static (same constant JSON, no tenant). Rounds alternate
# so that drift (thermal, noisy neighbours, JIT tiering) hits both endpoints alike. See bench/README.md.
#
# Env overrides: BENCH_DURATION (seconds per round, 10), BENCH_ROUNDS (3), BENCH_CONNECTIONS (32),
#                BENCH_THREADS (wrk threads, 1), BENCH_WARMUP (seconds per endpoint, 15), BENCH_TARGET (0.95),
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

for v in duration rounds connections threads warmup; do
  [[ ${!v} =~ ^[1-9][0-9]*$ ]] || { echo "BENCH_${v^^} must be a positive integer (got '${!v}')" >&2; exit 2; }
done
[[ $quiet_wait =~ ^[0-9]+$ ]] || { echo "BENCH_QUIET_WAIT must be a whole number (got '$quiet_wait')" >&2; exit 2; }
[[ $quiet_wait_round =~ ^[0-9]+$ ]] || { echo "BENCH_QUIET_WAIT_ROUND must be a whole number (got '$quiet_wait_round')" >&2; exit 2; }
[[ $decompose =~ ^[01]$ ]] || { echo "BENCH_DECOMPOSE must be 0 or 1 (got '$decompose')" >&2; exit 2; }
[[ $target =~ ^[0-9]+(\.[0-9]+)?$ ]] || { echo "BENCH_TARGET must be a number (got '$target')" >&2; exit 2; }

platform_host=localhost
tenant_host=root.servicepro.localhost
expected_body='{"ok":true,"service":"servicepro"}'

work="$root/artifacts/bench"
host_dir="$work/host"
host_log="$work/host.log"
raw_dir="$work/wrk"
results_dir="$root/bench/results"
report="$results_dir/latest.md"
mkdir -p "$work" "$results_dir"
rm -rf "$raw_dir"; mkdir -p "$raw_dir"

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

log() { printf '[bench %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
die() { log "FAILED: $*"; exit 1; }

# --- wrk -------------------------------------------------------------------------------------------------
source build/postgres.sh   # also defines sp_as_root
if ! command -v wrk >/dev/null 2>&1; then
  log "Installing wrk..."
  sp_as_root env DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=300 install -y -qq wrk >/dev/null \
    || { sp_as_root apt-get -o DPkg::Lock::Timeout=300 update -qq \
         && sp_as_root env DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=300 install -y -qq wrk >/dev/null; }
fi
command -v wrk >/dev/null 2>&1 || die "wrk is not installed and could not be installed"
command -v curl >/dev/null 2>&1 || die "curl is required"
command -v python3 >/dev/null 2>&1 || die "python3 is required"

# --- PostgreSQL and a fresh database ----------------------------------------------------------------------
log "Starting PostgreSQL..."
sp_ensure_postgres

conn_value() { # conn_value <npgsql connection string> <key>
  tr ';' '\n' <<<"$1" | awk -F= -v k="$2" 'tolower($1) == tolower(k) { sub(/^[^=]*=/, ""); print; exit }'
}
pg_host=$(conn_value "$SERVICEPRO_PG_OWNER" Host)
pg_port=$(conn_value "$SERVICEPRO_PG_OWNER" Port)
pg_owner=$(conn_value "$SERVICEPRO_PG_OWNER" Username)
pg_password=$(conn_value "$SERVICEPRO_PG_OWNER" Password)
owner_psql() { PGPASSWORD="$pg_password" psql -X -q -v ON_ERROR_STOP=1 -h "$pg_host" -p "$pg_port" -U "$pg_owner" -d postgres "$@"; }

db="sp_bench_$(od -An -N6 -tx1 /dev/urandom | tr -d ' \n')"
host_pid=""
db_created=0

cleanup() {
  local status=$?
  set +e
  if [ -n "$host_pid" ] && kill -0 "$host_pid" 2>/dev/null; then
    log "Stopping host (pid $host_pid)..."
    kill -TERM "$host_pid" 2>/dev/null
    for _ in $(seq 1 50); do kill -0 "$host_pid" 2>/dev/null || break; sleep 0.2; done
    kill -0 "$host_pid" 2>/dev/null && kill -KILL "$host_pid" 2>/dev/null
    wait "$host_pid" 2>/dev/null
  fi
  if [ "$db_created" = 1 ]; then
    log "Dropping database $db..."
    owner_psql -c "DROP DATABASE IF EXISTS \"$db\" WITH (FORCE)" >/dev/null 2>&1 \
      || log "warning: could not drop database $db"
  fi
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

log "Creating database $db..."
owner_psql -c "CREATE DATABASE \"$db\""
db_created=1
pg_version=$(owner_psql -At -c "SHOW server_version" | awk '{print $1}')

# --- build the host ---------------------------------------------------------------------------------------
# Built in place, then copied to artifacts/bench/host so that rebuilds of src/Host during the run cannot
# swap assemblies under the running host. The build output already carries the plugins folder.
log "Building src/Host (Release)..."
# One retry: on a tree others are editing, a build can catch a change half-saved.
if ! dotnet build src/Host -c Release -nologo -v quiet -clp:ErrorsOnly >"$work/build.log" 2>&1; then
  grep -m 3 -E 'error|FAILED' "$work/build.log" >&2 || true
  log "Build failed; retrying once in 30 s (the tree may have been mid-edit)..."
  sleep 30
  dotnet build src/Host -c Release -nologo -v quiet -clp:ErrorsOnly >"$work/build.log" 2>&1 \
    || { tail -n 40 "$work/build.log" >&2; die "dotnet build failed (full log: $work/build.log)"; }
fi
rm -rf "$host_dir"
cp -a src/Host/bin/Release/net10.0 "$host_dir"
[ -f "$host_dir/ServicePro.Host.dll" ] || die "ServicePro.Host.dll not found in the build output"

# --- start the host ---------------------------------------------------------------------------------------
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
base="http://127.0.0.1:$port"
log "Starting host on $base..."
(
  cd "$host_dir"
  export ASPNETCORE_ENVIRONMENT=Production \
    Logging__LogLevel__Default=Warning \
    ServicePro__Database__Provider=Postgres \
    ServicePro__Benchmarks__Enabled=true \
    ServicePro__Secrets__Keys__1="$(openssl rand -hex 32 2>/dev/null || python3 -c 'import secrets; print(secrets.token_hex(32))')" \
    ConnectionStrings__ServicePro="$SERVICEPRO_PG_APP;Database=$db" \
    ConnectionStrings__ServiceProMigrations="$SERVICEPRO_PG_OWNER;Database=$db"
  exec dotnet ServicePro.Host.dll --urls "$base"
) >"$host_log" 2>&1 &
host_pid=$!

ready=0
for _ in $(seq 1 240); do
  kill -0 "$host_pid" 2>/dev/null || { tail -n 40 "$host_log" >&2; die "host exited during start-up (log: $host_log)"; }
  if [ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 2 "$base/health/ready" || true)" = 200 ]; then ready=1; break; fi
  sleep 0.5
done
[ "$ready" = 1 ] || { tail -n 40 "$host_log" >&2; die "host not ready after 120 s (log: $host_log)"; }
log "Host ready."

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

check_all() { local e; for e in "${endpoints[@]}"; do IFS='|' read -r _ path hdr <<<"$e"; check_endpoint "$path" "$hdr"; done; }
check_all

# --- measure ---------------------------------------------------------------------------------------------
run_wrk() { # run_wrk <out file> <seconds> <path> <host header>; wrk's own CPU time goes to <out file>.times
  ( wrk -t"$threads" -c"$connections" -d"$2s" --latency -H "Host: $4" "$base$3" >"$1" 2>&1; rc=$?; times >"$1.times"; exit $rc ) \
    || { cat "$1" >&2; die "wrk failed on $3"; }
  if grep -q -e 'Non-2xx or 3xx responses' -e 'Socket errors' "$1"; then
    cat "$1" >&2
    die "wrk saw errors on $3 (see $1); a ratio over failing requests would mean nothing"
  fi
}

host_cpu_ticks() { awk '{print $14 + $15}' "/proc/$host_pid/stat"; }
system_ticks() { awk '/^cpu / {print $2 + $3 + $4 + $5 + $6 + $7 + $8 + $9, $5 + $6; exit}' /proc/stat; }  # total idle
clk_tck=$(getconf CLK_TCK)

# On a shared machine (builds, test runs), wait for the CPUs to go quiet before the warm-up and before
# each measurement: busy time outside the host under 15 % over a 2 s window. After the limit it measures
# anyway; the report shows how much else ran during every round.
other_busy_percent() {
  local h0 h1 t0 i0 t1 i1
  h0=$(host_cpu_ticks); read -r t0 i0 < <(system_ticks)
  sleep 2
  h1=$(host_cpu_ticks); read -r t1 i1 < <(system_ticks)
  echo $(( (t1 - t0 - (i1 - i0) - (h1 - h0)) * 100 / (t1 - t0 > 0 ? t1 - t0 : 1) ))
}
quiet_waited=0
wait_quiet() { # wait_quiet <max seconds>; sets quiet_note and quiet_waited
  local max=$1 waited=0 busy
  quiet_note="not checked"; quiet_waited=0
  (( max > 0 )) || return 0
  while :; do
    busy=$(other_busy_percent); waited=$(( waited + 2 ))
    if (( busy < 15 )); then quiet_note="quiet (other processes at ${busy} % of the CPUs)"; break; fi
    if (( waited >= max )); then quiet_note="NOT quiet (other processes at ${busy} % of the CPUs after ${waited}s)"; break; fi
    (( waited % 20 == 0 )) && log "Waiting for a quiet machine: other processes at ${busy} % of the CPUs (${waited}/${max}s)..."
  done
  quiet_waited=$waited
}
wait_quiet "$quiet_wait"
initial_quiet="$quiet_note after ${quiet_waited}s"
log "Machine before warm-up: $initial_quiet"

log "Warm-up: ${warmup}s per endpoint..."
for e in "${endpoints[@]}"; do
  IFS='|' read -r name path hdr <<<"$e"
  run_wrk "$raw_dir/warmup-$name.txt" "$warmup" "$path" "$hdr"
done

printf 'round\tendpoint\thost_ticks\ttotal_ticks\tidle_ticks\tloadavg\tquiet_wait_s\n' >"$raw_dir/cpu.tsv"

for round in $(seq 1 "$rounds"); do
  # Alternate the order, so neither main endpoint always runs on the same side of a round.
  order=("${endpoints[@]}")
  if (( round % 2 == 0 )); then order=(); for (( i = ${#endpoints[@]} - 1; i >= 0; i-- )); do order+=("${endpoints[i]}"); done; fi
  for e in "${order[@]}"; do
    IFS='|' read -r name path hdr <<<"$e"
    wait_quiet "$quiet_wait_round"
    log "Round $round/$rounds: $name (GET $path, Host: $hdr) for ${duration}s, wrk -t$threads -c$connections..."
    host_before=$(host_cpu_ticks); read -r total_before idle_before < <(system_ticks)
    run_wrk "$raw_dir/round$round-$name.txt" "$duration" "$path" "$hdr"
    host_after=$(host_cpu_ticks); read -r total_after idle_after < <(system_ticks)
    printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$round" "$name" "$(( host_after - host_before ))" \
      "$(( total_after - total_before ))" "$(( idle_after - idle_before ))" "$(cut -d' ' -f1 /proc/loadavg)" "$quiet_waited" >>"$raw_dir/cpu.tsv"
  done
done

# Everything must still answer correctly after the load (a cache expiring mid-run must not break it).
check_all

# --- report ----------------------------------------------------------------------------------------------
dotnet_version=$(dotnet --version)
runtime_version=$(dotnet --list-runtimes | awk '/Microsoft.AspNetCore.App/ {v=$2} END {print v}')
cpu_model=$(awk -F': ' '/model name/ {print $2; exit}' /proc/cpuinfo)
commit=$(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo unknown)
dirty=""
[ -n "$(git -C "$root" status --porcelain 2>/dev/null || true)" ] && dirty=" (working tree has uncommitted changes)"

BENCH_DATE=$(date -u '+%Y-%m-%d %H:%M:%S UTC') BENCH_COMMIT="$commit$dirty" BENCH_NPROC=$(nproc) \
BENCH_CPU="${cpu_model:-unknown CPU}" BENCH_KERNEL=$(uname -sr) BENCH_DOTNET="$dotnet_version" \
BENCH_RUNTIME="$runtime_version" BENCH_PG="$pg_version" BENCH_THREADS="$threads" BENCH_CONNECTIONS="$connections" \
BENCH_DURATION="$duration" BENCH_WARMUP="$warmup" BENCH_QUIET="$initial_quiet" BENCH_QUIET_ROUND="$quiet_wait_round" BENCH_PLATFORM_HOST="$platform_host" BENCH_TENANT_HOST="$tenant_host" \
python3 - "$raw_dir" "$rounds" "$target" "$clk_tck" >"$report.tmp" <<'PY'
import os, re, statistics, sys
raw, rounds, target, clk_tck = sys.argv[1], int(sys.argv[2]), float(sys.argv[3]), int(sys.argv[4])
env = os.environ
n, t, c, dur = int(env["BENCH_NPROC"]), env["BENCH_THREADS"], env["BENCH_CONNECTIONS"], int(env["BENCH_DURATION"])
hosts = {"static": env["BENCH_PLATFORM_HOST"], "tenant-static": env["BENCH_TENANT_HOST"], "tenant-flag": env["BENCH_TENANT_HOST"]}
paths = {"static": "/bench/static", "tenant-static": "/bench/static", "tenant-flag": "/bench/tenant-flag"}
units = {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60000.0}

def seconds(v):  # bash `times` format: 1m2.345s
    m = re.fullmatch(r"(\d+)m([\d.]+)s", v)
    return int(m.group(1)) * 60 + float(m.group(2))

def parse(path):
    text = open(path).read()
    def pct(p):
        m = re.search(r"^\s*%s%%\s+([\d.]+)(us|ms|s|m)\s*$" % p, text, re.M)
        return float(m.group(1)) * units[m.group(2)]
    children = open(path + ".times").read().split("\n")[1].split()
    return {"rps": float(re.search(r"Requests/sec:\s*([\d.]+)", text).group(1)),
            "total": int(re.search(r"(\d+) requests in", text).group(1)),
            "p50": pct(50), "p99": pct(99), "wrk_cpu": seconds(children[0]) + seconds(children[1])}

rows, ordered = {}, []
lines = open(f"{raw}/cpu.tsv").read().splitlines()[1:]
for line in lines:
    r, e, host, total, idle, load, waited = line.split("\t")
    x = parse(f"{raw}/round{r}-{e}.txt")
    x.update(round=int(r), endpoint=e, host_cpu=int(host) / clk_tck, load=float(load), waited=int(waited),
             busy=(int(total) - int(idle)) / clk_tck)
    x["other_cpu"] = max(0.0, x["busy"] - x["host_cpu"] - x["wrk_cpu"])
    rows.setdefault(e, []).append(x)
    ordered.append(x)
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

| | |
|---|---|
| Date | {env['BENCH_DATE']} |
| Commit | `{env['BENCH_COMMIT']}` |
| Machine | {n} CPUs (`nproc`), {env['BENCH_CPU']}, {env['BENCH_KERNEL']} |
| .NET | SDK {env['BENCH_DOTNET']} (`dotnet --version`), ASP.NET Core runtime {env['BENCH_RUNTIME']} |
| PostgreSQL | {env['BENCH_PG']} (local, 127.0.0.1) |
| Load | `wrk -t{t} -c{c} -d{dur}s --latency` over loopback; {rounds} alternating rounds per endpoint, each after a {env['BENCH_WARMUP']}s warm-up |
| Host | ServicePro.Host, Release build, ASPNETCORE_ENVIRONMENT=Production, log level Warning, fresh database |
| Machine before the warm-up | {env['BENCH_QUIET']}; before each round it waits up to {env['BENCH_QUIET_ROUND']}s for other processes to drop under 15 % of the CPUs |

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
