#!/usr/bin/env bash
# Starts a local PostgreSQL and creates the two roles ServicePro runs as: an owner that runs migrations
# and a plain application role that row-level security binds. Sourced by tests/run.sh and bench/run.sh.
# Exports SERVICEPRO_PG_OWNER and SERVICEPRO_PG_APP (Npgsql connection strings without a database).
set -euo pipefail

sp_as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo -n "$@"; fi; }

sp_ensure_postgres() {
  if ! command -v pg_lsclusters >/dev/null 2>&1; then
    echo "Installing PostgreSQL..."
    sp_as_root apt-get -o DPkg::Lock::Timeout=300 update -qq
    sp_as_root env DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=300 install -y -qq postgresql >/dev/null
  fi
  local cluster version name
  cluster=$(pg_lsclusters --no-header | head -n 1)
  if [ -z "$cluster" ]; then
    version=$(ls /usr/lib/postgresql | sort -V | tail -n 1)
    sp_as_root pg_createcluster "$version" main >/dev/null
    cluster=$(pg_lsclusters --no-header | head -n 1)
  fi
  version=$(awk '{print $1}' <<<"$cluster"); name=$(awk '{print $2}' <<<"$cluster")
  SP_PG_PORT=$(awk '{print $3}' <<<"$cluster")
  sp_as_root pg_ctlcluster "$version" "$name" status >/dev/null 2>&1 || sp_as_root pg_ctlcluster "$version" "$name" start
  for _ in $(seq 1 60); do pg_isready -q -h 127.0.0.1 -p "$SP_PG_PORT" && break; sleep 0.5; done
  pg_isready -q -h 127.0.0.1 -p "$SP_PG_PORT"

  # The test suite runs dozens of hosts in one process, each with its own pool, job server and change
  # listener: give it room. (Production sizes this to its instances and pool settings.)
  local max_connections
  max_connections=$(sp_as_root runuser -u postgres -- psql -qAt -p "$SP_PG_PORT" -c "SHOW max_connections")
  if [ "$max_connections" -lt 500 ]; then
    sp_as_root runuser -u postgres -- psql -q -p "$SP_PG_PORT" -c "ALTER SYSTEM SET max_connections = 500" >/dev/null
    sp_as_root pg_ctlcluster "$version" "$name" restart
    for _ in $(seq 1 60); do pg_isready -q -h 127.0.0.1 -p "$SP_PG_PORT" && break; sleep 0.5; done
  fi

  local password=servicepro_local
  sp_as_root runuser -u postgres -- psql -q -v ON_ERROR_STOP=1 -p "$SP_PG_PORT" <<SQL
DO \$\$
BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'servicepro_owner') THEN
    CREATE ROLE servicepro_owner LOGIN CREATEDB NOSUPERUSER PASSWORD '$password';
  END IF;
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'servicepro_app') THEN
    CREATE ROLE servicepro_app LOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE PASSWORD '$password';
  END IF;
END
\$\$;
SQL
  export SERVICEPRO_PG_OWNER="Host=127.0.0.1;Port=$SP_PG_PORT;Username=servicepro_owner;Password=$password"
  export SERVICEPRO_PG_APP="Host=127.0.0.1;Port=$SP_PG_PORT;Username=servicepro_app;Password=$password"
}

# Names this test run: its databases are called "$SERVICEPRO_TEST_DB_PREFIX<random>", so a run can drop its own
# databases and nobody else's while other runs share the cluster. The prefix starts with the run's start time
# (UTC, to the minute) so that databases of crashed runs can be told by their age from their name alone.
sp_name_test_run() {
  if [ -z "${SERVICEPRO_TEST_DB_PREFIX:-}" ]; then
    SERVICEPRO_TEST_DB_PREFIX="sp_test_$(date -u +%Y%m%d%H%M)_$(od -An -N3 -tx1 /dev/urandom | tr -d ' \n')_"
  fi
  export SERVICEPRO_TEST_DB_PREFIX
}

# Drops the databases whose names start with $1 (one run's prefix): only those, however many runs share the cluster.
sp_drop_run_databases() {
  local prefix=$1
  [[ "$prefix" =~ ^sp_test_[0-9a-z_]+_$ ]] || { echo "refusing to drop databases for prefix '$prefix'" >&2; return 1; }
  sp_drop_databases_where "left(datname, length('$prefix')) = '$prefix'"
}

# Drops test databases of runs that crashed before dropping their own, once they are a day old: no run lasts
# that long, so nothing still in use is touched. The age comes from the start time in the name (see
# sp_name_test_run): it needs no superuser and no file access, and it cannot be fooled by the template copy,
# whose files are as old as the copy. Names from before the prefix had a time carry no age; for those the
# creation time of the database's PG_VERSION file stands in (pg_stat_file, which the postgres role may read).
sp_drop_stale_test_databases() {
  local day_ago
  day_ago=$(date -u -d '1 day ago' +%Y%m%d%H%M)
  sp_drop_databases_where "datname ~ '^sp_test_' AND CASE
      WHEN datname ~ '^sp_test_[0-9]{12}_' THEN substr(datname, 9, 12) < '$day_ago'
      ELSE (pg_stat_file('base/' || oid || '/PG_VERSION')).modification < now() - interval '1 day' END"
}

sp_drop_databases_where() {
  sp_as_root runuser -u postgres -- psql -qAt -p "$SP_PG_PORT" -c \
    "SELECT datname FROM pg_database WHERE NOT datistemplate AND ($1)" | while read -r db; do
      sp_as_root runuser -u postgres -- psql -q -p "$SP_PG_PORT" -c "DROP DATABASE IF EXISTS \"$db\" WITH (FORCE)" >/dev/null
    done
}
