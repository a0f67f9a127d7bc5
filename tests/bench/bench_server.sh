# Sourced by the bench scripts that run the portal bench server (tests/bench/portal_bench_server.cpp)
# against database servers of their own. Sourcing it sets up $work, a private folder below /tmp
# that the database servers' user may enter, with a 1 MiB attachment (one.bin) in it, and a trap
# that stops the server and every database server under $work and removes $work at the end;
# $support is the folder of the database scripts. It also brings wrk_p99_ms_of_report.
#
# A server runs while the script holds its stdin (file descriptor 9) open.
#
#   start_bench_server <label> <binary> [<mysql port/database>]   (needs $work, a private folder)
#       starts it with its store in $work/<label> (SQLite) or on the MySQL database; once it has
#       made its shares, sets $bench_port, $bench_protected (a protected link's path),
#       $bench_cookie (that link's session cookie) and $server_pid. Shares: $SHARES, default 2000.
#   stop_bench_server
start_bench_server() {
  local label=$1 bin=$2 mysql=${3:-}
  rm -f "$work/server.out" "$work/stdin"; mkfifo "$work/stdin"
  mkdir -p "$work/$label"
  ES_BENCH_MYSQL=$mysql ES_BENCH_SHARES=${SHARES:-2000} \
    "$bin" "$work/$label" "$work/one.bin" < "$work/stdin" > "$work/server.out" &
  server_pid=$!
  exec 9> "$work/stdin"
  for _ in $(seq 600); do
    grep -q '^CSRF' "$work/server.out" 2>/dev/null && break
    kill -0 "$server_pid" 2>/dev/null || break
    sleep 0.1
  done
  grep -q '^CSRF' "$work/server.out" || { echo "$label: the bench server did not start" >&2; exit 1; }
  bench_port=$(awk '/^PORT/{print $2}' "$work/server.out")
  bench_protected=$(awk '/^PROTECTED/{print $2}' "$work/server.out")
  bench_cookie=$(sed -n 's/^COOKIE //p' "$work/server.out")
}

stop_bench_server() {
  exec 9>&-
  wait "$server_pid" || true
  server_pid=
}

bench_here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=wrk_p99.sh
. "$bench_here/wrk_p99.sh"
support="$bench_here/../support"
work=$(mktemp -d /tmp/es-bench-XXXXXX)
chmod 755 "$work"
bench_cleanup() {
  [[ -n "${server_pid:-}" ]] && kill "$server_pid" 2>/dev/null || true
  [[ -d "$work/mariadb" ]] && sh "$support/mariadb-server.sh" wipe "$work/mariadb" >/dev/null 2>&1
  [[ -d "$work/galera" ]] && sh "$support/galera-cluster.sh" wipe "$work/galera" >/dev/null 2>&1
  rm -rf "$work"
}
trap bench_cleanup EXIT
export ES_BENCH_MYSQL_PASSWORD=es-test
head -c 1M /dev/urandom > "$work/one.bin"
