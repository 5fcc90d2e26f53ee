# Checks for scan-x86-arm64.test: prints the facts the test's CHECK lines
# assert, from daxport's JSON report of the real tree.
import json, os, re, sys

report, tree = sys.argv[1], sys.argv[2]
d = json.load(open(report))
F = d["findings"]
print("parse failures:", len(d["failures"]))
for f in d["failures"]:
    print("  failed:", f["file"], f["configuration"], f["errors"][:1])
by_site = {}
for f in F:
    by_site.setdefault((f["file"], f["line"]), []).append(f)
want = [("fs/dax.c", 1753), ("fs/dax.c", 1875),
        ("arch/arm64/include/asm/pgtable-prot.h", 20),
        ("drivers/dax/device.c", 76), ("drivers/dax/device.c", 133),
        ("drivers/dax/device.c", 176), ("fs/ext4/inode.c", 3995),
        ("fs/fuse/dax.c", 679), ("mm/memremap.c", 497),
        # The kernel's own static definitions and the static key's uses.
        ("mm/gup.c", 3045), ("mm/debug_vm_pgtable.c", 697),
        ("mm/memremap.c", 49), ("mm/memremap.c", 154)]
for site in want:
    for f in by_site.get(site, []):
        print(f"{f['file']}:{f['line']} {f['rule']} {','.join(f['configurations'])} {f['function']}")
    if site not in by_site:
        print("MISSING", site)
# kvm_pfn_t is a different type: nothing reported on its lines.
kvm = 0
for f in F:
    path = os.path.join(tree, f["file"])
    try:
        line = open(path, errors="replace").read().split("\n")[f["line"] - 1]
    except (OSError, IndexError):
        continue
    if "kvm_pfn_t" in line and f["symbol"] == "pfn_t":
        kvm += 1
print("kvm_pfn_t sites reported:", kvm)
# Every devmap definition in the other architectures' code.
defn = re.compile(r"^#define (pte|pmd|pud|pgd)_(mk)?devmap\b|^static inline [a-z_ ]+\b(pte|pmd|pud|pgd)_(mk)?devmap\(|^#define _?_?(PAGE|PTE)_(BIT_)?DEVMAP(_SHIFT)?\b|^(static inline )?[a-z_ ]*\b(hash__|radix__)p[mu]d_mkdevmap\(")
sites = []
for arch in ("arm64", "powerpc", "loongarch", "riscv"):
    for root, _, files in os.walk(os.path.join(tree, "arch", arch)):
        for name in files:
            if not name.endswith((".h", ".c")):
                continue
            path = os.path.join(root, name)
            for no, line in enumerate(open(path, errors="replace"), 1):
                if defn.search(line):
                    sites.append((os.path.relpath(path, tree), no))
found = [s for s in sites
         if any(f["family"].startswith("devmap") for f in by_site.get(s, []))]
for s in sites:
    if s not in found:
        print("  definition not reported:", s)
statuses = sorted({f["status"] for s in found for f in by_site[s]})
print(f"arch devmap definitions: {len(sites)} found {len(found)} ({', '.join(statuses)})")
