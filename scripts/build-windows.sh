#!/usr/bin/env bash
# Builds the Windows release of latih-asn on Linux, into dist/windows/:
#
#   latih-asn-VERSION-windows-x64-setup.exe   installer (NSIS): per user, no admin rights,
#                                             Start-menu and desktop shortcuts, uninstaller
#                                             that keeps the learning records
#   latih-asn-VERSION-windows-x64.zip         portable: latih-asn.exe, latih-asn.com and an
#                                             empty latih-asn-data folder (data stays beside
#                                             the program, for a USB stick)
#   … and the same for x86 (32-bit Windows 10), unless ARCHS says otherwise.
#
#   ./scripts/build-windows.sh              # both architectures
#   ARCHS=x64 ./scripts/build-windows.sh    # 64-bit only
#
# latih-asn.exe is the program (no console window); latih-asn.com is its console twin, which
# cmd.exe and PowerShell run for a typed `latih-asn records …` (src/bin/latih-asn-console.rs).
# Needs mingw-w64, nsis and zip (installed with apt when missing, as root) and the Rust targets
# (added with rustup). Cross-compiled with mingw-w64; for the native MSVC build see README.
set -euo pipefail
cd "$(dirname "$0")/.."

archs=${ARCHS:-"x64 x86"}
version=$(sed -n 's/^version *= *"\(.*\)"/\1/p' Cargo.toml | head -n1)
version4=$(echo "$version" | sed 's/[-+].*//' | awk -F. '{printf "%d.%d.%d.0", $1, $2, $3}')
target_dir=${CARGO_TARGET_DIR:-target}
out=dist/windows

need=()
for arch in $archs; do
  case "$arch" in
    x64) command -v x86_64-w64-mingw32-gcc >/dev/null || need+=(gcc-mingw-w64-x86-64 binutils-mingw-w64-x86-64) ;;
    x86) command -v i686-w64-mingw32-gcc >/dev/null || need+=(gcc-mingw-w64-i686 binutils-mingw-w64-i686) ;;
    *) echo "build-windows: unknown architecture $arch (x64 or x86)" >&2; exit 2 ;;
  esac
done
command -v makensis >/dev/null || need+=(nsis)
command -v zip >/dev/null || need+=(zip)
if [ ${#need[@]} -gt 0 ]; then
  echo "build-windows: installing ${need[*]}" >&2
  apt-get update -qq >/dev/null
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null
fi

mkdir -p "$out"
for arch in $archs; do
  case "$arch" in
    x64) triple=x86_64-pc-windows-gnu gcc=x86_64-w64-mingw32-gcc ;;
    x86) triple=i686-pc-windows-gnu gcc=i686-w64-mingw32-gcc ;;
  esac
  rustup target list --installed | grep -qx "$triple" || rustup target add "$triple" >&2
  linker_var="CARGO_TARGET_$(echo "$triple" | tr 'a-z-' 'A-Z_')_LINKER"
  echo "build-windows: cargo build --release --target $triple" >&2
  env "$linker_var=$gcc" cargo build --release --target "$triple" --bins >&2

  built="$target_dir/$triple/release"
  name="latih-asn-$version-windows-$arch"
  stage="$out/$name"
  rm -rf "$stage"
  mkdir -p "$stage/latih-asn-data"
  cp "$built/latih-asn.exe" "$stage/latih-asn.exe"
  # The console twin: a PE program like any other; .com only orders it first in PATHEXT.
  cp "$built/latih-asn-console.exe" "$stage/latih-asn.com"

  rm -f "$out/$name.zip"
  (cd "$out" && zip -q -r -X "$name.zip" "$name")

  makensis -V2 \
    -DVERSION="$version" -DVERSION4="$version4" -DARCH="$arch" \
    -DSTAGE="$PWD/$stage" -DICON="$PWD/assets/icons/latih-asn.ico" \
    -DOUTFILE="$PWD/$out/$name-setup.exe" \
    packaging/windows/installer.nsi >&2
  rm -rf "$stage"

  for file in "$out/$name.zip" "$out/$name-setup.exe"; do
    printf '%s  %s bytes\n' "$file" "$(stat -c %s "$file")"
  done
done
(cd "$out" && sha256sum ./*.zip ./*-setup.exe > SHA256SUMS)
echo "checksums: $out/SHA256SUMS"
