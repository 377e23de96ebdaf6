#!/bin/bash
# Rebuilds fonts/NotoSansSC-Subset.otf: Noto Sans CJK SC (face 2 of Debian fonts-noto-cjk's
# NotoSansCJK-Regular.ttc, SIL OFL 1.1) cut down to the GB2312 characters, common punctuation,
# and every character the seed reports, the interface strings and the phrase descriptions it shows
# (variants.rs: ⊂) use.
# Needs: apt-get install fonts-noto-cjk; pip install fonttools.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
src=${NOTO_TTC:-/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc}
chars=$(mktemp)
python3 - "$root" >"$chars" <<'PY'
import pathlib, sys
root = pathlib.Path(sys.argv[1])
out = set()
# Every character GB2312 encodes: rows 0xA1-0xF7, cells 0xA1-0xFE.
for hi in range(0xA1, 0xF8):
    for lo in range(0xA1, 0xFF):
        try:
            out.update(bytes([hi, lo]).decode("gb2312"))
        except UnicodeDecodeError:
            pass
# CJK punctuation, full-width forms and general punctuation.
for lo, hi in [(0x3000, 0x303F), (0xFF00, 0xFFEF), (0x2000, 0x206F), (0x2460, 0x24FF)]:
    out.update(chr(c) for c in range(lo, hi + 1))
# Whatever the seeds and the interface use, so the app never shows a box for them.
for pattern in ["assets/seeds/*", "src/gui/**/*.rs", "src/phrase/*.rs", "tests/gui.rs"]:
    for p in root.glob(pattern):
        if p.is_file():
            out.update(p.read_text(encoding="utf-8", errors="ignore"))
print("".join(sorted(c for c in out if ord(c) >= 0x80)))
PY
pyftsubset "$src" --font-number=2 --text-file="$chars" --layout-features='*' --name-IDs='*' \
  --output-file="$here/NotoSansSC-Subset.otf"
rm -f "$chars"
ls -l "$here/NotoSansSC-Subset.otf"
