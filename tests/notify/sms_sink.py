#!/usr/bin/python3
"""A local HTTP SMS gateway for the notification tests.

Each request is stored as <dir>/<n>.json {"method","path","headers","body"}; the answer depends on
the path: /ok → 200, /fail → 500, /refuse → 400, /slow → waits --slow seconds, then 200.
  sms_sink.py --dir D --port-file F [--slow S]
"""
import http.server
import itertools
import json
import os
import threading
import time

import sink_common

COUNTER = itertools.count(1)
LOCK = threading.Lock()


class Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def do_POST(self):
        length = int(self.headers.get("Content-Length", "0"))
        body = self.rfile.read(length).decode("utf-8", "replace")
        with LOCK:
            n = next(COUNTER)
        record = {"method": self.command, "path": self.path, "headers": dict(self.headers),
                  "body": body}
        path = os.path.join(ARGS.dir, "%06d.json" % n)
        with open(path + ".tmp", "w") as f:
            json.dump(record, f)
        os.rename(path + ".tmp", path)
        status = {"/ok": 200, "/fail": 500, "/refuse": 400}.get(self.path, 200)
        if self.path == "/slow":
            time.sleep(ARGS.slow)
        answer = b'{"status":"queued"}' if status == 200 else b'{"error":"gateway says no"}'
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(answer)))
        self.end_headers()
        self.wfile.write(answer)

    do_PUT = do_POST

    def log_message(self, *args):
        pass


def main():
    global ARGS
    p = sink_common.argument_parser()
    p.add_argument("--slow", type=float, default=5)
    ARGS = sink_common.parse_arguments(p)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    sink_common.announce_port(ARGS.port_file, server.server_address[1])
    server.serve_forever()


if __name__ == "__main__":
    main()
