#!/usr/bin/env bash
# Debian/Ubuntu packages the app needs to open a window. Building and `cargo test` need none of
# them (the UI tests run headless); a desktop PC already has them. Run as root: sudo ./scripts/install-deps.sh
set -euo pipefail
apt-get update -qq
apt-get install -y -qq --no-install-recommends \
  libx11-6 libxcursor1 libxrandr2 libxi6 libx11-xcb1 libxkbcommon0 libxkbcommon-x11-0 \
  libwayland-client0 libwayland-cursor0 libegl1
