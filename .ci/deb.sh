#!/usr/bin/env bash
# Builds the Debian package, installs it on this machine and checks the installed files:
# tifa-cli finds meetings in the built-in corpus, the desktop entry validates and the
# icons are in place. Needs a Debian-like machine with Rust; runs apt-get as root or
# through sudo. Honours CARGO_TARGET_DIR. TIFA_MIN_MEETINGS (default 1) is the fewest
# meetings tifa-cli must report. TIFA_DEB_PROFILE=dev packages the binaries of the dev
# profile (those `cargo test` has just built) instead of making a release build: what is
# checked is what the package installs and that it runs, not how fast.
set -euo pipefail
cd "$(dirname "$0")/.."
started=$SECONDS

say() { printf 'deb.sh: %s\n' "$*"; }
fail() { printf 'deb.sh: FAILED: %s\n' "$*" >&2; exit 1; }

if [ "$(id -u)" -eq 0 ]; then sudo=(); else sudo=(sudo); fi
apt_get() { "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get -y -q "$@"; }

# The package's run-time libraries come from the archive, so the lists must be fresh
# even when every tool below is already there.
say "apt-get update"
apt_get update >/dev/null
missing=()
command -v desktop-file-validate >/dev/null 2>&1 || missing+=(desktop-file-utils)
command -v python3 >/dev/null 2>&1 || missing+=(python3)
if [ ${#missing[@]} -gt 0 ]; then
  say "installing ${missing[*]}"
  apt_get install --no-install-recommends "${missing[@]}" >/dev/null
fi
# A known version: the dev-profile packaging below is what that version accepts.
if ! command -v cargo-deb >/dev/null 2>&1; then
  say "installing cargo-deb"
  cargo install --locked cargo-deb --version 3.8.0
fi

target_dir=${CARGO_TARGET_DIR:-target}
out="$target_dir/debian"
mkdir -p "$out"
rm -f "$out"/tifa_*.deb
if [ "${TIFA_DEB_PROFILE:-release}" = dev ]; then
  say "cargo build (dev profile, nothing to do after cargo test), cargo deb into $out"
  cargo build --locked --bins
  cargo deb --profile dev --no-build --output "$out" 2> >(grep -v 'dev profile is not supported\|To enable debug symbols' >&2)
else
  say "cargo deb (release build) into $out"
  cargo deb --output "$out" -- --locked
fi

debs=("$out"/tifa_*.deb)
if [ ${#debs[@]} -ne 1 ] || [ ! -f "${debs[0]}" ]; then
  fail "expected one tifa_*.deb in $out, found: ${debs[*]}"
fi
deb=$(realpath "${debs[0]}")
say "built $deb ($(du -h "$deb" | cut -f1))"

# --reinstall so that a second run replaces files even when the version is unchanged.
say "apt-get install $deb"
apt_get install --reinstall "$deb" >/dev/null

for bin in /usr/bin/tifa /usr/bin/tifa-cli; do
  [ -x "$bin" ] || fail "$bin is not installed or not executable"
done

# Run from an empty directory so the corpus can only come from inside the binary.
say "/usr/bin/tifa-cli meetings --json"
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
status=0
(cd "$scratch" && /usr/bin/tifa-cli meetings --json >"$scratch/meetings.json" 2>"$scratch/stderr") || status=$?
[ "$status" -eq 0 ] || fail "tifa-cli meetings exited $status: $(head -c 500 "$scratch/stderr")"
meetings=$(python3 -c '
import json, sys
data = json.load(open(sys.argv[1], encoding="utf-8"))
print(len(data["meetings"]))
' "$scratch/meetings.json") || fail "tifa-cli meetings --json did not print a JSON object with \"meetings\""
[ "$meetings" -ge "${TIFA_MIN_MEETINGS:-1}" ] \
  || fail "tifa-cli found $meetings meetings in the built-in corpus, expected at least ${TIFA_MIN_MEETINGS:-1}"
say "tifa-cli found $meetings meetings"

# The window needs libraries only loaded at run time, so starting it is what proves the
# package's Depends are complete. Optional: a CI machine without xvfb skips it.
if command -v xvfb-run >/dev/null 2>&1; then
  say "starting /usr/bin/tifa under Xvfb for 6 s"
  status=0
  (cd "$scratch" && xvfb-run -a timeout 6 /usr/bin/tifa >"$scratch/window.log" 2>&1) || status=$?
  # timeout's 124 means the app was still running when it was stopped.
  [ "$status" -eq 124 ] || fail "/usr/bin/tifa exited with status $status under Xvfb: $(tail -c 800 "$scratch/window.log")"
else
  say "xvfb-run not found, not starting the window (apt-get install xvfb to check it too)"
fi

desktop=/usr/share/applications/tifa.desktop
[ -f "$desktop" ] || fail "$desktop is not installed"
desktop-file-validate "$desktop" || fail "$desktop does not validate"
grep -qx 'Exec=tifa %F' "$desktop" || fail "$desktop does not run 'tifa %F'"

icons=/usr/share/icons/hicolor
[ -s "$icons/scalable/apps/tifa.svg" ] || fail "$icons/scalable/apps/tifa.svg is missing"
for size in 32 48 64 128 256 512; do
  png="$icons/${size}x${size}/apps/tifa.png"
  [ -s "$png" ] || fail "$png is missing"
  # A PNG's width and height are the big-endian words at bytes 16 and 20.
  dims=$(python3 -c '
import struct, sys
head = open(sys.argv[1], "rb").read(24)
assert head[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
print("%dx%d" % struct.unpack(">II", head[16:24]))
' "$png") || fail "$png is not a PNG"
  [ "$dims" = "${size}x${size}" ] || fail "$png is $dims, expected ${size}x${size}"
done

say "ok in $((SECONDS - started)) s: $(dpkg-query -W -f='${Package} ${Version}' tifa) installed and checked"
