#!/usr/bin/env bash
# daxport benchmark: daxport vs Coccinelle vs naive Clang vs grep on one kernel
# tree. Reported, not asserted. See docs/performance.md.
#
#   bench/run.sh [--tree DIR] [--jobs N] [--out DIR] [--cache DIR]
#                [--daxport BIN] [--only e,a,b,c,d] [--cocci-variants headers,c]
#                [--keep]
#
# Without --tree, /usr/src/linux-source-6.12.tar.xz is unpacked into the
# cache folder (default ${XDG_CACHE_HOME:-~/.cache}/daxport-bench). A given
# tree is never written to: it is copied (cp -a, once) into the cache and
# every tool runs on that copy, one file of which (fs/dax.c) is edited for
# the re-scan measurement and restored afterwards.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
exec python3 "$here/bench.py" "$@"
