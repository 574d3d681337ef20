#!/usr/bin/env bash
# Installs the Debian 12 packages that building and testing Basin need.
# Idempotent, and quick when everything is present: apt runs only for what is missing.
set -euo pipefail

packages=(
  build-essential cmake ninja-build ccache pkg-config git
  clang libclang-rt-14-dev          # fuzzers (libFuzzer) and a second compiler
  libgtest-dev libgmock-dev libbenchmark-dev
  libre2-dev libreadline-dev libpq-dev
  libzstd-dev libsnappy-dev liblz4-dev libbrotli-dev zlib1g-dev   # Parquet codecs
  libsimdjson-dev                    # JSON
  zstd                               # unpacks the TPC-H test data
  python3                            # test scripts (Parquet conformance)
  postgresql                         # the reference server of the differential tests
)
# Node.js runs the test peers (DuckDB through npm); any recent one will do.
command -v npm >/dev/null || packages+=(nodejs npm)

missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" ||
    missing+=("$package")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "install-deps: installing ${missing[*]}"
  sudo_cmd=""
  [ "$(id -u)" -eq 0 ] || sudo_cmd="sudo"
  export DEBIAN_FRONTEND=noninteractive
  $sudo_cmd apt-get update -qq
  $sudo_cmd apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
