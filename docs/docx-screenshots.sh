#!/usr/bin/env bash
# Regenerates the Word pictures in docs/img/: redlines written by
# `--format docx`, opened by LibreOffice (Debian's libreoffice-writer-nogui),
# printed to PDF and the first page turned into a PNG by pdftoppm.
#
#   docs/docx-screenshots.sh        (needs soffice and pdftoppm)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
img="$root/docs/img"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
(cd "$root" && cargo build --quiet)
bin="$root/target/debug/resdiff"
res="$root/resolutions"

# the amended text against the draft, each change with the amendment behind it
"$bin" compare "$res/A-ES-11-L.11.txt" "$res/A-RES-ES-11-8.txt" \
  --amendments "$res/A-ES-11-L.15.txt" --format docx -o "$tmp/redline.docx" || true
# one draft as Word: header block, italic leads, numbered operative paragraphs
"$bin" show "$res/A-RES-ES-11-4.txt" --format docx -o "$tmp/draft.docx"

soffice -env:UserInstallation="file://$tmp/profile" --headless \
  --convert-to pdf --outdir "$tmp" "$tmp/redline.docx" "$tmp/draft.docx" >/dev/null 2>&1
# the top of the first page, at 80 dpi: 661 pixels wide
pdftoppm -png -r 80 -f 1 -l 1 -singlefile -H 440 "$tmp/redline.pdf" "$img/docx-redline"
pdftoppm -png -r 80 -f 1 -l 1 -singlefile "$tmp/draft.pdf" "$img/docx-show"
echo "written: docx-redline.png docx-show.png"
