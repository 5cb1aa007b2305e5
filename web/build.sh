#!/usr/bin/env bash
# Builds target/web/resdiff.html: resdiff compiled to WebAssembly, its
# wasm-bindgen glue, the engine (base64) and the page's own script inlined in
# one self-contained HTML file that works from file:// with no network.
#
# Installs what it needs: the wasm32-unknown-unknown target (rustup) and
# wasm-bindgen-cli at exactly the wasm-bindgen crate's version in
# web/Cargo.lock (crates.io). wasm-opt (Debian's `binaryen`) shrinks the
# engine further when it is installed; without it the page is larger, not
# different.
set -euo pipefail
cd "$(dirname "$0")"
ROOT="$(cd .. && pwd)"
TARGET="$ROOT/target"
OUT="$TARGET/web"
mkdir -p "$OUT"

rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown \
    || rustup target add wasm32-unknown-unknown

# the CLI must match the crate byte for byte in its protocol: same version
WB_VERSION="$(awk '/^name = "wasm-bindgen"$/{getline; gsub(/[^0-9.]/,""); print; exit}' Cargo.lock)"
if ! wasm-bindgen --version 2>/dev/null | grep -q " $WB_VERSION\$"; then
    # --locked first; the lock file of a CLI can name a dependency version a
    # registry mirror lacks, then let cargo pick a compatible one
    cargo install wasm-bindgen-cli --version "$WB_VERSION" --locked --quiet \
        || cargo install wasm-bindgen-cli --version "$WB_VERSION" --quiet
fi

cargo build --release --target wasm32-unknown-unknown --target-dir "$TARGET"
WASM="$TARGET/wasm32-unknown-unknown/release/resdiff_web.wasm"
mkdir -p "$OUT/opt"
if command -v wasm-opt >/dev/null; then
    # before wasm-bindgen, not after: Debian 12's binaryen (108) rewrites
    # the export of wasm-bindgen's externref table to the function table,
    # and the page then fails to start ("WebAssembly.Table.set(): Argument 1
    # is invalid"). The features are rustc's defaults for this target, no
    # more: an engine that uses none other runs in every current browser.
    if wasm-opt -Os --enable-bulk-memory --enable-multivalue --enable-mutable-globals \
        --enable-nontrapping-float-to-int --enable-reference-types --enable-sign-ext \
        "$WASM" -o "$OUT/opt/resdiff_web.wasm"; then
        WASM="$OUT/opt/resdiff_web.wasm"
    else
        echo "wasm-opt failed on this engine: the page is larger, not different"
    fi
else
    echo "wasm-opt not found (apt-get install binaryen): the page is larger, not different"
fi
rm -rf "$OUT/pkg"
wasm-bindgen --target no-modules --no-typescript --out-name resdiff_web --out-dir "$OUT/pkg" "$WASM"
GLUE="$OUT/pkg/resdiff_web.js"
ENGINE="$OUT/pkg/resdiff_web_bg.wasm"

python3 assemble.py page.html page.js "$GLUE" "$ENGINE" \
    "$(grep -m1 '^version' ../Cargo.toml | cut -d'"' -f2)" "$OUT/resdiff.html"
echo "wrote $OUT/resdiff.html ($(wc -c <"$OUT/resdiff.html") bytes; engine $(wc -c <"$ENGINE") bytes)"
