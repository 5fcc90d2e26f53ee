# Checks that every hunk of a daxport diff is a catalogue mechanical form:
# applying only those forms to the hunk's removed text gives its added text.
import re, sys

FORMS = [
    (r"#\s*include\s*[<\"]linux/pfn_t\.h[>\"][^\n]*\n?", ""),
    (r"defined\(CONFIG_ARCH_HAS_PTE_DEVMAP\)\s*&&\s*", ""),
    # a devmap-guarded block and its #else/#endif lines go
    (r"^#\s*if(def\s+CONFIG_ARCH_HAS_PTE_DEVMAP|\s+defined\(CONFIG_ARCH_HAS_PTE_DEVMAP\)|\s+IS_ENABLED\(CONFIG_ARCH_HAS_PTE_DEVMAP\))[\s\S]*", ""),
    (r"^\s*#\s*(endif|else)\b[^\n]*\n?$", ""),
    (r"\bif \(!put_devmap_managed_folio_refs\([^()]*\)\)\s*", ""),
    (r"^\s*BUILD_BUG_ON\(pgd_devmap\([^()]*\)\);\s*$", ""),
    (r"\bp[mu]d_devmap\((?:[^()]|\([^()]*\))*\)\s*\|\|\s*", ""),
    # || pXd_devmap(x) beside the trans-huge test, && !pXd_devmap(x)
    (r"\s*\|\|\s*p[mu]d_devmap\((?:[^()]|\([^()]*\))*\)", ""),
    (r"\s*&&\s*!\s*p[mu]d_devmap\((?:[^()]|\([^()]*\))*\)", ""),
    (r"\bpfn_t\b", "unsigned long"),
    (r"#\s*include\s*[<\"]linux/pfn_t\.h[>\"][^\n]*\n?", ""),
    (r"\bpfn_t_to_pfn\(((?:[^()]|\([^()]*\))*)\)", r"(\1)"),
    (r"\bpfn_to_pfn_t\(((?:[^()]|\([^()]*\))*)\)", r"(\1)"),
    (r"\b__pfn_to_pfn_t\(\s*([^,()]+)\s*,\s*(?:0|PFN_DEV)\s*\)", r"\1"),
    (r"\bphys_to_pfn_t\(\s*([^,()]+)\s*,\s*(?:0|PFN_DEV)\s*\)", r"PHYS_PFN(\1)"),
    (r"\bpage_to_pfn_t\(", "page_to_pfn("),
    (r"\bpfn_t_to_page\(", "pfn_to_page("),
    (r"\bpfn_t_to_phys\(", "PFN_PHYS("),
    (r"\bpfn_t_valid\(", "pfn_valid("),
    (r"\bpfn_t_(pte|pmd|pud)\(", r"pfn_\1("),
    (r"(\w+)\.val\b", r"\1"),
    (r"(\w+)->val\b", r"*\1"),
    (r"\s*\|\s*_PAGE_DEVMAP\b", ""),
    (r"\b_PAGE_DEVMAP\s*\|\s*", ""),
    (r"\s*&\s*~_PAGE_DEVMAP\b", ""),
    (r"\btrack_pfn_insert\(\s*[^,]+,\s*([^,]+),\s*([^()]+)\)", r"pfnmap_setup_cachemode_pfn(\2, \1)"),
    (r"(\w+)->pgmap\b", r"page_pgmap(\1)"),
    # Kconfig: the select line, a lone depends-on, an && term
    (r"^\s*(select|depends on)\s+ARCH_HAS_PTE_DEVMAP\b[^\n]*\n?", ""),
    (r"\s*&&\s*ARCH_HAS_PTE_DEVMAP\b", ""),
]

def norm(s):
    s = re.sub(r"\s+", " ", s).strip()
    # (x), (*p), (f(y)): parentheses a rewrite may keep or drop
    while True:
        t = re.sub(r"(?<![\w)\]])\((\*?\w+(?:\([^()]*\))?)\)", r"\1", s)
        if t == s:
            return s
        s = t

def derive(old):
    for pat, rep in FORMS:
        old = re.sub(pat, rep, old)
    return old

hunks = mech = 0
cur_old, cur_new, where = [], [], ""
def flush():
    global hunks, mech
    if not (cur_old or cur_new):
        return
    hunks += 1
    old, new = "".join(cur_old), "".join(cur_new)
    if norm(derive(old)) == norm(new) or norm(derive(derive(old))) == norm(new):
        mech += 1
    else:
        # Parenthesised single terms left by mask edits: (X) -> X.
        if norm(re.sub(r"\((\w+)\)", r"\1", derive(old))) == norm(re.sub(r"\((\w+)\)", r"\1", new)):
            mech += 1
        else:
            print("NOT MECHANICAL", where)
            print("  -", old.rstrip())
            print("  +", new.rstrip())
for line in open(sys.argv[1], errors="replace"):
    if line.startswith("+++ ") or line.startswith("--- "):
        flush(); cur_old, cur_new = [], []; where = line.strip(); continue
    if line.startswith("@@"):
        flush(); cur_old, cur_new = [], []; where2 = line.strip(); continue
    if line.startswith("-"):
        cur_old.append(line[1:])
    elif line.startswith("+"):
        cur_new.append(line[1:])
    elif line.startswith(" "):
        if cur_old or cur_new:
            flush(); cur_old, cur_new = [], []
flush()
print(f"hunks: {hunks}, mechanical: {mech}, other: {hunks - mech}")
