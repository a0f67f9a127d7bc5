"""What the test peers sms_sink.py and smtp_sink.py share: the arguments every peer takes (--dir,
where it stores what it receives; --port-file, where it tells its port) and the telling.

SinkProcess (sink_process.hpp) starts a peer and waits for its port file.
"""
import argparse
import os


def argument_parser():
    p = argparse.ArgumentParser()
    p.add_argument("--dir", required=True)
    p.add_argument("--port-file", required=True)
    return p


def parse_arguments(parser):
    """The arguments, with the folder for what the peer receives made."""
    args = parser.parse_args()
    os.makedirs(args.dir, exist_ok=True)
    return args


def announce_port(port_file, port):
    """Writes the port all at once (by renaming), so that nobody reads half a number."""
    with open(port_file + ".tmp", "w") as f:
        f.write(str(port))
    os.rename(port_file + ".tmp", port_file)
