#!/usr/bin/env python3
"""Proves that the build, not only layer_arrows.py, refuses an include that points the wrong way.

    build_refuses.py <c++ compiler> <build/plugin/layers> <plugin dir> [<third-party include dir> ...]

For every layer, against the include root its library is compiled with: a header of each layer it
may use preprocesses (with everything that header includes in turn), and a header of each layer it
may not use is "no such file". A root that offered too much, or too little, fails here.
"""
import pathlib
import subprocess
import sys

sys.path.insert(0, str(pathlib.Path(__file__).parent))
from layer_arrows import allowed_arrows  # noqa: E402


def preprocess(compiler: str, root: pathlib.Path, header: str,
               others: list) -> subprocess.CompletedProcess:
    flags = [f"-isystem{d}" for d in others]
    return subprocess.run([compiler, "-std=c++20", "-E", "-x", "c++", "-I", str(root), *flags,
                           "-o", "/dev/null", "-"], input=f'#include "{header}"\n', text=True,
                          capture_output=True)


def main() -> int:
    compiler, roots, plugin = sys.argv[1], pathlib.Path(sys.argv[2]), pathlib.Path(sys.argv[3])
    others = sys.argv[4:]
    table = allowed_arrows(plugin / "CMakeLists.txt")
    # One header per layer, the first by name: enough to tell whether the folder is reachable.
    sample = {}
    for layer in table:
        headers = sorted((plugin / "src" / layer).glob("*.hpp"))
        if headers:
            sample[layer] = f"{layer}/{headers[0].name}"
    wrong, checked = [], 0
    for layer, uses in sorted(table.items()):
        root = roots / layer
        for other, header in sorted(sample.items()):
            result = preprocess(compiler, root, header, others)
            checked += 1
            may = other == layer or other in uses
            if may and result.returncode != 0:
                wrong.append(f"{layer} may include {header}, but its root refuses it:\n"
                             f"{result.stderr.strip()}")
            elif not may and result.returncode == 0:
                wrong.append(f"{layer} may not include {header}, but its root offers it")
            elif not may and "No such file" not in result.stderr:
                wrong.append(f"{layer} including {header} failed for another reason:\n"
                             f"{result.stderr.strip()}")
    for w in wrong:
        print(w)
    print(f"{checked} includes tried from {len(table)} layer roots, {len(wrong)} wrong")
    return 1 if wrong or checked == 0 else 0


if __name__ == "__main__":
    sys.exit(main())
