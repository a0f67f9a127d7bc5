#!/bin/sh
# A throw-away three-node MariaDB Galera cluster on loopback, for the tests of several instances.
#
#   galera-cluster.sh start <dir>      start the three nodes (a fresh cluster); prints the SQL ports
#   galera-cluster.sh kill <dir> <n>   SIGKILL node n (1-3), as a crash would
#   galera-cluster.sh rejoin <dir> <n> start node n again; it rejoins the running cluster
#   galera-cluster.sh wipe <dir>       kill every node and delete the cluster
#
# After start: <dir>/ports holds the three SQL ports, one a line; user "es" password "es-test"
# with all privileges on every node (the grant is replicated); root without password over each
# node's socket, <dir>/node<n>.sock (a link: the socket itself is in the nodes' directory). Exits non-zero with the nodes' error logs when the cluster
# does not reach three synced nodes within 90 s: a run must fail, never skip, without it.
#
# Why it looks like this:
# - The nodes run as the `mysql` user, with their files owned by it: the rsync state transfer
#   refuses to work when mariadbd runs as root.
# - Their files live in a directory of their own below /tmp that `mysql` can reach (mode 755),
#   because <dir> may sit below a directory only root may enter (a CI checkout in mktemp -d).
#   <dir>/root names it.
# - Only node 1 starts with --wsrep-new-cluster; nodes 2 and 3 start with an empty data
#   directory and receive everything by state transfer, as a new node of a real cluster does.
# - Each node has its own ports: SQL, group communication (gmcast), incremental state transfer
#   (IST) and state snapshot transfer (SST).
set -eu

cmd=${1:?usage: galera-cluster.sh start|kill|rejoin|wipe <dir> [node]}
dir=${2:?usage: galera-cluster.sh start|kill|rejoin|wipe <dir> [node]}

support=$(cd "$(dirname "$0")" && pwd)

# N distinct ports below the kernel's ephemeral range (tests/support/free-port.py says why).
free_ports() {
    python3 "$support/free-port.py" "$1"
}

root_of() { cat "$dir/root"; }

# The pid of node n's mariadbd, as started (its own pid file appears only later).
pid_of() { cat "$dir/node$1.pid" 2>/dev/null || true; }

running() {
    p=$(pid_of "$1")
    [ -n "$p" ] && kill -0 "$p" 2>/dev/null
}

kill_node() {
    p=$(pid_of "$1")
    [ -n "$p" ] && kill -9 "$p" 2>/dev/null || true
    i=0
    while running "$1" && [ $i -lt 100 ]; do sleep 0.1; i=$((i + 1)); done
    rm -f "$dir/node$1.pid"
}

# Ports of node n: SQL, gmcast, IST, SST, one line of <dir>/node<n>.ports.
ports_of() { cat "$dir/node$1.ports"; }
sql_port() { ports_of "$1" | cut -d' ' -f1; }
gmcast_port() { ports_of "$1" | cut -d' ' -f2; }

cluster_address() {
    echo "gcomm://127.0.0.1:$(gmcast_port 1),127.0.0.1:$(gmcast_port 2),127.0.0.1:$(gmcast_port 3)"
}

start_node() {
    n=$1
    shift
    home="$(root_of)/node$n"
    set -- $(ports_of "$n") "$@"
    sql=$1 gmcast=$2 ist=$3 sst=$4
    shift 4
    mkdir -p "$home/data" "$home/tmp"
    chown -R mysql:mysql "$home"
    ln -sf "$home/sock" "$dir/node$n.sock"
    # shellcheck disable=SC2086
    mariadbd --no-defaults --user=mysql --datadir="$home/data" --socket="$(root_of)/node$n/sock" \
        --port="$sql" --bind-address=127.0.0.1 --pid-file="$home/mariadbd.pid" \
        --tmpdir="$home/tmp" --log-error="$home/error.log" --skip-name-resolve \
        --max-connections=400 --innodb-buffer-pool-size=128M \
        --innodb-flush-log-at-trx-commit=2 --character-set-server=utf8mb4 \
        --collation-server=utf8mb4_bin --binlog-format=ROW --default-storage-engine=InnoDB \
        --innodb-autoinc-lock-mode=2 --wsrep-on=ON \
        --wsrep-provider=/usr/lib/galera/libgalera_smm.so \
        --wsrep-cluster-name=es-test --wsrep-cluster-address="$(cluster_address)" \
        --wsrep-node-name="node$n" --wsrep-node-address="127.0.0.1" \
        --wsrep-provider-options="gmcast.listen_addr=tcp://127.0.0.1:$gmcast;ist.recv_addr=127.0.0.1:$ist;evs.suspect_timeout=PT3S;evs.inactive_timeout=PT6S;gcache.size=64M" \
        --wsrep-sst-method=rsync --wsrep-sst-receive-address="127.0.0.1:$sst" \
        "$@" >"$home/stdout.log" 2>&1 &
    echo $! >"$dir/node$n.pid"
}

# Waits until node n answers and reports the cluster at `size` nodes with itself Synced.
wait_synced() {
    n=$1 size=$2
    i=0
    while :; do
        state=$(mariadb --no-defaults --socket="$(root_of)/node$n/sock" -uroot -N -B -e \
            "SELECT CONCAT((SELECT VARIABLE_VALUE FROM information_schema.GLOBAL_STATUS
                             WHERE VARIABLE_NAME='wsrep_cluster_size'), ' ',
                           (SELECT VARIABLE_VALUE FROM information_schema.GLOBAL_STATUS
                             WHERE VARIABLE_NAME='wsrep_local_state_comment'))" 2>/dev/null ||
            true)
        [ "$state" = "$size Synced" ] && return 0
        i=$((i + 1))
        if [ $i -gt 900 ] || ! running "$n"; then
            for m in 1 2 3; do
                echo "--- node $m" >&2
                tail -n 40 "$(root_of)/node$m/error.log" >&2 2>/dev/null || true
            done
            echo "galera-cluster.sh: node $n is not Synced in a cluster of $size within 90 s" \
                "(last: '$state')" >&2
            exit 1
        fi
        sleep 0.1
    done
}

wipe() {
    if [ -f "$dir/root" ]; then
        for n in 1 2 3; do kill_node "$n"; done
        rm -rf "$(root_of)"
    fi
    rm -rf "$dir"
}

# A fresh cluster of three Synced nodes. Its ports are found free just before (free_ports); should
# something still take one first, a node fails to bind and the start fails. It is tried once more,
# with new ports.
start_cluster() {
    wipe
    mkdir -p "$dir"
    dir=$(cd "$dir" && pwd)
    root=$(mktemp -d /tmp/es-galera-XXXXXX)
    chmod 755 "$root"
    echo "$root" >"$dir/root"
    free_ports 12 | paste -d' ' - - - - >"$dir/all.ports"
    for n in 1 2 3; do
        sed -n "${n}p" "$dir/all.ports" >"$dir/node$n.ports"
    done
    : >"$dir/ports"
    for n in 1 2 3; do sql_port "$n" >>"$dir/ports"; done
    mkdir -p "$root/node1/tmp"
    chown -R mysql:mysql "$root/node1"
    mariadb-install-db --no-defaults --auth-root-authentication-method=normal \
        --datadir="$root/node1/data" --tmpdir="$root/node1/tmp" --user=mysql --skip-test-db \
        >"$root/node1/install.log" 2>&1 || {
        cat "$root/node1/install.log" >&2
        echo "galera-cluster.sh: mariadb-install-db failed" >&2
        exit 1
    }
    start_node 1 --wsrep-new-cluster
    wait_synced 1 1
    mariadb --no-defaults --socket="$dir/node1.sock" -uroot -e "
        CREATE USER 'es'@'127.0.0.1' IDENTIFIED BY 'es-test';
        GRANT ALL PRIVILEGES ON *.* TO 'es'@'127.0.0.1' WITH GRANT OPTION;"
    start_node 2
    wait_synced 2 2
    start_node 3
    wait_synced 3 3
}

case "$cmd" in
start)
    # Not as an if's condition: there `set -e` would be ignored inside start_cluster.
    set +e
    (set -e && start_cluster)
    started=$?
    set -e
    if [ "$started" -ne 0 ]; then
        echo "galera-cluster.sh: the cluster did not start; once more with other ports" >&2
        start_cluster
    fi
    cat "$dir/ports"
    ;;
kill)
    kill_node "${3:?node 1-3}"
    ;;
rejoin)
    n=${3:?node 1-3}
    kill_node "$n"
    start_node "$n"
    wait_synced "$n" 3
    ;;
wipe)
    wipe
    ;;
*)
    echo "usage: galera-cluster.sh start|kill|rejoin|wipe <dir> [node]" >&2
    exit 2
    ;;
esac
