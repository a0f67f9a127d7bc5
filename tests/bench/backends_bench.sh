#!/usr/bin/env bash
# The portal and the store on three backends in one run: SQLite, one MariaDB server, and the
# three-node Galera cluster (the instance on node 1, as an instance listing the nodes writes to
# the first). For each: share creation per second and token lookup p50/p99 (SHARES shares, one
# after the other), then the link page (password-protected, with a session) at 50 keep-alive
# connections for 10 s: requests per second and p99. Prints one line per backend and the ratios
# the targets are about (issue #17: on Galera page p99 < 10 ms at 50 connections, share creation
# >= 100/s, page rate >= 0.5x the same portal on one MariaDB server).
#
#   tests/bench/backends_bench.sh <build dir>      (needs: wrk, mariadb-server, galera-4, python3)
#
# Not part of ctest. Starts its own MariaDB and Galera servers in a temporary directory and
# removes them at the end; takes about two minutes.
set -euo pipefail
build=${1:?build dir}
server_bin="$build/tests/bench/portal_bench_server"
# shellcheck source=bench_server.sh
. "$(dirname "${BASH_SOURCE[0]}")/bench_server.sh"

echo "starting one MariaDB server and a three-node Galera cluster…"
single_port=$(sh "$support/mariadb-server.sh" start "$work/mariadb" | tail -1)
mariadb --no-defaults --socket="$work/mariadb/sock" -uroot -e "CREATE DATABASE es_bench"
sh "$support/galera-cluster.sh" start "$work/galera" >/dev/null
galera_port=$(head -1 "$work/galera/ports")
mariadb --no-defaults --socket="$work/galera/node1.sock" -uroot -e "CREATE DATABASE es_bench"

# One backend: the server with its store there, its store figures, then the page under wrk.
# Prints "<label> <created/s> <lookup p50> <lookup p99> <page req/s> <page p99 ms>".
measure() {
  local label=$1 mysql=${2:-}
  start_bench_server "$label" "$server_bin" "$mysql"
  local port=$bench_port prot=$bench_protected cookie=$bench_cookie
  read -r _ _ created < <(grep '^CREATED' "$work/server.out")
  read -r _ l50 l99 < <(grep '^LOOKUP' "$work/server.out")
  wrk -t2 -c50 -d3s -H "Cookie: $cookie" "http://127.0.0.1:$port$prot" > /dev/null   # warm-up
  wrk -t2 -c50 -d10s --latency -H "Cookie: $cookie" "http://127.0.0.1:$port$prot" > "$work/wrk.out"
  local rps p99
  rps=$(awk '/Requests\/sec/{print $2}' "$work/wrk.out")
  p99=$(wrk_p99_ms_of_report < "$work/wrk.out")
  stop_bench_server
  echo "$label $created $l50 $l99 $rps $p99"
}

f() { python3 -c "print(f'{$1:.${2:-1}f}')"; }
results=()
results+=("$(measure sqlite)")
results+=("$(measure mariadb "$single_port/es_bench")")
results+=("$(measure galera "$galera_port/es_bench")")
printf '%-8s %14s %22s %14s %14s\n' backend "shares/s" "token lookup p50/p99" "page req/s" "page p99"
for r in "${results[@]}"; do
  read -r label created l50 l99 rps p99 <<< "$r"
  printf '%-8s %14s %22s %14s %14s\n' "$label" "$(f "$created" 0)" \
    "$(f "$l50" 3) / $(f "$l99" 3) ms" "$(f "$rps" 0)" "$p99 ms"
done
read -r _ _ _ _ m_rps _ <<< "${results[1]}"
read -r _ g_created _ _ g_rps g_p99 <<< "${results[2]}"
echo "galera: page p99 $g_p99 ms (target < 10), share creation $(f "$g_created" 0)/s (target >= 100)," \
  "page rate $(f "$g_rps / $m_rps" 2)x one MariaDB server (target >= 0.5)"
