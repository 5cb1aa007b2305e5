#!/usr/bin/env python3
"""The minimum Rust version declared in Cargo.toml (package.rust-version)
must cover every dependency resdiff builds with: each normal or build
dependency's own declared rust-version must be at most ours. (Clippy's
incompatible_msrv lint, on in `cargo clippy -D warnings`, covers resdiff's
own use of the standard library; only one toolchain can be installed here,
so an older compiler cannot be run.)"""
import json
import subprocess
import sys

meta = json.loads(subprocess.check_output(["cargo", "metadata", "--format-version", "1", "--locked"]))
packages = {p["id"]: p for p in meta["packages"]}
nodes = {n["id"]: n for n in meta["resolve"]["nodes"]}
root = meta["resolve"]["root"]


def version(v):
    # "1.88" and "1.88.0" are the same version
    parts = [int(x) for x in (v or "0").split(".")]
    return tuple(parts + [0] * (3 - len(parts)))


ours = packages[root]["rust_version"]
if not ours:
    sys.exit("Cargo.toml declares no rust-version")
seen, stack = set(), [root]
while stack:
    pid = stack.pop()
    if pid in seen:
        continue
    seen.add(pid)
    for dep in nodes[pid]["deps"]:
        kinds = [k["kind"] for k in dep["dep_kinds"]]
        if any(k in (None, "normal", "build") for k in kinds):
            stack.append(dep["pkg"])
too_new = [
    (packages[p]["name"], packages[p]["version"], packages[p]["rust_version"])
    for p in seen
    if p != root and version(packages[p]["rust_version"]) > version(ours)
]
if too_new:
    for name, ver, rv in sorted(too_new):
        print(f"{name} {ver} needs Rust {rv}, above resdiff's rust-version {ours}")
    sys.exit(1)
print(f"rust-version {ours}: all {len(seen) - 1} dependencies declare it or older")
