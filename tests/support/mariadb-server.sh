#!/bin/sh
# A throw-away MariaDB server for tests, in a directory of its own, on a free loopback port.
#
#   mariadb-server.sh start <dir>   start (initialising <dir>/data on first use); prints the port
#   mariadb-server.sh fresh <dir>   wipe <dir>, then start
#   mariadb-server.sh stop <dir>    clean shutdown
#   mariadb-server.sh kill <dir>    SIGKILL, as a crash would (data stays for the next start)
#   mariadb-server.sh wipe <dir>    kill and delete <dir>
#
# After start: <dir>/port, <dir>/sock; user "es" password "es-test" with all privileges (it
# creates one database per test), root without password over the socket. A restart keeps the port.
# Extra server options may be given in MARIADB_EXTRA_ARGS (the benchmarks use a larger buffer pool).
# Exits non-zero with the server's error log when the server does not come up: a test run must
# fail, never skip, without its database.
set -eu

cmd=${1:?usage: mariadb-server.sh start|fresh|stop|kill|wipe <dir>}
dir=${2:?usage: mariadb-server.sh start|fresh|stop|kill|wipe <dir>}

running() {
    [ -f "$dir/mariadbd.pid" ] && kill -0 "$(cat "$dir/mariadbd.pid")" 2>/dev/null
}

wait_gone() {
    i=0
    while running && [ $i -lt 300 ]; do sleep 0.1; i=$((i + 1)); done
    rm -f "$dir/mariadbd.pid"
}

support=$(cd "$(dirname "$0")" && pwd)

# A port below the kernel's ephemeral range (tests/support/free-port.py says why).
free_port() {
    python3 "$support/free-port.py"
}

start() {
    mkdir -p "$dir"
    dir=$(cd "$dir" && pwd)
    if running; then
        cat "$dir/port"
        return 0
    fi
    first=no
    # A private tmpdir: servers of parallel test runs must not share (and clean up) /tmp files.
    mkdir -p "$dir/tmp"
    if [ ! -d "$dir/data/mysql" ]; then
        first=yes
        attempt=1
        until rm -rf "$dir/data" && mariadb-install-db --no-defaults \
            --auth-root-authentication-method=normal --datadir="$dir/data" --tmpdir="$dir/tmp" \
            --user="$(id -un)" --skip-test-db >"$dir/install.log" 2>&1; do
            if [ $attempt -ge 2 ]; then
                cat "$dir/install.log" >&2
                echo "mariadb-server.sh: mariadb-install-db failed" >&2
                exit 1
            fi
            attempt=$((attempt + 1))
        done
    fi
    [ -f "$dir/port" ] || free_port >"$dir/port"
    port=$(cat "$dir/port")
    # --user=root: mariadbd refuses to run as root otherwise (CI containers run as root).
    # shellcheck disable=SC2086
    mariadbd --no-defaults --user="$(id -un)" --datadir="$dir/data" --socket="$dir/sock" \
        --port="$port" --bind-address=127.0.0.1 --pid-file="$dir/mariadbd.pid" \
        --tmpdir="$dir/tmp" --log-error="$dir/error.log" --skip-name-resolve --max-connections=400 \
        --innodb-buffer-pool-size=256M --innodb-flush-log-at-trx-commit=2 \
        --character-set-server=utf8mb4 --collation-server=utf8mb4_bin \
        ${MARIADB_EXTRA_ARGS:-} >"$dir/stdout.log" 2>&1 &
    i=0
    until mariadb-admin --no-defaults --socket="$dir/sock" -uroot ping >/dev/null 2>&1; do
        i=$((i + 1))
        if [ $i -gt 600 ]; then
            cat "$dir/error.log" >&2 || true
            echo "mariadb-server.sh: the server did not come up within 60 s" >&2
            exit 1
        fi
        sleep 0.1
    done
    if [ $first = yes ]; then
        mariadb --no-defaults --socket="$dir/sock" -uroot -e "
            CREATE USER 'es'@'127.0.0.1' IDENTIFIED BY 'es-test';
            CREATE USER 'es'@'localhost' IDENTIFIED BY 'es-test';
            GRANT ALL PRIVILEGES ON *.* TO 'es'@'127.0.0.1';
            GRANT ALL PRIVILEGES ON *.* TO 'es'@'localhost';"
    fi
    echo "$port"
}

case "$cmd" in
start) start ;;
fresh)
    if running; then kill -9 "$(cat "$dir/mariadbd.pid")"; wait_gone; fi
    rm -rf "$dir"
    start
    ;;
stop)
    if running; then
        mariadb-admin --no-defaults --socket="$dir/sock" -uroot shutdown >/dev/null 2>&1 ||
            kill "$(cat "$dir/mariadbd.pid")"
        wait_gone
    fi
    ;;
kill)
    if running; then kill -9 "$(cat "$dir/mariadbd.pid")"; wait_gone; fi
    ;;
wipe)
    if running; then kill -9 "$(cat "$dir/mariadbd.pid")"; wait_gone; fi
    rm -rf "$dir"
    ;;
*)
    echo "usage: mariadb-server.sh start|fresh|stop|kill|wipe <dir>" >&2
    exit 2
    ;;
esac
