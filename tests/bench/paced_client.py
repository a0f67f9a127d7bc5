#!/usr/bin/env python3
"""A legitimate visitor for the portal bench: asks for one page at a steady rate and times each.

    paced_client.py [--keep FILE] URL RATE SECONDS [COOKIE]

One keep-alive connection (opened again if the server closes it; the reconnect is timed with the
request), one request every 1/RATE seconds on a fixed schedule. A request that is late because
the previous one was slow is sent at once and its latency is counted from when it was due, so a
stall shows up in every request it delayed (no coordinated omission).

--keep FILE: appends this run's latencies (and errors) to FILE, and prints the summary of all the
runs FILE holds. The bench measures in several windows that alternate between the portal and
nginx, and pools each server's windows.

Prints: "p50 MS p99 MS max MS n N errors E".

Why not wrk: wrk asks as fast as the server answers. On two cores that measures how a threaded
server shares the CPU with wrk itself (the Poco ceiling server's own p99 is ~10 ms that way), not
what a person opening a link waits while an attack runs.
"""
import socket
import sys
import time
from urllib.parse import urlsplit

args = sys.argv[1:]
keep = None
if args[:1] == ["--keep"]:
    keep, args = args[1], args[2:]
url, rate, seconds = args[0], float(args[1]), float(args[2])
cookie = args[3] if len(args) > 3 else ""
parts = urlsplit(url)
request = (f"GET {parts.path or '/'} HTTP/1.1\r\nHost: {parts.netloc}\r\n"
           + (f"Cookie: {cookie}\r\n" if cookie else "") + "\r\n").encode()


def connect():
    s = socket.create_connection((parts.hostname, parts.port), timeout=10)
    s.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    return s


def read_response(s, buf):
    """Reads one response with Content-Length from s; returns the bytes after it, its status and
    whether the server closes the connection after it."""
    while b"\r\n\r\n" not in buf:
        chunk = s.recv(65536)
        if not chunk:
            raise ConnectionError("closed")
        buf += chunk
    head, _, rest = buf.partition(b"\r\n\r\n")
    lines = head.split(b"\r\n")
    status = int(lines[0].split()[1])
    length, closing = 0, False
    for line in lines[1:]:
        name, _, value = line.partition(b":")
        if name.strip().lower() == b"content-length":
            length = int(value)
        elif name.strip().lower() == b"connection" and value.strip().lower() == b"close":
            closing = True
    while len(rest) < length:
        chunk = s.recv(65536)
        if not chunk:
            raise ConnectionError("closed")
        rest += chunk
    return rest[length:], status, closing


latencies, errors = [], 0
sock, buf = None, b""
interval = 1.0 / rate
start = time.perf_counter()
n = int(rate * seconds)
for i in range(n):
    due = start + i * interval
    now = time.perf_counter()
    if due > now:
        time.sleep(due - now)
    try:
        if sock is None:
            sock, buf = connect(), b""
        sock.sendall(request)
        buf, status, closing = read_response(sock, buf)
        if status != 200:
            errors += 1
        if closing:  # the server's keep-alive budget is spent: the next request opens anew
            sock.close()
            sock = None
    except (OSError, ConnectionError, ValueError, IndexError):
        errors += 1
        if sock is not None:
            sock.close()
        sock = None
        continue
    latencies.append((time.perf_counter() - due) * 1000.0)

if keep is not None:
    with open(keep, "a") as f:
        f.writelines(f"{ms:.3f}\n" for ms in latencies)
        f.writelines("error\n" for _ in range(errors))
    with open(keep) as f:
        kept = [line.strip() for line in f if line.strip()]
    latencies = [float(v) for v in kept if v != "error"]
    errors = sum(1 for v in kept if v == "error")

latencies.sort()
if not latencies:
    print(f"p50 - p99 - max - n 0 errors {errors}")
    sys.exit(0)


def pct(p):
    return latencies[min(len(latencies) - 1, int(p / 100.0 * len(latencies)))]


print(f"p50 {pct(50):.2f} p99 {pct(99):.2f} max {latencies[-1]:.2f} n {len(latencies)} errors {errors}")
