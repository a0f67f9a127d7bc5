#!/usr/bin/python3
"""A real SMTP server for the notification tests (Debian's python3-aiosmtpd).

Stores every accepted message as <dir>/<n>.eml and, next to it, <n>.json: what Python's email
package parsed from it (decoded headers, parts, transfer encodings, defects), so the C++ tests can
check the MIME structure with an independent parser.

  smtp_sink.py --dir D --port-file F [--port P] [--user U --password P] [--delay S]
               [--tls-cert C --tls-key K] [--reject-rcpt ADDR]

--user/--password: AUTH PLAIN/LOGIN required and only these credentials accepted.
--delay: seconds to wait before answering each DATA (a slow server).
--tls-cert/--tls-key: offer STARTTLS and require it before MAIL.
Writes the bound port to --port-file once listening; runs until killed.
"""
import asyncio
import email
import email.policy
import itertools
import json
import os
import ssl
import sys
import time

try:
    from aiosmtpd.controller import Controller
    from aiosmtpd.smtp import AuthResult, LoginPassword
except ImportError:
    sys.stderr.write("python3-aiosmtpd is missing: apt-get install python3-aiosmtpd\n")
    sys.exit(3)

import sink_common


def describe(raw):
    msg = email.message_from_bytes(raw, policy=email.policy.default)
    out = {"headers": {}, "raw_headers": {}, "defects": [str(d) for d in msg.defects], "parts": []}
    for name in ("From", "To", "Subject", "Date", "Message-ID", "MIME-Version", "Content-Type",
                 "Bcc", "Cc", "X-Injected", "Auto-Submitted"):
        values = msg.get_all(name)
        if values is not None:
            out["headers"][name] = [str(v) for v in values]
    for name, value in msg._headers:  # the undecoded header lines, as sent
        out["raw_headers"].setdefault(name, []).append(value)
    out["content_type"] = msg.get_content_type()
    for part in msg.walk():
        if part.is_multipart():
            continue
        out["defects"] += [str(d) for d in part.defects]
        out["parts"].append({
            "content_type": part.get_content_type(),
            "charset": part.get_content_charset(),
            "transfer_encoding": part.get("Content-Transfer-Encoding"),
            "body": part.get_content(),
        })
    return out


class Sink:
    def __init__(self, directory, delay):
        self.directory = directory
        self.delay = delay
        self.counter = itertools.count(1)

    async def handle_DATA(self, server, session, envelope):
        if self.delay:
            await asyncio.sleep(self.delay)
        n = next(self.counter)
        base = os.path.join(self.directory, "%06d-%d" % (n, os.getpid()))
        with open(base + ".tmp", "wb") as f:
            f.write(envelope.original_content)
        info = describe(envelope.original_content)
        info["envelope_from"] = envelope.mail_from
        info["envelope_to"] = envelope.rcpt_tos
        info["received_at"] = time.time()
        info["peer_port"] = session.peer[1]  # the same for messages sent over one connection
        with open(base + ".json.tmp", "w") as f:
            json.dump(info, f)
        os.rename(base + ".tmp", base + ".eml")
        os.rename(base + ".json.tmp", base + ".json")
        return "250 OK stored"

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address == ARGS.reject_rcpt:
            return "550 5.1.1 no such user"
        envelope.rcpt_tos.append(address)
        return "250 OK"


class Authenticator:
    def __init__(self, user, password):
        self.user = user.encode()
        self.password = password.encode()

    def __call__(self, server, session, envelope, mechanism, auth_data):
        ok = (isinstance(auth_data, LoginPassword) and auth_data.login == self.user
              and auth_data.password == self.password)
        return AuthResult(success=ok, handled=False)


def main():
    global ARGS
    p = sink_common.argument_parser()
    p.add_argument("--port", type=int, default=0)
    p.add_argument("--user")
    p.add_argument("--password")
    p.add_argument("--delay", type=float, default=0)
    p.add_argument("--tls-cert")
    p.add_argument("--tls-key")
    p.add_argument("--reject-rcpt")
    ARGS = sink_common.parse_arguments(p)

    kwargs = {}
    if ARGS.user:
        kwargs.update(authenticator=Authenticator(ARGS.user, ARGS.password or ""),
                      auth_require_tls=bool(ARGS.tls_cert), auth_required=True)
    if ARGS.tls_cert:
        context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        context.load_cert_chain(ARGS.tls_cert, ARGS.tls_key)
        kwargs.update(tls_context=context, require_starttls=True)

    port = ARGS.port
    if port == 0:  # pick a free port; the Controller needs a number up front
        import socket
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            port = s.getsockname()[1]
    controller = Controller(Sink(ARGS.dir, ARGS.delay), hostname="127.0.0.1", port=port,
                            server_hostname="localhost", ready_timeout=10, **kwargs)
    controller.start()
    sink_common.announce_port(ARGS.port_file, port)
    try:
        while True:
            time.sleep(3600)
    except KeyboardInterrupt:
        pass
    finally:
        controller.stop()


if __name__ == "__main__":
    main()
