# Compares two daxport JSON reports site by site (rule, file, line, column,
# status, configurations) and prints the unit counts.
import json, sys
a, b = (json.load(open(p)) for p in sys.argv[1:3])
key = lambda f: (f["rule"], f["file"], f["line"], f["column"], f["status"],
                 tuple(f["configurations"]))
ka, kb = sorted(map(key, a["findings"])), sorted(map(key, b["findings"]))
for k in sorted(set(ka) ^ set(kb)):
    print("DIFFERENT:", "full only" if k in ka else "prefiltered only", k)
assert not a["failures"] and not b["failures"], "parse failures"
assert ka == kb, "findings differ"
print(f"identical findings: {len(ka)}; units full {a['summary']['units']}, "
      f"prefiltered {b['summary']['units']}")
