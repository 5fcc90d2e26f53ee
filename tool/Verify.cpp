//===- Verify.cpp - build what a port changed and report what it broke ---===//
//
// Per architecture:
//
//  1. prepareKernel() gives the O= directory and the Kbuild index; the
//     index says which changed .c files the configuration builds.
//  2. Objects for changed headers: an include graph of the tree (the index's
//     .c files, include/, arch/<arch>/include/, generated headers, local
//     headers) gives every object that includes the header, directly or
//     not; where Kbuild already built an object, its .o.cmd dependency list
//     decides instead. Beyond MaxHeaderObjects, a deterministic sample
//     (direct includers first, then by hash of the path).
//  3. The objects are deleted and rebuilt by Kbuild (`make -k -Otarget W=1
//     obj.o ...`); the output is split per object at Kbuild's "  CC  obj.o"
//     lines.
//  4. Baseline, only for objects that printed diagnostics (nothing can be
//     new in the others): their compile commands (from the .o.cmd Kbuild
//     just wrote, or `make -n` when the build failed) run again in the build
//     directory with the tree's path replaced by an overlay: a directory of
//     symlinks to the tree in which only the changed files are real, holding
//     their base content (git cat-file, or the pristine BaseDir); kernel-doc
//     runs too when W=1 made it report. No second tree, no second
//     configuration, no second `make prepare`.
//  5. newDiagnostics() keeps what the baseline does not have; each new
//     diagnostic goes to the cell of the changed file it points into, else
//     to the changed file the object was built for.
//
// The overlay is removed afterwards without ever following its symlinks.
//
//===----------------------------------------------------------------------===//
#include "tool/Verify.h"
#include "tool/Engine.h"
#include "tool/Kernel.h"

#include "llvm/ADT/SmallString.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Format.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Program.h"
#include "llvm/Support/ThreadPool.h"
#include "llvm/Support/Threading.h"
#include "llvm/Support/raw_ostream.h"
#include "llvm/Support/xxhash.h"
#include "llvm/TargetParser/Host.h"
#include "llvm/TargetParser/Triple.h"

#include <algorithm>
#include <chrono>
#include <deque>
#include <map>
#include <optional>
#include <set>

extern char **environ;

using namespace daxport;
using llvm::StringRef;
namespace fs = llvm::sys::fs;
namespace path = llvm::sys::path;

using kernel_detail::joinPath;
using kernel_detail::readFile;
using kernel_detail::secondsSince;

namespace {

[[noreturn]] void fail(const llvm::Twine &Msg) { throw InputError{Msg.str()}; }

using Clock = std::chrono::steady_clock;

//===----------------------------------------------------------------------===//
// Files and processes
//===----------------------------------------------------------------------===//

void writeFile(const std::string &P, StringRef Text) {
  std::error_code EC;
  llvm::raw_fd_ostream OS(P, EC);
  if (EC)
    fail(P + ": cannot write: " + EC.message());
  OS << Text;
}

void makeDirs(const std::string &D) {
  if (std::error_code EC = fs::create_directories(D))
    fail(D + ": cannot create directory: " + EC.message());
}

/// Lexically normalised relative path ("a/./b/../c" -> "a/c").
std::string normalizeRel(StringRef P) {
  llvm::SmallString<256> S(P);
  path::remove_dots(S, /*remove_dot_dot=*/true);
  return std::string(S);
}

/// Removes \p Dir and everything below it; symbolic links are unlinked,
/// never followed.
void removeTree(const std::string &Dir) {
  fs::file_status St;
  if (fs::status(Dir, St, /*Follow=*/false))
    return;
  if (fs::is_directory(St)) {
    std::error_code EC;
    std::vector<std::string> Entries;
    for (fs::directory_iterator I(Dir, EC, /*follow_symlinks=*/false), E;
         I != E && !EC; I.increment(EC))
      Entries.push_back(I->path());
    for (const std::string &P : Entries)
      removeTree(P);
  }
  fs::remove(Dir);
}

/// The environment for Kbuild and compilers: the caller's, minus what would
/// change what Kbuild does behind our command line.
std::vector<std::string> kbuildEnvironment() {
  static const StringRef Drop[] = {"ARCH",       "SUBARCH",
                                   "SRCARCH",    "CROSS_COMPILE",
                                   "LLVM",       "LLVM_IAS",
                                   "CC",         "HOSTCC",
                                   "CXX",        "HOSTCXX",
                                   "LD",         "AR",
                                   "NM",         "OBJCOPY",
                                   "OBJDUMP",    "STRIP",
                                   "READELF",    "CFLAGS",
                                   "CPPFLAGS",   "CXXFLAGS",
                                   "LDFLAGS",    "EXTRA_CFLAGS",
                                   "KCFLAGS",    "KCPPFLAGS",
                                   "KAFLAGS",    "KRUSTFLAGS",
                                   "HOSTCFLAGS", "HOSTLDFLAGS",
                                   "O",          "M",
                                   "V",          "W",
                                   "C",          "MAKEFLAGS",
                                   "MFLAGS",     "MAKELEVEL",
                                   "MAKEFILES",  "GNUMAKEFLAGS",
                                   "LC_ALL",     "LANG",
                                   "KDOCFLAGS",  "CHECK",
                                   "CHECKFLAGS", "LANGUAGE",
                                   "GCC_COLORS", "CLANG_COLORS"};
  std::vector<std::string> Env;
  for (char **E = environ; E && *E; ++E) {
    StringRef KV(*E);
    StringRef Name = KV.split('=').first;
    if (llvm::is_contained(Drop, Name) || Name.starts_with("KBUILD_") ||
        Name.starts_with("KCONFIG_"))
      continue;
    Env.push_back(KV.str());
  }
  Env.push_back("LC_ALL=C");
  return Env;
}

std::string findProgram(StringRef Name, StringRef Package) {
  llvm::ErrorOr<std::string> P = llvm::sys::findProgramByName(Name);
  if (!P)
    fail("verify needs " + Name +
         ", not found in PATH; install with: "
         "apt-get install -y " +
         Package);
  return *P;
}

/// Runs Args (Args[0] a path) with stdout to \p Out and stderr to \p Err
/// (the same file when equal); returns the exit code, -1 if it could not
/// run or crashed.
int runProgram(const std::vector<std::string> &Args,
               const std::vector<std::string> *Env, const std::string &Out,
               const std::string &Err) {
  std::vector<StringRef> ArgRefs(Args.begin(), Args.end());
  std::optional<llvm::ArrayRef<StringRef>> EnvArg;
  std::vector<StringRef> EnvRefs;
  if (Env) {
    EnvRefs.assign(Env->begin(), Env->end());
    EnvArg = EnvRefs;
  }
  std::optional<StringRef> Redirects[] = {StringRef(""), StringRef(Out),
                                          StringRef(Err)};
  std::string Msg;
  bool Failed = false;
  int RC = llvm::sys::ExecuteAndWait(Args[0], ArgRefs, EnvArg, Redirects, 0, 0,
                                     &Msg, &Failed);
  return Failed ? -1 : RC;
}

/// A temporary file name, removed when this goes out of scope.
struct TempFile {
  llvm::SmallString<128> Path;
  explicit TempFile(StringRef Prefix) {
    fs::createTemporaryFile(Prefix, "txt", Path);
  }
  ~TempFile() { fs::remove(Path); }
  std::string str() const { return std::string(Path); }
  std::string text() const { return readFile(str()).value_or(""); }
};

/// git -C Dir Args...: exit code, stdout and (trimmed) stderr.
struct GitResult {
  int RC = -1;
  std::string Out, Err;
};
GitResult git(const std::string &Dir, const std::vector<std::string> &Args) {
  GitResult R;
  llvm::ErrorOr<std::string> Git = llvm::sys::findProgramByName("git");
  if (!Git) {
    R.Err = "git: not found";
    return R;
  }
  std::vector<std::string> Argv = {*Git, "-C", Dir};
  Argv.insert(Argv.end(), Args.begin(), Args.end());
  TempFile Out("daxport-git-out"), Err("daxport-git-err");
  R.RC = runProgram(Argv, nullptr, Out.str(), Err.str());
  R.Out = Out.text();
  R.Err = StringRef(Err.text()).trim().str();
  return R;
}

struct Progress {
  bool Quiet;
  void line(const llvm::Twine &Msg) const {
    if (Quiet)
      return;
    llvm::errs() << "daxport: verify: " << Msg << "\n";
    llvm::errs().flush();
  }
};

//===----------------------------------------------------------------------===//
// Architectures and toolchains
//===----------------------------------------------------------------------===//

struct ArchSpec {
  StringRef Name, KArch, SrcArch;
  StringRef CrossPrefix, CrossPackage; ///< Debian's cross gcc; empty: none
};

const ArchSpec *archSpec(StringRef Name) {
  static const ArchSpec Specs[] = {
      {"x86_64", "x86_64", "x86", "x86_64-linux-gnu-", "gcc-x86-64-linux-gnu"},
      {"arm64", "arm64", "arm64", "aarch64-linux-gnu-",
       "gcc-aarch64-linux-gnu"},
      {"powerpc", "powerpc", "powerpc", "powerpc64le-linux-gnu-",
       "gcc-powerpc64le-linux-gnu"},
      {"riscv", "riscv", "riscv", "riscv64-linux-gnu-",
       "gcc-riscv64-linux-gnu"},
      {"loongarch", "loongarch", "loongarch", "", ""},
  };
  static const std::map<std::string, std::string> Aliases = {
      {"x86", "x86_64"},    {"amd64", "x86_64"},
      {"aarch64", "arm64"}, {"ppc64le", "powerpc"},
      {"ppc64", "powerpc"}, {"ppc", "powerpc"},
      {"riscv64", "riscv"}, {"loongarch64", "loongarch"},
  };
  std::string N = Name.trim().lower();
  auto It = Aliases.find(N);
  if (It != Aliases.end())
    N = It->second;
  for (const ArchSpec &S : Specs)
    if (S.Name == N)
      return &S;
  return nullptr;
}

/// CROSS_COMPILE for gcc builds of \p A ("" natively); throws naming the
/// package when the compiler is missing.
std::string gccPrefix(const ArchSpec &A) {
  std::string HostArch =
      llvm::Triple(llvm::sys::getProcessTriple()).getArchName().str();
  bool Native = (A.Name == "x86_64" && HostArch == "x86_64") ||
                (A.Name == "arm64" && HostArch == "aarch64") ||
                (A.Name == "riscv" && HostArch == "riscv64") ||
                (A.Name == "powerpc" && HostArch == "powerpc64le");
  if (Native) {
    findProgram("gcc", "gcc");
    return "";
  }
  if (A.CrossPrefix.empty())
    fail("--toolchain gcc: Debian 12 packages no gcc cross compiler for " +
         A.Name + "; use the LLVM toolchain for it");
  std::string Gcc = (A.CrossPrefix + "gcc").str();
  if (!llvm::sys::findProgramByName(Gcc))
    fail("--toolchain gcc for " + A.Name + " needs " + Gcc +
         ", not found in PATH; install with: apt-get install -y " +
         A.CrossPackage);
  return A.CrossPrefix.str();
}

//===----------------------------------------------------------------------===//
// What changed
//===----------------------------------------------------------------------===//

enum class BaseKind { None, Git, Dir };

struct Changes {
  std::string Src;                 ///< absolute, symlink-free
  std::vector<std::string> CFiles; ///< relative, existing in Src
  std::vector<std::string> Headers;
  /// Every changed path relative to Src (deleted ones too): what the
  /// overlay replaces.
  std::vector<std::string> All;
  BaseKind Kind = BaseKind::None;
  std::string Rev;       ///< Git: the base commit
  std::string GitPrefix; ///< Git: Src relative to the work tree's top
  std::string BaseDir;   ///< Dir: absolute
};

bool isGitWorkTree(const std::string &Dir) {
  GitResult R = git(Dir, {"rev-parse", "--is-inside-work-tree"});
  return R.RC == 0 && StringRef(R.Out).trim() == "true";
}

/// Path relative to Src for an option value (relative, or absolute below
/// Src); throws otherwise.
std::string relativeToTree(const std::string &F, const std::string &Src,
                           const std::string &OrigSrc) {
  if (!path::is_absolute(F))
    return normalizeRel(F);
  llvm::SmallString<256> P(F);
  path::remove_dots(P, true);
  llvm::SmallString<256> Real;
  if (!fs::real_path(path::parent_path(P), Real)) {
    path::append(Real, path::filename(P));
    P = Real;
  }
  std::string R = relativePath(std::string(P), Src);
  if (path::is_absolute(R))
    fail(F + ": not below the kernel tree " + OrigSrc);
  return R;
}

Changes findChanges(const VerifyOptions &O, std::vector<std::string> &Notes) {
  Changes C;
  if (O.Src.empty())
    fail("no kernel source tree given");
  if (!fs::is_directory(O.Src))
    fail(O.Src + ": no such kernel source tree");
  llvm::SmallString<256> Real;
  if (std::error_code EC = fs::real_path(O.Src, Real))
    fail(O.Src + ": " + EC.message());
  C.Src = std::string(Real);

  if (!O.Base.empty() && !O.BaseDir.empty())
    fail("give either a base revision or a base directory, not both");
  bool Git = O.BaseDir.empty() && isGitWorkTree(C.Src);
  if (!O.Base.empty() && !Git)
    fail(O.Src + ": not a git work tree: a base revision ('" + O.Base +
         "') needs one; give the changed files and a pristine base "
         "directory instead");
  if (O.Files.empty() && !Git)
    fail(O.Src + ": not a git work tree: give the changed files (and "
                 "optionally a pristine base directory)");

  if (Git) {
    C.Kind = BaseKind::Git;
    std::string Rev = O.Base.empty() ? "HEAD" : O.Base;
    GitResult R = git(C.Src, {"rev-parse", "--verify", "--quiet",
                              "--end-of-options", Rev + "^{commit}"});
    if (R.RC != 0)
      fail(O.Src + ": bad revision '" + Rev + "'" +
           (O.Base.empty() ? " (the repository has no commit yet?)" : ""));
    C.Rev = StringRef(R.Out).trim().str();
    R = git(C.Src, {"rev-parse", "--show-prefix"});
    C.GitPrefix = StringRef(R.Out).trim().str();
  } else if (!O.BaseDir.empty()) {
    if (!fs::is_directory(O.BaseDir))
      fail(O.BaseDir + ": no such base directory");
    llvm::SmallString<256> B;
    if (std::error_code EC = fs::real_path(O.BaseDir, B))
      fail(O.BaseDir + ": " + EC.message());
    C.BaseDir = std::string(B);
    if (C.BaseDir == C.Src)
      fail(O.BaseDir + ": the base directory is the tree itself");
    C.Kind = BaseKind::Dir;
  }

  std::vector<std::string> Files;
  if (!O.Files.empty()) {
    for (const std::string &F : O.Files)
      Files.push_back(relativeToTree(F, C.Src, O.Src));
  } else {
    GitResult R = git(C.Src, {"diff", "--name-only", "--no-renames",
                              "--relative", C.Rev, "--"});
    if (R.RC != 0)
      fail(O.Src + ": git diff --name-only " + C.Rev + " failed: " + R.Err);
    for (StringRef L : llvm::split(R.Out, '\n'))
      if (!L.trim().empty())
        Files.push_back(L.trim().str());
  }
  std::sort(Files.begin(), Files.end());
  Files.erase(std::unique(Files.begin(), Files.end()), Files.end());

  std::vector<std::string> Other, Deleted;
  for (const std::string &F : Files) {
    if (StringRef(F).starts_with("../") || path::is_absolute(F))
      fail(F + ": not below the kernel tree " + O.Src);
    C.All.push_back(F);
    bool Exists = fs::is_regular_file(joinPath(C.Src, F));
    if (!Exists) {
      // A file given by name must exist on one side at least.
      bool InBase = C.Kind == BaseKind::Dir
                        ? fs::is_regular_file(joinPath(C.BaseDir, F))
                        : C.Kind == BaseKind::Git &&
                              git(C.Src, {"cat-file", "-e",
                                          C.Rev + ":" + C.GitPrefix + F})
                                      .RC == 0;
      if (!O.Files.empty() && !InBase)
        fail(F + ": no such file in " + O.Src +
             (C.Kind == BaseKind::None ? "" : " nor in its base"));
      Deleted.push_back(F);
    } else if (StringRef(F).ends_with(".c")) {
      C.CFiles.push_back(F);
    } else if (StringRef(F).ends_with(".h")) {
      C.Headers.push_back(F);
    } else {
      Other.push_back(F);
    }
  }
  auto List = [](const std::vector<std::string> &V) {
    std::string S;
    for (size_t I = 0; I < V.size() && I < 8; ++I)
      S += (I ? ", " : "") + V[I];
    if (V.size() > 8)
      S += llvm::formatv(" and {0} more", V.size() - 8).str();
    return S;
  };
  if (!Other.empty())
    Notes.push_back("not verified (neither .c nor .h): " + List(Other));
  if (!Deleted.empty())
    Notes.push_back("deleted, nothing to build: " + List(Deleted));
  return C;
}

//===----------------------------------------------------------------------===//
// The base overlay
//===----------------------------------------------------------------------===//

/// A directory that reads like the tree at its base: symlinks to the tree's
/// entries, except along the paths of changed files, where directories are
/// real and the changed files hold their base content (or are absent when
/// the base does not have them).
class Overlay {
public:
  Overlay(const Changes &C, const Progress &P) : C(C), P(P) {}
  ~Overlay() {
    if (!Root.empty())
      removeTree(Root);
  }
  Overlay(const Overlay &) = delete;
  Overlay &operator=(const Overlay &) = delete;

  /// The overlay's directory, made on first use.
  const std::string &root() {
    if (Root.empty()) {
      auto T0 = Clock::now();
      create();
      P.line(llvm::formatv("base overlay of {0} file(s) in {1} ({2:f2} s)",
                           C.All.size(), Root, secondsSince(T0)));
    }
    return Root;
  }
  /// Changed files the base does not have.
  std::vector<std::string> Absent;

private:
  const Changes &C;
  const Progress &P;
  std::string Root;

  void create() {
    llvm::SmallString<128> Dir;
    if (std::error_code EC =
            fs::createUniqueDirectory("daxport-verify-base", Dir))
      fail("cannot create a temporary directory: " + EC.message());
    llvm::SmallString<256> Real;
    Root = fs::real_path(Dir, Real) ? std::string(Dir) : std::string(Real);
    if (StringRef(Root).starts_with(C.Src + "/"))
      fail("the temporary directory " + Root + " lies inside the tree " +
           C.Src + ": set TMPDIR elsewhere");

    std::set<std::string> RealDirs = {""};
    std::set<std::string> Files(C.All.begin(), C.All.end());
    for (const std::string &F : C.All)
      for (StringRef D = path::parent_path(F); !D.empty();
           D = path::parent_path(D))
        RealDirs.insert(D.str());
    for (const std::string &D : RealDirs) {
      std::string Here = D.empty() ? Root : joinPath(Root, D);
      makeDirs(Here);
      std::string There = D.empty() ? C.Src : joinPath(C.Src, D);
      std::error_code EC;
      for (fs::directory_iterator I(There, EC, false), E; I != E && !EC;
           I.increment(EC)) {
        std::string Name = path::filename(I->path()).str();
        std::string Rel = D.empty() ? Name : D + "/" + Name;
        if (RealDirs.count(Rel) || Files.count(Rel))
          continue;
        if (std::error_code LE =
                fs::create_link(I->path(), joinPath(Root, Rel)))
          fail(joinPath(Root, Rel) +
               ": cannot create symlink: " + LE.message());
      }
    }
    for (const std::string &F : C.All)
      fillBase(F);
  }

  void fillBase(const std::string &F) {
    std::string Dest = joinPath(Root, F);
    if (C.Kind == BaseKind::Dir) {
      std::string From = joinPath(C.BaseDir, F);
      if (!fs::is_regular_file(From))
        Absent.push_back(F);
      else if (std::error_code EC = fs::copy_file(From, Dest))
        fail(From + ": cannot copy: " + EC.message());
      return;
    }
    if (C.Kind != BaseKind::Git)
      return;
    llvm::ErrorOr<std::string> Git = llvm::sys::findProgramByName("git");
    if (!Git)
      fail("git: not found in PATH; install with: apt-get install -y git");
    TempFile Err("daxport-git-err");
    int RC = runProgram(
        {*Git, "-C", C.Src, "cat-file", "blob", C.Rev + ":" + C.GitPrefix + F},
        nullptr, Dest, Err.str());
    if (RC != 0) {
      fs::remove(Dest); // not in the base: a new file
      Absent.push_back(F);
    }
  }
};

//===----------------------------------------------------------------------===//
// The Kbuild index and the include graph
//===----------------------------------------------------------------------===//

struct IndexEntry {
  std::string Source, Output;
};

std::vector<IndexEntry> readIndex(const std::string &File) {
  std::optional<std::string> Text = readFile(File);
  if (!Text || !StringRef(*Text).starts_with("# daxport kbuild index"))
    fail(File + ": cannot read the Kbuild index; prepare the kernel again");
  std::vector<IndexEntry> Out;
  StringRef T = StringRef(*Text).split('\n').second;
  for (StringRef Line : llvm::split(T, '\n')) {
    auto [Source, Rest] = Line.split('\t');
    StringRef Output = Rest.split('\t').first;
    if (!Source.empty() && !Output.empty())
      Out.push_back({Source.str(), Output.str()});
  }
  return Out;
}

/// #include directives of a file: (name, quoted).
std::vector<std::pair<std::string, bool>> scanIncludes(StringRef Text) {
  std::vector<std::pair<std::string, bool>> Out;
  size_t Pos = 0;
  while ((Pos = Text.find("include", Pos)) != StringRef::npos) {
    size_t LineStart = Text.rfind('\n', Pos);
    LineStart = LineStart == StringRef::npos ? 0 : LineStart + 1;
    StringRef Head = Text.slice(LineStart, Pos).trim();
    size_t After = Pos + 7;
    Pos = After;
    if (Head != "#" &&
        !(Head.starts_with("#") && Head.drop_front().trim().empty()))
      continue;
    StringRef Rest = Text.substr(After);
    Rest.consume_front("_next"); // #include_next
    Rest = Rest.ltrim(" \t");
    if (Rest.empty() || (Rest[0] != '<' && Rest[0] != '"'))
      continue;
    char Close = Rest[0] == '<' ? '>' : '"';
    size_t End = Rest.find_first_of(StringRef(&Close, 1).str() + "\n", 1);
    if (End == StringRef::npos || Rest[End] != Close)
      continue;
    Out.emplace_back(Rest.slice(1, End).str(), Close == '"');
  }
  return Out;
}

/// Who includes whom, for one architecture. Nodes are tree-relative paths,
/// or "@build/" + build-relative paths for generated headers.
class IncludeGraph {
public:
  void build(const std::string &Src, const std::string &BuildDir,
             StringRef SrcArch, const std::vector<IndexEntry> &Index,
             const std::vector<std::string> &ExtraDirs) {
    std::vector<std::pair<std::string, std::string>> Files; // key, path
    auto AddTree = [&](const std::string &Root, const std::string &RelDir,
                       StringRef KeyPrefix) {
      std::string Dir = joinPath(Root, RelDir);
      if (!fs::is_directory(Dir))
        return;
      std::error_code EC;
      for (fs::recursive_directory_iterator I(Dir, EC, false), E; I != E && !EC;
           I.increment(EC)) {
        if (!StringRef(I->path()).ends_with(".h"))
          continue;
        std::string Rel = relativePath(I->path(), Root);
        Files.emplace_back((KeyPrefix + Rel).str(), I->path());
      }
    };
    std::string SA = SrcArch.str();
    AddTree(Src, "include", "");
    AddTree(Src, "arch/" + SA + "/include", "");
    AddTree(BuildDir, "include/generated", "@build/");
    AddTree(BuildDir, "arch/" + SA + "/include/generated", "@build/");
    std::set<std::string> Dirs(ExtraDirs.begin(), ExtraDirs.end());
    for (const IndexEntry &E : Index) {
      Files.emplace_back(E.Source, joinPath(Src, E.Source));
      IsUnit.insert(E.Source);
      Dirs.insert(path::parent_path(E.Source).str());
    }
    for (const std::string &D : Dirs) {
      if (D.empty() || StringRef(D).starts_with("include") ||
          StringRef(D).starts_with("arch/" + SA + "/include"))
        continue;
      std::error_code EC;
      for (fs::directory_iterator I(joinPath(Src, D), EC, false), E;
           I != E && !EC; I.increment(EC))
        if (StringRef(I->path()).ends_with(".h"))
          Files.emplace_back(D + "/" + path::filename(I->path()).str(),
                             I->path());
    }
    for (auto &[Key, P] : Files)
      id(Key);
    SearchPrefixes = {"arch/" + SA + "/include/",
                      "@build/arch/" + SA + "/include/generated/",
                      "include/",
                      "@build/include/",
                      "arch/" + SA + "/include/uapi/",
                      "@build/arch/" + SA + "/include/generated/uapi/",
                      "include/uapi/",
                      "@build/include/generated/uapi/"};
    IncludedBy.resize(Keys.size());
    for (auto &[Key, P] : Files) {
      unsigned From = Id.lookup(Key);
      auto Buf = llvm::MemoryBuffer::getFile(P, false, false);
      if (!Buf)
        continue;
      for (auto &[Name, Quoted] : scanIncludes((*Buf)->getBuffer())) {
        std::optional<unsigned> To = resolve(Key, Name, Quoted);
        if (To && *To != From)
          IncludedBy[*To].push_back(From);
      }
    }
  }

  /// Units of the index that include \p Header, with the include depth.
  std::map<std::string, unsigned> unitsIncluding(const std::string &Header) {
    std::map<std::string, unsigned> Out;
    auto It = Id.find(Header);
    if (It == Id.end())
      return Out;
    std::vector<unsigned> Depth(Keys.size(), 0);
    std::deque<unsigned> Queue = {It->second};
    Depth[It->second] = 1;
    while (!Queue.empty()) {
      unsigned N = Queue.front();
      Queue.pop_front();
      for (unsigned By : IncludedBy[N]) {
        if (Depth[By])
          continue;
        Depth[By] = Depth[N] + 1;
        Queue.push_back(By);
        if (IsUnit.count(Keys[By]))
          Out.emplace(Keys[By], Depth[N]);
      }
    }
    return Out;
  }

private:
  std::vector<std::string> Keys;
  llvm::StringMap<unsigned> Id;
  std::vector<std::vector<unsigned>> IncludedBy;
  std::set<std::string> IsUnit;
  std::vector<std::string> SearchPrefixes;

  unsigned id(const std::string &Key) {
    auto [It, New] = Id.try_emplace(Key, Keys.size());
    if (New)
      Keys.push_back(Key);
    return It->second;
  }

  std::optional<unsigned> resolve(StringRef From, StringRef Name,
                                  bool Quoted) const {
    if (Quoted) {
      std::string Local =
          normalizeRel((path::parent_path(From) + "/" + Name).str());
      auto It = Id.find(Local);
      if (It != Id.end())
        return It->second;
    }
    for (const std::string &P : SearchPrefixes) {
      auto It = Id.find(P + Name.str());
      if (It != Id.end())
        return It->second;
    }
    return std::nullopt;
  }
};

/// The dependency list of a built object's .o.cmd file (keys as in
/// IncludeGraph), or nullopt when the object was never built.
std::optional<std::set<std::string>> cmdDeps(const std::string &BuildDir,
                                             const std::string &Output,
                                             const std::string &Src) {
  std::string Obj = normalizeRel(Output);
  std::string Cmd =
      joinPath(BuildDir, joinPath(path::parent_path(Obj),
                                  "." + path::filename(Obj).str() + ".cmd"));
  std::optional<std::string> Text = readFile(Cmd);
  if (!Text)
    return std::nullopt;
  std::set<std::string> Deps;
  bool In = false;
  for (StringRef Line : llvm::split(*Text, '\n')) {
    if (Line.starts_with("deps_")) {
      In = true;
      continue;
    }
    if (!In)
      continue;
    StringRef T = Line.trim();
    if (T.empty())
      break;
    T.consume_back("\\");
    T = T.trim();
    if (T.starts_with("$("))
      continue;
    if (path::is_absolute(T)) {
      std::string R = relativePath(T.str(), Src);
      if (!path::is_absolute(R))
        Deps.insert(R);
    } else {
      Deps.insert("@build/" + normalizeRel(T));
    }
  }
  return Deps;
}

//===----------------------------------------------------------------------===//
// Building
//===----------------------------------------------------------------------===//

/// One object built for the verification.
struct Target {
  std::string Source;               ///< tree-relative .c
  std::string Output;               ///< build-relative .o, normalised
  bool Changed = false;             ///< Source is a changed file
  std::vector<std::string> Headers; ///< changed headers it stands for
  // Patched build.
  bool Built = false;
  std::vector<VerifyDiag> Diags;
  std::string Block; ///< Kbuild's output for it
  // Baseline.
  std::vector<std::string> Command; ///< from make -n
  bool BaseRan = false, BaseBuilt = false;
  std::vector<VerifyDiag> BaseDiags;
  std::string BaseLog;
};

/// Splits Kbuild's output at its quiet-command lines ("  CC [M]  x.o"):
/// output (normalised) -> text; "" collects everything else.
std::map<std::string, std::string> splitKbuildLog(StringRef Log) {
  std::map<std::string, std::string> Out;
  std::string Cur;
  for (StringRef Line : llvm::split(Log, '\n')) {
    StringRef T = Line;
    if (T.consume_front("  ") && !T.empty() && llvm::isUpper(T[0])) {
      StringRef Tag = T.take_while([](char C) {
        return llvm::isUpper(C) || llvm::isDigit(C) || C == '_';
      });
      StringRef Rest = T.drop_front(Tag.size());
      Rest.consume_front(" [M]");
      if (!Rest.empty() && Rest[0] == ' ' && !Rest.trim().contains(' ')) {
        Cur = Tag == "CC" ? normalizeRel(Rest.trim()) : "";
        Out[Cur] += Line.str() + "\n";
        continue;
      }
    }
    Out[Cur] += Line.str() + "\n";
  }
  return Out;
}

/// Replaces \p From as a path prefix inside one argument.
std::string replaceRoot(const std::string &Arg, const std::string &From,
                        const std::string &To) {
  std::string Out;
  size_t I = 0;
  while (true) {
    size_t P = Arg.find(From, I);
    if (P == std::string::npos) {
      Out += Arg.substr(I);
      return Out;
    }
    size_t E = P + From.size();
    bool Boundary = E == Arg.size() || Arg[E] == '/';
    Out += Arg.substr(I, P - I);
    Out += Boundary ? To : From;
    I = E;
  }
}

class ArchVerifier {
public:
  ArchVerifier(const VerifyOptions &O, const Changes &C, const PreparedArch &PA,
               const ArchSpec &Spec, Overlay *Base, const Progress &P,
               unsigned Jobs, std::vector<std::string> &Notes)
      : O(O), C(C), PA(PA), Spec(Spec), Base(Base), P(P), Jobs(Jobs),
        Notes(Notes), Env(kbuildEnvironment()) {}

  std::vector<VerifyCell> run();

private:
  const VerifyOptions &O;
  const Changes &C;
  const PreparedArch &PA;
  const ArchSpec &Spec;
  Overlay *Base; ///< null: no baseline
  const Progress &P;
  const unsigned Jobs;
  std::vector<std::string> &Notes;
  const std::vector<std::string> Env;
  std::string BuildDir, Cross, Make, Sh;
  std::vector<Target> Targets;

  void note(const llvm::Twine &Msg) {
    Notes.push_back(PA.Arch + ": " + Msg.str());
  }

  std::vector<std::string> makeArgs() const {
    std::vector<std::string> A = {Make, "-C", C.Src, "O=" + BuildDir,
                                  "ARCH=" + Spec.KArch.str()};
    if (O.Tool == VerifyOptions::Toolchain::LLVM)
      A.push_back("LLVM=-19");
    else if (!Cross.empty())
      A.push_back("CROSS_COMPILE=" + Cross);
    return A;
  }

  /// `make Targets`, output to logs/<Log>.log; returns the exit code.
  int make(const std::vector<std::string> &Extra, const std::string &Log,
           std::string *Text = nullptr) {
    std::vector<std::string> A = makeArgs();
    A.insert(A.end(), Extra.begin(), Extra.end());
    std::string LogFile = joinPath(PA.CompileDb, "logs/" + Log + ".log");
    fs::remove(LogFile); // ExecuteAndWait's redirection does not truncate
    int RC = runProgram(A, &Env, LogFile, LogFile);
    if (Text)
      *Text = readFile(LogFile).value_or("");
    return RC;
  }

  void setupGcc();
  void selectTargets(std::vector<VerifyCell> &Cells);
  void buildPatched();
  void findCommands(const std::vector<std::string> &Common);
  void buildBase();
  std::vector<VerifyCell> collect(std::vector<VerifyCell> Cells);
};

/// A gcc build directory beside the LLVM one, configured from its .config.
void ArchVerifier::setupGcc() {
  Cross = gccPrefix(Spec);
  std::string Dir = joinPath(PA.CompileDb, "verify-gcc");
  BuildDir = joinPath(Dir, "build");
  std::string Config = readFile(joinPath(PA.BuildDir, ".config")).value_or("");
  std::string Stamp = "daxport-verify-gcc-1\n" + Cross + "\n" +
                      llvm::utohexstr(llvm::xxh3_64bits(Config)) + "\n" +
                      C.Src + "\n";
  if (readFile(joinPath(Dir, "stamp.txt")) == Stamp &&
      fs::exists(joinPath(BuildDir, "include/config/auto.conf")))
    return;
  auto T0 = Clock::now();
  P.line(PA.Arch + ": configuring a gcc build directory (" +
         (Cross.empty() ? std::string("gcc") : Cross + "gcc") + ")");
  fs::remove(joinPath(Dir, "stamp.txt"));
  makeDirs(BuildDir);
  writeFile(joinPath(BuildDir, ".config"), Config);
  std::string Log;
  for (const char *Step : {"olddefconfig", "prepare"}) {
    std::vector<std::string> Extra = {Step};
    if (StringRef(Step) == "prepare" && Jobs > 1)
      Extra.push_back("-j" + std::to_string(Jobs));
    if (int RC = make(Extra, std::string("verify-gcc-") + Step, &Log))
      fail(PA.Arch + ": make " + Step + " for gcc failed (exit " +
           std::to_string(RC) + "); log: " + PA.CompileDb +
           "/logs/verify-gcc-" + Step + ".log\n" +
           Log.substr(Log.size() > 3000 ? Log.size() - 3000 : 0));
  }
  writeFile(joinPath(Dir, "stamp.txt"), Stamp);
  note(llvm::formatv("gcc build directory configured and prepared ({0:f1} s)",
                     secondsSince(T0)));
}

void ArchVerifier::selectTargets(std::vector<VerifyCell> &Cells) {
  std::vector<IndexEntry> Index =
      readIndex(joinPath(PA.CompileDb, "kbuild-index.txt"));
  std::map<std::string, std::string> OutputOf;
  for (const IndexEntry &E : Index)
    OutputOf[E.Source] = E.Output;
  std::map<std::string, size_t> BySource;
  auto Add = [&](const std::string &Source) -> Target & {
    auto It = BySource.find(Source);
    if (It != BySource.end())
      return Targets[It->second];
    BySource[Source] = Targets.size();
    Targets.push_back({});
    Targets.back().Source = Source;
    Targets.back().Output = normalizeRel(OutputOf[Source]);
    return Targets.back();
  };

  std::vector<std::string> Built = builtSources(PA, C.CFiles);
  std::set<std::string> BuiltSet(Built.begin(), Built.end());
  for (const std::string &F : C.CFiles) {
    if (!BuiltSet.count(F) || !OutputOf.count(F)) {
      Cells.push_back({PA.Arch, F, "not-built", {}});
      continue;
    }
    Add(F).Changed = true;
    Cells.push_back({PA.Arch, F, "", {}});
  }
  if (C.Headers.empty())
    return;

  auto T0 = Clock::now();
  std::vector<std::string> HeaderDirs;
  for (const std::string &H : C.Headers)
    HeaderDirs.push_back(path::parent_path(H).str());
  IncludeGraph G;
  G.build(C.Src, BuildDir, Spec.SrcArch, Index, HeaderDirs);
  // Built objects' dependency files, where they exist.
  std::map<std::string, std::set<std::string>> Deps;
  for (const IndexEntry &E : Index)
    if (auto D = cmdDeps(BuildDir, E.Output, C.Src))
      Deps[E.Source] = std::move(*D);
  double GraphTime = secondsSince(T0);

  for (const std::string &H : C.Headers) {
    std::map<std::string, unsigned> Units = G.unitsIncluding(H);
    for (const auto &[Source, D] : Deps) {
      if (D.count(H))
        Units.emplace(Source, 1u); // the compiler saw it
      else
        Units.erase(Source); // the compiler did not
    }
    std::vector<std::string> Own, Others;
    for (const auto &[Source, Depth] : Units)
      (BuiltSet.count(Source) ? Own : Others).push_back(Source);
    size_t Reach = Own.size() + Others.size();
    if (Reach == 0) {
      Cells.push_back({PA.Arch, H, "not-built", {}});
      continue;
    }
    if (Others.size() > O.MaxHeaderObjects) {
      std::sort(Others.begin(), Others.end(),
                [&](const std::string &A, const std::string &B) {
                  bool DA = Units[A] == 1, DB = Units[B] == 1;
                  if (DA != DB)
                    return DA;
                  uint64_t HA = llvm::xxh3_64bits(A), HB = llvm::xxh3_64bits(B);
                  return HA != HB ? HA < HB : A < B;
                });
      Others.resize(O.MaxHeaderObjects);
      std::sort(Others.begin(), Others.end());
      note(llvm::formatv("header {0} reaches {1} objects: sampled {2}{3}", H,
                         Reach, Others.size(),
                         Own.empty() ? std::string()
                                     : llvm::formatv(" besides {0} changed "
                                                     "file(s) including it",
                                                     Own.size())
                                           .str()));
    }
    for (const std::string &S : Own)
      Add(S).Headers.push_back(H);
    for (const std::string &S : Others)
      Add(S).Headers.push_back(H);
    Cells.push_back({PA.Arch, H, "", {}});
  }
  P.line(llvm::formatv("{0}: include graph and dependency files read "
                       "({1:f1} s)",
                       PA.Arch, GraphTime));
}

void ArchVerifier::buildPatched() {
  bool NeedBase = Base && O.Warn == VerifyOptions::Warnings::New;
  std::vector<std::string> Objs;
  for (Target &T : Targets) {
    fs::remove(joinPath(BuildDir, T.Output)); // make must compile it again
    Objs.push_back(T.Output);
  }
  std::vector<std::string> Common = {"-k"};
  if (O.Warn != VerifyOptions::Warnings::Off)
    Common.push_back("W=1");

  std::vector<std::string> Args = Common;
  Args.push_back("-Otarget");
  if (Jobs > 1)
    Args.push_back("-j" + std::to_string(Jobs));
  Args.insert(Args.end(), Objs.begin(), Objs.end());
  std::string Log;
  int RC = make(Args, "verify", &Log);
  std::map<std::string, std::string> Blocks = splitKbuildLog(Log);
  std::vector<std::string> Roots = {C.Src, BuildDir};
  std::vector<VerifyDiag> Global =
      parseCompilerDiagnostics(Blocks[""], PA.Arch, Roots);
  for (Target &T : Targets) {
    T.Built = fs::exists(joinPath(BuildDir, T.Output));
    auto It = Blocks.find(T.Output);
    if (It != Blocks.end()) {
      T.Block = It->second;
      T.Diags = parseCompilerDiagnostics(T.Block, PA.Arch, Roots);
    }
    bool HasError = llvm::any_of(
        T.Diags, [](const VerifyDiag &D) { return D.Severity == "error"; });
    if (!T.Built && !HasError) {
      // Failed outside the compiler's diagnostics (Kbuild, prepare, a
      // crash): what make said.
      for (const VerifyDiag &D : Global)
        if (D.Severity == "error")
          T.Diags.push_back(D);
      if (!llvm::any_of(T.Diags, [](const VerifyDiag &D) {
            return D.Severity == "error";
          })) {
        std::string Why;
        for (StringRef L :
             llvm::split(StringRef(T.Block.empty() ? Log : T.Block), '\n'))
          if (L.contains("***") || L.contains("error") || L.contains("Error"))
            Why = L.trim().str();
        T.Diags.push_back({PA.Arch, T.Source, 0, 0, "error",
                           "Kbuild did not build " + T.Output +
                               (Why.empty() ? "" : ": " + Why)});
      }
    }
  }
  if (RC < 0)
    note("make was killed or crashed; log: " + PA.CompileDb +
         "/logs/verify.log");
  if (NeedBase &&
      llvm::any_of(Targets, [](const Target &T) { return !T.Diags.empty(); }))
    findCommands(Common);
}

/// The compile command of each target that printed diagnostics (nothing
/// can be new in the others), for the baseline: from the .o.cmd file Kbuild
/// just wrote for it, else (the build failed) from `make -n`.
void ArchVerifier::findCommands(const std::vector<std::string> &Common) {
  std::vector<std::string> Missing;
  for (Target &T : Targets) {
    if (T.Diags.empty())
      continue;
    if (T.Built) {
      std::string Obj = T.Output;
      std::string Cmd = joinPath(
          BuildDir, joinPath(path::parent_path(Obj),
                             "." + path::filename(Obj).str() + ".cmd"));
      std::string CmdText = readFile(Cmd).value_or("");
      StringRef Line = StringRef(CmdText).split('\n').first;
      if (Line.consume_front("savedcmd_") || Line.consume_front("cmd_")) {
        // Kbuild escapes '$' and '#' for make in .cmd files.
        std::string Text = Line.split(" := ").second.str();
        for (size_t P = 0; (P = Text.find("$(pound)", P)) != std::string::npos;)
          Text.replace(P, 8, "#");
        for (size_t P = 0; (P = Text.find("$$", P)) != std::string::npos; ++P)
          Text.replace(P, 2, "$");
        std::vector<kernel_detail::KbuildCompile> K =
            kernel_detail::parseDryRun(Text, BuildDir, C.Src);
        if (K.size() == 1 && normalizeRel(K[0].Output) == T.Output) {
          T.Command = std::move(K[0].Arguments);
          continue;
        }
      }
    }
    Missing.push_back(T.Output);
  }
  if (Missing.empty())
    return;
  for (const std::string &M : Missing)
    fs::remove(joinPath(BuildDir, M));
  std::vector<std::string> Args = Common;
  Args.insert(Args.end(), {"-n", "-Oline"});
  Args.insert(Args.end(), Missing.begin(), Missing.end());
  std::string Text;
  make(Args, "verify-dryrun", &Text);
  std::map<std::string, std::vector<std::string>> ByOutput;
  for (kernel_detail::KbuildCompile &K :
       kernel_detail::parseDryRun(Text, BuildDir, C.Src))
    ByOutput[normalizeRel(K.Output)] = std::move(K.Arguments);
  for (Target &T : Targets) {
    auto It = ByOutput.find(T.Output);
    if (T.Command.empty() && It != ByOutput.end())
      T.Command = It->second;
  }
}

void ArchVerifier::buildBase() {
  if (!Base || O.Warn != VerifyOptions::Warnings::New ||
      llvm::none_of(Targets, [](const Target &T) {
        return !T.Diags.empty() && !T.Command.empty();
      }))
    return;
  const std::string &BaseRoot = Base->root();
  std::string TmpDir = joinPath(PA.CompileDb, "verify-base-objs");
  removeTree(TmpDir);
  makeDirs(TmpDir);
  std::vector<std::string> Roots = {BaseRoot, C.Src, BuildDir};
  {
    llvm::DefaultThreadPool Pool(llvm::hardware_concurrency(Jobs));
    for (size_t I = 0; I < Targets.size(); ++I) {
      Target &T = Targets[I];
      if (T.Command.empty() || T.Diags.empty())
        continue;
      std::vector<std::string> Argv = {Sh, "-c", "cd \"$0\" && exec \"$@\"",
                                       BuildDir};
      std::string Obj = joinPath(TmpDir, std::to_string(I) + ".o");
      for (size_t J = 0; J < T.Command.size(); ++J) {
        if (T.Command[J] == "-o" && J + 1 < T.Command.size()) {
          Argv.push_back("-o");
          Argv.push_back(Obj);
          ++J;
          continue;
        }
        Argv.push_back(replaceRoot(T.Command[J], C.Src, BaseRoot));
      }
      std::string LogFile = joinPath(TmpDir, std::to_string(I) + ".log");
      // With W=1 Kbuild also runs kernel-doc on the source; its warnings
      // ("file:line: warning:", no column) need a baseline too.
      std::vector<std::string> KernelDoc;
      if (O.Warn != VerifyOptions::Warnings::Off &&
          llvm::any_of(T.Diags, [&](const VerifyDiag &D) {
            return D.Column == 0 && D.File == T.Source;
          }))
        KernelDoc = {Sh,
                     "-c",
                     "cd \"$0\" && exec \"$@\"",
                     BuildDir,
                     joinPath(C.Src, "scripts/kernel-doc"),
                     "-none",
                     joinPath(BaseRoot, T.Source)};
      Pool.async([this, &T, Argv, Obj, LogFile, Roots, KernelDoc] {
        int RC = runProgram(Argv, &Env, LogFile, LogFile);
        T.BaseRan = true;
        T.BaseBuilt = RC == 0 && fs::exists(Obj);
        T.BaseLog = readFile(LogFile).value_or("");
        if (!KernelDoc.empty()) {
          fs::remove(LogFile);
          runProgram(KernelDoc, &Env, LogFile, LogFile);
          T.BaseLog += readFile(LogFile).value_or("");
        }
        T.BaseDiags = parseCompilerDiagnostics(T.BaseLog, PA.Arch, Roots);
      });
    }
    Pool.wait();
  }
  removeTree(TmpDir);
}

std::vector<VerifyCell> ArchVerifier::run() {
  BuildDir = PA.BuildDir;
  Make = findProgram("make", "make");
  Sh = findProgram("sh", "dash");
  std::vector<VerifyCell> Cells;
  CacheFileLock Lock(joinPath(PA.CompileDb, "lock"));
  if (O.Tool == VerifyOptions::Toolchain::GCC)
    setupGcc();
  makeDirs(joinPath(PA.CompileDb, "logs"));
  selectTargets(Cells);
  if (Targets.empty())
    return Cells;

  auto T0 = Clock::now();
  P.line(llvm::formatv("{0}: building {1} object(s)", PA.Arch, Targets.size()));
  buildPatched();
  double PatchedTime = secondsSince(T0);
  T0 = Clock::now();
  buildBase();
  double BaseTime = secondsSince(T0);
  note(llvm::formatv("{0} object(s) built in {1:f1} s, baseline {2:f1} s "
                     "(log: {3}/logs/verify.log)",
                     Targets.size(), PatchedTime, BaseTime, PA.CompileDb));
  return collect(std::move(Cells));
}

/// Cells in file order.
static void sortCells(std::vector<VerifyCell> &Cells) {
  std::stable_sort(
      Cells.begin(), Cells.end(),
      [](const VerifyCell &A, const VerifyCell &B) { return A.File < B.File; });
}

/// Turns the builds into cells: new diagnostics per object, attributed to
/// the changed file they point into, else to the changed file the object
/// was built for.
std::vector<VerifyCell> ArchVerifier::collect(std::vector<VerifyCell> Cells) {
  std::map<std::string, VerifyCell *> CellOf;
  for (VerifyCell &Cell : Cells)
    if (Cell.State.empty())
      CellOf[Cell.File] = &Cell;
  bool Baseline = Base && O.Warn == VerifyOptions::Warnings::New;
  std::set<std::tuple<std::string, std::string, unsigned, unsigned, std::string,
                      std::string>>
      Seen;
  std::vector<std::string> NoBase;
  for (Target &T : Targets) {
    std::vector<VerifyDiag> New;
    if (T.Diags.empty()) {
      continue; // nothing printed, nothing new
    } else if (O.Warn == VerifyOptions::Warnings::Off) {
      for (const VerifyDiag &D : T.Diags)
        if (D.Severity == "error")
          New.push_back(D);
    } else if (!Baseline) {
      New = T.Diags;
    } else {
      bool HaveBase = T.BaseRan && (T.BaseBuilt || !T.BaseDiags.empty());
      if (!HaveBase) {
        NoBase.push_back(T.Source);
        New = T.Diags;
      } else {
        New = newDiagnostics(T.Diags, T.BaseDiags);
        // "Kbuild did not build X" stands for a failure without compiler
        // diagnostics: not new when the base fails too.
        if (!T.BaseBuilt)
          llvm::erase_if(New, [&](const VerifyDiag &D) {
            return D.Line == 0 && D.Column == 0 && D.File == T.Source &&
                   StringRef(D.Message).starts_with("Kbuild did not build");
          });
      }
      bool PatchedError = !T.Built;
      if (PatchedError && HaveBase && !T.BaseBuilt && New.empty())
        note(T.Source + " fails to build before and after the change");
    }
    for (VerifyDiag &D : New) {
      std::vector<VerifyCell *> To;
      auto It = CellOf.find(D.File);
      if (It != CellOf.end())
        To.push_back(It->second);
      else if (T.Changed)
        To.push_back(CellOf[T.Source]);
      else
        for (const std::string &H : T.Headers)
          To.push_back(CellOf[H]);
      for (VerifyCell *Cell : To) {
        if (!Cell)
          continue;
        if (!Seen.insert({Cell->File, D.File, D.Line, D.Column, D.Severity,
                          D.Message})
                 .second)
          continue;
        Cell->New.push_back(D);
      }
    }
  }
  if (!NoBase.empty())
    note("no baseline compile for " + llvm::join(NoBase, ", ") +
         ": all their diagnostics count as new");
  for (VerifyCell &Cell : Cells) {
    if (!Cell.State.empty())
      continue;
    bool Error = llvm::any_of(
        Cell.New, [](const VerifyDiag &D) { return D.Severity == "error"; });
    Cell.State = Error ? "error" : Cell.New.empty() ? "ok" : "new-warnings";
  }
  return Cells;
}

} // namespace

//===----------------------------------------------------------------------===//
// Diagnostics
//===----------------------------------------------------------------------===//

std::vector<VerifyDiag>
daxport::parseCompilerDiagnostics(StringRef Log, const std::string &Arch,
                                  const std::vector<std::string> &Roots) {
  std::vector<VerifyDiag> Out;
  static const std::pair<StringRef, StringRef> Markers[] = {
      {": fatal error: ", "error"},
      {": error: ", "error"},
      {": warning: ", "warning"}};
  for (StringRef Line : llvm::split(Log, '\n')) {
    Line = Line.rtrim("\r");
    size_t Best = StringRef::npos;
    StringRef Sev, Marker;
    for (const auto &[M, S] : Markers) {
      size_t P = Line.find(M);
      if (P < Best) {
        Best = P;
        Sev = S;
        Marker = M;
      }
    }
    if (Best == StringRef::npos || Best == 0)
      continue;
    StringRef Pre = Line.take_front(Best);
    auto IsNum = [](StringRef S) {
      return !S.empty() && llvm::all_of(S, llvm::isDigit);
    };
    auto [Rest, Last] = Pre.rsplit(':');
    if (!IsNum(Last) || Rest.empty())
      continue;
    auto [Rest2, Mid] = Rest.rsplit(':');
    VerifyDiag D;
    D.Arch = Arch;
    D.Severity = Sev.str();
    if (IsNum(Mid) && !Rest2.empty() && Rest.contains(':')) {
      D.File = Rest2.str();
      Mid.getAsInteger(10, D.Line);
      Last.getAsInteger(10, D.Column);
    } else {
      D.File = Rest.str();
      Last.getAsInteger(10, D.Line);
    }
    if (D.File.find(' ') != std::string::npos && D.File[0] != '<')
      continue; // "In file included from x.c:3:" and the like
    llvm::SmallString<256> P(D.File);
    path::remove_dots(P, /*remove_dot_dot=*/true);
    D.File = std::string(P);
    if (path::is_absolute(D.File))
      for (const std::string &R : Roots) {
        if (R.empty())
          continue;
        std::string Rel = relativePath(D.File, R);
        if (!path::is_absolute(Rel)) {
          D.File = Rel;
          break;
        }
      }
    D.Message = Line.drop_front(Best + Marker.size()).trim().str();
    Out.push_back(std::move(D));
  }
  return Out;
}

std::vector<VerifyDiag>
daxport::newDiagnostics(const std::vector<VerifyDiag> &Patched,
                        const std::vector<VerifyDiag> &Base) {
  auto Key = [](const VerifyDiag &D) {
    return D.File + '\0' + D.Severity + '\0' + D.Message;
  };
  std::map<std::string, std::vector<size_t>> PatchedByKey, BaseByKey;
  for (size_t I = 0; I < Patched.size(); ++I)
    PatchedByKey[Key(Patched[I])].push_back(I);
  for (size_t I = 0; I < Base.size(); ++I)
    BaseByKey[Key(Base[I])].push_back(I);
  std::vector<bool> Matched(Patched.size(), false);
  for (auto &[K, PIs] : PatchedByKey) {
    auto It = BaseByKey.find(K);
    if (It == BaseByKey.end())
      continue;
    const std::vector<size_t> &BIs = It->second;
    // Closest pairs first: a diagnostic that moved with the lines around it
    // matches its old self; only the surplus stays unmatched.
    struct Pair {
      unsigned LineDist, ColDist;
      size_t P, B;
    };
    std::vector<Pair> Pairs;
    for (size_t P : PIs)
      for (size_t B : BIs) {
        const VerifyDiag &X = Patched[P], &Y = Base[B];
        Pairs.push_back(
            {X.Line > Y.Line ? X.Line - Y.Line : Y.Line - X.Line,
             X.Column > Y.Column ? X.Column - Y.Column : Y.Column - X.Column, P,
             B});
      }
    std::sort(Pairs.begin(), Pairs.end(), [](const Pair &A, const Pair &B) {
      return std::tie(A.LineDist, A.ColDist, A.P, A.B) <
             std::tie(B.LineDist, B.ColDist, B.P, B.B);
    });
    std::set<size_t> UsedB;
    for (const Pair &Pr : Pairs) {
      if (Matched[Pr.P] || UsedB.count(Pr.B))
        continue;
      Matched[Pr.P] = true;
      UsedB.insert(Pr.B);
    }
  }
  std::vector<VerifyDiag> Out;
  for (size_t I = 0; I < Patched.size(); ++I)
    if (!Matched[I])
      Out.push_back(Patched[I]);
  return Out;
}

//===----------------------------------------------------------------------===//
// The run
//===----------------------------------------------------------------------===//

VerifyResult daxport::runVerify(const VerifyOptions &O) {
  auto Start = Clock::now();
  VerifyResult R;
  Progress P{O.Quiet};
  Changes C = findChanges(O, R.Notes);
  R.Src = C.Src;
  if (O.Warn == VerifyOptions::Warnings::New && C.Kind == BaseKind::None)
    R.Notes.push_back(
        "no baseline (no git and no base directory): every diagnostic counts "
        "as new");
  if (C.CFiles.empty() && C.Headers.empty()) {
    R.Notes.push_back(C.All.empty() ? "no changes" : "no C file changed");
    R.Seconds = secondsSince(Start);
    return R;
  }

  // Check toolchains before any long preparation.
  std::vector<std::string> Arches =
      O.Arches.empty() ? std::vector<std::string>{"x86_64"} : O.Arches;
  if (O.Tool == VerifyOptions::Toolchain::GCC)
    for (const std::string &A : Arches)
      if (const ArchSpec *S = archSpec(A))
        gccPrefix(*S);

  unsigned Jobs =
      O.Jobs ? O.Jobs
             : llvm::heavyweight_hardware_concurrency().compute_thread_count();
  KernelOptions KO;
  KO.Src = C.Src;
  KO.Arches = Arches;
  KO.Out = O.KernelCache;
  KO.Jobs = Jobs;
  KO.Quiet = O.Quiet;
  auto T0 = Clock::now();
  std::vector<PreparedArch> Prepared = prepareKernel(KO, C.CFiles);
  R.Notes.push_back(
      llvm::formatv("kernel preparation {0:f1} s", secondsSince(T0)).str());
  for (const PreparedArch &PA : Prepared)
    for (const std::string &U : PA.Unmet)
      if (!O.Quiet)
        P.line(PA.Arch + ": configuration fragment line not honoured: " + U);

  Overlay Base(C, P);
  bool Baseline =
      O.Warn == VerifyOptions::Warnings::New && C.Kind != BaseKind::None;
  for (const PreparedArch &PA : Prepared) {
    const ArchSpec *Spec = archSpec(PA.Arch);
    if (!Spec)
      fail("internal: unknown architecture " + PA.Arch);
    auto TA = Clock::now();
    ArchVerifier V(O, C, PA, *Spec, Baseline ? &Base : nullptr, P, Jobs,
                   R.Notes);
    std::vector<VerifyCell> Cells = V.run();
    sortCells(Cells);
    R.Notes.push_back(
        llvm::formatv("{0}: {1:f1} s", PA.Arch, secondsSince(TA)).str());
    R.Cells.insert(R.Cells.end(), std::make_move_iterator(Cells.begin()),
                   std::make_move_iterator(Cells.end()));
  }
  if (!Base.Absent.empty())
    R.Notes.push_back("not in the base: " + llvm::join(Base.Absent, ", ") +
                      " (new files: the objects' diagnostics are compared "
                      "with a base that lacks them)");
  R.Seconds = secondsSince(Start);
  return R;
}

//===----------------------------------------------------------------------===//
// Reports
//===----------------------------------------------------------------------===//

namespace {

std::string diagLine(const VerifyDiag &D) {
  std::string S = D.File;
  if (D.Line) {
    S += ":" + std::to_string(D.Line);
    if (D.Column)
      S += ":" + std::to_string(D.Column);
  }
  return S + ": " + D.Severity + ": " + D.Message;
}

/// "[-Wunused-variable]" -> "-Wunused-variable"; errors without a flag are
/// "compiler-error".
std::string ruleOf(const VerifyDiag &D) {
  StringRef M = StringRef(D.Message).rtrim();
  if (M.ends_with("]")) {
    size_t Open = M.rfind('[');
    if (Open != StringRef::npos) {
      StringRef Flags = M.slice(Open + 1, M.size() - 1);
      // "-Werror,-Wfoo": the last one names the warning.
      StringRef Last =
          Flags.rsplit(',').second.empty() ? Flags : Flags.rsplit(',').second;
      if (Last.starts_with("-W"))
        return Last.str();
    }
  }
  return D.Severity == "error" ? "compiler-error" : "compiler-warning";
}

std::string uriEscape(StringRef P) {
  std::string Out;
  for (char C : P) {
    if (llvm::isAlnum(C) || StringRef("/-._~").contains(C))
      Out += C;
    else
      Out += "%" + llvm::utohexstr(static_cast<unsigned char>(C), false, 2);
  }
  return Out;
}

std::map<std::string, unsigned> countStates(const VerifyResult &R) {
  std::map<std::string, unsigned> N = {
      {"ok", 0}, {"new-warnings", 0}, {"error", 0}, {"not-built", 0}};
  for (const VerifyCell &C : R.Cells)
    ++N[C.State];
  return N;
}

} // namespace

std::string daxport::verifyReport(const VerifyResult &R,
                                  const std::string &Format) {
  std::string Out;
  llvm::raw_string_ostream OS(Out);
  std::map<std::string, unsigned> N = countStates(R);
  if (Format == "text") {
    size_t AW = 4, FW = 4;
    for (const VerifyCell &C : R.Cells) {
      AW = std::max(AW, C.Arch.size());
      FW = std::max(FW, C.File.size());
    }
    for (const VerifyCell &C : R.Cells) {
      OS << llvm::left_justify(C.Arch, AW) << "  "
         << llvm::left_justify(C.File, FW) << "  " << C.State;
      if (!C.New.empty())
        OS << " (" << C.New.size() << " new)";
      OS << "\n";
      for (const VerifyDiag &D : C.New)
        OS << "    " << diagLine(D) << "\n";
    }
    for (const std::string &Note : R.Notes)
      OS << "note: " << Note << "\n";
    OS << llvm::formatv("verify: {0} cell(s): {1} ok, {2} error, {3} "
                        "new-warnings, {4} not-built ({5:f1} s)\n",
                        R.Cells.size(), N["ok"], N["error"], N["new-warnings"],
                        N["not-built"], R.Seconds);
    return Out;
  }
  auto DiagJson = [](const VerifyDiag &D) {
    return llvm::json::Object{{"arch", D.Arch},         {"file", D.File},
                              {"line", D.Line},         {"column", D.Column},
                              {"severity", D.Severity}, {"message", D.Message}};
  };
  if (Format == "json") {
    llvm::json::Array Cells;
    for (const VerifyCell &C : R.Cells) {
      llvm::json::Array New;
      for (const VerifyDiag &D : C.New)
        New.push_back(DiagJson(D));
      Cells.push_back(llvm::json::Object{{"arch", C.Arch},
                                         {"file", C.File},
                                         {"state", C.State},
                                         {"new", std::move(New)}});
    }
    llvm::json::Array Notes;
    for (const std::string &Note : R.Notes)
      Notes.push_back(Note);
    llvm::json::Object Summary;
    for (const auto &[K, V] : N)
      Summary[K] = V;
    llvm::json::Object Doc{{"cells", std::move(Cells)},
                           {"notes", std::move(Notes)},
                           {"summary", std::move(Summary)},
                           {"seconds", R.Seconds}};
    if (!R.Src.empty())
      Doc["src"] = R.Src;
    OS << llvm::formatv("{0:2}", llvm::json::Value(std::move(Doc))) << "\n";
    return Out;
  }
  if (Format == "sarif") {
    std::map<std::string, unsigned> RuleIndex;
    llvm::json::Array Rules, Results;
    for (const VerifyCell &C : R.Cells)
      for (const VerifyDiag &D : C.New) {
        std::string Rule = ruleOf(D);
        auto [It, New] = RuleIndex.try_emplace(Rule, Rules.size());
        if (New)
          Rules.push_back(llvm::json::Object{
              {"id", Rule},
              {"shortDescription",
               llvm::json::Object{
                   {"text", Rule == "compiler-error"
                                ? std::string("Compiler error")
                            : Rule == "compiler-warning"
                                ? std::string("Compiler warning")
                                : "Compiler warning " + Rule}}}});
        llvm::json::Object Region{{"startLine", std::max(D.Line, 1u)}};
        if (D.Column)
          Region["startColumn"] = D.Column;
        llvm::json::Object Art{{"uri", uriEscape(D.File)}};
        if (!path::is_absolute(D.File))
          Art["uriBaseId"] = "%SRCROOT%";
        else
          Art["uri"] = "file://" + uriEscape(D.File);
        Results.push_back(llvm::json::Object{
            {"ruleId", Rule},
            {"ruleIndex", It->second},
            {"level", D.Severity == "error" ? "error" : "warning"},
            {"message",
             llvm::json::Object{{"text", D.Message + " (" + D.Arch + ", " +
                                             "building for " + C.File + ")"}}},
            {"locations",
             llvm::json::Array{llvm::json::Object{
                 {"physicalLocation",
                  llvm::json::Object{{"artifactLocation", std::move(Art)},
                                     {"region", std::move(Region)}}}}}},
            {"properties",
             llvm::json::Object{{"arch", D.Arch}, {"changedFile", C.File}}}});
      }
    llvm::json::Array Notifications;
    for (const std::string &Note : R.Notes)
      Notifications.push_back(llvm::json::Object{
          {"level", "note"}, {"message", llvm::json::Object{{"text", Note}}}});
    llvm::json::Array Cells;
    for (const VerifyCell &C : R.Cells)
      Cells.push_back(llvm::json::Object{
          {"arch", C.Arch}, {"file", C.File}, {"state", C.State}});
    llvm::json::Object Run{
        {"tool",
         llvm::json::Object{
             {"driver", llvm::json::Object{{"name", "daxport"},
                                           {"version", DAXPORT_VERSION},
                                           {"semanticVersion", DAXPORT_VERSION},
                                           {"informationUri",
                                            "https://example.invalid/daxport"},
                                           {"rules", std::move(Rules)}}}}},
        {"invocations",
         llvm::json::Array{llvm::json::Object{
             {"executionSuccessful", true},
             {"toolExecutionNotifications", std::move(Notifications)}}}},
        {"results", std::move(Results)},
        {"properties", llvm::json::Object{{"cells", std::move(Cells)}}}};
    if (!R.Src.empty())
      Run["originalUriBaseIds"] = llvm::json::Object{
          {"%SRCROOT%",
           llvm::json::Object{{"uri", "file://" + uriEscape(R.Src) + "/"}}}};
    llvm::json::Object Doc{
        {"$schema", "https://json.schemastore.org/sarif-2.1.0.json"},
        {"version", "2.1.0"},
        {"runs", llvm::json::Array{std::move(Run)}}};
    OS << llvm::formatv("{0:2}", llvm::json::Value(std::move(Doc))) << "\n";
    return Out;
  }
  fail("unknown verify report format '" + Format +
       "' (expected text, json or sarif)");
}
