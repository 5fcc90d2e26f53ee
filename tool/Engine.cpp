//===- Engine.cpp - units, parallel analysis, token scans, merge ----------===//
#include "tool/Engine.h"
#include "matchers/Analysis.h"
#include "rules/RuleSet.h"
#include "tool/Prefilter.h"
#include "tool/Cache.h"

#include "clang/Tooling/JSONCompilationDatabase.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Format.h"
#include "llvm/Support/Process.h"
#include "llvm/Support/ThreadPool.h"
#include "llvm/Support/Threading.h"
#include "llvm/Support/raw_ostream.h"

#include <algorithm>
#include <chrono>
#include <map>
#include <mutex>
#include <set>

using namespace daxport;
namespace fs = llvm::sys::fs;
namespace path = llvm::sys::path;

std::string daxport::absolutePath(const std::string &P) {
  llvm::SmallString<256> S(P);
  fs::make_absolute(S);
  path::remove_dots(S, true);
  return std::string(S);
}

std::string daxport::relativePath(const std::string &P,
                                  const std::string &Root) {
  llvm::StringRef S(P);
  if (!Root.empty() && S.starts_with(Root) &&
      (S.size() == Root.size() || S[Root.size()] == '/'))
    return S.drop_front(std::min(S.size(), Root.size() + 1)).str();
  return P;
}

static bool isUnder(const std::string &File, const std::string &Dir) {
  return File == Dir ||
         (llvm::StringRef(File).starts_with(Dir) && File.size() > Dir.size() &&
          (File[Dir.size()] == '/' || Dir.back() == '/'));
}

static bool isCSource(llvm::StringRef F) {
  return F.ends_with(".c");
}

static int statusRank(Status S) {
  switch (S) {
  case Status::Analysed:
    return 3;
  case Status::InMacroDefinition:
    return 2;
  case Status::NotCompiled:
    return 1;
  case Status::NotInDatabase:
    return 0;
  }
  return 0;
}

std::vector<Finding> daxport::mergeFindings(std::vector<Finding> In) {
  std::map<std::pair<std::string, unsigned>, Finding> BySite;
  for (Finding &F : In) {
    auto Key = std::make_pair(F.File, F.Offset);
    auto It = BySite.find(Key);
    if (It == BySite.end()) {
      BySite.emplace(Key, std::move(F));
      continue;
    }
    Finding &Old = It->second;
    int A = statusRank(Old.St), B = statusRank(F.St);
    if (B > A || (B == A && F.Specificity > Old.Specificity)) {
      std::set<std::string> Keep;
      if (A == B)
        Keep = Old.Configs;
      Old = std::move(F);
      Old.Configs.insert(Keep.begin(), Keep.end());
    } else if (A == B) {
      Old.Configs.insert(F.Configs.begin(), F.Configs.end());
      if (Old.Function.empty())
        Old.Function = F.Function;
    }
  }
  std::vector<Finding> Out;
  for (auto &KV : BySite)
    Out.push_back(std::move(KV.second));
  std::sort(Out.begin(), Out.end(), [](const Finding &A, const Finding &B) {
    return std::tie(A.File, A.Line, A.Column) <
           std::tie(B.File, B.Line, B.Column);
  });
  return Out;
}

namespace {

struct Unit {
  UnitCommand Cmd;
  std::string Config;
};

/// Loads one compile database, with a precise error for bad input.
std::vector<Unit> loadDatabase(const Database &DB) {
  std::string File = DB.Dir;
  if (fs::is_directory(File)) {
    llvm::SmallString<256> P(File);
    path::append(P, "compile_commands.json");
    File = std::string(P);
  }
  auto Buf = llvm::MemoryBuffer::getFile(File);
  if (!Buf)
    throw InputError{File + ": error: cannot read compile database: " +
                     Buf.getError().message()};
  llvm::Expected<llvm::json::Value> V = llvm::json::parse((*Buf)->getBuffer());
  if (!V) {
    // llvm::json reports "[line:col, byte=N]: message".
    std::string Msg = llvm::toString(V.takeError());
    std::string Pos;
    if (Msg.size() > 1 && Msg[0] == '[') {
      size_t Comma = Msg.find(',');
      size_t Close = Msg.find("]: ");
      if (Comma != std::string::npos && Close != std::string::npos) {
        Pos = Msg.substr(1, Comma - 1) + ":";
        Msg = Msg.substr(Close + 3);
      }
    }
    throw InputError{File + ":" + Pos + " error: invalid compile database: " +
                     Msg};
  }
  const llvm::json::Array *Arr = V->getAsArray();
  if (!Arr)
    throw InputError{File + ": error: invalid compile database: the top level "
                            "must be an array of commands"};
  for (size_t I = 0; I < Arr->size(); ++I) {
    const llvm::json::Object *O = (*Arr)[I].getAsObject();
    if (!O || !O->getString("file") || !O->getString("directory") ||
        (!O->get("arguments") && !O->getString("command")))
      throw InputError{File + ": error: invalid compile database: entry " +
                       std::to_string(I + 1) +
                       " needs \"directory\", \"file\" and \"arguments\" or "
                       "\"command\""};
  }
  std::string Err;
  auto CDB = clang::tooling::JSONCompilationDatabase::loadFromBuffer(
      (*Buf)->getBuffer(), Err, clang::tooling::JSONCommandLineSyntax::AutoDetect);
  if (!CDB)
    throw InputError{File + ": error: invalid compile database: " + Err};
  std::vector<Unit> Out;
  std::set<std::string> Seen;
  for (const auto &C : CDB->getAllCompileCommands()) {
    llvm::SmallString<256> P(C.Filename);
    if (!path::is_absolute(P)) {
      llvm::SmallString<256> D(C.Directory);
      path::append(D, C.Filename);
      P = D;
    }
    path::remove_dots(P, true);
    std::string Abs = std::string(P);
    if (!Seen.insert(Abs).second)
      continue;
    Out.push_back({UnitCommand{C.Directory, Abs, C.CommandLine}, DB.Name});
  }
  return Out;
}

/// The deepest folder holding every unit's file; empty for none or "/".
std::string commonFolder(const std::vector<Unit> &Units) {
  if (Units.empty())
    return "";
  std::string Common = path::parent_path(Units.front().Cmd.File).str();
  for (const Unit &U : Units)
    while (!Common.empty() && !isUnder(U.Cmd.File, Common))
      Common = path::parent_path(Common).str();
  return Common == "/" ? "" : Common;
}

/// The .c and .h files below Dir (or Dir itself if it is a file).
void collectFiles(const std::string &Dir, std::vector<std::string> &C,
                  std::vector<std::string> &H,
                  std::vector<std::string> *KOut = nullptr) {
  std::vector<std::string> KLocal;
  std::vector<std::string> &K = KOut ? *KOut : KLocal;
  if (!fs::is_directory(Dir)) {
    if (path::filename(Dir).starts_with("Kconfig"))
      K.push_back(Dir);
    else
      (isCSource(Dir) ? C : H).push_back(Dir);
    return;
  }
  std::error_code EC;
  for (fs::recursive_directory_iterator It(Dir, EC), End; It != End && !EC;
       It.increment(EC)) {
    llvm::StringRef P = It->path();
    llvm::StringRef Name = path::filename(P);
    if (Name.starts_with(".")) {
      It.no_push();
      continue;
    }
    if (P.ends_with(".c"))
      C.push_back(P.str());
    else if (Name.starts_with("Kconfig"))
      K.push_back(P.str());
    else if (P.ends_with(".h"))
      H.push_back(P.str());
  }
  std::sort(C.begin(), C.end());
  std::sort(H.begin(), H.end());
}

} // namespace

ScanResult daxport::runScan(const ScanOptions &Opts, const RuleSet &Rules) {
  ScanResult Res;
  {
    // Findings carry symlink-free paths: so does the root.
    llvm::SmallString<256> Cwd, Real;
    fs::current_path(Cwd);
    Res.Root = std::string(fs::real_path(Cwd, Real) ? Cwd : Real);
  }
  std::vector<std::string> Paths;
  for (const std::string &P : Opts.Paths) {
    if (!fs::exists(P))
      throw InputError{P + ": error: no such file or directory"};
    // Symlink-free, as Clang reports the files it reads.
    llvm::SmallString<256> Real;
    Paths.push_back(fs::real_path(P, Real) ? absolutePath(P)
                                           : std::string(Real));
  }

  unsigned Jobs = Opts.Jobs ? Opts.Jobs
                            : llvm::hardware_concurrency().compute_thread_count();
  // A header named as a PATH is analysed through units that include it.
  std::vector<std::string> HeaderPaths;
  for (const std::string &P : Paths)
    if (!fs::is_directory(P) && !isCSource(P) &&
        !path::filename(P).starts_with("Kconfig"))
      HeaderPaths.push_back(P);
  std::shared_ptr<const TokenIndex> IdxP = Opts.Index;
  std::vector<std::string> Roots = Paths;
  // Files below the PATHs (all without PATHs): the index may be wider.
  auto InPaths = [&](const std::string &F) {
    if (Paths.empty())
      return true;
    for (const std::string &P : Paths)
      if (isUnder(F, P))
        return true;
    return false;
  };

  std::vector<Unit> Units;
  if (!Opts.Databases.empty()) {
    std::vector<Unit> All;
    for (const Database &DB : Opts.Databases) {
      Res.Configs.push_back(DB.Name);
      for (Unit &U : loadDatabase(DB))
        All.push_back(std::move(U));
    }
    std::set<std::string> Includers;
    if (!HeaderPaths.empty() && !All.empty()) {
      // The includers are anywhere in the tree: index the databases' whole
      // common folder (cached: cheap after the first run).
      std::string Common = commonFolder(All);
      bool Covered = IdxP != nullptr;
      for (size_t I = 0; Covered && I < All.size(); ++I) {
        Covered = false;
        for (const std::string &R : IdxP->Roots)
          Covered |= isUnder(All[I].Cmd.File, R);
      }
      if (Covered)
        Roots = IdxP->Roots; // the caller's index reaches them
      else if (!Common.empty()) {
        Roots = {Common};
        IdxP = std::make_shared<const TokenIndex>(
            buildTokenIndex(Roots, Rules, Jobs, Opts.CacheDir));
      }
      if (Roots != Paths) {
        std::map<std::string, std::set<std::string>> ByConfig;
        for (const Unit &U : All)
          ByConfig[U.Config].insert(U.Cmd.File);
        for (const std::string &H : HeaderPaths)
          for (const auto &KV : ByConfig)
            for (const std::string &C : IdxP->includersOf(H, KV.second, 8))
              Includers.insert(C);
      }
    }
    for (Unit &U : All) {
      bool Keep = Paths.empty() || Includers.count(U.Cmd.File);
      for (const std::string &P : Paths)
        Keep |= isUnder(U.Cmd.File, P);
      if (Keep)
        Units.push_back(std::move(U));
    }
  } else {
    if (Paths.empty())
      throw InputError{"error: nothing to scan: name files or folders, or "
                       "compile databases with -p"};
    if (!Opts.HaveFixedFlags)
      throw InputError{"error: no compile database: give -p BUILD_DIR, or "
                       "compiler flags after '--' (an empty '--' is allowed)"};
    std::string Config = "default";
    Res.Configs.push_back(Config);
    llvm::SmallString<256> Cwd;
    fs::current_path(Cwd);
    for (const std::string &P : Paths) {
      std::vector<std::string> C, H;
      collectFiles(P, C, H);
      for (const std::string &F : C) {
        std::vector<std::string> Args = {"clang"};
        Args.insert(Args.end(), Opts.ExtraFlags.begin(), Opts.ExtraFlags.end());
        Args.push_back(F);
        Units.push_back({UnitCommand{std::string(Cwd), F, Args}, Config});
      }
    }
  }
  Res.UnitsInScope = Units.size();
  // fix never edits through a symlink that leaves the root: refuse early.
  if (Opts.Fix) {
    llvm::SmallString<256> RealRoot;
    fs::real_path(Res.Root, RealRoot);
    for (const std::string &P : Paths) {
      std::vector<std::string> C, H;
      collectFiles(P, C, H);
      C.insert(C.end(), H.begin(), H.end());
      for (const std::string &F : C) {
        llvm::SmallString<256> Real;
        if (!fs::real_path(F, Real) &&
            !isUnder(std::string(Real), std::string(RealRoot)))
          throw InputError{F + ": error: refusing to edit a file outside the "
                               "root " + std::string(RealRoot) +
                           " (reached through a symlink that leaves it)"};
      }
    }
  }
  // The prefilter's roots: the PATHs, else the common folder of the units.
  if (Roots.empty() && !Units.empty()) {
    std::string Common = commonFolder(Units);
    if (!Common.empty())
      Roots.push_back(Common);
  }
  if (!IdxP || IdxP->Roots != Roots)
    IdxP = std::make_shared<const TokenIndex>(
        buildTokenIndex(Roots, Rules, Jobs, Opts.CacheDir));
  const TokenIndex &Idx = *IdxP;
  Res.FilesIndexed = Idx.FilesRead;

  AnalysisOptions Base;
  Base.Rules = &Rules;
  Base.ResourceDir = Opts.ResourceDir;
  Base.Fix = Opts.Fix;
  Base.SkipBodies = Opts.SkipBodies;
  std::string Salt = std::string("daxport ") + DAXPORT_VERSION +
                     (Opts.SkipBodies ? "" : ";bodies");
  if (Opts.Fix)
    Salt += ";fix " + Opts.Fix->Target + " " + Opts.Fix->Release +
            (Opts.Fix->Definitions ? " defs" : "");
  ResultCache Cache(Opts.CacheDir, Rules, Salt);
  std::vector<Finding> All;
  std::set<std::string> Seen;
  std::map<std::string, std::set<std::string>> SeenIn; // per configuration
  std::mutex M;
  // Progress with an ETA on a terminal; nothing otherwise or with --quiet.
  bool Progress = !Opts.Quiet && llvm::sys::Process::StandardErrIsDisplayed();
  auto Start = std::chrono::steady_clock::now();
  unsigned Done = 0, Total = 0;
  auto Tick = [&](const std::string &File) {
    if (!Progress)
      return;
    double Secs = std::chrono::duration<double>(
                      std::chrono::steady_clock::now() - Start)
                      .count();
    double Eta = Done ? Secs / Done * (Total - Done) : 0;
    std::string Name = path::filename(File).str();
    llvm::errs() << llvm::format("\r\033[K[%u/%u units, %.0fs, ETA %.0fs] %s",
                                 Done, Total, Secs, Eta, Name.c_str());
    if (Done == Total)
      llvm::errs() << "\r\033[K";
  };
  auto Analyse = [&](const std::vector<const Unit *> &Batch) {
    Total += Batch.size();
    llvm::DefaultThreadPool Pool(llvm::hardware_concurrency(Jobs));
    for (const Unit *U : Batch)
      Pool.async([&, U] {
        AnalysisOptions O = Base;
        O.Config = U->Config;
        std::optional<UnitResult> Cached = Cache.lookup(U->Cmd, U->Config);
        UnitResult R = Cached ? std::move(*Cached) : analyzeUnit(U->Cmd, O);
        if (!Cached)
          Cache.store(U->Cmd, U->Config, R);
        std::lock_guard<std::mutex> L(M);
        Res.CachedUnits += Cached.has_value();
        for (Finding &F : R.Findings)
          All.push_back(std::move(F));
        for (const std::string &F : R.FilesSeen) {
          std::string A = absolutePath(F);
          Seen.insert(A);
          SeenIn[U->Config].insert(A);
        }
        Seen.insert(U->Cmd.File);
        if (R.Failure)
          Res.Failures.push_back(std::move(*R.Failure));
        ++Res.Units;
        ++Done;
        Tick(U->Cmd.File);
      });
    Pool.wait();
  };

  // Units that mention a rule symbol themselves (all of them without the
  // prefilter) first; then, per configuration, one unit for each header
  // mentioning a symbol that no analysed unit read.
  std::vector<const Unit *> First, Rest;
  for (const Unit &U : Units)
    (!Opts.Prefilter || Idx.mentions(U.Cmd.File) ? First : Rest).push_back(&U);
  Analyse(First);
  if (Opts.Prefilter && !Rest.empty()) {
    // Per configuration: a header's code depends on the configuration.
    std::map<std::string, std::map<std::string, const Unit *>> ByConfig;
    for (const Unit *U : Rest)
      ByConfig[U->Config][U->Cmd.File] = U;
    std::vector<const Unit *> Cover;
    for (auto &[Config, Files] : ByConfig) {
      std::set<std::string> Candidates;
      for (const auto &KV : Files)
        Candidates.insert(KV.first);
      std::set<std::string> &Have = SeenIn[Config];
      std::set<std::string> Chosen;
      for (const auto &KV : Idx.Symbols) {
        const std::string &H = KV.first;
        if (llvm::StringRef(H).ends_with(".c") || Have.count(H) ||
            path::filename(H).starts_with("Kconfig") || !InPaths(H))
          continue;
        for (const std::string &C : Idx.includersOf(H, Candidates, 1))
          if (Chosen.insert(C).second)
            Cover.push_back(Files[C]);
      }
    }
    Res.CoveringUnits = Cover.size();
    Analyse(Cover);
  }

  // Files below the roots that no unit read: token-level findings; Kconfig
  // files: the Kconfig scanner. Only files that mention a symbol can have
  // any.
  for (const auto &KV : Idx.Symbols) {
    const std::string &F = KV.first;
    if (!InPaths(F))
      continue;
    if (path::filename(F).starts_with("Kconfig")) {
      for (Finding &Fd : scanKconfig(F, Rules, Opts.Fix))
        All.push_back(std::move(Fd));
      continue;
    }
    if (Seen.count(F))
      continue;
    for (Finding &Fd : scanFileTokens(F, Rules, Status::NotInDatabase))
      All.push_back(std::move(Fd));
  }

  // Keep findings below the scanned paths (or all without paths).
  if (!Paths.empty() && !Opts.FindingsOutsidePaths)
    All.erase(std::remove_if(All.begin(), All.end(),
                             [&](const Finding &F) {
                               for (const std::string &P : Paths)
                                 if (isUnder(F.File, P))
                                   return false;
                               return true;
                             }),
              All.end());
  Res.Findings = mergeFindings(std::move(All));
  Res.Findings.erase(
      std::remove_if(Res.Findings.begin(), Res.Findings.end(),
                     [&](const Finding &F) {
                       if (Opts.NoDefinitions &&
                           F.R->Class == RuleClass::Definition)
                         return true;
                       return !Opts.Statuses.empty() &&
                              std::find(Opts.Statuses.begin(),
                                        Opts.Statuses.end(),
                                        statusName(F.St)) ==
                                  Opts.Statuses.end();
                     }),
      Res.Findings.end());
  std::sort(Res.Failures.begin(), Res.Failures.end(),
            [](const UnitFailure &A, const UnitFailure &B) {
              return std::tie(A.File, A.Config) < std::tie(B.File, B.Config);
            });
  return Res;
}
