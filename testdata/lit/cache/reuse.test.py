# Checks for reuse.test: cache counters and identical findings.
import json, sys
t = sys.argv[1]
runs = {k: json.load(open(f"{t}/{k}.json")) for k in "abcde"}
cached = {k: v["summary"]["units_from_cache"] for k, v in runs.items()}
assert cached == {"a": 0, "b": 2, "c": 1, "d": 0, "e": 0}, cached
strip = lambda d: [(f["rule"], f["file"], f["line"], f["column"]) for f in d["findings"]]
assert strip(runs["a"]) == strip(runs["b"]) == strip(runs["c"]) == strip(runs["e"])
print("cache ok", cached)
