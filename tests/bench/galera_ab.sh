#!/usr/bin/env bash
# A/B of two builds of the portal bench server on one three-node Galera cluster: the link page
# (password-protected, with a session) at 50 keep-alive connections, before and after
# alternating, ROUNDS pairs (default 3). For each run: page req/s, p99, and how many times node 1
# waited for the cluster per page (its wsrep_causal_reads over warm-up and measurement).
#
#   tests/bench/galera_ab.sh <before: portal_bench_server> <after: portal_bench_server>
#
# Not part of ctest (a benchmark, not a test). Needs wrk, mariadb-server, galera-4, python3.
# Keep a copy of the "before" binary (cp build/tests/bench/portal_bench_server /tmp/before)
# before building the change.
set -euo pipefail
before=${1:?before binary}
after=${2:?after binary}
rounds=${ROUNDS:-3}
# shellcheck source=bench_server.sh
. "$(dirname "${BASH_SOURCE[0]}")/bench_server.sh"
sh "$support/galera-cluster.sh" start "$work/galera" >/dev/null
port=$(head -1 "$work/galera/ports")
node1() { mariadb --no-defaults --socket="$work/galera/node1.sock" -uroot -N "$@"; }
waits() { node1 -e "SHOW GLOBAL STATUS LIKE 'wsrep_causal_reads'" | awk '{print $2}'; }

measure() {
  local label=$1 bin=$2 db=$3
  node1 -e "CREATE DATABASE $db"
  SHARES=${SHARES:-200} start_bench_server "$label" "$bin" "$port/$db"
  local web=$bench_port prot=$bench_protected cookie=$bench_cookie w0 w1
  w0=$(waits)
  wrk -t2 -c50 -d3s -H "Cookie: $cookie" "http://127.0.0.1:$web$prot" > "$work/warm.out"
  wrk -t2 -c50 -d10s --latency -H "Cookie: $cookie" "http://127.0.0.1:$web$prot" > "$work/wrk.out"
  w1=$(waits)
  stop_bench_server
  node1 -e "DROP DATABASE $db"
  local rps p99 pages
  rps=$(awk '/Requests\/sec/{print $2}' "$work/wrk.out")
  p99=$(wrk_p99_ms_of_report < "$work/wrk.out")
  pages=$(cat "$work/warm.out" "$work/wrk.out" | awk '/requests in/{n += $1} END {print n}')
  printf '%-8s %10.0f req/s  p99 %8s ms  %5.2f waits/page  (load %s)\n' "$label" "$rps" "$p99" \
    "$(python3 -c "print(($w1 - $w0) / $pages)")" "$(cut -d' ' -f1 /proc/loadavg)"
}

for r in $(seq "$rounds"); do
  measure "before$r" "$before" "ab_before_$r"
  measure "after$r" "$after" "ab_after_$r"
done
