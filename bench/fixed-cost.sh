#!/usr/bin/env bash
# Measures the fixed cost of the host — of its cheapest request, of a real tenant request, of starting and of holding
# tenants — against a bare minimal-API app (bench/anchor) on the same machine and database, in the same run:
#   static: host GET /bench/static (platform address) / anchor GET /bench/static (the same JSON);   target >= 0.8
#   tenant: host GET /api/tenant (a tenant's address, anonymous) / anchor GET /bench/static;         target >= 0.6
# with host CPU µs and bytes allocated per request for each, time from process start to /health/ready answering 200
# on a migrated database (median of alternating starts), working set after start, and the host's growth after 1,000
# tenants were active. BENCH_PROFILE=1 also measures the anchor with the host's pieces added one at a time
# (bench/anchor/AnchorPieces.cs), to show where the host's microseconds go. See bench/README.md, "The fixed cost".
#
# Env overrides: BENCH_DURATION (10), BENCH_ROUNDS (3), BENCH_CONNECTIONS (32), BENCH_THREADS (1), BENCH_WARMUP (15),
#                BENCH_WARMUP_MAX (180), BENCH_QUIET_WAIT (180), BENCH_QUIET_WAIT_ROUND (60), BENCH_TENANTS (1000),
#                BENCH_STARTS (3 starts of each app), BENCH_PROFILE (0), BENCH_REPORT (bench/results/fixed-cost.md),
#                BENCH_APP_CONNECTION_EXTRA (more Npgsql settings for the host's and the anchor's connection strings),
#                BENCH_BUILD (1; 0 runs the Release builds already there),
#                BENCH_BEFORE_HOST (a build output folder of an earlier host, e.g. main's: measured as "before" in the same
#                run, starts and rounds alternating with the current host's, for before/after tables).
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"

duration=${BENCH_DURATION:-10}
rounds=${BENCH_ROUNDS:-3}
connections=${BENCH_CONNECTIONS:-32}
threads=${BENCH_THREADS:-1}
warmup=${BENCH_WARMUP:-15}
quiet_wait=${BENCH_QUIET_WAIT:-180}
quiet_wait_round=${BENCH_QUIET_WAIT_ROUND:-60}
tenants=${BENCH_TENANTS:-1000}
starts=${BENCH_STARTS:-3}
profile=${BENCH_PROFILE:-0}
static_target=0.8
tenant_target=0.6

work="$root/artifacts/bench-fixed-cost"
source bench/lib.sh

bench_require_positive duration rounds connections threads warmup tenants starts
bench_require_whole quiet_wait quiet_wait_round
[[ $profile =~ ^[01]$ ]] || { echo "BENCH_PROFILE must be 0 or 1 (got '$profile')" >&2; exit 2; }

domain=servicepro.localhost
platform_host=localhost
tenant_host=root.$domain
expected_body='{"ok":true,"service":"servicepro"}'
report=${BENCH_REPORT:-$results_dir/fixed-cost.md}
anchor_dir="$work/anchor"
before_src=${BENCH_BEFORE_HOST:-}
before_dir="$work/before"
if [ -n "$before_src" ]; then
  [ -f "$before_src/ServicePro.Host.dll" ] || { echo "BENCH_BEFORE_HOST must be a host build output folder (no ServicePro.Host.dll in '$before_src')" >&2; exit 2; }
fi
lists="$work/lists"
rm -rf "$lists"; mkdir -p "$lists"

# The anchor's variants: name|Anchor:Pieces. "anchor" is the bare app every ratio divides by.
anchors=("anchor|")
if [ "$profile" = 1 ]; then
  anchors+=("anchor+autofac|autofac" "anchor+auth|auth" "anchor+autofac+auth|autofac,auth" "anchor+autofac+scope|autofac,scope"
            "anchor+all|autofac,exceptions,scope,ratelimiter,staticfiles,auth")
fi

bench_require_tools
bench_create_database
# Two builds of the same project at once lock each other out; BENCH_BUILD=0 runs what is already built.
[ "${BENCH_BUILD:-1}" = 1 ] && bench_build src/Host bench/seed bench/anchor
bench_copy_host
rm -rf "$anchor_dir"; cp -a bench/anchor/bin/Release/net10.0 "$anchor_dir"
if [ -n "$before_src" ]; then rm -rf "$before_dir"; cp -a "$before_src" "$before_dir"; fi
bench_host_env
# Every wrk request comes from one address: the public limit would otherwise answer 429 on /api/tenant. No recurring
# sweeps (as in bench/scheduling.sh): the seeded appointments would give the first reminder sweep a one-off burst.
host_env+=(ServicePro__RateLimits__PublicPerMinute=1000000000 ServicePro__Jobs__RecurringEnabled=false)
anchor_env=(ASPNETCORE_ENVIRONMENT=Production Logging__LogLevel__Default=Warning "ConnectionStrings__App=$app_connection")

log "Migrating the database..."
bench_host_command migrate
log "Seeding $tenants tenants (one technician, a week of appointments)..."
dotnet bench/seed/bin/Release/net10.0/ServicePro.Bench.Seed.dll --connection "$owner_connection;Command Timeout=0" --out "$lists" \
  --tenants "$tenants" --technicians 1 --days 7 --customers 5 --race-tenants 1 --race-weekdays 1 \
  | tee "$lists/summary.txt" >&2 || die "seeding failed"

# --- starts ---------------------------------------------------------------------------------------------------
free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'; }
rss_kb() { awk '/^VmRSS:/ {print $2}' "/proc/$1/status"; }
now_ns() { date +%s%N; }

# start_app <host|anchor> <pieces> <log>: starts it on a free port; sets started_pid, started_base and started_ms (from
# the launch to the first 200 of /health/ready, polled every 20 ms).
start_app() {
  local kind=$1 pieces=$2 app_log=$3 port t0 code
  port=$(free_port); started_base="http://127.0.0.1:$port"
  t0=$(now_ns)
  if [ "$kind" = host ] || [ "$kind" = before ]; then
    local dir=$host_dir; [ "$kind" = before ] && dir=$before_dir
    ( cd "$dir" && exec env "${host_env[@]}" dotnet ServicePro.Host.dll --urls "$started_base" ) >>"$app_log" 2>&1 &
  else
    ( cd "$anchor_dir" && exec env "${anchor_env[@]}" "Anchor__Pieces=$pieces" dotnet ServicePro.Bench.Anchor.dll --urls "$started_base" ) >>"$app_log" 2>&1 &
  fi
  started_pid=$!
  bench_other_pids+=("$started_pid")
  while :; do
    kill -0 "$started_pid" 2>/dev/null || { tail -n 40 "$app_log" >&2; die "$kind exited during start-up (log: $app_log)"; }
    code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 2 "$started_base/health/ready" || true)
    [ "$code" = 200 ] && break
    (( ($(now_ns) - t0) / 1000000000 < 120 )) || { tail -n 40 "$app_log" >&2; die "$kind not ready after 120 s (log: $app_log)"; }
    sleep 0.02
  done
  started_ms=$(( ($(now_ns) - t0) / 1000000 ))
}

# Alternating starts of the host and the bare anchor: start-up time, then the working set 5 s later (start-up work
# done, nothing served yet). The last start of each keeps running for the rounds.
printf 'start\tapp\tready_ms\trss_kb\n' >"$raw_dir/starts.tsv"
start_kinds=(host anchor); [ -n "$before_src" ] && start_kinds=(host before anchor)
for i in $(seq 1 "$starts"); do
  for kind in "${start_kinds[@]}"; do
    wait_quiet "$quiet_wait_round"
    case $kind in
      host) start_app host "" "$host_log" ;;
      before) start_app before "" "$work/before.log" ;;
      *) start_app anchor "" "$work/anchor.log" ;;
    esac
    sleep 5
    printf '%s\t%s\t%s\t%s\n' "$i" "$kind" "$started_ms" "$(rss_kb "$started_pid")" >>"$raw_dir/starts.tsv"
    log "Start $i of $kind: ready after $started_ms ms, working set $(rss_kb "$started_pid") KB"
    if (( i < starts )); then
      bench_stop_process "$started_pid"
    elif [ "$kind" = host ]; then
      host_pid=$started_pid; host_base=$started_base
    elif [ "$kind" = before ]; then
      before_pid=$started_pid; before_base=$started_base
    else
      pid_anchor=$started_pid; base_anchor=$started_base
    fi
  done
done

# The profile's variants of the anchor (not timed at start).
declare -A app_pid app_base
app_pid[host]=$host_pid; app_base[host]=$host_base
app_pid[anchor]=$pid_anchor; app_base[anchor]=$base_anchor
if [ -n "$before_src" ]; then app_pid[before]=$before_pid; app_base[before]=$before_base; fi
for a in "${anchors[@]:1}"; do
  IFS='|' read -r name pieces <<<"$a"
  start_app anchor "$pieces" "$work/$name.log"
  app_pid[$name]=$started_pid; app_base[$name]=$started_base
  log "Started $name (Anchor:Pieces=$pieces) on $started_base"
done

# --- endpoints ------------------------------------------------------------------------------------------------
# name|app|path|Host header
endpoints=("host-static|host|/bench/static|$platform_host" "host-tenant|host|/api/tenant|$tenant_host")
[ -n "$before_src" ] && endpoints+=("before-static|before|/bench/static|$platform_host" "before-tenant|before|/api/tenant|$tenant_host")
for a in "${anchors[@]}"; do endpoints+=("${a%%|*}|${a%%|*}|/bench/static|$platform_host"); done
names=(); for e in "${endpoints[@]}"; do names+=("${e%%|*}"); done

endpoint_field() { # endpoint_field <name> <1: app, 2: path, 3: Host header>
  local e f
  for e in "${endpoints[@]}"; do
    [ "${e%%|*}" = "$1" ] || continue
    IFS='|' read -r -a f <<<"$e"; echo "${f[$2]}"; return
  done
  die "unknown endpoint $1"
}
endpoint_pid() { echo "${app_pid[$(endpoint_field "$1" 1)]}"; }

check_endpoint() { # check_endpoint <name>
  local app path hdr out code body
  app=$(endpoint_field "$1" 1); path=$(endpoint_field "$1" 2); hdr=$(endpoint_field "$1" 3)
  out=$(curl -s --max-time 5 -H "Host: $hdr" -w $'\n%{http_code}' "${app_base[$app]}$path" || true)
  code=${out##*$'\n'}; body=${out%$'\n'*}
  [ "$code" = 200 ] || die "GET $path (Host: $hdr) on $app answered $code: $body"
  if [ "$path" = /bench/static ]; then
    [ "$body" = "$expected_body" ] || die "GET $path on $app answered '$body'; expected '$expected_body'"
  else
    grep -q '"slug":"root"' <<<"$body" || die "GET $path (Host: $hdr) answered '$body'; expected ROOT's profile"
  fi
  log "GET $path (Host: $hdr) on $app -> 200 $body"
}
check_all() { local n; for n in "${names[@]}"; do check_endpoint "$n"; done; }
check_all

allocated() { # allocated <app>: bytes the process has allocated so far
  curl -s -f --max-time 10 "${app_base[$1]}/bench/memory" | python3 -c 'import json, sys; print(json.load(sys.stdin)["allocated"])'
}
printf 'file\tendpoint\tallocated_bytes\n' >"$raw_dir/allocated.tsv"
measure_endpoint() { # measure_endpoint <name> <out file> <seconds>; also records the bytes the serving process allocated
  local app path hdr base before after
  app=$(endpoint_field "$1" 1); path=$(endpoint_field "$1" 2); hdr=$(endpoint_field "$1" 3)
  base=${app_base[$app]}   # run_wrk reads $base
  before=$(allocated "$app")
  run_wrk "$2" "$3" "$path" "$hdr"
  after=$(allocated "$app")
  printf '%s\t%s\t%s\n' "${2##*/}" "$1" "$(( after - before ))" >>"$raw_dir/allocated.tsv"
}

wait_quiet "$quiet_wait"
initial_quiet="$quiet_note after ${quiet_waited}s"
log "Machine before warm-up: $initial_quiet"
bench_warmup "$warmup" "${names[@]}"
bench_rounds "$rounds" "$duration" "${names[@]}"
check_all

# --- 1,000 active tenants ---------------------------------------------------------------------------------------
# Working set and heap (after a full collection) of the warm host, then again after GET /api/tenant at every seeded
# tenant's address (twice each, one curl on one connection).
memory_after_collect() { # memory_after_collect <app>: "<rss KB> <heap bytes>" after a full, compacting collection
  local heap
  heap=$(curl -s -f --max-time 30 "${app_base[$1]}/bench/memory?collect=true" | python3 -c 'import json, sys; print(json.load(sys.stdin)["heap"])')
  sleep 1
  echo "$(rss_kb "${app_pid[$1]}") $heap"
}
read -r rss_before heap_before < <(memory_after_collect host)
rss_before_nocollect=$rss_before
: >"$work/tenants.curl"
for pass in 1 2; do
  cut -f1 "$lists/tenants.tsv" | while read -r slug; do
    printf 'url = "%s/api/tenant"\nheader = "Host: %s.%s"\noutput = "/dev/null"\nwrite-out = "%%{http_code}\\n"\nnext\n' "$host_base" "$slug" "$domain"
  done >>"$work/tenants.curl"
done
sed -i '$d' "$work/tenants.curl"   # no "next" after the last request
log "GET /api/tenant at each of $(wc -l <"$lists/tenants.tsv") tenants' addresses, twice..."
curl -s -K "$work/tenants.curl" >"$work/tenants.codes" || die "the tenant sweep failed"
bad=$(grep -vc '^200$' "$work/tenants.codes" || true)
[ "$bad" = 0 ] || die "$bad of the tenant sweep's requests did not answer 200 (codes in $work/tenants.codes)"
rss_after_nocollect=$(rss_kb "$host_pid")
read -r rss_after heap_after < <(memory_after_collect host)
printf 'rss_before_kb\theap_before\trss_after_nocollect_kb\trss_after_kb\theap_after\ttenants\n%s\t%s\t%s\t%s\t%s\t%s\n' \
  "$rss_before" "$heap_before" "$rss_after_nocollect" "$rss_after" "$heap_after" "$(wc -l <"$work/tenants.codes")" >"$raw_dir/tenants.tsv"
: "$rss_before_nocollect"
read -r anchor_rss anchor_heap < <(memory_after_collect anchor)
printf 'anchor_rss_kb\tanchor_heap\n%s\t%s\n' "$anchor_rss" "$anchor_heap" >"$raw_dir/anchor-memory.tsv"

# --- report ----------------------------------------------------------------------------------------------------
bench_export_conditions
BENCH_THREADS="$threads" BENCH_CONNECTIONS="$connections" BENCH_DURATION="$duration" BENCH_WARMUP="$warmup" \
BENCH_QUIET="$initial_quiet" BENCH_QUIET_ROUND="$quiet_wait_round" BENCH_SEED_SUMMARY="$(tail -n 1 "$lists/summary.txt")" \
BENCH_ANCHORS="$(printf '%s\n' "${anchors[@]}")" \
PYTHONPATH="$root/bench" python3 - "$raw_dir" "$rounds" "$static_target" "$tenant_target" >"$report.tmp" <<'PY'
import os, statistics, sys
from wrkstats import by_endpoint, conditions, load_rounds, medians, warmups
raw, rounds, static_target, tenant_target = sys.argv[1], int(sys.argv[2]), float(sys.argv[3]), float(sys.argv[4])
env = os.environ
n, t, c, dur = int(env["BENCH_NPROC"]), env["BENCH_THREADS"], env["BENCH_CONNECTIONS"], int(env["BENCH_DURATION"])
anchors = [line.split("|", 1) for line in env["BENCH_ANCHORS"].splitlines() if line]

ordered = load_rounds(raw, int(env["BENCH_CLK_TCK"]))
rows = by_endpoint(ordered)
med = medians(rows)
by_round = {(x["round"], x["endpoint"]): x for x in ordered}

def tsv(name):
    header, *lines = open(f"{raw}/{name}").read().splitlines()
    return [dict(zip(header.split("\t"), line.split("\t"))) for line in lines]

requests = {(f"round{x['round']}-{x['endpoint']}.txt"): x["total"] for x in ordered}
alloc = {}
for a in tsv("allocated.tsv"):
    if a["file"] in requests:
        alloc.setdefault(a["endpoint"], []).append(int(a["allocated_bytes"]) / requests[a["file"]])
alloc_kb = {e: statistics.median(v) / 1024 for e, v in alloc.items()}
starts = tsv("starts.tsv")
apps = [k for k in ("host", "before", "anchor") if any(s["app"] == k for s in starts)]
ready = {k: statistics.median(int(s["ready_ms"]) for s in starts if s["app"] == k) / 1000 for k in apps}
rss = {k: statistics.median(int(s["rss_kb"]) for s in starts if s["app"] == k) / 1024 for k in apps}
ten = tsv("tenants.tsv")[0]
growth_rss = (int(ten["rss_after_kb"]) - int(ten["rss_before_kb"])) / 1024
growth_heap = (int(ten["heap_after"]) - int(ten["heap_before"])) / 2**20
anchor_mem = tsv("anchor-memory.tsv")[0]

def ratio(real, base):
    return med[real]["rps"] / med[base]["rps"]

def per_round(real, base):
    return ", ".join(f"{by_round[(r, real)]['rps'] / by_round[(r, base)]['rps']:.3f}" for r in range(1, rounds + 1))

def verdict(ok):
    return "MEETS the target" if ok else "BELOW the target"

out = []
w = out.append
w(f"""# ServicePro benchmark: the fixed cost of a request and of a start, against a bare minimal API

{conditions(
    f"`wrk -t{t} -c{c} -d{dur}s --latency` over loopback; {rounds} alternating rounds per endpoint, each after warming up until its throughput stopped climbing (at least {env['BENCH_WARMUP']}s: {warmups(raw)})",
    "ServicePro.Host and bench/anchor, Release builds, ASPNETCORE_ENVIRONMENT=Production, log level Warning; the host with its public rate limit raised (one client address) and recurring sweeps off",
    f"{env['BENCH_QUIET']}; before each round it waits up to {env['BENCH_QUIET_ROUND']}s for other processes to drop under 15 % of the CPUs")}
| Data | {env['BENCH_SEED_SUMMARY']} (bench/seed), migrated by the host's `migrate` command |

wrk, the host and the anchor share the same {n} CPUs: absolute requests/sec are far below what a server would do.
Compare the ratios, measured against the anchor (bench/anchor: a minimal API on the default container, routing only)
in the same run.

## Result

| Figure | Host | Anchor | Ratio or difference | Target | |
|---|---:|---:|---:|---:|---|""")
rs, rt = ratio("host-static", "anchor"), ratio("host-tenant", "anchor")
w(f"| `GET /bench/static` req/s (median) | {med['host-static']['rps']:,.0f} | {med['anchor']['rps']:,.0f} | **{rs:.3f}** | ≥ {static_target} | {verdict(rs >= static_target)} |")
w(f"| `GET /api/tenant` (Host: root.servicepro.localhost, anonymous) req/s | {med['host-tenant']['rps']:,.0f} | {med['anchor']['rps']:,.0f} (static) | **{rt:.3f}** | ≥ {tenant_target} | {verdict(rt >= tenant_target)} |")
w(f"| Host CPU µs / request, static | {med['host-static']['cpu_us']:.1f} | {med['anchor']['cpu_us']:.1f} | +{med['host-static']['cpu_us'] - med['anchor']['cpu_us']:.1f} µs | | |")
w(f"| Host CPU µs / request, /api/tenant | {med['host-tenant']['cpu_us']:.1f} | {med['anchor']['cpu_us']:.1f} (static) | +{med['host-tenant']['cpu_us'] - med['anchor']['cpu_us']:.1f} µs | | |")
w(f"| KB allocated / request, static | {alloc_kb['host-static']:.2f} | {alloc_kb['anchor']:.2f} | ×{alloc_kb['host-static'] / alloc_kb['anchor']:.1f} | ≤ 3 KB | {verdict(alloc_kb['host-static'] <= 3)} |")
w(f"| KB allocated / request, /api/tenant | {alloc_kb['host-tenant']:.2f} | {alloc_kb['anchor']:.2f} (static) | ×{alloc_kb['host-tenant'] / alloc_kb['anchor']:.1f} | | |")
w(f"| Start to ready, s (median of {sum(1 for x in starts if x['app'] == 'host')} alternating starts) | {ready['host']:.2f} | {ready['anchor']:.2f} | +{ready['host'] - ready['anchor']:.2f} s | ≤ 2 s | {verdict(ready['host'] <= 2)} |")
w(f"| Working set 5 s after ready, MB (median) | {rss['host']:.0f} | {rss['anchor']:.0f} | +{rss['host'] - rss['anchor']:.0f} MB | ≤ 120 MB | {verdict(rss['host'] <= 120)} |")
w(f"| Working set growth after {int(ten['tenants']) // 2:,} tenants' `GET /api/tenant` (each twice), MB, after a full GC | {growth_rss:+.1f} (heap {growth_heap:+.1f}) | | | ≤ 20 MB | {verdict(growth_rss <= 20)} |")
w("")
if "before-static" in rows:
    w("")
    w("### Before and after, in the same run\n")
    w("\"Before\" is the host built from `BENCH_BEFORE_HOST` (the commit this work started from), started, warmed up and measured")
    w("in the same alternating rounds and starts as the current host (\"after\") and the anchor.\n")
    w("| Figure | Before | After | Anchor | Target |")
    w("|---|---:|---:|---:|---:|")
    w(f"| `/bench/static` req/s ratio to the anchor | {ratio('before-static', 'anchor'):.3f} | {rs:.3f} | 1 | ≥ {static_target} |")
    w(f"| `/api/tenant` req/s ratio to the anchor's static | {ratio('before-tenant', 'anchor'):.3f} | {rt:.3f} | | ≥ {tenant_target} |")
    w(f"| CPU µs / request, static | {med['before-static']['cpu_us']:.1f} | {med['host-static']['cpu_us']:.1f} | {med['anchor']['cpu_us']:.1f} | |")
    w(f"| CPU µs / request, `/api/tenant` | {med['before-tenant']['cpu_us']:.1f} | {med['host-tenant']['cpu_us']:.1f} | | |")
    w(f"| Cost ratio (anchor CPU µs / host CPU µs), static | {med['anchor']['cpu_us'] / med['before-static']['cpu_us']:.3f} | {med['anchor']['cpu_us'] / med['host-static']['cpu_us']:.3f} | 1 | |")
    w(f"| Cost ratio, `/api/tenant` | {med['anchor']['cpu_us'] / med['before-tenant']['cpu_us']:.3f} | {med['anchor']['cpu_us'] / med['host-tenant']['cpu_us']:.3f} | | |")
    w(f"| KB allocated / request, static | {alloc_kb['before-static']:.2f} | {alloc_kb['host-static']:.2f} | {alloc_kb['anchor']:.2f} | ≤ 3 |")
    w(f"| KB allocated / request, `/api/tenant` | {alloc_kb['before-tenant']:.2f} | {alloc_kb['host-tenant']:.2f} | | |")
    w(f"| Start to ready, s (median) | {ready['before']:.2f} | {ready['host']:.2f} | {ready['anchor']:.2f} | ≤ 2 |")
    w(f"| Working set 5 s after ready, MB (median) | {rss['before']:.0f} | {rss['host']:.0f} | {rss['anchor']:.0f} | ≤ 120 |")
    w("")
w(f"Ratio per round: static {per_round('host-static', 'anchor')}; /api/tenant {per_round('host-tenant', 'anchor')}. "
  f"Cost ratios (anchor CPU µs / host CPU µs, which depend much less on other load than req/s do): static "
  f"{med['anchor']['cpu_us'] / med['host-static']['cpu_us']:.3f}, /api/tenant {med['anchor']['cpu_us'] / med['host-tenant']['cpu_us']:.3f}.")
w("")
w(f"Memory of the warm processes after a full, compacting collection: host working set {int(ten['rss_before_kb']) / 1024:.0f} MB "
  f"(managed heap {int(ten['heap_before']) / 2**20:.1f} MB) before the tenants, {int(ten['rss_after_kb']) / 1024:.0f} MB "
  f"(heap {int(ten['heap_after']) / 2**20:.1f} MB) after; without the collection {int(ten['rss_after_nocollect_kb']) / 1024:.0f} MB after. "
  f"Anchor {int(anchor_mem['anchor_rss_kb']) / 1024:.0f} MB (heap {int(anchor_mem['anchor_heap']) / 2**20:.1f} MB).")

w("\n## Starts\n")
w("| Start | App | Ready after (ms) | Working set 5 s later (MB) |")
w("|---:|---|---:|---:|")
for s in starts:
    w(f"| {s['start']} | {s['app']} | {int(s['ready_ms']):,} | {int(s['rss_kb']) / 1024:.0f} |")

w("\n## Endpoints\n")
w("| Endpoint | Process, request | Median req/s | Min–max req/s | Ratio to anchor | Median p50 (ms) | Median p99 (ms) | CPU µs / req | Δ CPU µs vs anchor | KB allocated / req |")
w("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|")
labels = {"host-static": "host, `GET /bench/static` at localhost", "host-tenant": "host, `GET /api/tenant` at root.servicepro.localhost",
          "before-static": "host before, `GET /bench/static` at localhost", "before-tenant": "host before, `GET /api/tenant` at root.servicepro.localhost"}
for name, pieces in anchors:
    labels[name] = f"bench/anchor{' with ' + pieces.replace(',', ', ') if pieces else ' (bare)'}, `GET /bench/static`"
for e in [x for x in ("host-static", "host-tenant", "before-static", "before-tenant") if x in rows] + [a[0] for a in anchors]:
    r = [x["rps"] for x in rows[e]]
    w(f"| {e} | {labels[e]} | {med[e]['rps']:,.0f} | {min(r):,.0f}–{max(r):,.0f} | {ratio(e, 'anchor'):.3f} | {med[e]['p50']:.2f} | "
      f"{med[e]['p99']:.2f} | {med[e]['cpu_us']:.1f} | {med[e]['cpu_us'] - med['anchor']['cpu_us']:+.1f} | {alloc_kb[e]:.2f} |")

other = statistics.median(max(0.0, x["other_cpu"] - x["postgres_cpu"]) for x in ordered)
w("")
if other > 0.10 * n * dur:
    w(f"**Noisy run:** processes other than the measured app, wrk and PostgreSQL used a median {other:.1f} CPU-seconds per "
      f"{dur}s round (of {n * dur} available). The rounds alternate so every endpoint shares the noise, but re-run on an "
      f"idle machine for trustworthy absolute figures.")
else:
    w(f"Other processes used a median {other:.1f} CPU-seconds per {dur}s round (of {n * dur} available).")

w("""
## Rounds

| Round | Endpoint | Req/s | p50 (ms) | p99 (ms) | Requests | App CPU s | wrk CPU s | Other CPU s | Load avg (1 min) | Waited for quiet (s) |
|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|""")
for x in ordered:
    w(f"| {x['round']} | {x['endpoint']} | {x['rps']:,.0f} | {x['p50']:.2f} | {x['p99']:.2f} | {x['total']:,} | "
      f"{x['host_cpu']:.1f} | {x['wrk_cpu']:.1f} | {max(0.0, x['other_cpu'] - x['postgres_cpu']):.1f} | {x['load']:.2f} | {x['waited']} |")
w("""
"App CPU s" is the CPU of the process that served the round (user + system from /proc/<pid>/stat); "Other CPU s" is
busy CPU time that was neither that process, wrk nor PostgreSQL (builds and tests of other work on the machine).
Allocations are GC.GetTotalAllocatedBytes deltas over each round (/bench/memory) divided by its requests. Raw output:
artifacts/bench-fixed-cost/wrk/ (not committed). Re-run with `bench/fixed-cost.sh`; see bench/README.md.""")
print("\n".join(out))
PY
mv "$report.tmp" "$report"
cat "$report"
echo
log "Report written to ${report#"$root"/}"
