"""Asserts the SARIF 2.1.0 report of daxport on Inputs/fixture.c (see sarif.test)."""
import json
import sys

log = json.load(open(sys.argv[1]))
root = sys.argv[2]
# "--rule-metadata": only check that the driver's rule texts are final text.
metadata_only = len(sys.argv) > 3 and sys.argv[3] == "--rule-metadata"

def expect(cond, what):
    if not cond:
        sys.exit("check_sarif: " + what)

expect(log.get("version") == "2.1.0", "version %r" % log.get("version"))
expect("sarif" in log.get("$schema", "") and "2.1.0" in log["$schema"],
       "$schema %r" % log.get("$schema"))
expect(len(log.get("runs", [])) == 1, "one run")
run = log["runs"][0]
driver = run["tool"]["driver"]
expect(driver["name"] == "daxport", "driver name")
rules = driver["rules"]
ids = [r["id"] for r in rules]
expect(len(ids) == len(set(ids)), "duplicate rule ids %r" % ids)
want = [
    ("dax-pfn-t-include", "warning", 2, 1),
    ("dax-devmap-bit-definition", "note", 4, 9),
    ("dax-pfn-t-type", "warning", 6, 22),
    ("dax-pfn-t-to-pfn", "warning", 8, 9),
    ("dax-devmap-trans-huge-disjunction", "warning", 13, 32),
    ("dax-devmap-predicate", "warning", 18, 9),
]
expect(set(r for r, _, _, _ in want) <= set(ids),
       "driver rules %r lack some result rules" % ids)
for r in rules:
    expect(r.get("shortDescription", {}).get("text"), r["id"] + ": shortDescription")
if metadata_only:
    for r in rules:
        for field in ("shortDescription", "fullDescription", "help"):
            text = r.get(field, {}).get("text", "")
            expect("{symbol}" not in text,
                   "%s: %s holds the unexpanded placeholder {symbol}: %r"
                   % (r["id"], field, text[:80]))
    print("check_sarif: rule metadata ok")
    sys.exit(0)

base = run.get("originalUriBaseIds", {}).get("%SRCROOT%", {}).get("uri", "")
expect(base == "file://" + root.rstrip("/") + "/",
       "originalUriBaseIds %%SRCROOT%% %r" % base)

results = run["results"]
expect(len(results) == len(want), "%d results, want %d" % (len(results), len(want)))
for res, (rule, level, line, col) in zip(results, want):
    where = "%s:%d" % (res.get("ruleId"), line)
    expect(res["ruleId"] == rule, where + ": ruleId, want " + rule)
    expect(ids[res["ruleIndex"]] == rule, where + ": ruleIndex")
    expect(res["level"] == level, where + ": level %r" % res["level"])
    expect(res["message"]["text"], where + ": message")
    loc = res["locations"][0]["physicalLocation"]
    art = loc["artifactLocation"]
    expect(art["uri"] == "fixture.c", where + ": uri %r (want relative)" % art["uri"])
    expect(art["uriBaseId"] == "%SRCROOT%", where + ": uriBaseId")
    reg = loc["region"]
    expect((reg["startLine"], reg["startColumn"]) == (line, col),
           where + ": region %r" % reg)
    expect(res["properties"]["configurations"] == ["default"], where + ": configurations")
print("check_sarif: ok")
