#!/usr/bin/env bash
# Regenerates the pictures in docs/img/ from real runs: the terminal table
# captured from tmux (colours included) and rendered to PNG, and the HTML
# page, both through Debian's headless Chromium.
#
#   docs/screenshots.sh        (needs tmux, python3, chromium)
#
# web-desktop.png and web-phone.png (the browser page, web/) are taken by
# tests/browser.rs instead, into target/browser-screenshots/: copy them here.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
img="$root/docs/img"
tmp="$(mktemp -d)"
trap 'tmux kill-session -t resdiff-shots 2>/dev/null || true; rm -rf "$tmp"' EXIT
(cd "$root" && cargo build --release --quiet)
bin="$root/target/release/resdiff"

chrome() { # url out.png width height
  chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync \
    --user-data-dir="$tmp/profile" --hide-scrollbars --force-device-scale-factor=1 \
    --window-size="$3,$4" --screenshot="$2" "$1" >/dev/null 2>&1
}

# A terminal: run a command in tmux at COLS x ROWS, capture it with its
# colours, turn the ANSI codes into HTML, and photograph that.
terminal() { # name cols rows command...
  local name=$1 cols=$2 rows=$3; shift 3
  tmux kill-session -t resdiff-shots 2>/dev/null || true
  tmux new-session -d -s resdiff-shots -x "$cols" -y "$rows" "bash --norc --noprofile"
  tmux send-keys -t resdiff-shots "cd $root && export PATH=$root/target/release:\$PATH PS1='$ ' TERM=xterm-256color && clear" Enter
  sleep 0.3
  tmux send-keys -t resdiff-shots "$*" Enter
  sleep 1.5
  tmux capture-pane -t resdiff-shots -e -p > "$tmp/$name.ans"
  python3 - "$tmp/$name.ans" "$tmp/$name.html" <<'PY'
import html, re, sys
src = open(sys.argv[1], encoding="utf-8").read().rstrip("\n")
colors = {30: "#1e1e1e", 31: "#ff6b6b", 32: "#5fd75f", 33: "#e5c07b", 34: "#61afef", 35: "#c678dd", 36: "#56b6c2", 37: "#dcdcdc"}
out, style = [], {}
def span(text):
    if not text:
        return ""
    css = []
    if "fg" in style: css.append(f"color:{style['fg']}")
    if style.get("bold"): css.append("font-weight:bold")
    if style.get("dim"): css.append("opacity:.6")
    deco = [d for d in ("underline", "line-through") if style.get(d)]
    if deco: css.append("text-decoration:" + " ".join(deco))
    t = html.escape(text)
    return f'<span style="{";".join(css)}">{t}</span>' if css else t
pos = 0
for m in re.finditer(r"\x1b\[([0-9;]*)m", src):
    out.append(span(src[pos:m.start()]))
    pos = m.end()
    for code in [int(c) if c else 0 for c in m.group(1).split(";")]:
        if code == 0: style = {}
        elif code == 1: style["bold"] = True
        elif code == 2: style["dim"] = True
        elif code == 4: style["underline"] = True
        elif code == 9: style["line-through"] = True
        elif code in (22,): style.pop("bold", None); style.pop("dim", None)
        elif code == 24: style.pop("underline", None)
        elif code == 29: style.pop("line-through", None)
        elif code in colors: style["fg"] = colors[code]
        elif code == 39: style.pop("fg", None)
out.append(span(src[pos:]))
page = ("<!DOCTYPE html><html><head><meta charset='utf-8'><style>"
        "body{margin:0;background:#1b1d23;color:#dcdcdc}"
        "pre{margin:0;padding:14px 16px;font:14px/1.25 'DejaVu Sans Mono',monospace;white-space:pre}"
        "</style></head><body><pre>" + "".join(out) + "</pre></body></html>")
open(sys.argv[2], "w", encoding="utf-8").write(page)
PY
  local lines; lines=$(wc -l < "$tmp/$name.ans")
  chrome "file://$tmp/$name.html" "$img/$name.png" $(( cols * 85 / 10 + 40 )) $(( (lines + 1) * 18 + 30 ))
}

terminal table-80-colour 80 48 \
  "resdiff compare resolutions/A-ES-11-L.11.txt resolutions/A-RES-ES-11-8.txt --color always --no-pager"
terminal table-80-plain 80 48 \
  "resdiff compare resolutions/A-ES-11-L.11.txt resolutions/A-RES-ES-11-8.txt --color never --no-pager"
terminal table-200-colour 200 46 \
  "resdiff compare resolutions/A-RES-ES-11-1.txt resolutions/A-RES-ES-11-4.txt --changes-only --format table --width 200 --color always --no-pager | head -44"
terminal history-100 100 40 \
  "resdiff history resolutions/A-ES-11-L.11.txt resolutions/S-RES-2774.txt resolutions/A-RES-ES-11-8.txt --color always --no-pager"

"$bin" compare "$root/resolutions/A-ES-11-L.11.txt" "$root/resolutions/A-RES-ES-11-8.txt" --format html -o "$tmp/diff.html" || true
chrome "file://$tmp/diff.html" "$img/html-desktop.png" 1280 1100
chrome "file://$tmp/diff.html" "$img/html-phone.png" 390 1400
echo "written: $(ls "$img")"
