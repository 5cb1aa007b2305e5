"""Inlines the engine and the scripts into the page (web/build.sh).

One <script>: wasm-bindgen's glue (--target no-modules), the engine
gzipped and in base64 in RESDIFF_WASM (the browser's DecompressionStream
unpacks it: the page is 40% of its size with the engine as it is), then
the page's own script. The Content-Security-
Policy allows exactly that script, by its SHA-256 hash.
"""

import base64
import gzip
import hashlib
import os
import sys

page, page_js, glue, wasm, version, out = sys.argv[1:]
with open(wasm, "rb") as f:
    # mtime 0: the same engine gives the same page, byte for byte
    engine = base64.b64encode(gzip.compress(f.read(), 9, mtime=0)).decode("ascii")
with open(glue, encoding="utf-8") as f:
    glue_js = f.read()
with open(page_js, encoding="utf-8") as f:
    own_js = f.read()
script = f'{glue_js}\nconst RESDIFF_WASM = "{engine}";\n{own_js}'
if "</script" in script.lower():
    sys.exit("assemble.py: a script contains </script")
digest = base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode()
with open(page, encoding="utf-8") as f:
    html = f.read()
html = html.replace("@SCRIPT_HASH@", f"sha256-{digest}").replace("@VERSION@", version)
# the hash covers exactly the text between <script> and </script>
before, after = html.split("<script>\n@SCRIPT@\n</script>")
html = before + "<script>" + script + "</script>" + after
tmp = out + ".tmp"
with open(tmp, "w", encoding="utf-8", newline="\n") as f:
    f.write(html)
os.replace(tmp, out)
