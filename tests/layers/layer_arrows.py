#!/usr/bin/env python3
"""Fails when a layer of the plugin includes a layer it may not use.

    layer_arrows.py <plugin/src>

Each folder of plugin/src is a layer; an include "x/..." in a file of layer y is an arrow y -> x.
ALLOWED below is the whole picture (docs/architecture.md draws it): every arrow found must be in
it, so a wrong include fails here with the file and line. Allowed sets are closed under use (a
layer may see what the layers it uses include in their headers).
"""
import pathlib
import re
import sys

ALLOWED = {
    "text": set(),
    "net": set(),
    "domain": set(),
    "config": {"domain"},
    "crypto": {"domain", "config"},
    "host": {"domain", "text"},
    "store": {"domain", "config", "crypto"},
    "notify": {"domain", "config", "crypto", "store", "text"},
    "ui": {"domain", "config", "text"},
    # The licence admin page still builds its own view in licence/ with ui's language type; it
    # moves to ui/ with the one language type of the domain, and this arrow goes.
    "licence": {"domain", "config", "crypto", "host", "store", "text", "ui"},
    "portal": {"domain", "config", "crypto", "host", "net", "notify", "store", "text"},
    "app": {"domain", "config", "crypto", "host", "licence", "net", "notify", "portal", "store",
            "text", "ui"},
    "abi": {"app", "domain", "config", "crypto", "host", "licence", "net", "notify", "portal",
            "store", "text", "ui"},
}

INCLUDE = re.compile(r'^\s*#\s*include\s+"([a-z_]+)/')


def main() -> int:
    root = pathlib.Path(sys.argv[1])
    layers = sorted(p.name for p in root.iterdir() if p.is_dir())
    wrong = []
    for layer in layers:
        if layer not in ALLOWED:
            wrong.append(f"{layer}/: a layer that is not in the picture (add it to ALLOWED "
                         f"and to docs/architecture.md)")
            continue
        for path in sorted((root / layer).rglob("*")):
            if path.suffix not in {".hpp", ".cpp", ".h", ".in"}:
                continue
            for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
                m = INCLUDE.match(line)
                if not m or m.group(1) == layer or m.group(1) not in layers:
                    continue
                if m.group(1) not in ALLOWED[layer]:
                    wrong.append(f"{path.relative_to(root)}:{number}: {layer} -> {m.group(1)} "
                                 f"is not an allowed arrow ({line.strip()})")
    # The picture itself must be closed under use, or a header could smuggle an arrow in.
    for layer, uses in ALLOWED.items():
        for used in uses:
            missing = ALLOWED.get(used, set()) - uses - {layer}
            if missing:
                wrong.append(f"ALLOWED: {layer} uses {used}, which uses {sorted(missing)}")
    for w in wrong:
        print(w)
    print(f"{len(layers)} layers, {len(wrong)} wrong arrows")
    return 1 if wrong else 0


if __name__ == "__main__":
    sys.exit(main())
