#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for the tests (Debian's postgresql package):
#   eval "$(bash scripts/pg-cluster.sh start)"   # prints export MSP_TEST_PG_URL=…
#   bash scripts/pg-cluster.sh stop
# The cluster lives in a temp folder, listens on 127.0.0.1 only (port $PG_TEST_PORT, default 55432),
# trusts loopback connections and is removed by `stop`. initdb refuses to run as root, so as root it
# runs as the `postgres` user the package creates.
set -euo pipefail
port=${PG_TEST_PORT:-55432}
dir=${PG_TEST_DIR:-/tmp/msp-billing-pg-$port}
bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
if [[ -z $bin ]]; then echo "postgresql is not installed (apt-get install -y postgresql)" >&2; exit 1; fi
as_owner() { if [[ $(id -u) -eq 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi; }
case ${1:-} in
  start)
    if [[ ! -f $dir/data/PG_VERSION ]]; then
      rm -rf "$dir"; mkdir -p "$dir"
      [[ $(id -u) -eq 0 ]] && chown postgres "$dir"
      as_owner "$bin/initdb" -D "$dir/data" -A trust -U postgres -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 || { cat "$dir/initdb.log" >&2; exit 1; }
    fi
    as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -o "-c listen_addresses=127.0.0.1 -p $port -k $dir -c fsync=off -c max_connections=200" start >/dev/null || { cat "$dir/server.log" >&2; exit 1; }
    as_owner "$bin/psql" -h 127.0.0.1 -p "$port" -U postgres -Atqc "SELECT 1" postgres >/dev/null
    echo "export MSP_TEST_PG_URL=postgres://postgres@127.0.0.1:$port/postgres"
    ;;
  stop)
    if [[ -f $dir/data/postmaster.pid ]]; then as_owner "$bin/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null || true; fi
    rm -rf "$dir"
    ;;
  *) echo "usage: $0 start|stop" >&2; exit 2 ;;
esac
