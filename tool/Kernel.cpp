//===- Kernel.cpp - configure and prepare kernel trees for scanning -------===//
//
// Cache layout below KernelOptions::Out:
//
//   <tree>-<hash>/<arch>/build/               the O= build directory
//   <tree>-<hash>/<arch>/stamp.json           what the configuration was made
//                                             from, and its outcome
//   <tree>-<hash>/<arch>/kbuild-index.txt     every C compile of the build,
//                                             from one `make -n all`
//   <tree>-<hash>/<arch>/compile_commands.json entries for requested sources
//   <tree>-<hash>/<arch>/logs/*.log           make output per step
//   <tree>-<hash>/<arch>/lock                 held while preparing
//
// A single-object `make -n fs/foo.o` prints the flags but compiles the object
// whether or not the configuration builds it (and with the wrong directory's
// flags when the directory is not built at all), so it cannot say what is
// built. The dry run of the whole build (`make -n -k all`, ~10 s) gives both
// answers at once: exactly the compile commands, with per-directory and
// per-file flags, of the objects this configuration builds. It runs once per
// configuration; entries are then copied out of its index. Not indexed:
// units compiled only after vmlinux is linked (boot wrappers and
// decompressors such as arch/x86/boot/**; a dry run cannot get past the link)
// and C files generated into the build directory.
//
//===----------------------------------------------------------------------===//
#include "tool/Kernel.h"
#include "tool/Engine.h"

#include "llvm/ADT/SmallString.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Program.h"
#include "llvm/Support/Threading.h"
#include "llvm/Support/raw_ostream.h"
#include "llvm/Support/xxhash.h"

#include <algorithm>
#include <chrono>
#include <map>
#include <optional>

extern char **environ;

using namespace daxport;
using llvm::StringRef;
namespace fs = llvm::sys::fs;
namespace path = llvm::sys::path;

using kernel_detail::joinPath;
using kernel_detail::readFile;
using kernel_detail::secondsSince;

namespace {

/// Bump when the preparation recipe or the cache layout changes: every
/// cached configuration is then redone.
constexpr StringRef RecipeVersion = "daxport-kernel-1";
constexpr StringRef LLVMSuffix = "-19";
constexpr StringRef IndexHeader = "# daxport kbuild index v1";

[[noreturn]] void fail(const llvm::Twine &Msg) { throw InputError{Msg.str()}; }

//===----------------------------------------------------------------------===//
// Architectures and toolchain
//===----------------------------------------------------------------------===//

struct ArchInfo {
  StringRef Name;                        ///< daxport's name
  StringRef KArch;                       ///< ARCH=
  StringRef SrcArch;                     ///< arch/<SrcArch>
  StringRef Defconfig;                   ///< the make target
  std::vector<StringRef> DefconfigFiles; ///< what that target reads
};

const std::vector<ArchInfo> &archTable() {
  static const std::vector<ArchInfo> Table = {
      {"x86_64",
       "x86_64",
       "x86",
       "x86_64_defconfig",
       {"arch/x86/configs/x86_64_defconfig"}},
      {"arm64",
       "arm64",
       "arm64",
       "defconfig",
       {"arch/arm64/configs/defconfig"}},
      // Little-endian ppc64 (pseries/powernv, Book3S-64: the only powerpc
      // with ARCH_HAS_PTE_DEVMAP); clang's default powerpc target.
      {"powerpc",
       "powerpc",
       "powerpc",
       "ppc64le_defconfig",
       {"arch/powerpc/configs/ppc64_defconfig",
        "arch/powerpc/configs/le.config"}},
      {"riscv",
       "riscv",
       "riscv",
       "defconfig",
       {"arch/riscv/configs/defconfig"}},
      {"loongarch",
       "loongarch",
       "loongarch",
       "loongson3_defconfig",
       {"arch/loongarch/configs/loongson3_defconfig"}},
  };
  return Table;
}

const ArchInfo *findArch(StringRef Name) {
  std::string N = Name.trim().lower();
  static const std::map<std::string, std::string> Aliases = {
      {"x86", "x86_64"},    {"amd64", "x86_64"},
      {"aarch64", "arm64"}, {"ppc64le", "powerpc"},
      {"ppc64", "powerpc"}, {"ppc", "powerpc"},
      {"riscv64", "riscv"}, {"loongarch64", "loongarch"},
  };
  auto It = Aliases.find(N);
  if (It != Aliases.end())
    N = It->second;
  for (const ArchInfo &A : archTable())
    if (A.Name == N)
      return &A;
  return nullptr;
}

std::string archNames() {
  std::string S;
  for (const ArchInfo &A : archTable())
    S += (S.empty() ? "" : ", ") + A.Name.str();
  return S;
}

/// Programs Kbuild needs for configuration and `make prepare`, with the
/// Debian package providing each.
struct ToolReq {
  StringRef Program, Package;
};
const ToolReq Toolchain[] = {
    {"make", "make"},
    {"clang-19", "clang-19"},
    {"ld.lld-19", "lld-19"},
    {"llvm-ar-19", "llvm-19"},
    {"llvm-nm-19", "llvm-19"},
    {"llvm-objcopy-19", "llvm-19"},
    {"llvm-strip-19", "llvm-19"},
    {"llvm-readelf-19", "llvm-19"},
    {"flex", "flex"},
    {"bison", "bison"},
    {"bc", "bc"},
    {"perl", "perl"},
    {"sh", "dash"},
};

/// Resolves every program or throws naming the packages to install.
std::map<std::string, std::string> findToolchain() {
  std::map<std::string, std::string> Found;
  std::vector<std::string> Missing, Packages;
  for (const ToolReq &T : Toolchain) {
    llvm::ErrorOr<std::string> P = llvm::sys::findProgramByName(T.Program);
    if (P) {
      Found[T.Program.str()] = *P;
      continue;
    }
    Missing.push_back(T.Program.str());
    if (std::find(Packages.begin(), Packages.end(), T.Package) ==
        Packages.end())
      Packages.push_back(T.Package.str());
  }
  if (!Missing.empty())
    fail("kernel preparation needs " + llvm::join(Missing, ", ") +
         ", not found in PATH; install with: apt-get install -y " +
         llvm::join(Packages, " "));
  return Found;
}

/// A hint for the usual reasons a make step fails, from its log.
std::string failureHint(StringRef Log) {
  struct Pattern {
    StringRef Needle, Hint;
  };
  static const Pattern Patterns[] = {
      {"gelf.h", "objtool needs libelf headers: apt-get install -y libelf-dev"},
      {"libelf.h",
       "objtool needs libelf headers: apt-get install -y libelf-dev"},
      {"openssl/", "host tools need OpenSSL headers: apt-get install -y "
                   "libssl-dev"},
      {"source tree is not clean",
       "the kernel tree was configured or built in place; Kbuild refuses O= "
       "builds from it: run 'make mrproper' in the tree"},
      {"pahole", "BTF needs pahole: apt-get install -y dwarves"},
      {"No space left on device", "the cache directory's disk is full"},
  };
  for (const Pattern &P : Patterns)
    if (Log.contains(P.Needle))
      return P.Hint.str();
  return "";
}

//===----------------------------------------------------------------------===//
// Small file helpers
//===----------------------------------------------------------------------===//

/// Writes beside the target, then renames: readers never see half a file.
void writeFileAtomic(const std::string &P, StringRef Text) {
  llvm::SmallString<256> Tmp;
  llvm::SmallString<256> Model(P);
  Model += ".%%%%%%.tmp";
  int FD;
  if (std::error_code EC = fs::createUniqueFile(Model, FD, Tmp))
    fail(P + ": cannot write: " + EC.message());
  {
    llvm::raw_fd_ostream OS(FD, /*shouldClose=*/true);
    OS << Text;
    OS.close();
    if (OS.has_error()) {
      fs::remove(Tmp);
      fail(P + ": cannot write: " + OS.error().message());
    }
  }
  if (std::error_code EC = fs::rename(Tmp, P)) {
    fs::remove(Tmp);
    fail(P + ": cannot write: " + EC.message());
  }
}

void makeDirs(const std::string &D) {
  if (std::error_code EC = fs::create_directories(D))
    fail(D + ": cannot create directory: " + EC.message());
}

/// "size:mtime" of a file, or "missing": what the stamp keys on.
std::string statKey(const std::string &P) {
  fs::file_status St;
  if (fs::status(P, St))
    return "missing";
  return std::to_string(St.getSize()) + ":" +
         std::to_string(
             St.getLastModificationTime().time_since_epoch().count());
}

std::string lastLines(StringRef Text, unsigned N) {
  llvm::SmallVector<StringRef, 64> Lines;
  Text.rtrim().split(Lines, '\n');
  size_t From = Lines.size() > N ? Lines.size() - N : 0;
  std::string Out;
  for (size_t I = From; I < Lines.size(); ++I)
    Out += ("  " + Lines[I] + "\n").str();
  return Out;
}


/// P relative to Root ("fs/dax.c"), or empty when P is outside Root.
std::string sourceKey(StringRef P, const std::string &Root) {
  llvm::SmallString<256> S(P);
  if (!path::is_absolute(S)) {
    path::remove_dots(S, /*remove_dot_dot=*/true);
    return std::string(S);
  }
  path::remove_dots(S, true);
  std::string R = relativePath(std::string(S), Root);
  return path::is_absolute(R) ? "" : R;
}

//===----------------------------------------------------------------------===//
// The configuration fragment
//===----------------------------------------------------------------------===//

struct Fragment {
  std::string Text; ///< the lines for one architecture
  std::vector<std::pair<std::string, std::string>> Wanted; ///< symbol, value
};

/// Reads \p File for architecture \p Arch: "# daxport-arch: A B" comment
/// lines select the architectures the following lines apply to.
void loadFragment(const std::string &File, StringRef Arch, Fragment &F) {
  std::optional<std::string> Text = readFile(File);
  if (!Text)
    fail(File + ": cannot read configuration fragment");
  bool Active = true;
  unsigned LineNo = 0;
  F.Text += "# from " + path::filename(File).str() + "\n";
  for (StringRef Line : llvm::split(*Text, '\n')) {
    ++LineNo;
    StringRef T = Line.trim();
    if (T.consume_front("# daxport-arch:")) {
      llvm::SmallVector<StringRef, 8> Names;
      T.split(Names, ' ', -1, /*KeepEmpty=*/false);
      Active = false;
      for (StringRef N : Names) {
        if (N == "all") {
          Active = true;
          continue;
        }
        const ArchInfo *A = findArch(N);
        if (!A)
          fail(File + ":" + llvm::Twine(LineNo) + ": unknown architecture '" +
               N + "' (known: " + archNames() + ", all)");
        Active |= A->Name == Arch;
      }
      continue;
    }
    if (!Active)
      continue;
    std::string Sym, Val;
    if (T.empty())
      continue;
    if (T.starts_with("#")) {
      StringRef C = T.drop_front().ltrim();
      if (C.starts_with("CONFIG_") && C.ends_with(" is not set")) {
        Sym = C.take_until([](char Ch) { return Ch == ' '; }).str();
        Val = "n";
      } else {
        continue; // a plain comment
      }
    } else {
      auto [Name, Value] = T.split('=');
      bool Ok = Name.starts_with("CONFIG_") && T.contains('=') &&
                Name.size() > 7 && llvm::all_of(Name, [](char Ch) {
                  return llvm::isAlnum(Ch) || Ch == '_';
                });
      if (!Ok)
        fail(File + ":" + llvm::Twine(LineNo) +
             ": expected CONFIG_NAME=value or '# CONFIG_NAME is not set'");
      Sym = Name.str();
      Val = Value.trim().str();
    }
    F.Text += T.str() + "\n";
    F.Wanted.emplace_back(Sym, Val);
  }
}

/// CONFIG_ symbol -> value ("y", "m", "n" for "is not set", or the value).
std::map<std::string, std::string> readDotConfig(StringRef Text) {
  std::map<std::string, std::string> Out;
  for (StringRef Line : llvm::split(Text, '\n')) {
    if (Line.starts_with("CONFIG_")) {
      auto [N, V] = Line.split('=');
      Out[N.str()] = V.str();
    } else if (Line.consume_front("# ") && Line.consume_back(" is not set")) {
      Out[Line.str()] = "n";
    }
  }
  return Out;
}

/// Compares a wanted value with the .config value; strings may be quoted.
bool satisfied(StringRef Want, StringRef Got) {
  if (Want == Got)
    return true;
  if (Want == "y" && Got == "m")
    return true; // a tristate capped by a modular dependency still builds
  return Want.trim('"') == Got.trim('"');
}

//===----------------------------------------------------------------------===//
// Running make
//===----------------------------------------------------------------------===//

/// The environment for Kbuild: the caller's minus everything that would
/// change what Kbuild does behind our command line.
std::vector<std::string> kbuildEnvironment() {
  static const StringRef Drop[] = {"ARCH",
                                   "SUBARCH",
                                   "SRCARCH",
                                   "CROSS_COMPILE",
                                   "LLVM",
                                   "LLVM_IAS",
                                   "CC",
                                   "HOSTCC",
                                   "CXX",
                                   "HOSTCXX",
                                   "LD",
                                   "AR",
                                   "NM",
                                   "OBJCOPY",
                                   "OBJDUMP",
                                   "STRIP",
                                   "READELF",
                                   "CFLAGS",
                                   "CPPFLAGS",
                                   "CXXFLAGS",
                                   "LDFLAGS",
                                   "EXTRA_CFLAGS",
                                   "KCFLAGS",
                                   "KCPPFLAGS",
                                   "KAFLAGS",
                                   "KRUSTFLAGS",
                                   "HOSTCFLAGS",
                                   "HOSTLDFLAGS",
                                   "O",
                                   "M",
                                   "V",
                                   "W",
                                   "C",
                                   "MAKEFLAGS",
                                   "MFLAGS",
                                   "MAKELEVEL",
                                   "MAKEFILES",
                                   "GNUMAKEFLAGS",
                                   "CONFIG_",
                                   "LC_ALL",
                                   "INSTALL_MOD_PATH",
                                   "INSTALL_HDR_PATH"};
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

struct Progress {
  bool Quiet;
  StringRef Arch;
  void line(const llvm::Twine &Msg) const {
    if (Quiet)
      return;
    llvm::errs() << "daxport: kernel " << Arch << ": " << Msg << "\n";
    llvm::errs().flush();
  }
};

/// One architecture's preparation: its directories and the make calls.
class ArchBuild {
public:
  ArchBuild(const ArchInfo &A, std::string Src, std::string ArchDir,
            std::map<std::string, std::string> Tools, unsigned Jobs, bool Quiet)
      : A(A), Src(std::move(Src)), ArchDir(std::move(ArchDir)),
        BuildDir(joinPath(this->ArchDir, "build")),
        LogDir(joinPath(this->ArchDir, "logs")), Tools(std::move(Tools)),
        Jobs(Jobs), Env(kbuildEnvironment()), P{Quiet, A.Name} {}

  const ArchInfo &A;
  const std::string Src, ArchDir, BuildDir, LogDir;
  const std::map<std::string, std::string> Tools;
  const unsigned Jobs;
  const std::vector<std::string> Env;
  const Progress P;

  std::string stampPath() const { return joinPath(ArchDir, "stamp.json"); }
  std::string indexPath() const {
    return joinPath(ArchDir, "kbuild-index.txt");
  }
  /// Sources the index said the configuration does not build: a re-scan
  /// need not load the index again to learn it.
  std::string notBuiltPath() const {
    return joinPath(ArchDir, "not-built.txt");
  }
  std::string dbPath() const {
    return joinPath(ArchDir, "compile_commands.json");
  }

  /// Runs a program with stdout to \p Stdout and stderr to \p Stderr (both
  /// may be the same file); returns the exit code (-1: could not run).
  int run(const std::vector<std::string> &Args, const std::string &Stdout,
          const std::string &Stderr) const {
    std::vector<StringRef> ArgRefs(Args.begin(), Args.end());
    std::vector<StringRef> EnvRefs(Env.begin(), Env.end());
    // Redirection does not truncate: a shorter log would keep the tail of
    // an earlier run, and failure messages quote the log's last lines.
    llvm::sys::fs::remove(Stdout);
    if (Stderr != Stdout)
      llvm::sys::fs::remove(Stderr);
    std::optional<StringRef> Redirects[] = {StringRef(""), StringRef(Stdout),
                                            StringRef(Stderr)};
    std::string Err;
    bool Failed = false;
    int RC = llvm::sys::ExecuteAndWait(Args[0], ArgRefs, EnvRefs, Redirects, 0,
                                       0, &Err, &Failed);
    if (Failed)
      fail("cannot run " + Args[0] + ": " + Err);
    return RC;
  }

  std::vector<std::string> makeArgs(bool Parallel) const {
    std::vector<std::string> Args = {Tools.at("make"),
                                     "-C",
                                     Src,
                                     "O=" + BuildDir,
                                     "ARCH=" + A.KArch.str(),
                                     "LLVM=" + LLVMSuffix.str()};
    if (Parallel && Jobs > 1)
      Args.push_back("-j" + std::to_string(Jobs));
    return Args;
  }

  /// `make <Targets>`, output to logs/<Log>.log; throws with the log's tail
  /// when make fails.
  void make(const std::vector<std::string> &Targets, StringRef Log,
            bool Parallel) const {
    std::vector<std::string> Args = makeArgs(Parallel);
    Args.insert(Args.end(), Targets.begin(), Targets.end());
    std::string LogFile = joinPath(LogDir, (Log + ".log").str());
    int RC = run(Args, LogFile, LogFile);
    if (RC != 0)
      failStep("make " + llvm::join(Targets, " "), RC, LogFile);
  }

  [[noreturn]] void failStep(const std::string &What, int RC,
                             const std::string &LogFile) const {
    std::string Log = readFile(LogFile).value_or("");
    std::string Hint = failureHint(Log);
    std::string How = RC < 0 ? std::string("was killed or crashed")
                             : "failed (exit " + std::to_string(RC) + ")";
    fail(A.Name + ": " + What + " " + How + "; log: " + LogFile +
         (Hint.empty() ? "" : "\nhint: " + Hint) +
         "\nlast lines of the log:\n" + lastLines(Log, 25));
  }

  /// merge_config.sh writes temporary files into its working directory:
  /// run it from the build directory.
  void mergeFragment(const std::string &FragmentFile, unsigned Pass) const {
    std::string LogFile =
        joinPath(LogDir, "merge-" + std::to_string(Pass) + ".log");
    std::vector<std::string> Args = {
        Tools.at("sh"),
        "-c",
        "cd \"$0\" && exec \"$1\" \"$2\" -m -O \"$0\" \"$0/.config\" \"$3\"",
        BuildDir,
        Tools.at("sh"),
        joinPath(Src, "scripts/kconfig/merge_config.sh"),
        FragmentFile};
    int RC = run(Args, LogFile, LogFile);
    if (RC != 0)
      failStep("scripts/kconfig/merge_config.sh", RC, LogFile);
  }
};

//===----------------------------------------------------------------------===//
// The Kbuild index
//===----------------------------------------------------------------------===//

/// Runs the dry run of the whole build and writes the index of C compiles.
void buildIndex(const ArchBuild &B) {
  std::string Out = joinPath(B.ArchDir, "dryrun.tmp");
  std::string LogFile = joinPath(B.LogDir, "dryrun.log");
  // -k: the final links fail under -n (no vmlinux.a is made); every compile
  // is printed before that. -Oline keeps parallel output line-atomic.
  std::vector<std::string> Args = B.makeArgs(/*Parallel=*/true);
  Args.insert(Args.end(), {"-n", "-k", "-Oline", "all"});
  int RC = B.run(Args, Out, LogFile);
  auto Buf = llvm::MemoryBuffer::getFile(Out, false, false);
  if (!Buf)
    B.failStep("make -n all", RC, LogFile);
  std::vector<kernel_detail::KbuildCompile> Compiles =
      kernel_detail::parseDryRun((*Buf)->getBuffer(), B.BuildDir, B.Src);
  Buf->reset();
  fs::remove(Out);
  if (Compiles.empty())
    B.failStep("make -n all (no compile command found)", RC, LogFile);
  // Under -n no archive is made, so the link of vmlinux.o fails as expected
  // (and what only the boot image builds after it, such as
  // arch/x86/boot/compressed, is not printed). Any other error means a part
  // of the tree was skipped.
  std::string Log = readFile(LogFile).value_or("");
  for (StringRef Line : llvm::split(Log, '\n')) {
    if (!Line.contains("***"))
      continue;
    bool Expected = (Line.contains("No rule to make target") &&
                     Line.contains("needed by 'vmlinux.o'")) ||
                    Line.ends_with("vmlinux_o] Error 2") ||
                    Line.contains("__sub-make] Error");
    if (!Expected) {
      B.P.line("warning: Kbuild's dry run reported an error, the index may "
               "miss units: " +
               Line.trim() + " (log: " + LogFile + ")");
      break;
    }
  }

  // One entry per source: the object named after it when the source is
  // compiled more than once (purgatory, vdso), else the first.
  std::map<std::string, const kernel_detail::KbuildCompile *> BySource;
  for (const kernel_detail::KbuildCompile &C : Compiles) {
    const kernel_detail::KbuildCompile *&Slot = BySource[C.Source];
    StringRef Stem = StringRef(C.Source).drop_back(2); // ".c"
    bool Own = StringRef(C.Output).drop_back(2) == Stem;
    if (!Slot || (Own && StringRef(Slot->Output).drop_back(2) != Stem))
      Slot = &C;
  }
  std::string Text;
  llvm::raw_string_ostream OS(Text);
  OS << IndexHeader << "\t" << B.Src << "\t" << B.BuildDir << "\n";
  for (const auto &[Source, C] : BySource) {
    llvm::json::Array Argv;
    for (const std::string &W : C->Arguments)
      Argv.push_back(W);
    OS << Source << "\t" << C->Output << "\t"
       << llvm::json::Value(std::move(Argv)) << "\n";
  }
  OS.flush();
  fs::remove(B.notBuiltPath());
  writeFileAtomic(B.indexPath(), Text);
}

/// The index, loaded: source -> (output, JSON argument array).
class Index {
public:
  bool load(const std::string &File) {
    auto Buf = llvm::MemoryBuffer::getFile(File, false, false);
    if (!Buf)
      return false;
    Data = std::move(*Buf);
    StringRef Text = Data->getBuffer();
    if (!Text.starts_with(IndexHeader))
      return false;
    Text = Text.split('\n').second;
    while (!Text.empty()) {
      auto [Line, Rest] = Text.split('\n');
      Text = Rest;
      auto [Source, Tail] = Line.split('\t');
      if (!Tail.empty())
        Entries[Source] = Tail;
    }
    return true;
  }
  bool contains(StringRef Source) const { return Entries.count(Source); }
  /// The compile_commands.json object for \p Source.
  std::optional<llvm::json::Value> entry(StringRef Source,
                                         const std::string &Src,
                                         const std::string &BuildDir) const {
    auto It = Entries.find(Source);
    if (It == Entries.end())
      return std::nullopt;
    auto [Output, ArgsText] = It->second.split('\t');
    llvm::Expected<llvm::json::Value> Args = llvm::json::parse(ArgsText);
    if (!Args) {
      llvm::consumeError(Args.takeError());
      return std::nullopt;
    }
    return llvm::json::Object{{"directory", BuildDir},
                              {"file", joinPath(Src, Source)},
                              {"output", Output},
                              {"arguments", std::move(*Args)}};
  }

private:
  std::unique_ptr<llvm::MemoryBuffer> Data;
  llvm::StringMap<StringRef> Entries;
};

//===----------------------------------------------------------------------===//
// Preparation of one architecture
//===----------------------------------------------------------------------===//


struct StampInfo {
  std::string Key;
  std::vector<std::string> Unmet;
};

std::optional<StampInfo> readStamp(const std::string &File) {
  std::optional<std::string> Text = readFile(File);
  if (!Text)
    return std::nullopt;
  llvm::Expected<llvm::json::Value> V = llvm::json::parse(*Text);
  if (!V) {
    llvm::consumeError(V.takeError());
    return std::nullopt;
  }
  const llvm::json::Object *O = V->getAsObject();
  if (!O || !O->getString("key"))
    return std::nullopt;
  StampInfo S;
  S.Key = O->getString("key")->str();
  if (const llvm::json::Array *U = O->getArray("unmet"))
    for (const llvm::json::Value &E : *U)
      if (auto Str = E.getAsString())
        S.Unmet.push_back(Str->str());
  return S;
}

/// What a configuration is made from: recipe, tree, kernel version, the
/// Kconfig/Kbuild files that shape it, the fragments, the toolchain.
std::string stampKeyText(const ArchBuild &B, StringRef Version,
                         const Fragment &F) {
  std::string T;
  llvm::raw_string_ostream OS(T);
  OS << "recipe " << RecipeVersion << "\nsrc " << B.Src << "\nkernel "
     << Version << "\narch " << B.A.Name << " ARCH=" << B.A.KArch
     << " LLVM=" << LLVMSuffix << " " << B.A.Defconfig << "\n";
  std::vector<std::string> Files = {"Makefile",
                                    "Kconfig",
                                    "scripts/Kbuild.include",
                                    "scripts/Makefile.build",
                                    "scripts/Makefile.lib",
                                    "scripts/Makefile.clang",
                                    "scripts/Makefile.compiler",
                                    "mm/Kconfig",
                                    "fs/Kconfig",
                                    "drivers/dax/Kconfig",
                                    "drivers/nvdimm/Kconfig",
                                    "arch/" + B.A.SrcArch.str() + "/Kconfig",
                                    "arch/" + B.A.SrcArch.str() + "/Makefile"};
  for (StringRef D : B.A.DefconfigFiles)
    Files.push_back(D.str());
  for (const std::string &F : Files)
    OS << "file " << F << " " << statKey(joinPath(B.Src, F)) << "\n";
  for (const auto &[Name, Path] : B.Tools) {
    if (Name != "clang-19" && Name != "ld.lld-19" && Name != "llvm-ar-19" &&
        Name != "make")
      continue;
    llvm::SmallString<256> Real;
    if (fs::real_path(Path, Real))
      Real = Path;
    OS << "tool " << Name << " " << Real << " " << statKey(std::string(Real))
       << "\n";
  }
  OS << "fragment\n" << F.Text;
  OS.flush();
  return T;
}

/// Configures, prepares and indexes one architecture unless its stamp says
/// the cached state was made from the same inputs. Returns the unmet lines.
std::vector<std::string> prepareArch(const ArchBuild &B, StringRef Version,
                                     const Fragment &F) {
  using Clock = std::chrono::steady_clock;
  auto Start = Clock::now();
  makeDirs(B.BuildDir);
  makeDirs(B.LogDir);
  CacheFileLock Lock(
      joinPath(B.ArchDir, "lock"),
      [](void *P) {
        static_cast<const Progress *>(P)->line(
            "waiting for another daxport preparing this tree");
      },
      const_cast<Progress *>(&B.P));

  std::string KeyText = stampKeyText(B, Version, F);
  std::string Key = llvm::utohexstr(llvm::xxh3_64bits(KeyText), true, 16);
  std::optional<StampInfo> Stamp = readStamp(B.stampPath());
  if (Stamp && Stamp->Key == Key &&
      fs::exists(joinPath(B.BuildDir, ".config"))) {
    if (!fs::exists(B.indexPath())) {
      auto T = Clock::now();
      buildIndex(B);
      B.P.line(llvm::formatv("indexed Kbuild's compile commands ({0:f1} s)",
                             secondsSince(T)));
    }
    B.P.line("cached configuration in " + B.ArchDir);
    return Stamp->Unmet;
  }

  // Anything derived from an older configuration is void from here on.
  fs::remove(B.stampPath());
  fs::remove(B.indexPath());
  fs::remove(B.notBuiltPath());
  fs::remove(B.dbPath());

  auto T = Clock::now();
  B.make({B.A.Defconfig.str()}, "defconfig", /*Parallel=*/false);
  std::string FragFile = joinPath(B.BuildDir, "daxport.config");
  writeFileAtomic(FragFile, F.Text);
  std::map<std::string, std::string> Want; // the last line for each wins
  for (const auto &[Sym, Val] : F.Wanted)
    Want[Sym] = Val;
  // A symbol whose dependencies the fragment itself sets is dropped by the
  // first olddefconfig (the dependency was still off when it was read):
  // merge again while something is unmet and .config still changes.
  std::string Before;
  std::vector<std::string> Unmet;
  llvm::json::Object Values;
  unsigned Pass = 1;
  for (;; ++Pass) {
    B.mergeFragment(FragFile, Pass);
    B.make({"olddefconfig"}, "olddefconfig-" + std::to_string(Pass), false);
    std::string After = readFile(joinPath(B.BuildDir, ".config")).value_or("");
    std::map<std::string, std::string> Config = readDotConfig(After);
    Unmet.clear();
    Values = llvm::json::Object();
    for (const auto &[Sym, Val] : Want) {
      auto It = Config.find(Sym);
      std::string Got =
          It == Config.end() || It->second.empty() ? "n" : It->second;
      Values[Sym] = Got;
      if (!satisfied(Val, Got))
        Unmet.push_back(Sym + "=" + Val + " (got " + Got + ")");
    }
    if (Unmet.empty() || After == Before || Pass == 4)
      break;
    Before = std::move(After);
  }
  B.P.line(llvm::formatv("configured {0} + fragment ({1} olddefconfig "
                         "passes, {2:f1} s)",
                         B.A.Defconfig, Pass, secondsSince(T)));
  for (const std::string &U : Unmet)
    B.P.line("warning: fragment line not honoured: " + U);

  T = Clock::now();
  B.make({"prepare"}, "prepare", /*Parallel=*/true);
  double PrepareTime = secondsSince(T);
  B.P.line(llvm::formatv("make prepare ({0:f1} s)", PrepareTime));

  T = Clock::now();
  buildIndex(B);
  double IndexTime = secondsSince(T);
  B.P.line(
      llvm::formatv("indexed Kbuild's compile commands ({0:f1} s)", IndexTime));

  llvm::json::Array UnmetJson;
  for (const std::string &U : Unmet)
    UnmetJson.push_back(U);
  llvm::json::Object StampObj{
      {"key", Key},
      {"kernel", Version},
      {"arch", B.A.Name},
      {"src", B.Src},
      {"defconfig", B.A.Defconfig},
      {"unmet", std::move(UnmetJson)},
      {"fragment_values", std::move(Values)},
      {"seconds", llvm::json::Object{{"total", secondsSince(Start)},
                                     {"prepare", PrepareTime},
                                     {"index", IndexTime}}},
      {"inputs", KeyText}};
  std::string Text;
  llvm::raw_string_ostream OS(Text);
  OS << llvm::formatv("{0:2}", llvm::json::Value(std::move(StampObj))) << "\n";
  OS.flush();
  writeFileAtomic(B.stampPath(), Text);
  return Unmet;
}

/// Adds entries for the built sources among \p Sources to the database;
/// returns the sources not built.
void updateDatabase(const ArchBuild &B, const std::vector<std::string> &Sources,
                    std::vector<std::string> &NotBuilt) {
  std::map<std::string, llvm::json::Value> ByFile;
  if (std::optional<std::string> Old = readFile(B.dbPath())) {
    llvm::Expected<llvm::json::Value> V = llvm::json::parse(*Old);
    if (!V)
      llvm::consumeError(V.takeError());
    else if (llvm::json::Array *Arr = V->getAsArray())
      for (llvm::json::Value &E : *Arr)
        if (llvm::json::Object *O = E.getAsObject())
          if (auto F = O->getString("file"))
            ByFile.emplace(F->str(), std::move(E));
  }
  bool Changed = !fs::exists(B.dbPath());
  std::set<std::string> KnownNotBuilt;
  if (std::optional<std::string> NB = readFile(B.notBuiltPath())) {
    llvm::SmallVector<StringRef, 64> Lines;
    StringRef(*NB).split(Lines, '\n', -1, /*KeepEmpty=*/false);
    for (StringRef L : Lines)
      KnownNotBuilt.insert(L.str());
  }
  size_t KnownBefore = KnownNotBuilt.size();
  Index Idx;
  bool Loaded = false;
  for (const std::string &S : Sources) {
    std::string Key = sourceKey(S, B.Src);
    if (!Key.empty() && ByFile.count(joinPath(B.Src, Key)))
      continue;
    if (!Key.empty() && KnownNotBuilt.count(Key)) {
      NotBuilt.push_back(S);
      continue;
    }
    if (!Loaded) {
      if (!Idx.load(B.indexPath()))
        fail(B.indexPath() + ": cannot read the Kbuild index; remove " +
             B.ArchDir + " and retry");
      Loaded = true;
    }
    std::optional<llvm::json::Value> E =
        Key.empty() ? std::nullopt : Idx.entry(Key, B.Src, B.BuildDir);
    if (!E) {
      NotBuilt.push_back(S);
      if (!Key.empty() && Key.find('\n') == std::string::npos)
        KnownNotBuilt.insert(Key);
      continue;
    }
    ByFile.emplace(joinPath(B.Src, Key), std::move(*E));
    Changed = true;
  }
  if (KnownNotBuilt.size() != KnownBefore) {
    std::string Text;
    for (const std::string &K : KnownNotBuilt)
      Text += K + "\n";
    writeFileAtomic(B.notBuiltPath(), Text);
  }
  if (Changed) {
    llvm::json::Array Arr;
    for (auto &KV : ByFile)
      Arr.push_back(std::move(KV.second));
    std::string Text;
    llvm::raw_string_ostream OS(Text);
    OS << llvm::formatv("{0:2}", llvm::json::Value(std::move(Arr))) << "\n";
    OS.flush();
    writeFileAtomic(B.dbPath(), Text);
  }
}

/// "6.12.117" from the top-level Makefile, or empty.
std::string kernelVersion(StringRef Makefile) {
  std::map<std::string, std::string> V;
  for (StringRef Line : llvm::split(Makefile, '\n')) {
    if (Line.starts_with("#"))
      continue;
    auto [K, Val] = Line.split('=');
    K = K.trim();
    if (K == "VERSION" || K == "PATCHLEVEL" || K == "SUBLEVEL" ||
        K == "EXTRAVERSION")
      V.emplace(K.str(), Val.trim().str());
    if (V.size() == 4)
      break;
  }
  if (!V.count("VERSION") || !V.count("PATCHLEVEL") || V["VERSION"].empty())
    return "";
  return V["VERSION"] + "." + V["PATCHLEVEL"] +
         (V["SUBLEVEL"].empty() ? "" : "." + V["SUBLEVEL"]) + V["EXTRAVERSION"];
}

std::string defaultCacheDir() {
  llvm::SmallString<256> P;
  if (!path::cache_directory(P))
    fail("no cache directory (neither XDG_CACHE_HOME nor HOME is set): give "
         "an output directory");
  path::append(P, "daxport");
  return std::string(P);
}

} // namespace

//===----------------------------------------------------------------------===//
// Command-line parsing of Kbuild's output
//===----------------------------------------------------------------------===//

std::vector<std::vector<std::string>>
daxport::kernel_detail::splitShell(StringRef L) {
  std::vector<std::vector<std::string>> Cmds;
  std::vector<std::string> Cur;
  std::string Word;
  bool InWord = false, DropNext = false;
  auto EndWord = [&] {
    if (InWord) {
      if (DropNext)
        DropNext = false;
      else
        Cur.push_back(std::move(Word));
    }
    Word.clear();
    InWord = false;
  };
  auto EndCmd = [&] {
    EndWord();
    // Grouping words are not part of the command.
    while (!Cur.empty() && (Cur.front() == "{" || Cur.front() == "!"))
      Cur.erase(Cur.begin());
    while (!Cur.empty() && Cur.back() == "}")
      Cur.pop_back();
    if (!Cur.empty())
      Cmds.push_back(std::move(Cur));
    Cur.clear();
    DropNext = false;
  };
  size_t N = L.size();
  for (size_t I = 0; I < N; ++I) {
    char C = L[I];
    switch (C) {
    case ' ':
    case '\t':
      EndWord();
      break;
    case '\n':
      EndCmd();
      break;
    case '\\':
      if (I + 1 < N && L[I + 1] == '\n') {
        ++I; // line continuation
      } else if (I + 1 < N) {
        Word += L[++I];
        InWord = true;
      }
      break;
    case '\'': {
      size_t E = L.find('\'', I + 1);
      if (E == StringRef::npos)
        E = N;
      Word += L.slice(I + 1, E).str();
      InWord = true;
      I = E;
      break;
    }
    case '"':
      InWord = true;
      for (++I; I < N && L[I] != '"'; ++I) {
        if (L[I] == '\\' && I + 1 < N &&
            StringRef("$`\"\\\n").contains(L[I + 1])) {
          if (L[I + 1] != '\n')
            Word += L[I + 1];
          ++I;
        } else {
          Word += L[I];
        }
      }
      break;
    case '`': {
      size_t E = L.find('`', I + 1);
      if (E == StringRef::npos)
        E = N - 1;
      Word += L.slice(I, E + 1).str();
      InWord = true;
      I = E;
      break;
    }
    case '$':
      // $(...) command substitution stays one word.
      if (I + 1 < N && L[I + 1] == '(') {
        size_t Depth = 0, J = I + 1;
        for (; J < N; ++J) {
          if (L[J] == '(')
            ++Depth;
          else if (L[J] == ')' && --Depth == 0)
            break;
        }
        Word += L.slice(I, std::min(J + 1, N)).str();
        InWord = true;
        I = std::min(J, N - 1);
      } else {
        Word += C;
        InWord = true;
      }
      break;
    case ';':
    case '&':
    case '|':
    case '(':
    case ')':
      EndCmd();
      break;
    case '<':
    case '>':
      // "2>" names a descriptor: not a word.
      if (InWord && llvm::all_of(Word, llvm::isDigit)) {
        Word.clear();
        InWord = false;
      }
      EndWord();
      while (I + 1 < N && (L[I + 1] == '>' || L[I + 1] == '&'))
        ++I;
      DropNext = true;
      break;
    case '#':
      if (!InWord) {
        // A comment runs to the end of the line.
        size_t E = L.find('\n', I);
        if (E == StringRef::npos)
          E = N;
        I = E - 1;
        break;
      }
      [[fallthrough]];
    default:
      Word += C;
      InWord = true;
    }
  }
  EndCmd();
  return Cmds;
}

static bool isCompilerName(StringRef P) {
  StringRef Base = path::filename(P);
  // clang, clang-19, x86_64-linux-gnu-gcc, gcc-12, cc
  auto StripVersion = [](StringRef S) {
    size_t Dash = S.rfind('-');
    if (Dash != StringRef::npos && Dash + 1 < S.size() &&
        llvm::all_of(S.drop_front(Dash + 1),
                     [](char C) { return llvm::isDigit(C) || C == '.'; }))
      return S.take_front(Dash);
    return S;
  };
  StringRef B = StripVersion(Base);
  return B == "clang" || B == "cc" || B == "gcc" || B.ends_with("-gcc") ||
         B.ends_with("-clang");
}

std::vector<kernel_detail::KbuildCompile>
daxport::kernel_detail::parseDryRun(StringRef Text, const std::string &BuildDir,
                                    const std::string &Src) {
  static const llvm::StringSet<> TakesArg = {
      "-include", "-imacros",     "-isystem",    "-idirafter", "-iquote",
      "-iprefix", "-iwithprefix", "-isysroot",   "-I",         "-D",
      "-U",       "-x",           "-MF",         "-MT",        "-MQ",
      "-Xclang",  "-mllvm",       "-Xassembler", "-Xlinker",   "-Xpreprocessor",
      "-target",  "-arch",        "-L",          "-T",         "-u",
      "-z",       "--param"};
  std::vector<KbuildCompile> Out;
  std::string Logical;
  auto Handle = [&](StringRef Line) {
    // Cheap filter: Kbuild prints tens of thousands of lines.
    if (!Line.contains(" -c ") || !Line.contains(".c"))
      return;
    for (std::vector<std::string> &Cmd : splitShell(Line)) {
      size_t I = 0;
      // Leading VAR=value assignments.
      while (I < Cmd.size() && !Cmd[I].empty() &&
             (llvm::isAlpha(Cmd[I][0]) || Cmd[I][0] == '_') &&
             StringRef(Cmd[I]).take_until([](char C) { return C == '='; }) !=
                 Cmd[I] &&
             llvm::all_of(StringRef(Cmd[I]).split('=').first,
                          [](char C) { return llvm::isAlnum(C) || C == '_'; }))
        ++I;
      if (I >= Cmd.size() || !isCompilerName(Cmd[I]))
        continue;
      bool Compile = false, Other = false;
      std::string Output;
      std::vector<std::string> Inputs;
      std::vector<std::string> Args;
      for (size_t J = I; J < Cmd.size(); ++J) {
        StringRef W = Cmd[J];
        if (J > I) {
          if (W == "-c") {
            Compile = true;
          } else if (W == "-E" || W == "-S" || W == "-fsyntax-only" ||
                     W == "-M" || W == "-MM") {
            Other = true;
          } else if (W == "-o" && J + 1 < Cmd.size()) {
            Output = Cmd[J + 1];
            Args.push_back(Cmd[J]);
            Args.push_back(Cmd[++J]);
            continue;
          } else if (TakesArg.contains(W) && J + 1 < Cmd.size()) {
            Args.push_back(Cmd[J]);
            Args.push_back(Cmd[++J]);
            continue;
          } else if (W.starts_with("-Wp,-MMD,") || W.starts_with("-Wp,-MD,")) {
            continue; // a dependency file, not a compile flag
          } else if (!W.starts_with("-")) {
            Inputs.push_back(W.str());
          }
        }
        Args.push_back(W.str());
      }
      if (!Compile || Other || Inputs.size() != 1 ||
          !StringRef(Inputs[0]).ends_with(".c") ||
          !StringRef(Output).ends_with(".o") || path::is_absolute(Output))
        continue;
      llvm::SmallString<256> File(Inputs[0]);
      fs::make_absolute(BuildDir, File);
      path::remove_dots(File, true);
      std::string Rel = relativePath(std::string(File), Src);
      if (path::is_absolute(Rel) || !fs::exists(File))
        continue; // generated into the build dir, or not Kbuild's
      Out.push_back({Rel, Output, std::move(Args)});
    }
  };
  for (StringRef Line : llvm::split(Text, '\n')) {
    // A line ending in an odd number of backslashes continues.
    size_t Trailing = Line.size() - Line.rtrim('\\').size();
    if (Trailing % 2 == 1) {
      Logical += Line.drop_back().str();
      Logical += ' ';
      continue;
    }
    if (!Logical.empty()) {
      Logical += Line.str();
      Handle(Logical);
      Logical.clear();
    } else {
      Handle(Line);
    }
  }
  if (!Logical.empty())
    Handle(Logical);
  return Out;
}

//===----------------------------------------------------------------------===//
// Public API
//===----------------------------------------------------------------------===//

CacheFileLock::CacheFileLock(const std::string &File, void (*OnWait)(void *),
                             void *Arg) {
  fs::file_t F;
  if (fs::openFileForReadWrite(File, F, fs::CD_OpenAlways, fs::OF_None))
    return; // no lock (read-only cache?): proceed, writes will report
  if (fs::tryLockFile(F, std::chrono::milliseconds(0))) {
    if (OnWait)
      OnWait(Arg);
    if (fs::lockFile(F)) {
      fs::closeFile(F);
      return;
    }
  }
  FD = F;
}

CacheFileLock::~CacheFileLock() {
  if (FD >= 0) {
    fs::unlockFile(FD);
    fs::closeFile(FD);
  }
}

std::string kernel_detail::joinPath(StringRef A, StringRef B) {
  llvm::SmallString<256> P(A);
  path::append(P, B);
  return std::string(P);
}

double kernel_detail::secondsSince(std::chrono::steady_clock::time_point T) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - T)
      .count();
}

std::optional<std::string> kernel_detail::readFile(const std::string &P) {
  auto Buf = llvm::MemoryBuffer::getFile(P, /*IsText=*/false,
                                         /*RequiresNullTerminator=*/false);
  if (!Buf)
    return std::nullopt;
  return (*Buf)->getBuffer().str();
}

std::string daxport::daxConfigPath() {
  // Installed: <prefix>/bin/daxport and <prefix>/share/daxport/dax.config.
  std::string Exe = fs::getMainExecutable(
      nullptr, reinterpret_cast<void *>(&daxport::daxConfigPath));
  if (!Exe.empty()) {
    llvm::SmallString<256> P(path::parent_path(path::parent_path(Exe)));
    path::append(P, "share", "daxport", "dax.config");
    if (fs::exists(P))
      return std::string(P);
  }
  // Build tree: beside this source file.
  llvm::SmallString<256> P(path::parent_path(__FILE__));
  path::append(P, "dax.config");
  if (path::is_absolute(P) && fs::exists(P))
    return std::string(P);
  return "";
}

std::vector<PreparedArch>
daxport::prepareKernel(const KernelOptions &O,
                       const std::vector<std::string> &Sources) {
  // The tree.
  if (O.Src.empty())
    fail("no kernel source tree given");
  if (!fs::exists(O.Src))
    fail(O.Src + ": no such kernel source tree");
  if (!fs::is_directory(O.Src))
    fail(O.Src + ": not a directory");
  llvm::SmallString<256> RealSrc;
  if (std::error_code EC = fs::real_path(O.Src, RealSrc))
    fail(O.Src + ": " + EC.message());
  std::string Src(RealSrc);
  std::string Version =
      kernelVersion(readFile(joinPath(Src, "Makefile")).value_or(""));
  if (Version.empty() || !fs::exists(joinPath(Src, "Kconfig")) ||
      !fs::exists(joinPath(Src, "scripts/kconfig/merge_config.sh")))
    fail(O.Src + ": not a Linux kernel source tree (no top-level Makefile "
                 "with VERSION/PATCHLEVEL, Kconfig and "
                 "scripts/kconfig/merge_config.sh)");
  if (fs::exists(joinPath(Src, ".config")) ||
      fs::exists(joinPath(Src, "include/config")))
    fail(O.Src + ": the tree was configured in place (it has .config or "
                 "include/config); Kbuild refuses O= builds from it: run "
                 "'make mrproper' in the tree or use a clean copy");

  // Architectures.
  std::vector<const ArchInfo *> Arches;
  for (const std::string &Name :
       O.Arches.empty() ? std::vector<std::string>{"x86_64"} : O.Arches) {
    const ArchInfo *A = findArch(Name);
    if (!A)
      fail("unknown architecture '" + Name + "' (known: " + archNames() + ")");
    if (!fs::is_directory(joinPath(Src, "arch/" + A->SrcArch.str())))
      fail(O.Src + ": the tree has no arch/" + A->SrcArch + " for " + A->Name);
    if (std::find(Arches.begin(), Arches.end(), A) == Arches.end())
      Arches.push_back(A);
  }

  std::string DaxConfig = daxConfigPath();
  if (DaxConfig.empty())
    fail("the shipped configuration fragment dax.config was not found "
         "(looked in <prefix>/share/daxport and beside the sources)");
  if (!O.ConfigFragment.empty() && !fs::exists(O.ConfigFragment))
    fail(O.ConfigFragment + ": no such configuration fragment");

  std::map<std::string, std::string> Tools = findToolchain();
  unsigned Jobs =
      O.Jobs ? O.Jobs
             : llvm::heavyweight_hardware_concurrency().compute_thread_count();

  std::string TreeDir = O.Out.empty() ? defaultCacheDir() : O.Out;
  TreeDir = joinPath(
      absolutePath(TreeDir),
      path::filename(Src).str() + "-" +
          llvm::utohexstr(llvm::xxh3_64bits(Src), true, 8).substr(0, 8));

  std::vector<PreparedArch> Result;
  for (const ArchInfo *A : Arches) {
    Fragment F;
    loadFragment(DaxConfig, A->Name, F);
    if (!O.ConfigFragment.empty())
      loadFragment(absolutePath(O.ConfigFragment), A->Name, F);
    ArchBuild B(*A, Src, joinPath(TreeDir, A->Name), Tools, Jobs, O.Quiet);
    PreparedArch PA;
    PA.Arch = A->Name.str();
    PA.Src = Src;
    PA.BuildDir = B.BuildDir;
    PA.CompileDb = B.ArchDir;
    PA.Unmet = prepareArch(B, Version, F);
    if (!Sources.empty())
      updateDatabase(B, Sources, PA.NotBuilt);
    Result.push_back(std::move(PA));
  }
  return Result;
}

std::vector<std::string>
daxport::builtSources(const PreparedArch &A,
                      const std::vector<std::string> &Sources) {
  Index Idx;
  std::string File = joinPath(A.CompileDb, "kbuild-index.txt");
  if (!Idx.load(File))
    fail(File + ": no Kbuild index for " + A.Arch +
         ": prepare the kernel first");
  std::vector<std::string> Out;
  for (const std::string &S : Sources) {
    std::string Key = sourceKey(S, A.Src);
    if (!Key.empty() && Idx.contains(Key))
      Out.push_back(S);
  }
  return Out;
}
