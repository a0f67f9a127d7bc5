#!/usr/bin/env python3
"""Fails when a layer of the plugin includes a layer it may not use.

    layer_arrows.py <plugin dir>

Each folder of plugin/src is a layer; an include "x/..." in a file of layer y is an arrow y -> x.
The allowed arrows are the es_uses_<layer> table of plugin/CMakeLists.txt, which the build itself
enforces (each layer compiles against an include root holding only what it may use). This test
reads that table and says, with file and line, which include points the wrong way, before a
compiler's "no such file" does; and it checks the table: every folder is a layer, and each set
is closed under use, or a header could smuggle an arrow in.
"""
import pathlib
import re
import sys

USES = re.compile(r'^set\(es_uses_([a-z_]+)\s*(.*?)\)\s*$')


def allowed_arrows(cmake: pathlib.Path) -> dict:
    table = {}
    for line in cmake.read_text(encoding="utf-8").splitlines():
        m = USES.match(line.strip())
        if m:
            table[m.group(1)] = set(m.group(2).replace('""', "").split())
    return table


INCLUDE = re.compile(r'^\s*#\s*include\s+"(([a-z_]+)/[^"]+)"')


def main() -> int:
    plugin = pathlib.Path(sys.argv[1])
    root = plugin / "src"
    ALLOWED = allowed_arrows(plugin / "CMakeLists.txt")
    layers = sorted(p.name for p in root.iterdir() if p.is_dir())
    wrong = []
    for layer in layers:
        if layer not in ALLOWED:
            wrong.append(f"{layer}/: a layer that is not in the picture (add es_uses_{layer} "
                         f"to plugin/CMakeLists.txt and the layer to docs/architecture.md)")
            continue
        for path in sorted((root / layer).rglob("*")):
            if path.suffix not in {".hpp", ".cpp", ".h", ".in"}:
                continue
            for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
                m = INCLUDE.match(line)
                if not m or m.group(2) == layer or m.group(2) not in layers:
                    continue
                where = str(path.relative_to(root))
                if m.group(2) not in ALLOWED[layer]:
                    wrong.append(f"{where}:{number}: {layer} -> {m.group(2)} "
                                 f"is not an allowed arrow ({line.strip()})")
    # The picture itself must be closed under use, or a header could smuggle an arrow in.
    for layer, uses in ALLOWED.items():
        for used in uses:
            missing = ALLOWED.get(used, set()) - uses - {layer}
            if missing:
                wrong.append(f"es_uses_{layer}: {layer} uses {used}, which uses {sorted(missing)}")
    for w in wrong:
        print(w)
    print(f"{len(layers)} layers, {len(wrong)} wrong arrows")
    return 1 if wrong else 0


if __name__ == "__main__":
    sys.exit(main())
