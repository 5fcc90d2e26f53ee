#!/usr/bin/env bash
# Validates daxport's SARIF for the bundled example with Microsoft's SARIF
# validator (the one behind GitHub's SARIF support), installed from the npm
# registry into the build tree on first use. Fails on any error-level result
# (schema errors JSON10xx, rule errors SARIF1xxx). Usage: validate.sh DAXPORT SRCDIR WORKDIR
set -euo pipefail
daxport=$1 src=$2 work=$3
mkdir -p "$work"
tool="$work/node_modules/@microsoft/sarif-multitool-linux/Sarif.Multitool"
if [ ! -x "$tool" ]; then
  (cd "$work" && npm install --silent --no-audit --no-fund @microsoft/sarif-multitool >/dev/null)
  chmod u+x "$tool"   # npm skips the package's postinstall
fi
cd "$src"
set +e
"$daxport" scan testdata/example --format sarif -o "$work/example.sarif" -q -- -I testdata/mock-kernel/include
rc=$?
set -e
[ "$rc" -eq 1 ] || { echo "scan exited $rc, expected 1 (findings)"; exit 1; }
rm -f "$work/report.sarif"
(cd "$work" && npx --no-install sarif-multitool validate example.sarif -o report.sarif >/dev/null)
python3 - "$work/report.sarif" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
results = [r for run in d["runs"] for r in run.get("results", [])]
errors = [r for r in results if r.get("level") == "error"]
for r in results:
    print(r.get("level"), r.get("ruleId"), r["message"].get("text", "")[:200])
print(f"sarif-multitool: {len(errors)} errors, {len(results) - len(errors)} other results")
sys.exit(1 if errors else 0)
PY
