#!/usr/bin/env python3
"""daxport benchmark driver (bench/run.sh is the entry point).

Runs, one after the other on one copy of a kernel tree:
  (e) the floor: grep for the rule packs' tokens;
  (a) daxport, all rule packs, x86_64: cold (empty kernel cache), warm
      (prepared build dirs reused, result cache off), warm filling the result
      cache, re-scan after editing fs/dax.c (cache on), and after a second
      edit the same re-scan restricted to fs/dax.c;
  (b) the same with --arch x86_64,arm64,powerpc;
  (c) Coccinelle with the semantic patches in bench/cocci/, one per family;
  (d) naive Clang: clang-19 -fsyntax-only over the units daxport's prefilter
      selected plus as many other units, extrapolated to the whole build.
Every command runs under /usr/bin/time (wall, user+sys CPU, peak RSS).
Results: OUT/results.json, OUT/results.md, the raw outputs in OUT/raw/.
Nothing is asserted: targets are reported as met or missed.
`python3 bench/bench.py --report-from OUT/results.partial.json` rebuilds the
report from the figures saved after each step. See docs/performance.md.
"""
import argparse
import collections
import concurrent.futures
import datetime
import glob
import hashlib
import json
import os
import platform
import random
import re
import shutil
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)
TARBALL = "/usr/src/linux-source-6.12.tar.xz"
FAMILIES = ["devmap-predicate", "devmap-bit", "pfn-t", "insert-api", "refcount-one"]
TIME = "/usr/bin/time"
EDIT_FILE = "fs/dax.c"
EDIT_TEXT = "\n/* daxport bench: one-file edit for the re-scan measurement */\n"


def log(msg):
    print("[bench %s] %s" % (time.strftime("%H:%M:%S"), msg), file=sys.stderr, flush=True)


def sh(argv, **kw):
    return subprocess.run(argv, check=True, stdout=subprocess.PIPE, text=True, **kw).stdout


def busy_s():
    """CPU seconds the whole machine has spent busy since boot (/proc/stat)."""
    f = open("/proc/stat").readline().split()
    user, nice, system, idle, iowait, irq, softirq, steal = (int(x) for x in f[1:9])
    return (user + nice + system + irq + softirq + steal) / os.sysconf("SC_CLK_TCK")


def timed(name, argv, cwd, out_path=None, err_path=None, ok=(0,)):
    """Runs argv under /usr/bin/time; returns wall/cpu/rss and the exit code.

    other_cpu_s: CPU the rest of the machine used meanwhile (all busy time
    minus this command's own): a noisy neighbour shows up there."""
    fd, tf = tempfile.mkstemp(prefix="bench-time-")
    b0 = busy_s()
    os.close(fd)
    out = open(out_path, "w") if out_path else subprocess.DEVNULL
    err = open(err_path, "w") if err_path else subprocess.DEVNULL
    t0 = time.monotonic()
    try:
        rc = subprocess.run([TIME, "-f", "%e %U %S %M", "-o", tf] + argv, cwd=cwd,
                            stdout=out, stderr=err).returncode
    finally:
        if out_path:
            out.close()
        if err_path:
            err.close()
    t1 = time.monotonic()
    b1 = busy_s()
    lines = [l for l in open(tf).read().splitlines() if l.strip()]
    os.unlink(tf)
    e, u, s, m = lines[-1].split()
    r = {"name": name, "wall_s": float(e), "user_s": float(u), "sys_s": float(s),
         "cpu_s": round(float(u) + float(s), 2), "peak_rss_mib": round(int(m) / 1024, 1),
         "rc": rc, "ok": rc in ok}
    r["other_cpu_s"] = round(max(0.0, (b1 - b0) - r["cpu_s"]), 1)
    if not r["ok"]:
        log("WARNING: %s exited with %d (see %s)" % (name, rc, err_path))
    log("%-34s wall %7.2f s  cpu %7.2f s  rss %7.1f MiB  rc %d  (others: %.1f cpu-s)" %
        (name, r["wall_s"], r["cpu_s"], r["peak_rss_mib"], rc, r["other_cpu_s"]))
    del t0, t1
    return r


# --------------------------------------------------------------------------
# The tree
# --------------------------------------------------------------------------

def work_tree(args):
    """A private, writable copy of the tree (made once, reused)."""
    trees = os.path.join(args.cache, "trees")
    os.makedirs(trees, exist_ok=True)
    if args.tree:
        src = os.path.realpath(args.tree)
        if not os.path.isfile(os.path.join(src, "Makefile")):
            sys.exit("bench: %s is not a kernel tree" % src)
        key = hashlib.sha1(src.encode()).hexdigest()[:10]
        dst = os.path.join(trees, "%s-%s" % (os.path.basename(src), key))
        what = ["cp", "-a", src]
    else:
        if not os.path.isfile(TARBALL):
            sys.exit("bench: no --tree and no %s (apt-get install linux-source-6.12)" % TARBALL)
        st = os.stat(TARBALL)
        key = hashlib.sha1(("%s %d %d" % (TARBALL, st.st_size, int(st.st_mtime))).encode()).hexdigest()[:10]
        dst = os.path.join(trees, "linux-source-6.12-tar-%s" % key)
        src = TARBALL
        what = None
    done = dst + ".done"
    setup = {"source": src, "copy": dst, "made_now": False}
    if not os.path.exists(done):
        shutil.rmtree(dst, ignore_errors=True)
        tmp = dst + ".tmp"
        shutil.rmtree(tmp, ignore_errors=True)
        t0 = time.monotonic()
        if what:
            log("copying %s to %s (cp -a, once)" % (src, dst))
            subprocess.run(what + [tmp], check=True)
        else:
            log("unpacking %s into %s (once)" % (TARBALL, dst))
            os.makedirs(tmp)
            subprocess.run(["tar", "-xf", TARBALL, "-C", tmp], check=True)
            inner = [d for d in os.listdir(tmp) if os.path.isdir(os.path.join(tmp, d))]
            if len(inner) != 1:
                sys.exit("bench: unexpected tarball layout in %s" % tmp)
            os.rename(os.path.join(tmp, inner[0]), dst)
            os.rmdir(tmp)
            tmp = None
        if tmp:
            os.rename(tmp, dst)
        open(done, "w").write(src + "\n")
        setup["made_now"] = True
        setup["setup_s"] = round(time.monotonic() - t0, 1)
        log("tree ready in %.1f s" % setup["setup_s"])
    restore_edit(dst)
    return dst, setup


def backup_path(tree):
    return tree + ".edit-backup"


def restore_edit(tree):
    b = backup_path(tree)
    if os.path.exists(b):
        shutil.copy2(b, os.path.join(tree, EDIT_FILE))
        os.unlink(b)


def make_edit(tree):
    """Appends a comment to EDIT_FILE (backed up at the first edit)."""
    f = os.path.join(tree, EDIT_FILE)
    if not os.path.exists(backup_path(tree)):
        shutil.copy2(f, backup_path(tree))
    with open(f, "a") as fh:
        fh.write(EDIT_TEXT)


# --------------------------------------------------------------------------
# Tokens of the rule packs
# --------------------------------------------------------------------------

def rule_tokens():
    import yaml
    fam_of = collections.OrderedDict()
    for f in sorted(glob.glob(os.path.join(REPO, "rules", "*.yaml"))):
        d = yaml.safe_load(open(f))
        for r in d.get("rules", []):
            for s in r.get("symbols") or []:
                fam_of.setdefault(s, d["family"])
    return fam_of


# --------------------------------------------------------------------------
# (e) the floor
# --------------------------------------------------------------------------

def run_floor(args, tree, raw):
    fam_of = rule_tokens()
    regex = r"(%s)" % "|".join(re.escape(t) for t in fam_of)
    res = {"tokens": len(fam_of)}
    # Untimed pass first: primes the page cache for every tool that follows.
    subprocess.run(["grep", "-rlwE", "--include=*.[ch]", "--include=Kconfig*", "-e", regex, "."],
                   cwd=tree, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    out = os.path.join(raw, "floor-grep.txt")
    r = timed("e  grep -rnwE (1 thread)",
              ["grep", "-rnwE", "--include=*.[ch]", "--include=Kconfig*", "-e", regex, "."],
              tree, out, os.path.join(raw, "floor-grep.err"), ok=(0, 1))
    lines = open(out, errors="replace").read().splitlines()
    r["findings"] = len(lines)
    by_fam = collections.Counter()
    tok_re = re.compile(r"\b(%s)\b" % "|".join(re.escape(t) for t in fam_of))
    for l in lines:
        m = tok_re.search(l.split(":", 2)[-1])
        if m:
            by_fam[fam_of[m.group(1)]] += 1
    r["by_family"] = dict(by_fam)
    r["files"] = len({l.split(":", 1)[0] for l in lines})
    res["grep"] = r
    out = os.path.join(raw, "floor-git-grep.txt")
    r = timed("e  git grep --no-index (%d thr)" % args.jobs,
              ["git", "grep", "--no-index", "--threads", str(args.jobs), "-n", "-w", "-E", regex,
               "--", "*.c", "*.h", "Kconfig*", "**/Kconfig*"],
              tree, out, os.path.join(raw, "floor-git-grep.err"), ok=(0, 1))
    r["findings"] = sum(1 for _ in open(out, errors="replace"))
    res["git_grep"] = r
    return res


# --------------------------------------------------------------------------
# (a), (b) daxport
# --------------------------------------------------------------------------

def daxport_findings(path):
    d = json.load(open(path))
    return d


def summarize_daxport(doc):
    f = doc.get("findings", [])
    s = doc.get("summary", {})
    return {"findings": len(f), "units": s.get("units"), "failures": s.get("failures"),
            "files": s.get("files"), "by_family": s.get("by_family"), "by_status": s.get("by_status")}


def run_daxport(args, tree, raw, label, archs):
    base = os.path.join(args.run_dir, label)
    kc = os.path.join(base, "kernel-cache")
    rc_dir = os.path.join(base, "result-cache")
    shutil.rmtree(base, ignore_errors=True)
    os.makedirs(kc)
    os.makedirs(rc_dir)
    common = [args.daxport, "scan", "--kernel", tree, "--arch", archs, "--kernel-cache", kc,
              "--cache-dir", rc_dir, "--format", "json", "-j", str(args.jobs)]
    runs = collections.OrderedDict()
    ok = (0, 1, 3)

    def one(kind, extra, title):
        out = os.path.join(raw, "daxport-%s-%s.json" % (label, kind))
        r = timed("%s daxport %s %s" % (label[0], archs, title), common + extra + ["-o", out],
                  tree, None, os.path.join(raw, "daxport-%s-%s.log" % (label, kind)), ok=ok)
        if os.path.exists(out):
            doc = json.load(open(out))
            r.update(summarize_daxport(doc))
        runs[kind] = r
        return r

    one("cold", ["--no-cache"], "cold (prepare + scan)")
    one("warm", ["--no-cache"], "warm (result cache off)")
    one("fill", [], "warm, filling result cache")
    make_edit(tree)
    try:
        one("rescan", [], "re-scan after editing %s" % EDIT_FILE)
        # Not asked for, but tells the whole-tree walk from the unit work:
        # after a second edit, the same re-scan restricted to the edited file.
        make_edit(tree)
        one("rescan-path", [EDIT_FILE], "re-scan of %s only (PATH)" % EDIT_FILE)
    finally:
        restore_edit(tree)
    return {"archs": archs, "kernel_cache": kc, "runs": runs}


# --------------------------------------------------------------------------
# (c) Coccinelle
# --------------------------------------------------------------------------

COCCI_LINE = re.compile(r"^(.*?):(\d+):(\d+):(%s):(.*)$" % "|".join(FAMILIES))


def run_cocci(args, tree, raw, variant):
    extra = ["--include-headers"] if variant == "headers" else []
    res = {"variant": variant, "patches": collections.OrderedDict()}
    sites = set()
    total = {"wall_s": 0.0, "cpu_s": 0.0, "peak_rss_mib": 0.0}
    for sp in sorted(glob.glob(os.path.join(HERE, "cocci", "*.cocci"))):
        fam = os.path.basename(sp)[:-6]
        out = os.path.join(raw, "cocci-%s-%s.txt" % (variant, fam))
        argv = ["spatch", "--sp-file", sp, "--dir", tree, "--jobs", str(args.jobs),
                "--very-quiet", "--no-includes"] + extra
        r = timed("c  spatch %s (%s)" % (fam, variant), argv, tree, out,
                  os.path.join(raw, "cocci-%s-%s.err" % (variant, fam)))
        found = set()
        for l in open(out, errors="replace"):
            m = COCCI_LINE.match(l.rstrip("\n"))
            if not m:
                continue
            f = os.path.relpath(os.path.realpath(m.group(1)) if os.path.isabs(m.group(1))
                                else os.path.join(tree, m.group(1)), tree)
            found.add((f, int(m.group(2)), int(m.group(3)), m.group(4), m.group(5)))
        r["findings"] = len(found)
        r["argv"] = " ".join(argv[:1] + [os.path.relpath(a, REPO) if a.startswith(HERE) else a
                                          for a in argv[1:]])
        res["patches"][fam] = r
        sites |= found
        total["wall_s"] += r["wall_s"]
        total["cpu_s"] += r["cpu_s"]
        total["peak_rss_mib"] = max(total["peak_rss_mib"], r["peak_rss_mib"])
    total = {k: round(v, 2) for k, v in total.items()}
    total["findings"] = len(sites)
    total["ok"] = all(p["ok"] for p in res["patches"].values())
    res["total"] = total
    res["sites"] = sorted(sites)
    return res


# --------------------------------------------------------------------------
# (d) naive Clang
# --------------------------------------------------------------------------

def syntax_only(argv):
    out, skip = [], False
    for a in argv:
        if skip:
            skip = False
            continue
        if a == "-o":
            skip = True
            continue
        if a in ("-c", "-MD", "-MMD") or a.startswith("-Wp,-MMD") or a.startswith("-Wp,-MD"):
            continue
        out.append(a)
    return out + ["-fsyntax-only"]


def load_index(path):
    units = {}
    with open(path) as fh:
        head = fh.readline().rstrip("\n").split("\t")
        build = head[2] if len(head) > 2 else None
        for line in fh:
            parts = line.rstrip("\n").split("\t", 2)
            if len(parts) == 3:
                units[parts[0]] = json.loads(parts[2])
    return build, units


def clang_worker(spec_path, jobs, result_path):
    """Runs the units of spec_path, jobs at a time, each under /usr/bin/time."""
    spec = json.load(open(spec_path))

    def one(u):
        fd, tf = tempfile.mkstemp(prefix="bench-clang-")
        os.close(fd)
        p = subprocess.run([TIME, "-f", "%e %U %S %M", "-o", tf] + u["argv"], cwd=u["dir"],
                           stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        e, us, s, m = open(tf).read().split()[-4:]
        os.unlink(tf)
        return {"source": u["source"], "group": u["group"], "rc": p.returncode,
                "wall_s": float(e), "cpu_s": float(us) + float(s), "rss_kib": int(m),
                "first_error": next((l for l in p.stderr.splitlines() if "error:" in l), "")}

    with concurrent.futures.ThreadPoolExecutor(jobs) as ex:
        res = list(ex.map(one, spec))
    json.dump(res, open(result_path, "w"), indent=1)


def run_naive_clang(args, tree, raw, kc):
    arch_dirs = glob.glob(os.path.join(kc, "*", "x86_64"))
    if not arch_dirs:
        return {"error": "no prepared x86_64 configuration in %s" % kc}
    ad = arch_dirs[0]
    db = json.load(open(os.path.join(ad, "compile_commands.json")))
    build, index = load_index(os.path.join(ad, "kbuild-index.txt"))
    selected = []
    for e in db:
        src = os.path.relpath(e["file"], tree)
        argv = e.get("arguments") or e["command"].split()
        selected.append({"source": src, "group": "prefilter", "dir": e["directory"],
                         "argv": syntax_only(argv)})
    chosen = {u["source"] for u in selected}
    others = sorted(s for s in index if s not in chosen)
    rnd = random.Random(20250601)
    sample = rnd.sample(others, min(len(selected), len(others)))
    for s in sample:
        selected.append({"source": s, "group": "other", "dir": build, "argv": syntax_only(index[s])})
    spec = os.path.join(raw, "clang-units.json")
    json.dump(selected, open(spec, "w"), indent=1)
    per_unit = os.path.join(raw, "clang-per-unit.json")
    r = timed("d  clang-19 -fsyntax-only x%d" % len(selected),
              [sys.executable, os.path.abspath(__file__), "--run-clang", spec, str(args.jobs), per_unit],
              tree, None, os.path.join(raw, "clang.log"))
    units = json.load(open(per_unit))
    g = collections.defaultdict(list)
    for u in units:
        g[u["group"]].append(u)
    n_all = len(index)
    cpu_pref = sum(u["cpu_s"] for u in g["prefilter"])
    mean_other = (sum(u["cpu_s"] for u in g["other"]) / len(g["other"])) if g["other"] else 0
    est_cpu = cpu_pref + mean_other * (n_all - len(g["prefilter"]))
    r.update({
        "units_prefilter": len(g["prefilter"]), "units_other": len(g["other"]),
        "units_failed": sum(1 for u in units if u["rc"] != 0),
        "failures": [(u["source"], u["first_error"]) for u in units if u["rc"] != 0][:10],
        "mean_cpu_prefilter_s": round(cpu_pref / max(1, len(g["prefilter"])), 3),
        "mean_cpu_other_s": round(mean_other, 3),
        "units_whole_build": n_all,
        "extrapolated_cpu_s": round(est_cpu, 1),
        # Ideal parallelism: a lower bound on the wall time of the whole tree.
        "extrapolated_wall_s": round(est_cpu / args.jobs, 1),
        "max_unit_rss_mib": round(max(u["rss_kib"] for u in units) / 1024, 1),
    })
    return r


# --------------------------------------------------------------------------
# Comparison
# --------------------------------------------------------------------------

def compare(dax_json, cocci_sites):
    doc = json.load(open(dax_json))
    dax = {}
    for f in doc["findings"]:
        dax.setdefault((f["family"], f["file"], f["line"]), f["status"])
    coc = {(fam, f, line) for (f, line, col, fam, what) in cocci_sites}
    res = {}
    for fam in FAMILIES:
        d = {k for k in dax if k[0] == fam}
        c = {k for k in coc if k[0] == fam}
        only_d = d - c
        res[fam] = {"daxport_sites": len(d), "cocci_sites": len(c), "both": len(d & c),
                    "daxport_only": len(only_d), "cocci_only": len(c - d),
                    "daxport_only_by_status": dict(collections.Counter(dax[k] for k in only_d)),
                    "daxport_only_examples": ["%s:%d" % (k[1], k[2]) for k in sorted(only_d)[:8]],
                    "cocci_only_examples": ["%s:%d" % (k[1], k[2]) for k in sorted(c - d)[:8]]}
    tot = {k: sum(res[f][k] for f in FAMILIES)
           for k in ("daxport_sites", "cocci_sites", "both", "daxport_only", "cocci_only")}
    res["total"] = tot
    # The same on file + line alone: a site both tools report under different
    # families (follow_devmap_pmd, say) counts as common here.
    d_fl = {(k[1], k[2]) for k in dax}
    c_fl = {(k[1], k[2]) for k in coc}
    res["any_family"] = {"daxport_sites": len(d_fl), "cocci_sites": len(c_fl), "both": len(d_fl & c_fl),
                         "daxport_only": len(d_fl - c_fl), "cocci_only": len(c_fl - d_fl)}
    return res


# --------------------------------------------------------------------------
# Report
# --------------------------------------------------------------------------

def machine():
    cpu = "unknown"
    for l in open("/proc/cpuinfo"):
        if l.startswith("model name"):
            cpu = l.split(":", 1)[1].strip()
            break
    mem = 0
    for l in open("/proc/meminfo"):
        if l.startswith("MemTotal"):
            mem = int(l.split()[1])
    def ver(argv):
        try:
            return subprocess.run(argv, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                                  text=True).stdout.splitlines()[0].strip()
        except Exception:
            return "?"
    return {"nproc": os.cpu_count(), "ram_gib": round(mem / 1024 / 1024, 1), "cpu": cpu,
            "kernel": platform.release(),
            "date": datetime.datetime.now().astimezone().isoformat(timespec="seconds"),
            "spatch": ver(["spatch", "--version"]), "clang": ver(["clang-19", "--version"])}


def fmt(x, nd=2):
    if x is None:
        return "-"
    if isinstance(x, float):
        return ("%." + str(nd) + "f") % x
    return str(x)


def rows(R):
    out = []  # (section, label, wall, cpu, rss, findings, note)
    for lab in ("a", "b"):
        if lab in R:
            for kind, r in R[lab]["runs"].items():
                out.append(("(%s) daxport %s" % (lab, R[lab]["archs"]), kind, r))
    if "c" in R:
        for v in R["c"]:
            for fam, r in R["c"][v]["patches"].items():
                out.append(("(c) spatch %s" % v, fam, r))
            out.append(("(c) spatch %s" % v, "TOTAL (sequential)", R["c"][v]["total"]))
    if "d" in R and "wall_s" in R["d"]:
        d = R["d"]
        out.append(("(d) naive clang", "%d+%d units measured" % (d["units_prefilter"], d["units_other"]), d))
        out.append(("(d) naive clang", "extrapolated: %d units" % d["units_whole_build"],
                    {"wall_s": d["extrapolated_wall_s"], "cpu_s": d["extrapolated_cpu_s"],
                     "peak_rss_mib": d["max_unit_rss_mib"], "findings": None}))
    if "e" in R:
        out.append(("(e) floor", "grep -rnwE", R["e"]["grep"]))
        out.append(("(e) floor", "git grep --no-index", R["e"]["git_grep"]))
    return out


def table_text(R):
    lines = ["%-34s %-28s %9s %9s %9s %9s %8s" % ("tool", "run", "wall s", "cpu s", "RSS MiB", "findings",
                                                  "others")]
    for sec, lab, r in rows(R):
        lines.append("%-34s %-28s %9s %9s %9s %9s %8s" % (sec, lab, fmt(r.get("wall_s")), fmt(r.get("cpu_s")),
                                                           fmt(r.get("peak_rss_mib"), 1), fmt(r.get("findings")),
                                                           fmt(r.get("other_cpu_s"), 1)))
    return "\n".join(lines)


def targets(R):
    t = []
    cref = None
    if "c" in R:
        cref = R["c"].get("headers", R["c"].get("c"))["total"]
        t_name = "headers" if "headers" in R["c"] else "c"
    for lab, limit in (("a", 1.0), ("b", 2.0)):
        if lab in R and cref:
            for kind in ("cold", "warm"):
                r = R[lab]["runs"][kind]
                ratio = r["wall_s"] / cref["wall_s"]
                t.append({"target": "(%s) %s wall <= %gx Coccinelle (%s)" % (lab, kind, limit, t_name),
                          "value": "%.2f s / %.2f s = %.2fx" % (r["wall_s"], cref["wall_s"], ratio),
                          "met": ratio <= limit})
    for lab in ("a", "b"):
        if lab in R:
            r = R[lab]["runs"]["rescan"]
            t.append({"target": "(%s) one-file re-scan < 2 s" % lab, "value": "%.2f s" % r["wall_s"],
                      "met": r["wall_s"] < 2.0})
            m = max(x["peak_rss_mib"] for x in R[lab]["runs"].values())
            t.append({"target": "(%s) peak RSS < 2 GiB" % lab, "value": "%.0f MiB" % m, "met": m < 2048})
    return t


def ratios(R):
    out = []
    if "c" not in R:
        return out
    for v, c in R["c"].items():
        for lab in ("a", "b"):
            if lab not in R:
                continue
            for kind, r in R[lab]["runs"].items():
                out.append({"daxport": "(%s) %s" % (lab, kind), "cocci": v,
                            "wall_ratio": round(r["wall_s"] / c["total"]["wall_s"], 2),
                            "cpu_ratio": round(r["cpu_s"] / c["total"]["cpu_s"], 2) if c["total"]["cpu_s"] else None})
    return out


def write_md(R, path):
    m = R["machine"]
    L = ["# daxport benchmark results", "",
         "Machine: %d CPUs (%s), %.1f GiB RAM, Linux %s; %s." % (m["nproc"], m["cpu"], m["ram_gib"], m["kernel"], m["date"]),
         "Tree: `%s` (copy of `%s`); jobs: %d. %s; %s." % (R["tree"]["copy"], R["tree"]["source"], R["jobs"], m["spatch"], m["clang"]),
         "", "\"others\": CPU seconds the rest of the machine used during the run (0 on a quiet machine).",
         "", "| tool | run | wall s | CPU s | peak RSS MiB | findings | others CPU s |",
         "|---|---|---:|---:|---:|---:|---:|"]
    for sec, lab, r in rows(R):
        L.append("| %s | %s | %s | %s | %s | %s | %s |" % (sec, lab, fmt(r.get("wall_s")), fmt(r.get("cpu_s")),
                                                          fmt(r.get("peak_rss_mib"), 1), fmt(r.get("findings")),
                                                          fmt(r.get("other_cpu_s"), 1)))
    L += ["", "## Targets (reported, not asserted)", "", "| target | value | met |", "|---|---|---|"]
    for t in R.get("targets", []):
        L.append("| %s | %s | %s |" % (t["target"], t["value"], "yes" if t["met"] else "**no**"))
    if R.get("ratios"):
        L += ["", "## daxport / Coccinelle (total of the five semantic patches)", "",
              "| daxport run | Coccinelle variant | wall ratio | CPU ratio |", "|---|---|---:|---:|"]
        for x in R["ratios"]:
            L.append("| %s | %s | %.2f | %s |" % (x["daxport"], x["cocci"], x["wall_ratio"], fmt(x["cpu_ratio"])))
    for key, title in (("compare_a", "(a) daxport x86_64"), ("compare_b", "(b) daxport x86_64+arm64+powerpc")):
        if key not in R:
            continue
        c = R[key]
        L += ["", "## Findings: %s vs Coccinelle (sites = family + file + line)" % title, "",
              "| family | daxport | Coccinelle | both | daxport only | Coccinelle only | daxport-only by status |",
              "|---|---:|---:|---:|---:|---:|---|"]
        for fam in FAMILIES + ["total", "any_family"]:
            x = c[fam]
            L.append("| %s | %d | %d | %d | %d | %d | %s |" % (
                fam if fam != "any_family" else "any family (file + line only)",
                x["daxport_sites"], x["cocci_sites"], x["both"], x["daxport_only"], x["cocci_only"],
                ", ".join("%s %d" % kv for kv in sorted(x.get("daxport_only_by_status", {}).items()))))
    open(path, "w").write("\n".join(L) + "\n")


def main():
    if len(sys.argv) > 1 and sys.argv[1] == "--run-clang":
        clang_worker(sys.argv[2], int(sys.argv[3]), sys.argv[4])
        return
    if len(sys.argv) > 1 and sys.argv[1] == "--report-from":
        # Rebuild the report from OUT/results.partial.json (or results.json).
        R = json.load(open(sys.argv[2]))
        finish(R, os.path.dirname(os.path.abspath(sys.argv[2])))
        return
    ap = argparse.ArgumentParser(prog="bench/run.sh", description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--tree", help="kernel tree (copied once into the cache, never written)")
    ap.add_argument("--jobs", type=int, default=os.cpu_count(), help="parallel jobs (default: nproc)")
    ap.add_argument("--out", default=os.path.join(HERE, "out"), help="results folder (default: bench/out)")
    ap.add_argument("--cache", default=os.path.join(os.environ.get("XDG_CACHE_HOME", os.path.expanduser("~/.cache")),
                                                    "daxport-bench"),
                    help="tree copies and per-run caches (default: $XDG_CACHE_HOME/daxport-bench)")
    ap.add_argument("--daxport", default=os.path.join(REPO, "build", "bin", "daxport"),
                    help="daxport binary (default: build/bin/daxport)")
    ap.add_argument("--keep", action="store_true",
                    help="keep this run's kernel and result caches (CACHE/run/PID)")
    ap.add_argument("--only", default="e,a,b,c,d", help="subset of e,a,b,c,d (default: all)")
    ap.add_argument("--cocci-variants", default="headers,c",
                    help="headers (--include-headers) and/or c (.c files only)")
    args = ap.parse_args()
    args.out = os.path.abspath(args.out)
    args.cache = os.path.abspath(args.cache)
    args.daxport = os.path.abspath(args.daxport)
    only = set(args.only.split(","))
    for tool in (TIME, "spatch", "clang-19", args.daxport):
        if not shutil.which(tool):
            sys.exit("bench: %s not found%s" % (tool, " (apt-get install time)" if tool == TIME else ""))
    raw = os.path.join(args.out, "raw")
    os.makedirs(raw, exist_ok=True)
    t_start = time.monotonic()
    R = {"machine": machine(), "jobs": args.jobs}
    # One run at a time per tree copy (fs/dax.c is edited and restored).
    import fcntl
    os.makedirs(os.path.join(args.cache, "trees"), exist_ok=True)
    lock = open(os.path.join(args.cache, "trees", "bench.lock"), "w")
    try:
        fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        log("waiting for another bench run using %s" % args.cache)
        fcntl.flock(lock, fcntl.LOCK_EX)
    tree, setup = work_tree(args)
    R["tree"] = setup
    # Kernel and result caches of this run: private, removed at the end.
    args.run_dir = os.path.join(args.cache, "run", "%d" % os.getpid())
    shutil.rmtree(args.run_dir, ignore_errors=True)
    partial = os.path.join(args.out, "results.partial.json")

    def save():
        json.dump(R, open(partial, "w"), indent=1)

    try:
        if "e" in only:
            R["e"] = run_floor(args, tree, raw)
            save()
        if "a" in only:
            R["a"] = run_daxport(args, tree, raw, "a-x86_64", "x86_64")
            save()
        if "b" in only:
            R["b"] = run_daxport(args, tree, raw, "b-3arch", "x86_64,arm64,powerpc")
            save()
        if "c" in only:
            R["c"] = collections.OrderedDict()
            for v in args.cocci_variants.split(","):
                R["c"][v] = run_cocci(args, tree, raw, v)
                save()
        if "d" in only:
            kc = os.path.join(args.run_dir, "a-x86_64", "kernel-cache")
            if "a" not in only:  # reuse the newest (a) of an earlier run kept with --keep
                found = sorted(glob.glob(os.path.join(args.cache, "run", "*", "a-x86_64", "kernel-cache")),
                               key=os.path.getmtime)
                kc = found[-1] if found else kc
            R["d"] = run_naive_clang(args, tree, raw, kc)
    finally:
        restore_edit(tree)
        if not args.keep:
            shutil.rmtree(args.run_dir, ignore_errors=True)
    R["bench_wall_s"] = round(time.monotonic() - t_start, 1)
    R["raw"] = raw
    save()
    finish(R, args.out)


def finish(R, out):
    """Comparison, targets, ratios; writes results.json and results.md."""
    raw = R["raw"]
    if "c" in R:
        for v in R["c"].values():
            p = os.path.join(raw, "cocci-%s-sites.json" % v["variant"])
            if "sites" in v:
                json.dump(v.pop("sites"), open(p, "w"))
        ref = R["c"].get("headers") or next(iter(R["c"].values()))
        sites = json.load(open(os.path.join(raw, "cocci-%s-sites.json" % ref["variant"])))
        for lab, name in (("a", "a-x86_64"), ("b", "b-3arch")):
            if lab in R:
                R["compare_" + lab] = compare(os.path.join(raw, "daxport-%s-warm.json" % name), sites)
                R["compare_" + lab]["cocci_variant"] = ref["variant"]
    R["targets"] = targets(R)
    R["ratios"] = ratios(R)
    json.dump(R, open(os.path.join(out, "results.json"), "w"), indent=1)
    write_md(R, os.path.join(out, "results.md"))
    print(table_text(R))
    print()
    for t in R["targets"]:
        print("%-4s %-55s %s" % ("ok" if t["met"] else "MISS", t["target"], t["value"]))
    for key in ("compare_a", "compare_b"):
        if key in R:
            x = R[key]["total"]
            print("%s: daxport %d sites, Coccinelle %d, both %d, daxport only %d, Coccinelle only %d" %
                  (key, x["daxport_sites"], x["cocci_sites"], x["both"], x["daxport_only"], x["cocci_only"]))
    print("\nbenchmark wall time: %.0f s; results in %s" % (R.get("bench_wall_s", 0), out))


if __name__ == "__main__":
    main()
