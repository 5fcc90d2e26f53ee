#!/usr/bin/env bash
# Unpacks Debian's linux-source-6.12 (apt package, installed by setup.sh) once
# into DIR for the kernel-labelled tests; a stamp makes reruns instant.
# Usage: unpack.sh DIR
set -euo pipefail
dir=$1
tarball=/usr/src/linux-source-6.12.tar.xz
stamp="$dir/.unpacked"
if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$(stat -c %s-%Y "$tarball")" ]; then
  exit 0
fi
[ -f "$tarball" ] || { echo "unpack.sh: $tarball missing (apt-get install linux-source-6.12)"; exit 1; }
rm -rf "$dir/linux-source-6.12" && mkdir -p "$dir"
tar -C "$dir" -xf "$tarball"
stat -c %s-%Y "$tarball" > "$stamp"
echo "unpack.sh: $(find "$dir/linux-source-6.12" -name '*.c' | wc -l) .c files in $dir/linux-source-6.12"
