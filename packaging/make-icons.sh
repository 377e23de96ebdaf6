#!/usr/bin/env bash
# Renders every icon file in assets/icon/ from assets/icon/tifa.svg.
#
#   packaging/make-icons.sh          PNGs 32–512, tifa.ico (Windows), tifa.icns (macOS)
#   packaging/make-icons.sh --svg    first rewrite tifa.svg from the Noto Sans CJK font
#
# Needs (Debian): librsvg2-bin (rsvg-convert), imagemagick (the .ico), icnsutils
# (png2icns); with --svg also fonts-noto-cjk and fonttools (pip install fonttools).
set -euo pipefail
cd "$(dirname "$0")/.."
dir=assets/icon
svg=$dir/tifa.svg

need() {
  command -v "$1" >/dev/null 2>&1 || { echo "make-icons: $1 not found; install $2" >&2; exit 1; }
}

if [ "${1:-}" = --svg ]; then
  font=${NOTO_CJK_BOLD:-/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc}
  [ -f "$font" ] || { echo "make-icons: $font not found; apt-get install fonts-noto-cjk or set NOTO_CJK_BOLD" >&2; exit 1; }
  python3 packaging/icon_svg.py "$font" "$svg"
fi

need rsvg-convert librsvg2-bin
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# Every size is rendered from the vector, never scaled from another PNG, so small
# sizes stay sharp.
for size in 16 32 48 64 128 256 512 1024; do
  rsvg-convert -w "$size" -h "$size" "$svg" -o "$tmp/$size.png"
done
for size in 32 48 64 128 256 512; do
  cp "$tmp/$size.png" "$dir/tifa-$size.png"
done

# ImageMagick 7 calls itself `magick`; 6 (Debian bookworm) `convert`. Prefer the
# packaged binary over any other `convert` on PATH.
if command -v magick >/dev/null 2>&1; then im=magick
elif [ -x /usr/bin/convert ]; then im=/usr/bin/convert
else need convert imagemagick; im=convert
fi
"$im" "$tmp"/{16,32,48,64,128,256}.png "$dir/tifa.ico"

need png2icns icnsutils
png2icns "$dir/tifa.icns" "$tmp"/{16,32,48,128,256,512,1024}.png >/dev/null

ls -l "$dir"
