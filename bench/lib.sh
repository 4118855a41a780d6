# Shared by the benchmark scripts (bench/run.sh, bench/scheduling.sh); sourced, not run. It provides: a fresh
# PostgreSQL database that is dropped on exit, the host built in Release and started on a loopback port against it,
# wrk runs that fail on errors, waits for a quiet machine, and alternating measurement rounds that record the CPU
# used by the host, wrk and everything else. See bench/README.md.
#
# The caller sets `root` (the repository) and `work` (its scratch directory under artifacts/) before sourcing.

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1 PYTHONDONTWRITEBYTECODE=1

host_dir="$work/host"
host_log="$work/host.log"
raw_dir="$work/wrk"
results_dir="$root/bench/results"
mkdir -p "$work" "$results_dir"
rm -rf "$raw_dir"; mkdir -p "$raw_dir"
: >"$host_log"

log() { printf '[bench %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
die() { log "FAILED: $*"; exit 1; }

bench_require_positive() { # bench_require_positive <variable name>...; the variables hold BENCH_<NAME> settings
  local v; for v in "$@"; do [[ ${!v} =~ ^[1-9][0-9]*$ ]] || { echo "BENCH_${v^^} must be a positive integer (got '${!v}')" >&2; exit 2; }; done
}
bench_require_whole() {
  local v; for v in "$@"; do [[ ${!v} =~ ^[0-9]+$ ]] || { echo "BENCH_${v^^} must be a whole number (got '${!v}')" >&2; exit 2; }; done
}

# --- tools ---------------------------------------------------------------------------------------------------
source "$root/build/postgres.sh"   # also defines sp_as_root
bench_require_tools() {
  if ! command -v wrk >/dev/null 2>&1; then
    log "Installing wrk..."
    sp_as_root env DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=300 install -y -qq wrk >/dev/null \
      || { sp_as_root apt-get -o DPkg::Lock::Timeout=300 update -qq \
           && sp_as_root env DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=300 install -y -qq wrk >/dev/null; }
  fi
  command -v wrk >/dev/null 2>&1 || die "wrk is not installed and could not be installed"
  command -v curl >/dev/null 2>&1 || die "curl is required"
  command -v python3 >/dev/null 2>&1 || die "python3 is required"
}

# --- PostgreSQL and a fresh database ------------------------------------------------------------------------
conn_value() { # conn_value <npgsql connection string> <key>
  tr ';' '\n' <<<"$1" | awk -F= -v k="$2" 'tolower($1) == tolower(k) { sub(/^[^=]*=/, ""); print; exit }'
}
owner_psql() { # owner_psql [psql args...]; on the postgres database unless the args say -d
  PGPASSWORD="$pg_password" psql -X -q -v ON_ERROR_STOP=1 -h "$pg_host" -p "$pg_port" -U "$pg_owner" -d postgres "$@"
}

host_pid=""
bench_other_pids=()   # more processes of the run (bench/fixed-cost.sh's anchor apps), stopped like the host on exit
db_created=0
bench_stop_process() { # bench_stop_process <pid>: TERM, up to 10 s, then KILL
  kill -0 "$1" 2>/dev/null || return 0
  kill -TERM "$1" 2>/dev/null
  for _ in $(seq 1 50); do kill -0 "$1" 2>/dev/null || break; sleep 0.2; done
  kill -0 "$1" 2>/dev/null && kill -KILL "$1" 2>/dev/null
  wait "$1" 2>/dev/null || true
}
bench_cleanup() {
  local status=$? pid
  set +e
  for pid in "${bench_other_pids[@]}"; do bench_stop_process "$pid"; done
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

# Starts PostgreSQL and creates sp_bench_<random>, dropped (with the host stopped first) on any exit.
bench_create_database() {
  log "Starting PostgreSQL..."
  sp_ensure_postgres
  pg_host=$(conn_value "$SERVICEPRO_PG_OWNER" Host)
  pg_port=$(conn_value "$SERVICEPRO_PG_OWNER" Port)
  pg_owner=$(conn_value "$SERVICEPRO_PG_OWNER" Username)
  pg_password=$(conn_value "$SERVICEPRO_PG_OWNER" Password)
  db="sp_bench_$(od -An -N6 -tx1 /dev/urandom | tr -d ' \n')"
  trap bench_cleanup EXIT
  trap 'exit 130' INT
  trap 'exit 143' TERM
  log "Creating database $db..."
  owner_psql -c "CREATE DATABASE \"$db\""
  db_created=1
  pg_version=$(owner_psql -At -c "SHOW server_version" | awk '{print $1}')
  owner_connection="$SERVICEPRO_PG_OWNER;Database=$db"
  # BENCH_APP_CONNECTION_EXTRA: more Npgsql settings for the host's own connections, e.g. "Max Auto Prepare=20".
  app_connection="$SERVICEPRO_PG_APP;Database=$db${BENCH_APP_CONNECTION_EXTRA:+;$BENCH_APP_CONNECTION_EXTRA}"
}

# --- the host --------------------------------------------------------------------------------------------------
bench_build() { # bench_build <project dir>...
  local project
  for project in "$@"; do
    log "Building $project (Release)..."
    # One retry: on a tree others are editing, a build can catch a change half-saved.
    if ! dotnet build "$project" -c Release -nologo -v quiet -clp:ErrorsOnly >"$work/build.log" 2>&1; then
      grep -m 3 -E 'error|FAILED' "$work/build.log" >&2 || true
      log "Build failed; retrying once in 30 s (the tree may have been mid-edit)..."
      sleep 30
      dotnet build "$project" -c Release -nologo -v quiet -clp:ErrorsOnly >"$work/build.log" 2>&1 \
        || { tail -n 40 "$work/build.log" >&2; die "dotnet build of $project failed (full log: $work/build.log)"; }
    fi
  done
}

# Copies the host's build output to $host_dir, so that rebuilds of src/Host during the run cannot swap assemblies
# under the running host. The build output already carries the plugins folder.
bench_copy_host() {
  rm -rf "$host_dir"
  cp -a "$root/src/Host/bin/Release/net10.0" "$host_dir"
  [ -f "$host_dir/ServicePro.Host.dll" ] || die "ServicePro.Host.dll not found in the build output"
}

# The host's environment: production settings, the fresh database, benchmark endpoints on, and one secrets key for
# every process of the run (host commands and the server must agree on it). Callers may append settings.
bench_secret=$(openssl rand -hex 32 2>/dev/null || python3 -c 'import secrets; print(secrets.token_hex(32))')
bench_host_env() {
  host_env=(ASPNETCORE_ENVIRONMENT=Production Logging__LogLevel__Default=Warning ServicePro__Database__Provider=Postgres
            ServicePro__Benchmarks__Enabled=true "ServicePro__Secrets__Keys__1=$bench_secret"
            "ConnectionStrings__ServicePro=$app_connection" "ConnectionStrings__ServiceProMigrations=$owner_connection")
}

bench_host_command() { # bench_host_command <host sub-command args...>, e.g. migrate; output goes to the host log
  ( cd "$host_dir" && exec env "${host_env[@]}" dotnet ServicePro.Host.dll "$@" ) >>"$host_log" 2>&1 \
    || { tail -n 20 "$host_log" >&2; die "host command '$*' failed (log: $host_log)"; }
}

bench_start_host() { # sets host_pid and base
  local port ready=0
  port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
  base="http://127.0.0.1:$port"
  log "Starting host on $base..."
  ( cd "$host_dir" && exec env "${host_env[@]}" dotnet ServicePro.Host.dll --urls "$base" ) >>"$host_log" 2>&1 &
  host_pid=$!
  for _ in $(seq 1 240); do
    kill -0 "$host_pid" 2>/dev/null || { tail -n 40 "$host_log" >&2; die "host exited during start-up (log: $host_log)"; }
    if [ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 2 "$base/health/ready" || true)" = 200 ]; then ready=1; break; fi
    sleep 0.5
  done
  [ "$ready" = 1 ] || { tail -n 40 "$host_log" >&2; die "host not ready after 120 s (log: $host_log)"; }
  log "Host ready."
}

# --- measuring -------------------------------------------------------------------------------------------------
# run_wrk <out file> <seconds> <path> <host header> [more wrk options, e.g. -s script.lua] [-- script arguments]
# wrk's own CPU time goes to <out file>.times. Fails on socket errors, and on non-2xx answers unless the caller
# sets allow_non_2xx=1 (and checks the answers itself).
run_wrk() {
  local out=$1 secs=$2 path=$3 host=$4 options=() script_args=(); shift 4
  while (( $# > 0 )) && [ "$1" != -- ]; do options+=("$1"); shift; done
  script_args=("$@")   # wrk wants them after the URL, "--" included
  ( wrk -t"$threads" -c"$connections" -d"${secs}s" --latency -H "Host: $host" "${options[@]}" "$base$path" "${script_args[@]}" >"$out" 2>&1
    rc=$?; times >"$out.times"; exit $rc ) \
    || { cat "$out" >&2; die "wrk failed on $path"; }
  if grep -q 'Socket errors' "$out" || { [ "${allow_non_2xx:-0}" != 1 ] && grep -q 'Non-2xx or 3xx responses' "$out"; }; then
    cat "$out" >&2
    die "wrk saw errors on $path (see $out); a ratio over failing requests would mean nothing"
  fi
}

host_cpu_ticks() { # host_cpu_ticks [pid]: the host's (or that process's) ticks; 0 while no host runs (a wait before it starts)
  local pid=${1:-$host_pid}
  if [ -n "$pid" ]; then awk '{print $14 + $15}' "/proc/$pid/stat"; else echo 0; fi
}
# User + system ticks of all PostgreSQL processes (the whole cluster: other databases' work counts too).
# (Processes come and go while cat reads: a vanished one is no error.)
postgres_cpu_ticks() { { cat /proc/[0-9]*/stat 2>/dev/null || true; } | awk '$2 == "(postgres)" {t += $14 + $15} END {print t + 0}'; }
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

# The caller defines measure_endpoint <name> <out file> <seconds>, which runs wrk (run_wrk) for that endpoint.
# Warms each endpoint up until its throughput stops climbing: wrk in 5 s steps, at least <min seconds>, until two steps
# in a row set no new high (within 5 %), or for at most $warmup_max seconds. Tiered JIT with dynamic PGO keeps
# recompiling the host's hot code for a minute or more when wrk, the host and PostgreSQL share two cores; a fixed
# warm-up either wastes time or lets the first round measure a host that is still compiling.
warmup_max=${BENCH_WARMUP_MAX:-180}
bench_warmup() { # bench_warmup <min seconds> <name>...
  local min=$1 step=5 name spent best rate flat; shift
  for name in "$@"; do
    spent=0; best=0; flat=0
    while :; do
      measure_endpoint "$name" "$raw_dir/warmup$spent-$name.txt" "$step"
      rate=$(awk '/Requests\/sec/ {print $2}' "$raw_dir/warmup$spent-$name.txt")
      spent=$(( spent + step ))
      if awk -v r="$rate" -v b="$best" 'BEGIN { exit !(r > b * 1.05) }'; then flat=0; else flat=$(( flat + 1 )); fi
      best=$(awk -v r="$rate" -v b="$best" 'BEGIN { print (r > b ? r : b) }')
      if (( spent >= min && flat >= 2 )); then log "Warm-up of $name: steady after ${spent}s (${rate} req/s)."; break; fi
      if (( spent >= warmup_max )); then log "Warm-up of $name: still climbing after ${spent}s (${rate} req/s); measuring anyway."; break; fi
    done
    printf '%s\t%s\n' "$name" "$spent" >>"$raw_dir/warmup.tsv"
  done
}

# Rounds that alternate the order of the endpoints (reversed on even rounds, so none always runs on the same side
# of a round), each measurement after a wait for a quiet machine (up to $quiet_wait_round s). Appends a line per
# measurement to $raw_dir/cpu.tsv; the wrk output is $raw_dir/round<N>-<name>.txt. "host_ticks" is the CPU of the
# process that served the endpoint: the host, or what the caller's endpoint_pid <name> names when it defines one.
bench_rounds() { # bench_rounds <rounds> <seconds> <name>...
  local rounds=$1 secs=$2 round i name pid host_before host_after total_before idle_before total_after idle_after pg_before pg_after; shift 2
  local names=("$@") order
  [ -f "$raw_dir/cpu.tsv" ] || printf 'round\tendpoint\thost_ticks\ttotal_ticks\tidle_ticks\tloadavg\tquiet_wait_s\tpostgres_ticks\n' >"$raw_dir/cpu.tsv"
  for round in $(seq 1 "$rounds"); do
    order=("${names[@]}")
    if (( round % 2 == 0 )); then order=(); for (( i = ${#names[@]} - 1; i >= 0; i-- )); do order+=("${names[i]}"); done; fi
    for name in "${order[@]}"; do
      wait_quiet "$quiet_wait_round"
      log "Round $round/$rounds: $name for ${secs}s, wrk -t$threads -c$connections..."
      pid=$host_pid; declare -F endpoint_pid >/dev/null && pid=$(endpoint_pid "$name")
      pg_before=$(postgres_cpu_ticks); host_before=$(host_cpu_ticks "$pid"); read -r total_before idle_before < <(system_ticks)
      measure_endpoint "$name" "$raw_dir/round$round-$name.txt" "$secs"
      host_after=$(host_cpu_ticks "$pid"); read -r total_after idle_after < <(system_ticks); pg_after=$(postgres_cpu_ticks)
      printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$round" "$name" "$(( host_after - host_before ))" \
        "$(( total_after - total_before ))" "$(( idle_after - idle_before ))" "$(cut -d' ' -f1 /proc/loadavg)" "$quiet_waited" \
        "$(( pg_after - pg_before ))" >>"$raw_dir/cpu.tsv"
    done
  done
}

# Exports what the report's conditions table shows (read by bench/wrkstats.py).
bench_export_conditions() {
  local commit dirty=""
  commit=$(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo unknown)
  [ -n "$(git -C "$root" status --porcelain 2>/dev/null || true)" ] && dirty=" (working tree has uncommitted changes)"
  export BENCH_DATE BENCH_COMMIT BENCH_NPROC BENCH_CPU BENCH_KERNEL BENCH_DOTNET BENCH_RUNTIME BENCH_PG BENCH_CLK_TCK
  BENCH_DATE=$(date -u '+%Y-%m-%d %H:%M:%S UTC')
  BENCH_COMMIT="$commit$dirty"
  BENCH_NPROC=$(nproc)
  BENCH_CPU=$(awk -F': ' '/model name/ {print $2; exit}' /proc/cpuinfo); BENCH_CPU=${BENCH_CPU:-unknown CPU}
  BENCH_KERNEL=$(uname -sr)
  BENCH_DOTNET=$(dotnet --version)
  BENCH_RUNTIME=$(dotnet --list-runtimes | awk '/Microsoft.AspNetCore.App/ {v=$2} END {print v}')
  BENCH_PG=$pg_version
  BENCH_CLK_TCK=$clk_tck
}
