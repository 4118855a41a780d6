#!/usr/bin/env bash
# Measures scheduling on a platform-sized database, as ratios to raw Npgsql baselines on the same host in the same run
# (see bench/README.md, "Scheduling"):
#   availability: GET /api/availability (7 days, 5 technicians, a random tenant of 1,000 with 30 days of appointments)
#                 against GET /bench/raw-pk (one booking by primary key, a random tenant too);       target >= 0.6
#   booking:      POST /api/bookings with many connections fighting over the same technicians' times (most lose with
#                 409) against POST /bench/raw-insert of the same rows into the same constrained table; target >= 0.7
#                 — then checks in SQL that no two bookings that hold time overlap, and that every 201 stored a row.
# It also runs the availability engine's compute benchmark (bench/availability: goal <= 100 µs) on the same machine.
#
# Env overrides: BENCH_DURATION (seconds per round, 10), BENCH_ROUNDS (3), BENCH_CONNECTIONS (32), BENCH_THREADS (1),
#                BENCH_WARMUP (least warm-up seconds per endpoint, 30), BENCH_WARMUP_MAX (most, 180; see bench_warmup), BENCH_QUIET_WAIT (180), BENCH_QUIET_WAIT_ROUND (60),
#                BENCH_TENANTS (1000), BENCH_TECHNICIANS (5), BENCH_DAYS (30), BENCH_RACE_TENANTS (4),
#                BENCH_RACE_WEEKDAYS (250), BENCH_CONTENTION (requests per contested time, 8),
#                BENCH_AVAILABILITY_TARGET (0.6), BENCH_BOOKING_TARGET (0.7), BENCH_COMPUTE (1: run bench/availability; 0: skip),
#                BENCH_REPORT (bench/results/scheduling.md), BENCH_APP_CONNECTION_EXTRA (more Npgsql settings for the host).
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"

duration=${BENCH_DURATION:-10}
rounds=${BENCH_ROUNDS:-3}
connections=${BENCH_CONNECTIONS:-32}
threads=${BENCH_THREADS:-1}
warmup=${BENCH_WARMUP:-30}
quiet_wait=${BENCH_QUIET_WAIT:-180}
quiet_wait_round=${BENCH_QUIET_WAIT_ROUND:-60}
tenants=${BENCH_TENANTS:-1000}
technicians=${BENCH_TECHNICIANS:-5}
days=${BENCH_DAYS:-30}
race_tenants=${BENCH_RACE_TENANTS:-4}
race_weekdays=${BENCH_RACE_WEEKDAYS:-250}
contention=${BENCH_CONTENTION:-8}
availability_target=${BENCH_AVAILABILITY_TARGET:-0.6}
booking_target=${BENCH_BOOKING_TARGET:-0.7}
compute=${BENCH_COMPUTE:-1}

work="$root/artifacts/bench-scheduling"
source bench/lib.sh

bench_require_positive duration rounds connections threads warmup tenants technicians days race_tenants race_weekdays contention
bench_require_whole quiet_wait quiet_wait_round
[[ $compute =~ ^[01]$ ]] || { echo "BENCH_COMPUTE must be 0 or 1 (got '$compute')" >&2; exit 2; }
for v in availability_target booking_target; do
  [[ ${!v} =~ ^[0-9]+(\.[0-9]+)?$ ]] || { echo "BENCH_${v^^} must be a number (got '${!v}')" >&2; exit 2; }
done

domain=servicepro.localhost   # the host's default ServicePro:BaseDomain; tenants answer at {slug}.$domain
lists="$work/lists"
report=${BENCH_REPORT:-$results_dir/scheduling.md}   # an experiment can write elsewhere and leave the record alone
racer_email=racer@bench.local
racer_password=$(openssl rand -hex 16 2>/dev/null || python3 -c 'import secrets; print(secrets.token_hex(16))')
rm -rf "$lists"; mkdir -p "$lists"

bench_require_tools
bench_create_database
bench_build src/Host bench/seed
[ "$compute" = 1 ] && bench_build bench/availability
bench_copy_host
bench_host_env
# Every wrk request comes from one address: the per-address limits would otherwise answer 429.
host_env+=(ServicePro__RateLimits__PublicPerMinute=1000000000 ServicePro__RateLimits__SignInPerMinute=1000)
# No recurring sweeps: the seeded bookings never had reminders, so the first minute's reminder sweep would write one
# notice for each of the ~17,000 bookings in the next 24 hours across 1,000 tenants while the rounds run — a one-off
# burst that says nothing about the endpoints measured here. (The domain-event deliveries that bookings ask for still run.)
host_env+=(ServicePro__Jobs__RecurringEnabled=false)

# --- the data -------------------------------------------------------------------------------------------------
# Schema and ROOT by the host's own migrate command; the fleet by bench/seed (COPY, as the owner) before the host
# serves, so no tenant is looked up, and cached as missing, before it exists.
log "Migrating the database..."
bench_host_command migrate
log "Seeding $tenants tenants x $technicians technicians x $days days of appointments..."
dotnet bench/seed/bin/Release/net10.0/ServicePro.Bench.Seed.dll --connection "$owner_connection;Command Timeout=0" --out "$lists" \
  --tenants "$tenants" --technicians "$technicians" --days "$days" --race-tenants "$race_tenants" --race-weekdays "$race_weekdays" \
  | tee "$lists/summary.txt" >&2 || die "seeding failed"
mapfile -t race_slugs <"$lists/race-tenants.txt"

# One owner works at every race tenant: the host command creates them at the first; the others get the same
# membership row (the command would boot the host once per tenant).
log "Creating the booking user ($racer_email) at ${race_slugs[*]}..."
bench_host_command staff add --tenant "${race_slugs[0]}" --email "$racer_email" --password "$racer_password" --role owner
race_list=$(printf "'%s'," "${race_slugs[@]}"); race_list=${race_list%,}
owner_psql -d "$db" <<SQL
BEGIN;
ALTER TABLE staff_memberships NO FORCE ROW LEVEL SECURITY;
INSERT INTO staff_memberships (tenant_id, user_id, role, created_at)
SELECT t.id, m.user_id, m.role, now()
  FROM staff_memberships m JOIN tenants f ON f.id = m.tenant_id AND f.slug = '${race_slugs[0]}'
  CROSS JOIN tenants t
 WHERE t.slug IN ($race_list) AND t.id <> f.id;
ALTER TABLE staff_memberships FORCE ROW LEVEL SECURITY;
COMMIT;
SQL

# --- the engine's compute alone (no host running, so it has the machine) -----------------------------------------
if [ "$compute" = 1 ]; then
  wait_quiet "$quiet_wait"
  compute_quiet="$quiet_note after ${quiet_waited}s"
  log "Availability engine compute benchmark (bench/availability)..."
  dotnet bench/availability/bin/Release/net10.0/ServicePro.Bench.Availability.dll >"$raw_dir/compute.txt" 2>&1 \
    || { cat "$raw_dir/compute.txt" >&2; die "bench/availability failed"; }
  echo "quiet $compute_quiet" >>"$raw_dir/compute.txt"
  cat "$raw_dir/compute.txt" >&2
fi

bench_start_host

# --- sign in and check every endpoint once -----------------------------------------------------------------------
: >"$lists/cookies.tsv"
for slug in "${race_slugs[@]}"; do
  rm -f "$work/cookie-jar"
  code=$(curl -s -o /dev/null -w '%{http_code}' -c "$work/cookie-jar" -H "Host: $slug.$domain" -H 'Content-Type: application/json' \
    -d "{\"email\":\"$racer_email\",\"password\":\"$racer_password\"}" "$base/api/auth/sign-in" || true)
  [ "$code" = 204 ] || die "sign-in at $slug answered $code"
  cookie=$(awk '$6 == "sp_auth" {print $7}' "$work/cookie-jar")
  [ -n "$cookie" ] || die "sign-in at $slug set no sp_auth cookie"
  printf '%s\tsp_auth=%s\n' "$slug" "$cookie" >>"$lists/cookies.tsv"
done

IFS=$'\t' read -r check_slug check_service check_booking <"$lists/tenants.tsv"
check_reads() {
  local body
  body=$(curl -s -f --max-time 30 -H "Host: $check_slug.$domain" "$base/api/availability?serviceId=$check_service") \
    || die "GET /api/availability at $check_slug failed"
  grep -q '"slots":\[{' <<<"$body" || die "GET /api/availability at $check_slug found no open times: $body"
  curl -s -f --max-time 30 -H "Host: $check_slug.$domain" "$base/bench/raw-pk?id=$check_booking" | grep -q "\"id\":\"$check_booking\"" \
    || die "GET /bench/raw-pk at $check_slug did not return booking $check_booking"
  log "GET /api/availability and /bench/raw-pk at $check_slug answer as expected"
}
check_reads

# A grid line booked twice through each endpoint: 201, then 409. Later runs start after these lines.
check_write() { # check_write <api|raw> <grid line>
  local mode=$1 line=$2 slug technician customer service starts ends path cookie=() body first second
  IFS=$'\t' read -r slug technician customer service starts ends < <(sed -n "${line}p" "$lists/race.tsv")
  if [ "$mode" = api ]; then
    path=/api/bookings; cookie=(-H "Cookie: $(awk -F'\t' -v s="$slug" '$1 == s {print $2}' "$lists/cookies.tsv")")
    body="{\"customerId\":\"$customer\",\"serviceId\":\"$service\",\"technicianId\":\"$technician\",\"startsAt\":\"$starts\"}"
  else
    path=/bench/raw-insert
    body="{\"customerId\":\"$customer\",\"serviceId\":\"$service\",\"technicianId\":\"$technician\",\"startsAt\":\"$starts\",\"endsAt\":\"$ends\"}"
  fi
  first=$(curl -s -o "$work/check.json" -w '%{http_code}' --max-time 30 -H "Host: $slug.$domain" -H 'Content-Type: application/json' "${cookie[@]}" -d "$body" "$base$path" || true)
  second=$(curl -s -o "$work/check.json" -w '%{http_code}' --max-time 30 -H "Host: $slug.$domain" -H 'Content-Type: application/json' "${cookie[@]}" -d "$body" "$base$path" || true)
  [ "$first $second" = "201 409" ] || die "POST $path twice for grid line $line answered $first, $second; expected 201, 409 ($(cat "$work/check.json"))"
  log "POST $path twice for the same time -> 201, 409"
}
check_write api 1
check_write raw 2
next_line=3
checks_booked_api=1
checks_booked_raw=1

# --- measure -------------------------------------------------------------------------------------------------
printf 'file\tendpoint\tfirst_line\tlast_line\n' >"$raw_dir/grid.tsv"
measure_endpoint() { # measure_endpoint <name> <out file> <seconds>
  local name=$1 out=$2 secs=$3 last
  case "$name" in
    availability|raw-pk)
      run_wrk "$out" "$secs" / "$domain" --timeout 10s -s bench/lua/tenants.lua -- "$name" "$lists/tenants.tsv" "$domain" ;;
    booking|raw-insert)
      local mode=api; [ "$name" = raw-insert ] && mode=raw
      allow_non_2xx=1 run_wrk "$out" "$secs" / "$domain" --timeout 10s -s bench/lua/booking.lua -- \
        "$mode" "$lists/race.tsv" "$domain" "$next_line" "$contention" "$lists/cookies.tsv"
      grep -q '^bench-exhausted 0$' "$out" \
        || die "the race grid ran out of open times during $name; raise BENCH_RACE_WEEKDAYS (now $race_weekdays)"
      last=$(awk '$1 == "bench-last-line" {print $2}' "$out")
      printf '%s\t%s\t%s\t%s\n' "${out##*/}" "$name" "$next_line" "$last" >>"$raw_dir/grid.tsv"
      next_line=$(( last + 1 )) ;;
    *) die "unknown endpoint $name" ;;
  esac
}

wait_quiet "$quiet_wait"
initial_quiet="$quiet_note after ${quiet_waited}s"
log "Machine before warm-up: $initial_quiet"
bench_warmup "$warmup" availability raw-pk
bench_rounds "$rounds" "$duration" availability raw-pk
bench_warmup "$warmup" booking raw-insert
bench_rounds "$rounds" "$duration" booking raw-insert

# Reads must still answer correctly after the load (caches expiring mid-run must not break them).
check_reads

# --- verify -----------------------------------------------------------------------------------------------------
# As the owner, in a transaction that is rolled back: row-level security is forced even for the owner, and the
# check must see every tenant's rows at once.
log "Verifying: no overlapping bookings, one stored row per 201..."
first_race_start=$(sed -n 1p "$lists/race.tsv" | cut -f5)
owner_psql -d "$db" -At -F $'\t' >"$raw_dir/verify.tsv" <<SQL
BEGIN;
ALTER TABLE bookings NO FORCE ROW LEVEL SECURITY;
SELECT 'overlaps', count(*) FROM bookings a JOIN bookings b
    ON b.tenant_id = a.tenant_id AND b.technician_id = a.technician_id AND b.id > a.id
   AND b.starts_at < a.ends_at AND a.starts_at < b.ends_at
 WHERE a.status IN ('pending', 'confirmed', 'completed') AND b.status IN ('pending', 'confirmed', 'completed');
SELECT 'bookings', count(*) FROM bookings;
SELECT 'stored-api', count(*) FROM bookings b JOIN tenants t ON t.id = b.tenant_id
 WHERE t.slug IN ($race_list) AND b.starts_at >= '$first_race_start' AND b.notes <> 'bench raw insert';
SELECT 'stored-raw', count(*) FROM bookings WHERE notes = 'bench raw insert';
ROLLBACK;
SQL

# --- report ----------------------------------------------------------------------------------------------------
bench_export_conditions
set +e
BENCH_THREADS="$threads" BENCH_CONNECTIONS="$connections" BENCH_DURATION="$duration" BENCH_WARMUP="$warmup" \
BENCH_QUIET="$initial_quiet" BENCH_QUIET_ROUND="$quiet_wait_round" BENCH_CONTENTION="$contention" \
BENCH_SEED_SUMMARY="$(tail -n 1 "$lists/summary.txt")" BENCH_CHECKS_API="$checks_booked_api" BENCH_CHECKS_RAW="$checks_booked_raw" \
PYTHONPATH="$root/bench" python3 - "$raw_dir" "$rounds" "$availability_target" "$booking_target" "$compute" "$report.tmp" <<'PY'
import os, re, statistics, sys
from wrkstats import by_endpoint, conditions, load_rounds, medians, parse_wrk, warmups
raw, rounds, availability_target, booking_target, compute, out_path = \
    sys.argv[1], int(sys.argv[2]), float(sys.argv[3]), float(sys.argv[4]), sys.argv[5] == "1", sys.argv[6]
env = os.environ
n, t, c, dur, k = int(env["BENCH_NPROC"]), env["BENCH_THREADS"], env["BENCH_CONNECTIONS"], int(env["BENCH_DURATION"]), int(env["BENCH_CONTENTION"])

ordered = load_rounds(raw, int(env["BENCH_CLK_TCK"]))
rows = by_endpoint(ordered)
med = medians(rows)
by_round = {(x["round"], x["endpoint"]): x for x in ordered}
verify = dict(line.split("\t") for line in open(f"{raw}/verify.tsv").read().split("\n") if "\t" in line)
failures = []

def statuses(x):
    return {int(s): int(v) for s, v in (p.split("=") for p in x["lua"]["statuses"].split())}

# Every booking run (warm-ups too) stored what it answered 201 for: (201 answers, runs) over all of them.
def created(name):
    total = runs = 0
    for f in os.listdir(raw):
        if f.endswith(f"-{name}.txt") and (f.startswith("round") or f.startswith("warmup")):
            total += statuses(parse_wrk(f"{raw}/{f}")).get(201, 0)
            runs += 1
    return total, runs

out = []
w = out.append
w(f"""# ServicePro benchmark: scheduling — availability and contended booking vs raw Npgsql

{conditions(
    f"`wrk -t{t} -c{c} -d{dur}s --latency --timeout 10s` over loopback with Lua scripts (bench/lua/); {rounds} alternating rounds per pair of endpoints, each after warming up until its throughput stopped climbing (at least {env['BENCH_WARMUP']}s: {warmups(raw)})",
    "ServicePro.Host, Release build, ASPNETCORE_ENVIRONMENT=Production, log level Warning, public and sign-in rate limits raised (one client address)",
    f"{env['BENCH_QUIET']}; before each round it waits up to {env['BENCH_QUIET_ROUND']}s for other processes to drop under 15 % of the CPUs")}
| Data | {env['BENCH_SEED_SUMMARY']} (bench/seed) |

wrk and the host share the same {n} CPUs, and so does PostgreSQL: absolute requests/sec are far below what a
server would do. Compare the ratios, measured against baselines on the same host, database and machine in the same run.
""")

def endpoint_rows(names, requests, with_answers=False):
    w("| Endpoint | Request | Median req/s | Min–max req/s | Median p50 (ms) | Median p99 (ms) | Host CPU µs / req | PostgreSQL CPU µs / req |"
      + (" Answers (all rounds) | Bookings made / s (median) |" if with_answers else ""))
    w("|---|---|---:|---:|---:|---:|---:|---:|" + ("---|---:|" if with_answers else ""))
    for e in names:
        rs = [x["rps"] for x in rows[e]]
        line = (f"| {e} | {requests[e]} | {med[e]['rps']:,.0f} | {min(rs):,.0f}–{max(rs):,.0f} | {med[e]['p50']:.2f} | "
                f"{med[e]['p99']:.2f} | {med[e]['cpu_us']:.0f} | {med[e]['postgres_us']:.0f} |")
        if with_answers:
            totals = {}
            for x in rows[e]:
                for s, v in statuses(x).items():
                    totals[s] = totals.get(s, 0) + v
            made = statistics.median(statuses(x).get(201, 0) / dur for x in rows[e])
            line += " " + ", ".join(f"{v:,} × {s}" for s, v in sorted(totals.items())) + f" | {made:,.1f} |"
        w(line)

def ratio_section(real, base, target, what):
    ratio = med[real]["rps"] / med[base]["rps"]
    per_round = [by_round[(r, real)]["rps"] / by_round[(r, base)]["rps"] for r in range(1, rounds + 1)]
    cpu = med[base]["cpu_us"] / med[real]["cpu_us"]
    w(f"**median({real} req/s) / median({base} req/s) = {ratio:.3f}** (target >= {target:.2f}): "
      f"**{'MEETS the target' if ratio >= target else 'BELOW the target'}**")
    w("")
    w(f"Ratio per round: {', '.join(f'{v:.3f}' for v in per_round)}. Host CPU per request: {base} {med[base]['cpu_us']:.0f} µs, "
      f"{real} {med[real]['cpu_us']:.0f} µs (cost ratio {cpu:.3f}; it depends much less on other load than req/s do). {what}")
    return ratio

w("## Availability\n")
endpoint_rows(["availability", "raw-pk"], {
    "availability": "`GET /api/availability?serviceId=…` (anonymous, next 7 days), random tenant",
    "raw-pk": "`GET /bench/raw-pk?id=…` (one booking by primary key, raw Npgsql), random tenant"})
w("")
ratio_section("availability", "raw-pk", availability_target,
              "Both resolve the tenant from the Host header and read that tenant's rows under row-level security in one "
              "database round trip; availability also reads the tenant's schedule and calendar versions (settings, "
              "services, 5 technicians' shifts and the week's time off and appointments come from the host's memory "
              "while those stand still, ADR 0010), computes the open times and serialises them.")

if compute:
    text = open(f"{raw}/compute.txt").read()
    m = re.search(r"^all technicians\s+([\d.]+) µs per compute.*?CPU ([\d.]+) µs", text, re.M)
    w("\n### Compute alone (bench/availability)\n")
    w("```")
    w(text.strip())
    w("```")
    if m:
        wall, cpu = float(m.group(1)), float(m.group(2))
        w(f"\n**20 technicians × 30 days: {wall:.1f} µs per compute (CPU {cpu:.1f} µs)** (goal <= 100 µs): "
          f"**{'MEETS the goal' if min(wall, cpu) <= 100 else 'ABOVE the goal'}**"
          + (" — on CPU time; the wall-clock figure includes time other processes took the CPU." if wall > 100 >= cpu else ""))

w("\n## Contended booking\n")
endpoint_rows(["booking", "raw-insert"], {
    "booking": f"`POST /api/bookings` as a signed-in owner; {k} requests per technician and time",
    "raw-insert": f"`POST /bench/raw-insert` (one INSERT, raw Npgsql) of the same rows; {k} requests per technician and time"},
    with_answers=True)
w("")
ratio_section("booking", "raw-insert", booking_target,
              f"Throughput counts every answer (201 booked, 409 taken). Each technician's time is asked for by {k} requests "
              f"from different connections at about the same moment (bench/lua/booking.lua walks a grid of open times from "
              f"bench/seed); the real endpoint checks the time with the availability engine, stores the booking with its "
              f"audit entry and domain event, and answers a loser 409 with the nearest open times; the baseline only "
              f"INSERTs and lets the exclusion constraint refuse the losers.")

unexpected = {}
for e in ("booking", "raw-insert"):
    for x in rows[e]:
        for s, v in statuses(x).items():
            if s not in (201, 409):
                unexpected.setdefault(e, {})[s] = unexpected.get(e, {}).get(s, 0) + v
overlaps = int(verify["overlaps"])
w("")
w("### Verification (SQL, after the run)\n")
w(f"- Overlapping bookings that hold time (self-join of `bookings` on tenant and technician, `starts_at < other.ends_at "
  f"AND other.starts_at < ends_at`, statuses pending/confirmed/completed) over all {int(verify['bookings']):,} rows: "
  f"**{overlaps}**{'' if overlaps == 0 else ' — DOUBLE BOOKING'}.")
# wrk stops counting at the end of a run while up to one request per connection is still being served; the host
# finishes those, so a run may store up to that many more rows than it saw 201s for — never fewer.
stored_ok = True
for e, key, checks in (("booking", "stored-api", "BENCH_CHECKS_API"), ("raw-insert", "stored-raw", "BENCH_CHECKS_RAW")):
    made, runs = created(e)
    made += int(env[checks])
    stored, slack = int(verify[key]), runs * int(c)
    ok = made <= stored <= made + slack
    stored_ok = stored_ok and ok
    w(f"- Rows stored through `{e}`: {stored:,}; 201 answers counted by wrk: {made:,} (the difference, at most {slack} = "
      f"{runs} runs × {c} connections, is requests in flight when wrk stopped){'' if ok else ' — MISMATCH'}.")
for e, found in unexpected.items():
    if found:
        w(f"- **{e} answered something other than 201 or 409:** " + ", ".join(f"{v:,} × {s}" for s, v in sorted(found.items()))
          + " in the measured rounds (see artifacts/bench-scheduling/host.log).")
if overlaps:
    failures.append(f"{overlaps} overlapping bookings")
if not stored_ok:
    failures.append("stored rows do not match 201 answers")
for e, found in unexpected.items():
    if found:
        failures.append(f"{e} answered {sorted(found)}")

# PostgreSQL works for the endpoints here, so only what is left besides it counts as noise.
other = statistics.median(max(0.0, x["other_cpu"] - x["postgres_cpu"]) for x in ordered)
if other > 0.10 * n * dur:
    w("")
    w(f"**Noisy run:** processes other than the host, wrk and PostgreSQL used a median {other:.1f} CPU-seconds per "
      f"{dur}s round (of {n * dur} available). The rounds alternate so both endpoints of a pair share the noise, but "
      f"re-run on an idle machine for a trustworthy figure.")

w("""
## Rounds

| Round | Endpoint | Req/s | p50 (ms) | p99 (ms) | Requests | Host CPU s | PostgreSQL CPU s | wrk CPU s | Other CPU s | Load avg (1 min) | Waited for quiet (s) |
|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|""")
for x in ordered:
    w(f"| {x['round']} | {x['endpoint']} | {x['rps']:,.0f} | {x['p50']:.2f} | {x['p99']:.2f} | {x['total']:,} | "
      f"{x['host_cpu']:.1f} | {x['postgres_cpu']:.1f} | {x['wrk_cpu']:.1f} | {max(0.0, x['other_cpu'] - x['postgres_cpu']):.1f} | "
      f"{x['load']:.2f} | {x['waited']} |")
w("""
"PostgreSQL CPU s" is the whole local cluster's (other databases on this machine included); "Other CPU s" is busy CPU
time that was neither the host, wrk nor PostgreSQL (builds, tests). Raw wrk output: artifacts/bench-scheduling/wrk/
(not committed). Re-run with `bench/scheduling.sh`; see bench/README.md.""")
if failures:
    w("")
    w("**FAILED: " + "; ".join(failures) + ".**")
open(out_path, "w").write("\n".join(out) + "\n")
sys.exit(1 if failures else 0)
PY
status=$?
set -e
[ -f "$report.tmp" ] || die "the report could not be written"
mv "$report.tmp" "$report"
cat "$report"
echo
log "Report written to ${report#"$root"/}"
[ "$status" = 0 ] || die "verification failed (see the report)"
