#!/usr/bin/env bash
# Portal performance against nginx serving the same files, in the same run, on loopback.
#
#   tests/bench/portal_bench.sh <build dir>      (needs: nginx, wrk, curl, python3)
#   PAGE_ONLY=1 tests/bench/portal_bench.sh <build dir>   only the link-page rate, 1 MiB files
#   FLOOD_ONLY=1 tests/bench/portal_bench.sh <build dir>  only the wrong-password flood
#   SLOW_ONLY=1 tests/bench/portal_bench.sh <build dir>   only the slow-client floods
#
# Prints one line per measurement with the portal's number, nginx's and the ratio. Not part of the
# default ctest run; takes a few minutes and about 3 GiB of temporary disk.
set -euo pipefail
build=${1:?build dir}
server_bin="$build/tests/bench/portal_bench_server"
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=wrk_p99.sh
. "$here/wrk_p99.sh"
# Thousands of connections, both ends on this machine.
ulimit -n 65536 2>/dev/null || ulimit -n "$(ulimit -Hn)"
work=$(mktemp -d /tmp/es-portal-bench-XXXXXX)
cleanup() {
  [[ -n "${nginx_pid:-}" ]] && kill "$nginx_pid" 2>/dev/null || true
  [[ -n "${server_pid:-}" ]] && kill "$server_pid" 2>/dev/null || true
  [[ -n "${ceiling_pid:-}" ]] && kill "$ceiling_pid" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

free_port() { python3 "$here/../support/free-port.py"; }
cpu_ticks() { awk '{print $14+$15}' "/proc/$1/stat"; }          # utime+stime of one process
tree_ticks() { local t=0; for p in "$@"; do t=$((t + $(cpu_ticks "$p"))); done; echo $t; }
hz=$(getconf CLK_TCK)
ratio() { python3 -c "print(f'{$1/$2:.2f}')"; }

mkdir -p "$work/www"
chmod 755 "$work"  # nginx workers run as an unprivileged user
echo "creating test files…"
if [[ -n "${PAGE_ONLY:-}${FLOOD_ONLY:-}${SLOW_ONLY:-}" ]]; then
  head -c 1M /dev/urandom > "$work/www/one.bin"; head -c 1M /dev/urandom > "$work/www/two.bin"
else
  head -c 1G /dev/urandom > "$work/www/one.bin"
  head -c 2G /dev/urandom > "$work/www/two.bin"
fi
chmod 644 "$work"/www/*

# The portal, on a fake host whose attachments are these files.
mkfifo "$work/stdin"
"$server_bin" "$work" "$work/www/one.bin" "$work/www/two.bin" < "$work/stdin" > "$work/server.out" &
server_pid=$!
exec 9> "$work/stdin"   # keeps the server running until the script ends
for _ in $(seq 100); do grep -q '^CSRF' "$work/server.out" 2>/dev/null && break; sleep 0.1; done
port=$(awk '/^PORT/{print $2}' "$work/server.out")
open=$(awk '/^OPEN/{print $2}' "$work/server.out")
prot=$(awk '/^PROTECTED/{print $2}' "$work/server.out")
cookie=$(sed -n 's/^COOKIE //p' "$work/server.out")
csrf=$(awk '/^CSRF/{print $2}' "$work/server.out")
portal="http://127.0.0.1:$port"

# nginx with the same files and a static copy of the portal's page.
nport=$(free_port)
curl -s -H "Cookie: $cookie" "$portal$prot" > "$work/www/page.html"
cat > "$work/nginx.conf" <<NGINX
worker_processes 1;
worker_rlimit_nofile 65536;
daemon off;
pid $work/nginx.pid;
error_log $work/nginx-error.log;
events { worker_connections 20000; }
http {
  access_log off;
  sendfile on; tcp_nopush on;
  keepalive_requests 100000;
  # The portal's own deadlines (connections.header_timeout_seconds, keep_alive_timeout_seconds):
  # both servers cut a slow head after the same 10 s, so a slow flood reconnects to both alike.
  # nginx's default of 60 s held every attacker for a whole measuring window while the portal,
  # cutting at 10 s, took their reconnections (docs/performance.md, run 18).
  client_header_timeout ${NGINX_HEADER_TIMEOUT:-10s}; keepalive_timeout 15s;
  default_type application/octet-stream;
  client_body_temp_path $work/nginx-tmp; proxy_temp_path $work/nginx-tmp;
  fastcgi_temp_path $work/nginx-tmp; uwsgi_temp_path $work/nginx-tmp; scgi_temp_path $work/nginx-tmp;
  server { listen 127.0.0.1:$nport; root $work/www; }
}
NGINX
nginx -c "$work/nginx.conf" -p "$work" &
nginx_pid=$!
sleep 0.5
nginx_pids=$(pgrep -P "$nginx_pid" || true)
nginx="http://127.0.0.1:$nport"
cat /dev/null > "$work/page-size"
echo "portal page: $(wc -c < "$work/www/page.html") bytes; nginx serves the same bytes"

page_rate() {
  p_rps=$(wrk -t2 -c50 -d10s -H "Cookie: $cookie" "$portal$prot" | awk '/Requests\/sec/{print $2}')
  n_rps=$(wrk -t2 -c50 -d10s "$nginx/page.html" | awk '/Requests\/sec/{print $2}')
  echo "page req/s (50 keep-alive): portal $p_rps nginx $n_rps ratio $(ratio $p_rps $n_rps) (target >= 0.7)"
  # Poco's HTTPServer answering the same bytes and doing nothing else: the most any page served
  # through it can reach on this machine.
  mkfifo "$work/ceiling-stdin"
  "$build/tests/bench/poco_ceiling_server" "$work/www/page.html" < "$work/ceiling-stdin" > "$work/ceiling.out" &
  ceiling_pid=$!
  exec 8> "$work/ceiling-stdin"
  for _ in $(seq 50); do grep -q '^PORT' "$work/ceiling.out" 2>/dev/null && break; sleep 0.1; done
  c_rps=$(wrk -t2 -c50 -d10s "http://127.0.0.1:$(awk '/^PORT/{print $2}' "$work/ceiling.out")/" | awk '/Requests\/sec/{print $2}')
  exec 8>&-; wait "$ceiling_pid" || true
  echo "page req/s ceiling (Poco HTTPServer, fixed answer): $c_rps = $(ratio $c_rps $n_rps) of nginx; the portal reaches $(ratio $p_rps $c_rps) of it"
}
# Flood of wrong passwords: page p99 with and without it.
flood() {
  # Only the CSRF pre-session cookie: with the session cookie the password form answers "already
  # signed in" (303) and nothing is guessed.
  pre_cookie=$(tr ';' '\n' <<< "$cookie" | sed 's/^ *//' | grep '^es_pre=')
  cat > "$work/flood.lua" <<LUA
  wrk.method = "POST"
  wrk.body = "csrf=$csrf&password=wrong"
  wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
  wrk.headers["Cookie"] = "$pre_cookie"
LUA
  p99() { awk '/ 99%/{print $2}'; }
  quiet=$(wrk -t1 -c10 -d8s --latency -H "Cookie: $cookie" "$portal$prot" | p99)
  wrk -t1 -c50 -d12s -s "$work/flood.lua" "$portal$prot/password" > "$work/flood.out" &
  flood_pid=$!
  sleep 2
  loud=$(wrk -t1 -c10 -d8s --latency -H "Cookie: $cookie" "$portal$prot" | p99)
  wait "$flood_pid" || true
  echo "page p99 quiet $quiet, during wrong-password flood $loud (target: at most 2x)"
  echo "flood: $(awk '/Requests\/sec/{print $2}' "$work/flood.out") wrong passwords/s answered, statuses: $(awk '/Non-2xx/{print $NF " non-2xx"}' "$work/flood.out")"
}
# Slow clients (slowloris): a legitimate visitor's page latency while attackers hold connections
# that began a request and send one more byte per second (tests/bench/slow_flood.py), against the
# portal and against nginx with the same flood. The visitor (tests/bench/paced_client.py) asks for
# the page 50 times a second on one keep-alive connection and times each answer from when it was
# due; its p99 is the figure the target is about. A saturating client (wrk -c2, as fast as the
# server answers) is printed beside it: on two cores its p99 mostly measures how the server's
# threads share the CPU with wrk (see docs/performance.md). The load generators (127.0.0.1) are
# a trusted proxy of the bench server, exempt from the per-client limits; the attackers are
# 127.0.0.2 and 127.0.1.0/24, at nice 19 (a real one sits on other machines).
#
# Each server is measured alone under its own flood, in PACED_ROUNDS windows that alternate
# portal, nginx, portal, nginx, …, and each server's windows are pooled. On this VM both vCPUs
# stall now and then for a few milliseconds, in clusters lasting seconds: with one window per
# server, the two windows met different stalls and the ratio of their p99s swung either way by
# 2-3x between runs (docs/performance.md, run 11). Alternating spreads the stalls over both.
# PACED_SECONDS per server (default 30: 1,500 requests, so the p99 is the 15th-slowest and not one
# hiccup), PACED_ROUNDS windows (default 3).
paced_seconds=${PACED_SECONDS:-30}
paced_rounds=${PACED_ROUNDS:-3}
window=$(python3 -c "print($paced_seconds / $paced_rounds)")
paced() { python3 "$here/paced_client.py" --keep "$1" "$2" 50 "$window" "${3:-}"; }
p99_of() { awk '{print $4}'; }
wrk_p99_ms() { wrk -t1 -c2 -d6s --latency "$@" | wrk_p99_ms_of_report; }
# One server's window: its flood (when attackers are given), 5 s to build up, the visitor.
# Adds the server's CPU ticks in the window to $work/<name>.ticks; the flood's report goes to
# $work/slow-<name>.out.
window_of() {
  local name=$1 port=$2 url=$3 cookie=$4; shift 4
  local f=
  if (( $# )); then
    nice -n 19 python3 "$here/slow_flood.py" "$port" "$(python3 -c "print(int($window + 7))")" "$@" \
      > "$work/slow-$name.out" & f=$!
    sleep 5
  fi
  local pids; if [[ $name == portal ]]; then pids=$server_pid; else pids="$nginx_pid $nginx_pids"; fi
  local t0=$(tree_ticks $pids)
  paced "$work/$name.kept" "$url" "$cookie" > "$work/$name.paced"
  echo $(( $(cat "$work/$name.ticks" 2>/dev/null || echo 0) + $(tree_ticks $pids) - t0 )) > "$work/$name.ticks"
  [[ -z $f ]] || wait "$f" || true
}
# Alternating windows for both servers; prints nothing, leaves $work/{portal,nginx}.{paced,ticks}.
visitors() {
  rm -f "$work"/portal.kept "$work"/nginx.kept "$work"/portal.ticks "$work"/nginx.ticks
  for _ in $(seq "$paced_rounds"); do
    window_of portal "$port" "$portal$prot" "$cookie" "$@"
    window_of nginx "$nport" "$nginx/page.html" "" "$@"
  done
}
cpu_s() { python3 -c "print(f'{$(cat "$work/$1.ticks")/$hz:.1f}')"; }
slow() {
  local label=$1; shift
  visitors "$@"
  local pp=$(cat "$work/portal.paced") np=$(cat "$work/nginx.paced")
  local pms=$(p99_of <<< "$pp") nms=$(p99_of <<< "$np")
  echo "slow flood, $label: visitor page p99 portal ${pms} ms, nginx ${nms} ms, ratio $(ratio "$pms" "$nms") (target: portal < 100 ms and <= 2x)"
  echo "  visitor, portal: $pp"
  echo "  visitor, nginx:  $np"
  echo "  portal: $(cat "$work/slow-portal.out") (last window), server CPU $(cpu_s portal) s in ${paced_seconds} s of visitor windows"
  echo "  nginx:  $(cat "$work/slow-nginx.out") (last window), server CPU $(cpu_s nginx) s in ${paced_seconds} s of visitor windows"
  nice -n 19 python3 "$here/slow_flood.py" "$port" 14 "$@" > /dev/null & local f=$!
  sleep 5; local pw=$(wrk_p99_ms -H "Cookie: $cookie" "$portal$prot"); wait "$f" || true
  nice -n 19 python3 "$here/slow_flood.py" "$nport" 14 "$@" > /dev/null & f=$!
  sleep 5; local nw=$(wrk_p99_ms "$nginx/page.html"); wait "$f" || true
  echo "  saturating client (wrk -c2) p99: portal $pw ms, nginx $nw ms"
}
slow_floods() {
  visitors
  echo "visitor without a flood ($paced_rounds alternating windows): portal $(cat "$work/portal.paced"); nginx $(cat "$work/nginx.paced")"
  echo "saturating client (wrk -c2) p99 without a flood: portal $(wrk_p99_ms -H "Cookie: $cookie" "$portal$prot") ms, nginx $(wrk_p99_ms "$nginx/page.html") ms"
  slow "5000 connections from one address" 127.0.0.2:5000
  local many=()
  for i in $(seq 1 200); do many+=("127.0.1.$i:10"); done
  slow "2000 connections from 200 addresses" "${many[@]}"
}
if [[ -n "${PAGE_ONLY:-}" ]]; then page_rate; exit 0; fi
if [[ -n "${SLOW_ONLY:-}" ]]; then slow_floods; exit 0; fi
if [[ -n "${FLOOD_ONLY:-}" ]]; then flood; exit 0; fi

# 0. Peak RSS growth streaming 2 GiB, first, while the lifetime peak (VmHWM) is still the start-up one.
rss() { awk '/^VmRSS/{print $2}' "/proc/$server_pid/status"; }
hwm() { awk '/^VmHWM/{print $2}' "/proc/$server_pid/status"; }
base=$(rss); curl -s -o /dev/null "$portal$open/files/file2"; peak=$(hwm)
echo "RSS growth streaming 2 GiB: $(( (peak - base) / 1024 )) MiB (peak since start minus before; target < 16)"

# 1. 1 GiB download: throughput (best of 3) and server CPU seconds per GiB.
best() { local url=$1 hdr=$2 b=0; for _ in 1 2 3; do
  s=$(curl -s -o /dev/null -H "$hdr" -w '%{speed_download}' "$url"); b=$(python3 -c "print(max($b,$s))"); done; echo "$b"; }
curl -s -o /dev/null "$portal$open/files/file1"; curl -s -o /dev/null "$nginx/one.bin"   # warm cache
t0=$(cpu_ticks $server_pid); p_speed=$(best "$portal$open/files/file1" "X-A: b"); t1=$(cpu_ticks $server_pid)
n0=$(tree_ticks $nginx_pid $nginx_pids); n_speed=$(best "$nginx/one.bin" "X-A: b"); n1=$(tree_ticks $nginx_pid $nginx_pids)
p_cpu=$(python3 -c "print(f'{($t1-$t0)/$hz/3:.3f}')"); n_cpu=$(python3 -c "print(f'{($n1-$n0)/$hz/3:.3f}')")
echo "download 1GiB MiB/s: portal $(python3 -c "print(f'{$p_speed/1048576:.0f}')") nginx $(python3 -c "print(f'{$n_speed/1048576:.0f}')") ratio $(ratio $p_speed $n_speed) (target >= 0.9)"
echo "download 1GiB server CPU s/GiB: portal $p_cpu nginx $n_cpu ratio $(python3 -c "print(f'{max($p_cpu,0.001)/max($n_cpu,0.001):.2f}')") (target <= 1.5)"

# 2. Link page with a valid session vs nginx static page, keep-alive, 50 connections.
page_rate

# 3. 500 keep-alive clients: time to first byte of one request each, all at once.
ttfb() { python3 - "$1" "$2" "$3" <<'PY'
# One thread and epoll: 500 Python threads contending for the interpreter lock measured the client
# (nginx's "first byte" came out at 150-300 ms that way). Each request's clock starts at its own
# send; all 500 go out back to back, then every socket's first byte is awaited.
import selectors, socket, sys, time
port, path, cookie = int(sys.argv[1]), sys.argv[2], sys.argv[3]
req = f"GET {path} HTTP/1.1\r\nHost: x\r\nCookie: {cookie}\r\n\r\n".encode()
socks = [socket.create_connection(("127.0.0.1", port)) for _ in range(500)]
def drain(s):
    s.settimeout(10); buf=b""
    while b"\r\n\r\n" not in buf: buf += s.recv(65536)
    head, body = buf.split(b"\r\n\r\n", 1)
    n = int([l.split(b":")[1] for l in head.split(b"\r\n") if l.lower().startswith(b"content-length")][0])
    while len(body) < n: body += s.recv(65536)
for s in socks: s.sendall(req); drain(s)          # keep-alive established
sel = selectors.DefaultSelector()
sent = {}
for s in socks: s.setblocking(False); sel.register(s, selectors.EVENT_READ)
for s in socks: sent[s] = time.perf_counter(); s.send(req)
times = []
while len(times) < len(socks):
    for key, _ in sel.select(timeout=10):
        now = time.perf_counter(); s = key.fileobj
        if s.recv(1): times.append(now - sent[s])
        sel.unregister(s)
times.sort(); print(f"{times[-1]*1000:.1f} {times[int(len(times)*0.99)]*1000:.1f}")
PY
}
read -r p_max p_p99 <<< "$(ttfb "$port" "$prot" "$cookie")"
read -r n_max n_p99 <<< "$(ttfb "$nport" /page.html x=y)"
echo "500 keep-alive clients first byte ms: portal max $p_max p99 $p_p99; nginx max $n_max p99 $n_p99 (target max < 100)"

# 4. Zip of 2 x 1 GiB... here 1 GiB + 2 GiB = 3 GiB: MiB/s and first byte.
read -r z_speed z_first <<< "$(curl -s -o /dev/null -w '%{speed_download} %{time_starttransfer}' "$portal$open/all.zip")"
echo "zip (1 GiB + 2 GiB) MiB/s: $(python3 -c "print(f'{$z_speed/1048576:.0f}')") first byte ms: $(python3 -c "print(f'{$z_first*1000:.1f}')") (targets >= 600, < 100)"

# 5. RSS with 100 concurrent downloads.
base=$(rss)
pids=()
for _ in $(seq 100); do curl -s -o /dev/null --max-time 3 "$portal$open/files/file1" & pids+=($!); done
sleep 2; during=$(rss); wait "${pids[@]}" || true; peak=$(hwm)
echo "RSS with 100 concurrent downloads: +$(( (during - base) / 1024 )) MiB during, peak +$(( (peak - base) / 1024 )) MiB (target < 64)"

# 6. Flood of wrong passwords (defined above).
flood

# 7. Slow clients (defined above).
slow_floods
