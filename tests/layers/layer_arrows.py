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

# Single includes that point the wrong way today, each with the file it may include, until the
# move that ends it. Anything else that points the wrong way fails.
KNOWN = {
    # The licence's values (Licence, Plan, OrganisationLicence) and its storage port still sit in
    # licence/; the port's SQL implementation and Store need them. They move to domain/ and
    # store/, and these three go.
    ("store/store.hpp", "licence/licence_store.hpp"),
    ("store/sql/sql_licence_store.hpp", "licence/licence_store.hpp"),
    ("store/sql/sql_licence_store.cpp", "licence/plan.hpp"),
}

INCLUDE = re.compile(r'^\s*#\s*include\s+"(([a-z_]+)/[^"]+)"')


def main() -> int:
    root = pathlib.Path(sys.argv[1])
    layers = sorted(p.name for p in root.iterdir() if p.is_dir())
    wrong = []
    known = set()
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
                if not m or m.group(2) == layer or m.group(2) not in layers:
                    continue
                where = str(path.relative_to(root))
                if m.group(2) not in ALLOWED[layer]:
                    if (where, m.group(1)) in KNOWN:
                        known.add((where, m.group(1)))
                        continue
                    wrong.append(f"{where}:{number}: {layer} -> {m.group(2)} "
                                 f"is not an allowed arrow ({line.strip()})")
    # The picture itself must be closed under use, or a header could smuggle an arrow in.
    for layer, uses in ALLOWED.items():
        for used in uses:
            missing = ALLOWED.get(used, set()) - uses - {layer}
            if missing:
                wrong.append(f"ALLOWED: {layer} uses {used}, which uses {sorted(missing)}")
    for gone in sorted(KNOWN - known):
        wrong.append(f"{gone[0]} no longer includes {gone[1]}: take it out of KNOWN")
    for w in wrong:
        print(w)
    print(f"{len(layers)} layers, {len(wrong)} wrong arrows")
    return 1 if wrong else 0


if __name__ == "__main__":
    sys.exit(main())
