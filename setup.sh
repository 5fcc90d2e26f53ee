#!/usr/bin/env bash
# Sets up a Debian 12 machine for daxport: installs what is missing with
# apt-get (quiet when everything is there), then configures and builds with
# CMake + Ninja into build/. Idempotent. Usage: ./setup.sh [--no-build]
set -euo pipefail
cd "$(dirname "$0")"

packages=(
  # build
  cmake ninja-build ccache g++ python3 git
  llvm-19-dev libclang-19-dev clang-19 llvm-19-tools
  libcli11-dev libyaml-cpp-dev libgtest-dev
  # tests on the real kernel (CTest label "kernel")
  linux-source-6.12 lld-19 llvm-19 make bc flex bison libelf-dev libssl-dev
  xz-utils
)
# SARIF validation test: Microsoft's validator comes from the npm registry.
command -v npm >/dev/null 2>&1 || packages+=(npm)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" ||
    missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing ${missing[*]}" >&2
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends \
    "${missing[@]}" >/dev/null
fi

[ "${1:-}" = "--no-build" ] && exit 0
if [ ! -f build/build.ninja ]; then
  cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
fi
# 2 cores, ~1.3 GB per Clang-heavy unit: -j2 is safe.
if ! ninja -C build -j"$(nproc)" >build/ninja.log 2>&1; then
  cat build/ninja.log >&2
  echo "setup: build failed (log: build/ninja.log)" >&2
  exit 1
fi
