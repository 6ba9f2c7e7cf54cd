#!/usr/bin/env bash
# Builds the release binary and installs it for the current user with a menu entry and icon:
#   ~/.local/bin/latih-asn, ~/.local/share/applications/latih-asn.desktop, the icon in hicolor.
# For all users, run with PREFIX=/usr/local as root.
set -euo pipefail
cd "$(dirname "$0")/.."
prefix=${PREFIX:-$HOME/.local}
cargo build --release
install -Dm755 target/release/latih-asn "$prefix/bin/latih-asn"
install -Dm644 packaging/linux/latih-asn.desktop "$prefix/share/applications/latih-asn.desktop"
install -Dm644 assets/icons/latih-asn.png "$prefix/share/icons/hicolor/256x256/apps/latih-asn.png"
command -v update-desktop-database >/dev/null && update-desktop-database "$prefix/share/applications" || true
echo "installed to $prefix/bin/latih-asn"
