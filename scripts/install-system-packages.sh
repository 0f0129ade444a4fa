#!/usr/bin/env bash
# System packages the tests need that a bare machine of this kind may lack:
# Debian's Chromium for the browser tests (never a downloaded browser).
# Run as root (CI and these machines are); prints what it does.
set -euo pipefail

missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)

if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing system packages: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
