#!/usr/bin/env python3
"""free-port.py [N]: prints N (default 1) distinct loopback TCP ports, one per line, for test
servers that need their numbers before they start.

The same rules as tests/support/test_ports.hpp (see there why): a random port below the kernel's
ephemeral range, which nothing listens on and which no test process holds reserved (the abstract
Unix socket "es-test-port-<port>"). This one-shot process cannot keep the reservation; the server
the port is for binds it a moment later, and below the ephemeral range no outgoing connection
takes it meanwhile.

ES_TEST_PORT_RANGE=LOW-HIGH narrows the ports picked from to [LOW, HIGH) (for its own test).
"""
import os
import random
import socket
import sys

LOWEST = 10000


def ephemeral_start():
    try:
        with open("/proc/sys/net/ipv4/ip_local_port_range") as f:
            low = int(f.read().split()[0])
        if low > LOWEST + 1000:
            return low
    except (OSError, ValueError, IndexError):
        pass
    return 32768


def free(port):
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as tcp:
        try:
            tcp.bind(("127.0.0.1", port))
        except OSError:
            return False
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as name:
        try:
            name.bind("\0es-test-port-%d" % port)
        except OSError:
            return False  # reserved by a test process
    return True


def main():
    wanted = int(sys.argv[1]) if len(sys.argv) > 1 else 1
    low, top = LOWEST, ephemeral_start()
    if os.environ.get("ES_TEST_PORT_RANGE"):
        low, top = (int(x) for x in os.environ["ES_TEST_PORT_RANGE"].split("-"))
    picked = []
    for _ in range(1000 * wanted):
        port = random.randrange(low, top)
        if port not in picked and free(port):
            picked.append(port)
            if len(picked) == wanted:
                print("\n".join(map(str, picked)))
                return 0
    print("free-port.py: no free test port below the ephemeral range", file=sys.stderr)
    return 1


if __name__ == "__main__":
    sys.exit(main())
