#!/usr/bin/env bash
# The browser tests use Debian's chromium (never a downloaded browser build).
set -euo pipefail
if command -v chromium >/dev/null 2>&1; then exit 0; fi
echo "安装 Debian 的 chromium…"
SUDO=""; [ "$(id -u)" = 0 ] || SUDO="sudo"
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium fonts-noto-cjk >/dev/null
