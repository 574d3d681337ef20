#!/usr/bin/env bash
# Starts a throwaway PostgreSQL 15 server on a Unix socket, then runs the
# differential test: the queries of test/integration/differential/ on Basin and on
# PostgreSQL over the same data, comparing answers. Usage: $0 BUILD_DIR
set -euo pipefail
build=$(cd "${1:-build}" && pwd)
cd "$(dirname "$0")"
bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
work=$(mktemp -d /tmp/basin-pg.XXXXXX)
chmod 755 "$work"
# PostgreSQL refuses to run as root: run it as the postgres user when we are root.
as_pg=()
if [ "$(id -u)" = 0 ]; then
  chown postgres "$work"
  as_pg=(runuser -u postgres --)
fi
cleanup() {
  "${as_pg[@]}" "$bin/pg_ctl" -D "$work/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT
"${as_pg[@]}" "$bin/initdb" -D "$work/data" -U postgres --locale=C -E UTF8 >/dev/null
"${as_pg[@]}" "$bin/pg_ctl" -D "$work/data" -l "$work/log" -w \
  -o "-c listen_addresses='' -c unix_socket_directories='$work' -c fsync=off -c TimeZone=UTC" start >/dev/null
"$build/test/basin_differential" "host=$work user=postgres dbname=postgres" \
  differential/setup.sql differential/queries_*.sql
