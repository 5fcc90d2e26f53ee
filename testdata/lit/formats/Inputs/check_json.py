"""Asserts the JSON report of daxport on Inputs/fixture.c (see json.test)."""
import json
import sys

report = json.load(open(sys.argv[1]))
root = sys.argv[2]

def expect(cond, what):
    if not cond:
        sys.exit("check_json: " + what)

for key in ("tool", "version", "schema", "root", "configurations", "findings",
            "failures", "summary"):
    expect(key in report, "missing top-level key %r" % key)
expect(report["tool"] == "daxport", "tool")
expect(report["root"] == root, "root %r != %r" % (report["root"], root))
expect(report["configurations"] == ["default"], "configurations")
expect(report["failures"] == [], "failures")

want = [
    # rule, family, line, column, class, status, function, symbol
    ("dax-pfn-t-include", "pfn-t", 2, 1, "mechanical", "analysed", "", "pfn_t"),
    ("dax-devmap-bit-definition", "devmap-bit", 4, 9, "definition",
     "analysed", "", "PTE_DEVMAP"),
    ("dax-pfn-t-type", "pfn-t", 6, 22, "mechanical", "analysed", "fx_pfn", "pfn_t"),
    ("dax-pfn-t-to-pfn", "pfn-t", 8, 9, "mechanical", "analysed", "fx_pfn",
     "pfn_t_to_pfn"),
    ("dax-devmap-trans-huge-disjunction", "devmap-predicate", 13, 32,
     "mechanical", "analysed", "fx_huge", "pmd_devmap"),
    ("dax-devmap-predicate", "devmap-predicate", 18, 9, "judgement", "analysed",
     "fx_devmap", "pte_devmap"),
]
got = report["findings"]
expect(len(got) == len(want), "%d findings, want %d" % (len(got), len(want)))
keys = {"rule", "family", "file", "line", "column", "offset", "symbol", "message",
        "class", "status", "confidence", "configurations", "function", "macro",
        "evidence", "edits"}
src = open(root + "/fixture.c", "rb").read()
for f, (rule, fam, line, col, cls, status, fn, sym) in zip(got, want):
    expect(keys <= set(f), "finding keys: missing %s" % (keys - set(f)))
    where = "%s:%d" % (f["rule"], f["line"])
    expect(f["rule"] == rule, "%s: rule, want %s" % (where, rule))
    expect(f["family"] == fam, where + ": family")
    expect(f["file"] == "fixture.c", where + ": file %r" % f["file"])
    expect((f["line"], f["column"]) == (line, col), where + ": line/column")
    expect(f["class"] == cls, where + ": class")
    expect(f["status"] == status, where + ": status")
    expect(f["function"] == fn, where + ": function")
    expect(f["symbol"] == sym, where + ": symbol")
    expect(f["configurations"] == ["default"], where + ": configurations")
    expect(f["confidence"] in ("high", "medium", "low"), where + ": confidence")
    expect(isinstance(f["message"], str) and f["message"], where + ": message")
    expect(isinstance(f["evidence"], list), where + ": evidence")
    expect(isinstance(f["edits"], list), where + ": edits")
    # the byte offset points at the symbol's spelling
    expect(src[f["offset"]:f["offset"] + len(sym)] == sym.encode()
           or rule == "dax-pfn-t-include", where + ": offset")
expect(got[1]["macro"] == "", "a definition is not inside its own macro")
expect(got[4]["evidence"] == ["disjunction with pmd_trans_huge()"], "evidence")

s = report["summary"]
expect(s["findings"] == 6 and s["files"] == 1 and s["units"] == 1
       and s["failures"] == 0, "summary totals %r" % s)
expect(s["by_family"] == {"devmap-bit": 1, "devmap-predicate": 2, "pfn-t": 3},
       "summary by_family %r" % s["by_family"])
expect(s["by_class"] == {"definition": 1, "judgement": 1, "mechanical": 4},
       "summary by_class %r" % s["by_class"])
expect(s["by_status"] == {"analysed": 6},
       "summary by_status %r" % s["by_status"])
print("check_json: ok")
