#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for the run service's tests, from Debian's
# postgresql package, run as the postgres user (this script runs as root).
#   eval "$(scripts/test-postgres.sh start [port])"   starts it and prints the exports
#   scripts/test-postgres.sh stop                    stops it and removes it
# The tests use DATABASE_URL, and TEST_PG_CTL to stop and start the database mid-test.
set -euo pipefail
dir=${TEST_PG_DIR:-/tmp/runbook-test-postgres}
bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
[ -n "$bin" ] || { echo "PostgreSQL is not installed: apt-get install -y postgresql" >&2; exit 1; }
as_postgres() { runuser -u postgres -- "$@"; }

case "${1:-start}" in
  start)
    port=${2:-5433}
    [ -d "$dir" ] && { as_postgres "$bin/pg_ctl" -D "$dir/data" stop -m immediate >/dev/null 2>&1 || true; rm -rf "$dir"; }
    mkdir -p "$dir" && chown postgres "$dir"
    as_postgres "$bin/initdb" -D "$dir/data" -A trust -U postgres >/dev/null
    printf "port = %s\nlisten_addresses = '127.0.0.1'\nunix_socket_directories = '%s'\nfsync = on\n" "$port" "$dir" >> "$dir/data/postgresql.conf"
    as_postgres "$bin/pg_ctl" -D "$dir/data" -l "$dir/log" -w start >/dev/null
    as_postgres "$bin/createdb" -h "$dir" -p "$port" runbook
    echo "export DATABASE_URL=postgres://postgres@127.0.0.1:$port/runbook"
    echo "export TEST_PG_CTL='runuser -u postgres -- $bin/pg_ctl -D $dir/data -l $dir/log'"
    ;;
  stop)
    [ -d "$dir" ] && as_postgres "$bin/pg_ctl" -D "$dir/data" stop -m fast >/dev/null 2>&1 || true
    rm -rf "$dir"
    ;;
  *) echo "usage: $0 start [port] | stop" >&2; exit 2 ;;
esac
