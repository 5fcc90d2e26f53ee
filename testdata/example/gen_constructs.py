#!/usr/bin/env python3
"""Regenerate testdata/example/CONSTRUCTS.md from the daxdev example sources.

Self-written helper for daxport tests.  Token positions come from clang's
-dump-tokens (active code, after preprocessing, both targets); directives and
the inactive compat branch are found with a small #if evaluator over the text.

    python3 testdata/example/gen_constructs.py          # rewrite CONSTRUCTS.md
    python3 testdata/example/gen_constructs.py --check  # exit 1 if it is stale
"""
import os
import re
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.normpath(os.path.join(HERE, "..", ".."))
DRV = os.path.join(HERE, "daxdev")
MOCK = os.path.join(REPO, "testdata", "mock-kernel", "include")
CLANG = os.environ.get("CLANG", "clang-19")
TARGETS = ["x86_64-linux-gnu", "aarch64-linux-gnu"]
CFILES = ["daxdev_main.c", "daxdev_fault.c"]
ALLFILES = ["daxdev.h", "daxdev_compat.h", "daxdev_fault.c", "daxdev_main.c"]
OUT = os.path.join(HERE, "CONSTRUCTS.md")

WATCH = {
    "pfn_t", "val", "pgmap", "pfn_t_to_pfn", "pfn_to_pfn_t", "__pfn_to_pfn_t",
    "phys_to_pfn_t", "page_to_pfn_t", "pfn_t_to_page", "pfn_t_to_phys",
    "pfn_t_valid", "pfn_t_has_page", "pfn_t_pte", "pfn_t_pmd", "pfn_t_pud",
    "pfn_t_devmap", "pfn_t_special", "PFN_DEV", "PFN_MAP", "PFN_SPECIAL",
    "PFN_SG_CHAIN", "PFN_SG_LAST", "PFN_FLAGS_MASK", "PFN_FLAGS_TRACE",
    "track_pfn_insert", "pmd_devmap", "pud_devmap", "pte_devmap", "pgd_devmap",
    "pte_mkdevmap", "pmd_mkdevmap", "pud_mkdevmap", "_PAGE_DEVMAP",
    "_PAGE_BIT_DEVMAP", "PTE_DEVMAP", "CONFIG_ARCH_HAS_PTE_DEVMAP",
    "CONFIG_FS_DAX_LIMITED", "vmf_insert_pfn_pmd", "vmf_insert_pfn_pud",
    "vmf_insert_mixed", "vmf_insert_mixed_mkwrite", "___wait_var_event",
    "page_ref_count", "folio_ref_count", "page_count", "set_page_count",
    "folio_set_count", "init_page_count", "put_devmap_managed_folio_refs",
    "wake_up_var", "atomic_read", "split_huge_pmd", "split_huge_pud",
    "kvm_pfn_t",
}

IDENT = re.compile(r"[A-Za-z_]\w*")


# ---------------------------------------------------------------- source text
def read(name):
    with open(os.path.join(DRV, name)) as f:
        return f.read().split("\n")


def blank_comments_strings(lines):
    """Return (code_lines, comments, strings); comments/strings blanked to spaces.

    comments/strings: list of (line, col, text) for the negatives table."""
    out, comments, strings = [], [], []
    in_block = False
    for ln, line in enumerate(lines, 1):
        buf = list(line)
        i = 0
        while i < len(line):
            if in_block:
                end = line.find("*/", i)
                stop = len(line) if end < 0 else end + 2
                comments[-1][2] += " " + line[i:stop].strip()
                for k in range(i, stop):
                    buf[k] = " "
                i = stop
                if end >= 0:
                    in_block = False
                continue
            if line.startswith("/*", i):
                comments.append([ln, i + 1, ""])
                in_block = True
                continue
            if line.startswith("//", i):
                comments.append([ln, i + 1, line[i:]])
                for k in range(i, len(line)):
                    buf[k] = " "
                break
            if line[i] in "\"'":
                q = line[i]
                j = i + 1
                while j < len(line) and line[j] != q:
                    j += 2 if line[j] == "\\" else 1
                if q == '"':
                    strings.append((ln, i + 1, line[i:j + 1]))
                for k in range(i + 1, min(j, len(line))):
                    buf[k] = " "
                i = j + 1
                continue
            i += 1
        out.append("".join(buf))
    return out, [tuple(c) for c in comments], strings


def logical_lines(code):
    """Map physical line -> (first line of the logical line, is_directive, is_define)."""
    info = {}
    first = None
    for ln, text in enumerate(code, 1):
        if first is None:
            first = ln
            s = text.lstrip()
            directive = s.startswith("#")
            define = bool(re.match(r"#\s*define\b", s))
        info[ln] = (first, directive, define)
        if not text.rstrip().endswith("\\"):
            first = None
    return info


class Evaluator:
    """Tiny #if evaluator for the example's own conditionals (6.12 mock config)."""

    def __init__(self):
        self.macros = {
            "LINUX_VERSION_CODE": (6 << 16) + (12 << 8),
            "CONFIG_ARCH_HAS_PTE_DEVMAP": 1, "CONFIG_FS_DAX": 1, "CONFIG_ZONE_DEVICE": 1,
            "CONFIG_TRANSPARENT_HUGEPAGE": 1,
            "CONFIG_HAVE_ARCH_TRANSPARENT_HUGEPAGE_PUD": 1, "CONFIG_MMU": 1,
        }

    def value(self, expr):
        e = re.sub(r"defined\s*\(\s*(\w+)\s*\)",
                   lambda m: "1" if m.group(1) in self.macros else "0", expr)
        e = re.sub(r"KERNEL_VERSION\s*\(\s*(\d+)\s*,\s*(\d+)\s*,\s*(\d+)\s*\)",
                   lambda m: str((int(m.group(1)) << 16) + (int(m.group(2)) << 8)
                                 + min(int(m.group(3)), 255)), e)
        e = IDENT.sub(lambda m: str(self.macros.get(m.group(0), 0)), e)
        e = e.replace("&&", " and ").replace("||", " or ")
        e = re.sub(r"!(?!=)", " not ", e)
        return bool(eval(e))  # only digits/operators remain

    def active_lines(self, code):
        """Return {line: active?} for one file; also records #defines."""
        stack = []  # (taking, any_taken, parent_active)
        active = {}
        info = logical_lines(code)
        cur = True
        ln = 1
        while ln <= len(code):
            first, directive, _ = info[ln]
            # gather a logical line
            end = ln
            while code[end - 1].rstrip().endswith("\\"):
                end += 1
            text = " ".join(code[k - 1].rstrip().rstrip("\\") for k in range(ln, end + 1))
            m = re.match(r"\s*#\s*(\w+)\s*(.*)", text) if directive else None
            kw = m.group(1) if m else None
            arg = m.group(2).strip() if m else ""
            if kw in ("if", "ifdef", "ifndef"):
                if kw == "ifdef":
                    take = arg.split()[0] in self.macros
                elif kw == "ifndef":
                    take = arg.split()[0] not in self.macros
                else:
                    take = self.value(arg)
                take = take and cur
                stack.append([take, take, cur])
                state = cur
                cur = take
            elif kw == "elif":
                top = stack[-1]
                take = top[2] and not top[1] and self.value(arg)
                top[0] = take
                top[1] = top[1] or take
                state = top[2]
                cur = take
            elif kw == "else":
                top = stack[-1]
                take = top[2] and not top[1]
                top[0] = take
                top[1] = True
                state = top[2]
                cur = take
            elif kw == "endif":
                top = stack.pop()
                state = top[2]
                cur = top[2]
            else:
                state = cur
                if cur and kw == "define":
                    name = IDENT.match(arg).group(0)
                    body = arg[len(name):]
                    val = body.strip()
                    self.macros[name] = int(val) if val.isdigit() else 1
            for k in range(ln, end + 1):
                active[k] = state
            ln = end + 1
        return active


# ---------------------------------------------------------------- clang tokens
ANY = re.compile(r"Loc=<([^:<>]+):(\d+):(\d+)(?: <Spelling=([^:<>]+):(\d+):(\d+)>)?>")
EXP_SITES = set()   # (file, line, col) where clang expanded a macro (per target union)
SEEN_LINES = set()  # (file, line) holding any token clang produced, spelled or expanded there
TOK = re.compile(r"^identifier '([^']*)'.*?Loc=<([^:<>]+):(\d+):(\d+)"
                 r"(?: <Spelling=([^:<>]+):(\d+):(\d+)>)?>")


def clang_tokens():
    """{(file, line, col, ident): set(expansion 'file:line:col')} per target."""
    per_target = {}
    for tgt in TARGETS:
        toks = {}
        for cf in CFILES:
            cmd = [CLANG, "--target=" + tgt, "-fsyntax-only", "-Wall", "-nostdinc",
                   "-I", MOCK, "-Xclang", "-dump-tokens", os.path.join(DRV, cf)]
            res = subprocess.run(cmd, capture_output=True, text=True)
            if res.returncode != 0:
                sys.exit("clang failed for %s %s:\n%s" % (tgt, cf, res.stderr[-2000:]))
            for line in res.stderr.splitlines():
                a = ANY.search(line)
                if a and a.group(4) and os.path.dirname(os.path.abspath(a.group(1))) == DRV:
                    EXP_SITES.add((os.path.basename(a.group(1)), int(a.group(2)), int(a.group(3))))
                if a:
                    for fl, ll in ((a.group(1), a.group(2)), (a.group(4), a.group(5))):
                        if fl and os.path.dirname(os.path.abspath(fl)) == DRV:
                            SEEN_LINES.add((os.path.basename(fl), int(ll)))
                m = TOK.match(line)
                if not m:
                    continue
                ident, lf, ll, lc, sf, sl, sc = m.groups()
                f, l, c = (sf, sl, sc) if sf else (lf, ll, lc)
                f = os.path.normpath(f)
                if os.path.dirname(os.path.abspath(f)) != DRV:
                    continue
                key = (os.path.basename(f), int(l), int(c), ident)
                exp = None
                if sf:
                    exp = "%s:%s:%s" % (os.path.basename(lf), ll, lc)
                toks.setdefault(key, set())
                if exp and exp != "%s:%s:%s" % key[:3]:
                    toks[key].add(exp)
        per_target[tgt] = toks
    return per_target


# ---------------------------------------------------------------- classification
def stmt_text(code, ln, back=6):
    """The current line plus a few preceding ones, joined (for context tests)."""
    lo = max(1, ln - back)
    return " ".join(code[k - 1] for k in range(lo, ln + 1))


def describe_pfn_t(code, ln, col):
    line = code[ln - 1]
    after = line[col - 1 + len("pfn_t"):]
    before = line[:col - 1]
    if before.rstrip().endswith("sizeof("):
        return "sizeof(pfn_t)"
    if re.search(r"\(\s*(const\s+)?$", before) and re.match(r"\s*\*\s*\)", after):
        return "cast to pfn_t *"
    if before.rstrip().endswith("(") and after.lstrip().startswith("){"):
        return "compound literal (pfn_t){ ... } (C's cast-like spelling for a struct type)"
    ctx = stmt_text(code, ln - 1, back=5) + " " + before if ln > 1 else before
    last = ctx.rfind(";")
    open_ctx = ctx[last + 1:] if last >= 0 else ctx
    if "typedef" in open_ctx and "(*" in open_ctx:
        return "parameter of a function-pointer typedef"
    if re.match(r"\s*\*\s*\w+\s*[,)]", after):
        if "daxdev_direct_access" in open_ctx:
            return ("pointer parameter of the dax_operations::direct_access implementation "
                    "(signature dictated by the core)")
        return "pointer parameter (out-parameter)"
    if re.match(r"\s*\w+\s*[,)]", after):
        return "parameter"
    if re.match(r"\s*\w+\s*\[", after):
        return "local array variable"
    if re.match(r"\s*\w+\s*;", after) and re.search(r"struct \w+ \{[^}]*$", "\n".join(code[max(0, ln - 8):ln - 1])):
        return "struct field"
    if re.match(r"\s*\w+\s*[;=]", after):
        return "local variable"
    return "type use"


def classify(code, f, ln, col, ident, exps):
    """Return ("report", row, cls, note) / ("neg", why) / None."""
    line = code[ln - 1]
    rest = line[col - 1:]
    before = line[:col - 1]
    exp_note = (" spelled in the macro body, expanded at %s." % ", ".join(sorted(exps))
                if exps and all(not e.startswith(f + ":%d:" % ln) for e in exps) else "")
    outer = sorted(int(e.split(":")[2]) for e in exps if e.startswith(f + ":%d:" % ln))
    outer = [c for c in outer if c < col]
    macro_arg_note = ""
    if outer:
        name = IDENT.match(line[outer[0] - 1:]).group(0)
        macro_arg_note = " Inside the arguments of macro `%s`." % name
    if ident == "pfn_t":
        return ("report", "2.3 type pfn_t -> unsigned long", "M",
                describe_pfn_t(code, ln, col) + "." + macro_arg_note)
    if ident == "val":
        if re.search(r"\{\s*\.$", before):
            return ("report", "2.3 p.val on a pfn_t -> p", "M",
                    "designator inside the (pfn_t){ .val = 0 } compound literal; "
                    "one finding with the pfn_t token on this line (whole literal becomes 0).")
        if before.endswith(".") or before.endswith("->"):
            return ("report", "2.3 p.val on a pfn_t -> p", "M", "member access." + macro_arg_note)
        return None
    if ident == "pgmap":
        if before.endswith("page->"):
            return ("report", "2.6 page->pgmap -> page_pgmap(page)", "M", macro_arg_note.strip())
        return None
    simple = {
        "pfn_t_to_pfn": ("2.3 pfn_t_to_pfn(p) -> p", "M"),
        "pfn_to_pfn_t": ("2.3 pfn_to_pfn_t(pfn) -> pfn", "M"),
        "page_to_pfn_t": ("2.3 page_to_pfn_t(page) -> page_to_pfn(page)", "M"),
        "pfn_t_to_page": ("2.3 pfn_t_to_page(p) -> pfn_to_page(p)", "M"),
        "pfn_t_to_phys": ("2.3 pfn_t_to_phys(p) -> PFN_PHYS(p)", "M"),
        "pfn_t_valid": ("2.3 pfn_t_valid(p) -> pfn_valid(p)", "M"),
        "pfn_t_has_page": ("2.3 pfn_t_has_page(p) -> pfn_valid(p) or true", "J"),
    }
    if ident in simple:
        row, cls = simple[ident]
        return ("report", row, cls, (exp_note + macro_arg_note).strip())
    if ident == "pfn_t_devmap":
        return ("report", "2.3 pfn_t_devmap(p) -> false, fold the branch", "J",
                "J because this driver still creates PFN_DEV|PFN_MAP pfns (phys_to_pfn_t in "
                "daxdev_pgoff_to_pfn).")
    if ident == "__pfn_to_pfn_t":
        if re.match(r"__pfn_to_pfn_t\([^,]+,\s*0\s*\)", rest):
            return ("report", "2.3 __pfn_to_pfn_t(pfn, 0) -> pfn", "M",
                    "MMIO doorbell pfn (no struct page).")
        return ("report", "2.3 __pfn_to_pfn_t(pfn, flags with PFN_MAP)", "J", "")
    if ident == "phys_to_pfn_t":
        if "PFN_MAP" in rest:
            return ("report", "2.3 phys_to_pfn_t with PFN_MAP", "J",
                    "ZONE_DEVICE pfn: becomes PHYS_PFN(phys) (never phys) and the mapping "
                    "must become refcounted (2.4).")
        return ("report", "2.3 phys_to_pfn_t(phys, flags) -> PHYS_PFN(phys)", "M", "")
    if ident in ("PFN_DEV", "PFN_MAP", "PFN_SPECIAL", "PFN_SG_CHAIN", "PFN_SG_LAST",
                 "PFN_FLAGS_MASK", "PFN_FLAGS_TRACE"):
        return ("report", "2.3 PFN_* flags removed", "J",
                "argument of phys_to_pfn_t on this line (one finding with it); "
                "PFN_MAP marks ZONE_DEVICE pages.")
    if ident in ("pmd_devmap", "pud_devmap", "pte_devmap"):
        pre = ident[:3]
        if re.search(r"!\s*%s_trans_huge\(.*\)\s*&&\s*!\s*$" % pre, before):
            return ("report", "2.1 !%s_trans_huge(x) && !%s_devmap(x) in WARN_ON -> "
                    "!%s_trans_huge(x)" % (pre, pre, pre), "M",
                    "M for the mainline target; J for a pre-6.15 target." + macro_arg_note)
        if re.search(r"%s_trans_huge\(.*\)\s*\|\|\s*$" % pre, before):
            tcol = before.find(pre + "_trans_huge(") + 1
            return ("report", "2.1 %s_trans_huge(x) || %s_devmap(x) -> %s_trans_huge(x)"
                    % (pre, pre, pre), "M",
                    "disjunct of %s_trans_huge at col %d; M for the mainline target, J for a "
                    "pre-6.15 target." % (pre, tcol))
        return ("report", "2.1 standalone %s(x) used to branch" % ident, "J",
                "debug trace branch; becomes %s_trans_huge or is deleted." % pre)
    if ident in ("pgd_devmap", "pte_mkdevmap", "pmd_mkdevmap", "pud_mkdevmap"):
        return ("report", "2.1 %s" % ident, "J" if "mk" in ident else "M", "")
    if ident == "CONFIG_ARCH_HAS_PTE_DEVMAP":
        return ("report", "2.2 #ifdef/#ifndef CONFIG_ARCH_HAS_PTE_DEVMAP -> treat as undefined",
                "M", "`#ifndef ... #error`: on 6.17 the symbol is gone and the #error fires; "
                "drop the block (or guard it by version).")
    if ident in ("vmf_insert_pfn_pmd", "vmf_insert_pfn_pud"):
        lvl = ident[-3:]
        return ("report", "2.4 %s, DAX caller -> vmf_insert_folio_%s (mainline) / "
                "dax_insert_pfn_%s (v1)" % (ident, lvl, lvl), "J",
                "pfn from phys_to_pfn_t(.., PFN_DEV|PFN_MAP); device-DAX fault handler.")
    if ident in ("vmf_insert_mixed", "vmf_insert_mixed_mkwrite"):
        if "__pfn_to_pfn_t" in rest:
            return ("report", "2.4 %s on PFNMAP/MMIO memory: name unchanged, argument "
                    "becomes unsigned long pfn" % ident, "M",
                    "MMIO doorbell (VM_MIXEDMAP|VM_IO vma); argument-only change.")
        return ("report", "2.4 %s, DAX caller -> vmf_insert_page_mkwrite (mainline) / "
                "dax_insert_pfn (v1)" % ident, "J",
                "inside the DAXDEV_INSERT_PTE wrapper macro;" + exp_note)
    if ident == "___wait_var_event":
        return ("report", "2.5 ___wait_var_event(&page->_refcount, ... == 1, ...) idle wait",
                "J (report only)",
                "evidence 1 (atomic_read(&page->_refcount) == 1 on the next line), "
                "2 (waits on the refcount address), 3 (pfn_to_page over the "
                "devm_memremap_pages range), 4 (is_zone_device_page, page->pgmap), "
                "5 (teardown of the pgmap pages).")
    if ident == "page_ref_count":
        return ("report", "2.5 page_ref_count(page) > 1 busy test", "J (report only)",
                "evidence 1 (page refcount compared with 1), 3 (devm_memremap_pages "
                "range), 4 (is_zone_device_page, page->pgmap guard).")
    if ident == "atomic_read":
        if "&page->_refcount" in rest:
            return None  # part of the ___wait_var_event finding
        return ("neg", "atomic_read(&ddev->nr_open) == 1: a driver open count compared "
                "with 1, not a page refcount (2.5 \"against\").")
    if ident == "page_count":
        return ("neg", "page_count(ddev->scratch) == 1: the scratch page comes from "
                "alloc_page() (2.5 \"against\": ordinary pages).")
    if ident == "wake_up_var":
        return ("neg", "wake_up_var(&page->_refcount) in ->page_free: evidence 2 and 5 but "
                "no refcount-versus-1 test (evidence 1), so no standalone 2.5 finding; a "
                "tool may cite it as supporting evidence.")
    if ident == "kvm_pfn_t":
        return ("neg", "kvm_pfn_t is a different type (u64), trap listed in 2.3.")
    return None


def main():
    check = "--check" in sys.argv
    sources = {f: read(f) for f in ALLFILES}
    code, comments, strings = {}, {}, {}
    for f, lines in sources.items():
        code[f], comments[f], strings[f] = blank_comments_strings(lines)

    # activity of each line (6.12 mock configuration, include order of daxdev_main.c)
    ev = Evaluator()
    active = {}
    for f in ["daxdev_compat.h", "daxdev.h", "daxdev_fault.c", "daxdev_main.c"]:
        active[f] = ev.active_lines(code[f])

    per_target = clang_tokens()
    tx, ta = (per_target[t] for t in TARGETS)
    toks = {}
    for t in TARGETS:
        for k, v in per_target[t].items():
            toks.setdefault(k, set()).update(v)
    # The devmap helpers are macros on arm64, so clang's arm64 token stream shows their
    # expansion instead of the name; every other identifier must match across targets.
    ARM64_MACROS = {"pte_devmap", "pmd_devmap", "pud_devmap", "pte_mkdevmap", "pmd_mkdevmap"}
    for k in set(tx) ^ set(ta):
        if not (k in tx and k not in ta and k[3] in ARM64_MACROS):
            sys.exit("x86_64 and aarch64 token sets differ at %s" % (k,))

    # cross-check: every identifier clang saw is on a line our evaluator calls active,
    # and every identifier on an active non-directive line was seen by clang
    seen_lines = SEEN_LINES
    for f in ALLFILES:
        info = logical_lines(code[f])
        for ln, text in enumerate(code[f], 1):
            first, directive, define = info[ln]
            has_ident = bool(IDENT.search(text))
            if (f, ln) in seen_lines and not active[f][ln]:
                sys.exit("clang saw tokens on %s:%d which the evaluator marks inactive" % (f, ln))
            if has_ident and active[f][ln] and not directive and (f, ln) not in seen_lines:
                sys.exit("%s:%d is active but clang saw no identifiers there" % (f, ln))

    reports, negatives, inactive = [], [], []
    # candidates: WATCH identifiers on active lines outside directives, as written
    for f in ALLFILES:
        info = logical_lines(code[f])
        for ln, text in enumerate(code[f], 1):
            first, directive, define = info[ln]
            if not active[f][ln] or (directive and not define):
                continue
            for m in IDENT.finditer(text):
                ident, col = m.group(0), m.start() + 1
                if ident not in WATCH:
                    continue
                key = (f, ln, col, ident)
                if key not in toks:
                    in_macro_args = any(e[0] == f and e[1] == ln and e[2] < col for e in EXP_SITES)
                    if (f, ln, col) in EXP_SITES or in_macro_args:
                        toks[key] = set()  # a macro name (expanded here or inside macro arguments)
                if key not in toks:
                    if define:
                        sys.exit("unexpanded active macro body uses %s at %s:%d" % (ident, f, ln))
                    sys.exit("%s at %s:%d:%d not seen by clang" % (ident, f, ln, col))
                r = classify(code[f], f, ln, col, ident, toks[key])
                if r is None:
                    continue
                if r[0] == "report":
                    note = r[3]
                    if key in tx and key not in ta:
                        note = (note + " On arm64 `%s` is a macro (same position)." % ident).strip()
                    reports.append((f, ln, col, ident, r[1], r[2], note))
                else:
                    negatives.append((f, ln, "`%s` (col %d)" % (ident, col), r[1]))
    # every clang-seen WATCH token must have been found by the text scan
    found = {(r[0], r[1], r[2], r[3]) for r in reports}
    for k in toks:
        if k[3] in WATCH and active[k[0]][k[1]]:
            pass  # covered above (text scan visits every active non-directive line)

    # directives: #include <linux/pfn_t.h>, CONFIG_ARCH_HAS_PTE_DEVMAP tests
    for f in ALLFILES:
        info = logical_lines(code[f])
        for ln, text in enumerate(code[f], 1):
            first, directive, define = info[ln]
            if not directive or define or not active[f][ln]:
                continue
            if re.match(r"\s*#\s*include\s*<linux/pfn_t\.h>", sources[f][ln - 1]):
                guarded = [k for k in range(1, ln) if re.match(r"\s*#\s*if\s+DAXDEV_HAVE_PFN_T", code[f][k - 1])]
                note = ("already under `#if DAXDEV_HAVE_PFN_T` (compat-guarded): report as guarded, "
                        "no edit needed." if guarded else "unconditional include.")
                reports.append((f, ln, sources[f][ln - 1].index("#") + 1, "#include <linux/pfn_t.h>",
                                "2.3 #include <linux/pfn_t.h> -> delete the line", "M", note))
                continue
            for m in IDENT.finditer(text):
                ident = m.group(0)
                if ident == "CONFIG_ARCH_HAS_PTE_DEVMAP":
                    r = classify(code[f], f, ln, m.start() + 1, ident, set())
                    reports.append((f, ln, m.start() + 1, ident) + r[1:])
                elif ident in WATCH:
                    sys.exit("unhandled directive construct %s at %s:%d" % (ident, f, ln))

    # inactive compat branch (#if LINUX_VERSION_CODE >= KERNEL_VERSION(6, 17, 0))
    for f in ALLFILES:
        info = logical_lines(code[f])
        for ln, text in enumerate(code[f], 1):
            if active[f][ln]:
                continue
            for m in IDENT.finditer(text):
                ident = m.group(0)
                if ident not in WATCH:
                    continue
                before = text[:m.start()]
                after = text[m.end():]
                first, directive, define = info[ln]
                if define and re.search(r"#\s*define\s+$", before):
                    what = "shim: defines macro `%s`" % ident
                elif re.search(r"static inline [\w ]+\*?\s*$", before) and after.startswith("("):
                    what = "shim: defines function `%s`" % ident
                elif ident == "pfn_t" and re.match(r"\s*\}\s*$", before):
                    what = "shim: typedef re-defines `pfn_t`"
                elif ident == "pfn_t":
                    what = "pfn_t type use inside the shim"
                elif ident == "val" and re.match(r"\s*u64\s+$", before):
                    what = "shim: field of the re-defined pfn_t"
                elif ident == "val":
                    what = "`.val` use inside the shim"
                elif ident in ("vmf_insert_mixed", "vmf_insert_mixed_mkwrite"):
                    what = ("6.17 spelling of DAXDEV_INSERT_PTE (already passes "
                            "pfn_t_to_pfn(pfn)); still a DAX caller for 2.4")
                else:
                    what = "use inside the shim"
                inactive.append((f, ln, m.start() + 1, ident, what))

    # negatives from comments, strings and look-alike identifiers
    look = re.compile(r"pfn_t|pmd_devmap|devmap|PFN_|_refcount")
    for f in ALLFILES:
        for ln, col, text in comments[f]:
            if look.search(text) and active[f][ln]:
                negatives.append((f, ln, "comment: %s" % text.strip()[:70],
                                  "comment text, not code."))
        for ln, col, text in strings[f]:
            if look.search(text) and active[f][ln]:
                negatives.append((f, ln, "string literal %s" % text[:70],
                                  "string literal, not code."))
    lookalike = {}
    for (f, ln, col, ident) in toks:
        if ident in WATCH or "pfn_t" not in ident.lower() and "devmap" not in ident.lower():
            continue
        lookalike.setdefault((f, ln, ident), col)
    why = {
        "pfn_t_count": "local variable whose name contains pfn_t (an int counter).",
        "daxdev_pfn_t_valid": "driver function whose name contains pfn_t_valid; its "
                              "body's pfn_t_valid() call is reported separately.",
        "DAXDEV_HAVE_PFN_T": "autoconf-style probe macro of the compat layer, not a pfn_t use.",
    }
    for (f, ln, ident), col in sorted(lookalike.items()):
        negatives.append((f, ln, "`%s` (col %d)" % (ident, col),
                          why.get(ident, "identifier merely containing pfn_t/devmap.")))
    for f in ALLFILES:
        for ln, text in enumerate(code[f], 1):
            m = re.search(r"DAXDEV_HAVE_PFN_T", text)
            if m and active[f][ln] and (f, ln, "DAXDEV_HAVE_PFN_T") not in lookalike:
                negatives.append((f, ln, "`DAXDEV_HAVE_PFN_T` (col %d)" % (m.start() + 1),
                                  why["DAXDEV_HAVE_PFN_T"]))

    order = {f: i for i, f in enumerate(ALLFILES)}
    reports.sort(key=lambda r: (order[r[0]], r[1], r[2]))
    negatives.sort(key=lambda r: (order[r[0]], r[1], r[2]))
    inactive.sort(key=lambda r: (order[r[0]], r[1], r[2]))

    out = render(reports, negatives, inactive)
    if check:
        with open(OUT) as fh:
            if fh.read() != out:
                sys.exit("CONSTRUCTS.md is stale: rerun gen_constructs.py")
        print("CONSTRUCTS.md is up to date (%d reports, %d negatives, %d inactive)"
              % (len(reports), len(negatives), len(inactive)))
        return
    with open(OUT, "w") as fh:
        fh.write(out)
    print("wrote %s: %d reports, %d negatives, %d inactive"
          % (os.path.relpath(OUT, REPO), len(reports), len(negatives), len(inactive)))


def esc(text):
    return text.replace("|", "\\|")


def render(reports, negatives, inactive):
    L = []
    L.append("# daxdev example: constructs a complete daxport run must find")
    L.append("")
    L.append("Generated by `python3 testdata/example/gen_constructs.py` (do not edit by hand; "
             "`--check` verifies it is current). Positions come from clang-19 `-dump-tokens` on "
             "`daxdev_main.c` and `daxdev_fault.c` against `testdata/mock-kernel/include` "
             "(Linux 6.12 mock, default config), and are identical for `--target=x86_64-linux-gnu` "
             "and `--target=aarch64-linux-gnu`.")
    L.append("")
    L.append("Conventions: `file:line:col` is relative to `testdata/example/daxdev/`; line and "
             "column are 1-based and a tab counts as one column; the column is that of the "
             "identifier token (for `#include` lines, of the `#`). Tokens produced by a macro "
             "expansion are listed at their spelling location, with the expansion site in the "
             "note. Some findings span several tokens (a flag argument, a `.val` designator); "
             "those rows say which token they belong with. Class: M mechanical, J judgement, "
             "as in the catalogue. Destinations: the 2.2 and 2.3 rows (pfn_t, PFN_*, devmap "
             "bits) hold for a 6.17+ target; the 2.1, 2.4, 2.5 and 2.6 rows from 6.15 on "
             "(2.1 is J on a pre-6.15 target).")
    L.append("")
    L.append("## 1. Must report (compiled on 6.12)")
    L.append("")
    L.append("| # | location | identifier | catalogue row | class | note |")
    L.append("|---|---|---|---|---|---|")
    for i, (f, ln, col, ident, row, cls, note) in enumerate(reports, 1):
        L.append("| %d | %s:%d:%d | `%s` | %s | %s | %s |"
                 % (i, f, ln, col, ident, esc(row), cls, esc(note)))
    L.append("")
    fam = {}
    for r in reports:
        fam[r[4][:3]] = fam.get(r[4][:3], 0) + 1
    L.append("Counts by catalogue family (rows above): " +
             ", ".join("%s: %d" % (k, fam[k]) for k in sorted(fam)) +
             "; total %d." % len(reports))
    L.append("")
    L.append("## 2. Inside the inactive compat branch (not compiled on 6.12)")
    L.append("")
    L.append("`daxdev_compat.h` re-defines pfn_t, PFN_DEV/PFN_MAP, pfn_t_to_pfn, phys_to_pfn_t, "
             "pfn_t_devmap and pXd_devmap inside `#if LINUX_VERSION_CODE >= KERNEL_VERSION(6, 17, 0)`. "
             "A tool that looks at inactive branches should report these as compat shims "
             "(definitions), not as uses; one that does not must not report them at all.")
    L.append("")
    L.append("| location | identifier | what |")
    L.append("|---|---|---|")
    for f, ln, col, ident, what in inactive:
        L.append("| %s:%d:%d | `%s` | %s |" % (f, ln, col, ident, what))
    L.append("")
    L.append("## 3. Deliberate negatives (must not be reported)")
    L.append("")
    L.append("| location | what | why |")
    L.append("|---|---|---|")
    for f, ln, what, why in negatives:
        L.append("| %s:%d | %s | %s |" % (f, ln, what.replace("|", "\\|"), why.replace("|", "\\|")))
    L.append("")
    return "\n".join(L)


if __name__ == "__main__":
    main()
