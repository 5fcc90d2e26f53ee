//===- Cli.cpp - daxport subcommands over the engine ----------------------===//
//
// CLI11 front end: `scan`, `rules list|explain|check`. Maps every error to
// the documented exit codes (docs/exit-codes.md): CLI11's own codes become 2.
//
//===----------------------------------------------------------------------===//
#include "tool/Cli.h"
#include "rules/RuleSet.h"
#include "tool/Engine.h"
#include "tool/Fix.h"
#include "tool/Cache.h"
#include "tool/Lint.h"
#include "tool/Kernel.h"
#include "tool/Verify.h"
#include "tool/Prefilter.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Program.h"
#include "tool/Report.h"

#include "llvm/Support/CrashRecoveryContext.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Process.h"
#include "llvm/Support/raw_ostream.h"
#include <CLI/CLI.hpp>

#include <iostream>
#include <map>

using namespace daxport;

namespace {

const char *Version = DAXPORT_VERSION;

struct RuleOptions {
  std::vector<std::string> Packs;
  bool NoDefaults = false;
};

void addRuleOptions(CLI::App *Cmd, RuleOptions &RO) {
  Cmd->add_option("--rules", RO.Packs,
                  "Rule pack (YAML file) or folder of packs to add; repeatable")
      ->allow_extra_args(false)
      ->type_name("FILE|DIR");
  Cmd->add_flag("--no-default-rules", RO.NoDefaults,
                "Use only the packs given with --rules");
}

/// Loads the packs; prints errors and returns false on any.
bool loadRules(const RuleOptions &RO, const char *Argv0, RuleSet &Rules) {
  std::vector<LoadError> Errors;
  bool Ok = true;
  if (!RO.NoDefaults)
    Ok &= Rules.load(defaultRulesDir(Argv0), Errors);
  for (const std::string &P : RO.Packs)
    Ok &= Rules.load(P, Errors);
  if (Ok && Rules.rules().empty()) {
    Errors.push_back({"daxport", 0, 0, "no rules loaded"});
    Ok = false;
  }
  for (const LoadError &E : Errors)
    llvm::errs() << E.str() << "\n";
  return Ok;
}

/// "-p DIR" or "-p NAME=DIR" into databases.
bool parseDatabases(const std::vector<std::string> &Specs,
                    std::vector<Database> &Out) {
  for (const std::string &Spec : Specs) {
    Database DB;
    size_t Eq = Spec.find('=');
    if (Eq != std::string::npos && Eq > 0) {
      DB.Name = Spec.substr(0, Eq);
      DB.Dir = Spec.substr(Eq + 1);
    } else {
      DB.Dir = Spec;
      llvm::SmallString<256> A(absolutePath(Spec));
      DB.Name = llvm::sys::path::filename(A).str();
    }
    if (DB.Dir.empty()) {
      llvm::errs() << "daxport: error: -p " << Spec << ": empty folder\n";
      return false;
    }
    Out.push_back(DB);
  }
  return true;
}

bool writeOutput(const std::string &File, const std::string &Text) {
  if (File.empty() || File == "-") {
    llvm::outs() << Text;
    llvm::outs().flush();
    return true;
  }
  // Write beside the target, then rename: never a half-written report.
  llvm::SmallString<256> Tmp;
  llvm::SmallString<256> Dir(File);
  llvm::sys::path::remove_filename(Dir);
  if (Dir.empty())
    Dir = ".";
  llvm::SmallString<256> Model(Dir);
  llvm::sys::path::append(Model, ".daxport-%%%%%%.tmp");
  int FD;
  if (std::error_code EC = llvm::sys::fs::createUniqueFile(Model, FD, Tmp)) {
    llvm::errs() << File << ": error: cannot write report: " << EC.message()
                 << "\n";
    return false;
  }
  {
    llvm::raw_fd_ostream OS(FD, /*shouldClose=*/true);
    OS << Text;
    OS.close();
    if (OS.has_error()) {
      llvm::errs() << File << ": error: cannot write report: "
                   << OS.error().message() << "\n";
      OS.clear_error();
      llvm::sys::fs::remove(Tmp);
      return false;
    }
  }
  if (std::error_code EC = llvm::sys::fs::rename(Tmp, File)) {
    llvm::errs() << File << ": error: cannot write report: " << EC.message()
                 << "\n";
    llvm::sys::fs::remove(Tmp);
    return false;
  }
  return true;
}

/// fix --verify [--revert-failed] [--warnings W] [--verify-report FILE].
struct FixVerify {
  bool Enabled = false, RevertFailed = false;
  std::string Warn = "new", ReportFile;
};

/// The .c files to prepare compile commands for: those below the roots that
/// mention a rule symbol, plus a few includers of each header that does
/// (so every header's code is seen in each configuration).
std::vector<std::string> kernelSources(const std::string &Src,
                                       const TokenIndex &Idx,
                                       const std::vector<std::string> &Roots,
                                       bool AllUnits) {
  std::set<std::string> Out, AllC;
  for (const auto &KV : Idx.Includes)
    if (llvm::StringRef(KV.first).ends_with(".c"))
      AllC.insert(KV.first);
  auto InRoots = [&](const std::string &F) {
    for (const std::string &R : Roots)
      if (F == R || llvm::StringRef(F).starts_with(R + "/"))
        return true;
    return false;
  };
  if (AllUnits)
    for (const std::string &C : AllC)
      if (InRoots(C))
        Out.insert(C);
  for (const auto &KV : Idx.Symbols) {
    if (!InRoots(KV.first))
      continue;
    llvm::StringRef F(KV.first);
    if (F.ends_with(".c"))
      Out.insert(KV.first);
    else if (F.ends_with(".h"))
      for (const std::string &C : Idx.includersOf(KV.first, AllC, 4))
        Out.insert(C);
  }
  std::vector<std::string> Rel;
  for (const std::string &F : Out)
    if (llvm::StringRef(F).starts_with(Src + "/"))
      Rel.push_back(F.substr(Src.size() + 1));
  return Rel;
}

/// Prepares the kernel's configurations and adds them as databases.
bool addKernelDatabases(ScanOptions &SO, const KernelOptions &KO,
                        const RuleSet &Rules, bool AllUnits = false) {
  llvm::SmallString<256> Real;
  if (llvm::sys::fs::real_path(KO.Src, Real)) {
    llvm::errs() << KO.Src << ": error: no such kernel tree\n";
    return false;
  }
  std::string Src(Real);
  std::vector<std::string> Roots;
  for (const std::string &P : SO.Paths) {
    llvm::SmallString<256> R;
    if (llvm::sys::fs::real_path(P, R)) {
      llvm::errs() << P << ": error: no such file or directory\n";
      return false;
    }
    Roots.push_back(std::string(R));
  }
  if (Roots.empty())
    Roots.push_back(Src);
  SO.Paths = Roots;
  // One walk of the tree serves both the choice of sources and the scan. A
  // header among the PATHs is analysed through its includers, which may be
  // anywhere: then the whole tree is indexed.
  std::vector<std::string> IndexRoots = Roots;
  for (const std::string &R : Roots)
    if (!llvm::sys::fs::is_directory(R) && !llvm::StringRef(R).ends_with(".c"))
      IndexRoots = {Src};
  auto Idx = std::make_shared<const TokenIndex>(
      buildTokenIndex(IndexRoots, Rules, SO.Jobs, SO.CacheDir));
  SO.Index = Idx;
  std::vector<std::string> Sources =
      kernelSources(Src, *Idx, Roots, AllUnits);
  for (const PreparedArch &A : prepareKernel(KO, Sources)) {
    SO.Databases.push_back({A.Arch, A.CompileDb});
    if (!SO.Quiet)
      for (const std::string &U : A.Unmet)
        llvm::errs() << "daxport: note: " << A.Arch << ": " << U << "\n";
  }
  return true;
}

int runScanCommand(ScanOptions SO, const RuleOptions &RO,
                   const std::string &FormatName, const std::string &Out,
                   const char *Argv0, const std::string &WriteBaselineFile = "",
                   const std::string &BaselineFile = "",
                   const KernelOptions *Kernel = nullptr,
                   bool KernelAllUnits = false) {
  Format Fmt;
  if (!parseFormat(FormatName, Fmt)) {
    llvm::errs() << "daxport: error: unknown format '" << FormatName
                 << "' (expected text, checkpatch, json, sarif or "
                    "fixes-yaml)\n";
    return ExitUsage;
  }
  RuleSet Rules;
  if (!loadRules(RO, Argv0, Rules))
    return ExitUsage;
  ScanResult R;
  std::vector<std::string> Stale;
  try {
    if (Kernel && !addKernelDatabases(SO, *Kernel, Rules, KernelAllUnits))
      return ExitUsage;
    R = runScan(SO, Rules);
    for (std::string &S : applySuppressions(R.Findings, {}))
      Stale.push_back(S);
    if (!BaselineFile.empty())
      for (std::string &S : applyBaseline(R.Findings, BaselineFile, R.Root, {}))
        Stale.push_back(S);
  } catch (const InputError &E) {
    llvm::errs() << E.Message << "\n";
    return ExitUsage;
  }
  if (!WriteBaselineFile.empty() &&
      !writeOutput(WriteBaselineFile, writeBaseline(R)))
    return ExitUsage;
  if (!SO.Quiet)
    for (const std::string &S : Stale)
      llvm::errs() << relativePath(S, R.Root) << " (stale)\n";
  ReportOptions O;
  O.Fmt = Fmt;
  O.ToolVersion = Version;
  O.Color = Fmt == Format::Text && (Out.empty() || Out == "-") &&
            llvm::outs().has_colors();
  std::string Text;
  llvm::raw_string_ostream OS(Text);
  writeReport(OS, R, Rules, O);
  OS.flush();
  if (!writeOutput(Out, Text))
    return ExitUsage;
  if (Fmt != Format::Text && !SO.Quiet)
    llvm::errs() << summaryLine(R) << "\n";
  for (const UnitFailure &U : R.Failures)
    if (Fmt != Format::Text)
      llvm::errs() << relativePath(U.File, R.Root)
                   << ": error: could not analyse (" << U.Config
                   << "): " << (U.Errors.empty() ? "" : U.Errors.front())
                   << "\n";
  if (!R.Failures.empty())
    return ExitIncomplete;
  return R.Findings.empty() ? ExitClean : ExitFindings;
}

/// One markdown page per rule, plus an index, for docs/rules.
int writeRuleDocs(const RuleSet &Rules, const std::string &Dir) {
  if (std::error_code EC = llvm::sys::fs::create_directories(Dir)) {
    llvm::errs() << Dir << ": error: cannot create: " << EC.message() << "\n";
    return ExitUsage;
  }
  auto Target = [](const Rule &R, const char *Name, const TargetSpec &T) {
    std::string S;
    if (!T.Present)
      return std::string("| ") + Name + " | does not apply | |\n";
    S = std::string("| ") + Name +
        (T.Release.empty() ? "" : " (from " + T.Release + ")") + " | " +
        className(T.Class.value_or(R.Class)) + " | `" +
        (T.New.empty() ? R.New : T.New) + "`";
    if (!T.Rewrite.empty()) {
      S += "; automatic rewrite:";
      for (const auto &KV : T.Rewrite)
        S += " `" + (KV.first == "*" ? std::string() : KV.first + " -> ") +
             (KV.second.empty() ? std::string("(delete)") : KV.second) + "`";
    }
    return S + " |\n";
  };
  std::string Index = "# daxport rules\n\nGenerated by `daxport rules doc "
                      "docs/rules` from the packs in `rules/`; do not edit by "
                      "hand.\n\n| rule | family | class | title |\n|---|---|---|---|\n";
  for (const auto &RP : Rules.rules()) {
    const Rule &R = *RP;
    Index += "| [" + R.Id + "](" + R.Id + ".md) | " + R.Family + " | " +
             className(R.Class) + " | " + R.Title + " |\n";
    std::string Page = "# " + R.Id + ": " + R.Title + "\n\n";
    Page += "- family: `" + R.Family + "` (pattern `" + R.Pattern + "`)\n";
    Page += "- class: " + std::string(className(R.Class)) + "\n- symbols: ";
    for (size_t I = 0; I < R.Symbols.size(); ++I)
      Page += (I ? ", `" : "`") + R.Symbols[I] + "`";
    Page += "\n- message: " + R.Message + "\n\n";
    Page += "## Old and new form\n\n```c\n/* old */\n" + R.Old +
            "\n/* new */\n" + R.New + "\n```\n\n";
    Page += "## Targets\n\n| target | class | new form |\n|---|---|---|\n";
    Page += Target(R, "v1", R.V1) + Target(R, "mainline", R.Mainline);
    Page += "\n## Upstream commits\n\n";
    for (const std::string &C : R.Commits)
      Page += "- " + C + "\n";
    Page += "\n## Explanation\n\n" + R.Explain;
    if (!llvm::StringRef(R.Explain).ends_with("\n"))
      Page += "\n";
    llvm::SmallString<256> P(Dir);
    llvm::sys::path::append(P, R.Id + ".md");
    if (!writeOutput(std::string(P), Page))
      return ExitUsage;
  }
  llvm::SmallString<256> P(Dir);
  llvm::sys::path::append(P, "README.md");
  return writeOutput(std::string(P), Index) ? ExitClean : ExitUsage;
}

/// Runs a command, capturing its standard output; false if it fails.
bool captureCommand(const std::vector<std::string> &Argv, std::string &Out,
                    std::string &Err) {
  auto Prog = llvm::sys::findProgramByName(Argv.front());
  if (!Prog) {
    Err = Argv.front() + ": not found";
    return false;
  }
  llvm::SmallString<128> OutFile, ErrFile;
  llvm::sys::fs::createTemporaryFile("daxport-out", "txt", OutFile);
  llvm::sys::fs::createTemporaryFile("daxport-err", "txt", ErrFile);
  std::vector<llvm::StringRef> Args(Argv.begin(), Argv.end());
  std::optional<llvm::StringRef> Redirects[] = {std::nullopt,
                                                llvm::StringRef(OutFile),
                                                llvm::StringRef(ErrFile)};
  int RC = llvm::sys::ExecuteAndWait(*Prog, Args, std::nullopt, Redirects);
  if (auto B = llvm::MemoryBuffer::getFile(OutFile))
    Out = (*B)->getBuffer().str();
  if (auto B = llvm::MemoryBuffer::getFile(ErrFile))
    Err = (*B)->getBuffer().trim().str();
  llvm::sys::fs::remove(OutFile);
  llvm::sys::fs::remove(ErrFile);
  return RC == 0;
}

int runLintCommand(ScanOptions SO, const RuleOptions &RO,
                   const std::string &GitRange, const std::string &DiffFile,
                   const std::string &FormatName, const std::string &Out,
                   const std::string &Baseline, const char *Argv0,
                   const KernelOptions *Kernel) {
  std::string Diff, Source;
  if (!GitRange.empty()) {
    std::string Err;
    if (!captureCommand({"git", "diff", "--no-color", "--no-ext-diff", "-U0",
                         GitRange},
                        Diff, Err)) {
      llvm::errs() << "daxport: error: git diff " << GitRange
                   << " failed: " << Err << "\n";
      return ExitUsage;
    }
    Source = "git diff " + GitRange;
  } else {
    auto B = DiffFile == "-" ? llvm::MemoryBuffer::getSTDIN()
                             : llvm::MemoryBuffer::getFile(DiffFile);
    if (!B) {
      llvm::errs() << DiffFile << ": error: cannot read diff: "
                   << B.getError().message() << "\n";
      return ExitUsage;
    }
    Diff = (*B)->getBuffer().str();
    Source = DiffFile == "-" ? "<stdin>" : DiffFile;
  }
  std::string Fmt = FormatName;
  Format F = Format::Text;
  if (Fmt != "github" && !parseFormat(Fmt, F)) {
    llvm::errs() << "daxport: error: unknown format '" << Fmt
                 << "' (expected text, checkpatch, sarif or github)\n";
    return ExitUsage;
  }
  RuleSet Rules;
  if (!loadRules(RO, Argv0, Rules))
    return ExitUsage;
  PatchLines P;
  ScanResult R;
  std::vector<std::string> Stale;
  try {
    P = parseUnifiedDiff(Diff, Source);
    // The files the patch touches, and for headers the units including them.
    std::set<std::string> Changed;
    std::vector<std::string> Headers;
    for (const auto &KV : P.Added) {
      std::string Abs = absolutePath(KV.first);
      if (!llvm::sys::fs::exists(Abs))
        continue;
      Changed.insert(Abs);
      if (llvm::StringRef(Abs).ends_with(".h"))
        Headers.push_back(Abs);
    }
    SO.Paths.assign(Changed.begin(), Changed.end());
    if (!Headers.empty()) {
      llvm::SmallString<256> Cwd;
      llvm::sys::fs::current_path(Cwd);
      TokenIndex Idx = buildTokenIndex({std::string(Cwd)}, Rules, SO.Jobs);
      std::set<std::string> Cs;
      for (const auto &KV : Idx.Includes)
        if (llvm::StringRef(KV.first).ends_with(".c"))
          Cs.insert(KV.first);
      for (const std::string &H : Headers)
        for (const std::string &C : Idx.includersOf(H, Cs, 8))
          SO.Paths.push_back(C);
    }
    if (SO.Paths.empty()) {
      llvm::errs() << "daxport lint: the patch changes no C file here\n";
      return ExitClean;
    }
    SO.FindingsOutsidePaths = true;
    if (Kernel && !addKernelDatabases(SO, *Kernel, Rules))
      return ExitUsage;
    if (!SO.HaveFixedFlags && SO.Databases.empty())
      SO.HaveFixedFlags = true; // lint a driver without flags: best effort
    R = runScan(SO, Rules);
    std::set<std::string> Rel;
    for (const std::string &C : Changed)
      Rel.insert(relativePath(C, R.Root));
    if (!Baseline.empty())
      for (std::string &S : applyBaseline(R.Findings, Baseline, R.Root, Rel))
        Stale.push_back(S);
  } catch (const InputError &E) {
    llvm::errs() << E.Message << "\n";
    return ExitUsage;
  }
  // Keep what the patch adds: sites on added lines, and macro-body sites
  // whose macro the patch adds a use of.
  std::vector<Finding> Kept;
  for (const Finding &Fd : R.Findings) {
    std::string Rel = relativePath(Fd.File, R.Root);
    auto It = P.Added.find(Rel);
    if (It != P.Added.end() && It->second.count(Fd.Line)) {
      Kept.push_back(Fd);
      continue;
    }
    if (Fd.Macro.empty())
      continue;
    for (const auto &[File, Lines] : P.Text)
      for (const auto &[LineNo, Text] : Lines) {
        size_t Col = Text.find(Fd.Macro);
        auto IsId = [](char C) { return isalnum((unsigned char)C) || C == '_'; };
        if (Col == std::string::npos ||
            (Col > 0 && IsId(Text[Col - 1])) ||
            (Col + Fd.Macro.size() < Text.size() &&
             IsId(Text[Col + Fd.Macro.size()])))
          continue;
        Finding Use = Fd;
        Use.File = absolutePath(File);
        Use.Line = LineNo;
        Use.Column = Col + 1;
        Use.Offset = 0;
        Use.St = Status::Analysed;
        Use.Message += " (through macro " + Fd.Macro + ", defined at " +
                       relativePath(Fd.File, R.Root) + ":" +
                       std::to_string(Fd.Line) + ")";
        Use.Evidence.push_back("the patch adds a use of " + Fd.Macro);
        Kept.push_back(Use);
      }
  }
  R.Findings = std::move(Kept);
  std::set<std::string> ChangedAbs;
  for (const auto &KV : P.Added)
    ChangedAbs.insert(absolutePath(KV.first));
  // Suppressions: only those in the patch's files can go stale here.
  std::vector<Finding> Raw = R.Findings;
  for (std::string &S : applySuppressions(R.Findings, ChangedAbs))
    if (S.find(": suppression of ") != std::string::npos) {
      // stale only if it is on an added line, or names a finding gone away
      Stale.push_back(relativePath(S, R.Root));
    }
  std::string Text;
  llvm::raw_string_ostream OS(Text);
  if (Fmt == "github") {
    for (const Finding &Fd : R.Findings)
      OS << "::" << (Fd.R->Class == RuleClass::Definition ? "notice" : "warning")
         << " file=" << relativePath(Fd.File, R.Root) << ",line=" << Fd.Line
         << ",col=" << Fd.Column << ",title=" << Fd.R->Id
         << "::" << Fd.Message << "\n";
    for (const std::string &S : Stale)
      OS << "::notice title=daxport::" << S << "\n";
    for (const UnitFailure &U : R.Failures)
      OS << "::error file=" << relativePath(U.File, R.Root)
         << ",title=daxport::could not analyse: "
         << (U.Errors.empty() ? "" : U.Errors.front()) << "\n";
  } else {
    ReportOptions O;
    O.Fmt = F;
    O.ToolVersion = Version;
    O.Color = F == Format::Text && (Out.empty() || Out == "-") &&
              llvm::outs().has_colors();
    writeReport(OS, R, Rules, O);
  }
  OS.flush();
  if (!writeOutput(Out, Text))
    return ExitUsage;
  if (Fmt != "github")
    for (const std::string &S : Stale)
      llvm::errs() << S << " (stale)\n";
  if (!R.Failures.empty())
    return ExitIncomplete;
  return R.Findings.empty() ? ExitClean : ExitFindings;
}

/// Verifies what fix wrote (fix --in-place --verify) and, with
/// --revert-failed, restores the files whose edits broke a build. Returns
/// false when verify failed (and, reverting, the files were restored).
bool verifyFixed(const FixOutcome &FO, const KernelOptions &K,
                 const FixVerify &FV, ScanResult &R, bool Quiet) {
  llvm::SmallString<256> Src;
  if (llvm::sys::fs::real_path(K.Src, Src))
    throw InputError{K.Src + ": error: no such kernel tree"};
  if (FO.Changed.empty()) {
    llvm::errs() << "daxport fix: nothing was written: nothing to verify\n";
    return true;
  }
  // The base: the files as they were, in a scratch folder laid out like the
  // tree (verify takes the unchanged rest from the tree itself).
  llvm::SmallString<256> BaseDir;
  if (std::error_code EC = llvm::sys::fs::createUniqueDirectory(
          "daxport-fix-base", BaseDir))
    throw InputError{"error: cannot create a temporary folder: " +
                     EC.message()};
  struct RemoveDir {
    std::string D;
    ~RemoveDir() { llvm::sys::fs::remove_directories(D); }
  } Guard{std::string(BaseDir)};
  VerifyOptions VO;
  VO.Src = std::string(Src);
  VO.Arches = K.Arches;
  VO.KernelCache = K.Out;
  VO.Jobs = K.Jobs;
  VO.Quiet = Quiet;
  VO.BaseDir = std::string(BaseDir);
  VO.Warn = FV.Warn == "all"   ? VerifyOptions::Warnings::All
            : FV.Warn == "off" ? VerifyOptions::Warnings::Off
                               : VerifyOptions::Warnings::New;
  std::map<std::string, const ChangedFile *> ByRel;
  for (const ChangedFile &C : FO.Changed) {
    std::string Rel = relativePath(C.Path, VO.Src);
    if (Rel == C.Path) {
      llvm::errs() << C.Path << ": note: outside the kernel tree " << VO.Src
                   << ": not verified\n";
      continue;
    }
    llvm::SmallString<256> B(BaseDir);
    llvm::sys::path::append(B, Rel);
    llvm::sys::fs::create_directories(llvm::sys::path::parent_path(B));
    std::error_code EC;
    llvm::raw_fd_ostream OS(B, EC);
    if (EC)
      throw InputError{std::string(B) + ": error: cannot write: " +
                       EC.message()};
    OS << C.Old;
    VO.Files.push_back(Rel);
    ByRel[Rel] = &C;
  }
  VerifyResult VR = runVerify(VO);
  llvm::errs() << verifyReport(VR, "text");
  if (!FV.ReportFile.empty() &&
      !writeOutput(FV.ReportFile, verifyReport(VR, "json")))
    throw InputError{FV.ReportFile + ": error: cannot write the report"};
  std::map<std::string, std::string> Broken; // rel -> first reason
  for (const VerifyCell &C : VR.Cells)
    if (C.State == "error" || C.State == "new-warnings") {
      std::string Why = C.Arch + ": " + C.State;
      if (!C.New.empty())
        Why += " (" + C.New.front().File + ":" +
               std::to_string(C.New.front().Line) + ": " +
               C.New.front().Message + ")";
      Broken.emplace(C.File, Why);
    }
  if (Broken.empty())
    return true;
  if (!FV.RevertFailed)
    return false;
  std::vector<std::pair<std::string, std::string>> Restore;
  for (const auto &[Rel, Why] : Broken)
    if (const ChangedFile *C = ByRel.count(Rel) ? ByRel[Rel] : nullptr) {
      // Only if nobody changed it since fix wrote it.
      auto Now = llvm::MemoryBuffer::getFile(C->Path, /*IsText=*/false);
      if (!Now || (*Now)->getBuffer() != C->New) {
        llvm::errs() << Rel << ": error: changed since fix wrote it: not "
                     << "reverted\n";
        continue;
      }
      Restore.push_back({C->Path, C->Old});
    }
  writeFilesAtomically(Restore);
  for (const auto &[Path, Old] : Restore) {
    std::string Rel = relativePath(Path, VO.Src);
    llvm::errs() << Rel << ": reverted: its edits broke the build ("
                 << Broken[Rel] << ")\n";
    for (Finding &F : R.Findings)
      if (F.File == Path && F.FixStatus == "rewritten") {
        F.FixStatus = "reverted";
        F.Note = "rewritten, then reverted because the file did not build: " +
                 Broken[Rel];
      }
  }
  return false;
}

int runFixCommand(const ScanOptions &SOIn, const RuleOptions &RO,
                  const FixTarget &FT, const std::string &Mode,
                  const std::string &Out, const std::string &ReportFile,
                  const char *Argv0, const KernelOptions *Kernel,
                  const FixVerify &FV) {
  RuleSet Rules;
  if (!loadRules(RO, Argv0, Rules))
    return ExitUsage;
  ScanOptions SO = SOIn;
  SO.Fix = &FT;
  ScanResult R;
  FixOutcome FO;
  FixOptions O;
  O.Mode = Mode == "in-place"       ? FixMode::InPlace
           : Mode == "export-fixes" ? FixMode::ExportFixes
                                    : FixMode::Diff;
  try {
    if (Kernel && !addKernelDatabases(SO, *Kernel, Rules))
      return ExitUsage;
    R = runScan(SO, Rules);
    FO = applyFixes(R, O);
  } catch (const InputError &E) {
    llvm::errs() << E.Message << "\n";
    return ExitUsage;
  }
  bool Verified = true;
  if (FV.Enabled && Kernel) {
    try {
      Verified = verifyFixed(FO, *Kernel, FV, R, SO.Quiet);
    } catch (const InputError &E) {
      llvm::errs() << E.Message << "\n";
      return ExitUsage;
    }
    // What stays written after --revert-failed.
    std::set<std::string> Files;
    FO.Rewritten = FO.Edits = 0;
    for (const Finding &F : R.Findings)
      if (F.FixStatus == "rewritten") {
        ++FO.Rewritten;
        FO.Edits += F.Edits.size();
        for (const Edit &E : F.Edits)
          Files.insert(E.File);
      }
    FO.Files = Files.size();
  }
  if (O.Mode == FixMode::Diff) {
    if (!writeOutput(Out, FO.Diff))
      return ExitUsage;
  } else if (O.Mode == FixMode::ExportFixes) {
    ScanResult Only = R;
    Only.Findings.clear();
    for (const Finding &F : R.Findings)
      if (F.FixStatus == "rewritten")
        Only.Findings.push_back(F);
    std::string Text;
    llvm::raw_string_ostream OS(Text);
    ReportOptions RO2;
    RO2.Fmt = Format::FixesYaml;
    writeReport(OS, Only, Rules, RO2);
    OS.flush();
    if (!writeOutput(Out, Text))
      return ExitUsage;
  }
  if (!ReportFile.empty()) {
    std::string Text;
    llvm::raw_string_ostream OS(Text);
    ReportOptions RO2;
    RO2.Fmt = Format::Json;
    RO2.ToolVersion = Version;
    writeReport(OS, R, Rules, RO2);
    OS.flush();
    if (!writeOutput(ReportFile, Text))
      return ExitUsage;
  }
  // Sites no unit compiled and Kconfig text carry no fix plan.
  for (Finding &F : R.Findings)
    if (F.FixStatus.empty()) {
      bool Uncompiled =
          F.St == Status::NotInDatabase || F.St == Status::NotCompiled;
      F.FixStatus = Uncompiled ? "not-compiled" : "no-rewrite";
      F.Note = Uncompiled ? "in no compile database: not rewritten"
                          : "no automatic rewrite for this construct "
                            "(Kconfig text: edit by hand)";
    }
  // What was not rewritten, and why, on stderr.
  std::map<std::string, int> Left;
  for (const Finding &F : R.Findings) {
    if (F.FixStatus == "rewritten" || F.FixStatus == "no-edit-needed")
      continue;
    Left[F.FixStatus]++;
    if (!SO.Quiet)
      llvm::errs() << relativePath(F.File, R.Root) << ":" << F.Line << ":"
                   << F.Column << ": note: not rewritten (" << F.FixStatus
                   << "): " << F.Note << " [" << F.R->Id << "]\n";
  }
  for (const UnitFailure &U : R.Failures)
    llvm::errs() << relativePath(U.File, R.Root)
                 << ": error: could not analyse (" << U.Config
                 << "): " << (U.Errors.empty() ? "" : U.Errors.front()) << "\n";
  std::string Summary = "daxport fix: " + std::to_string(FO.Rewritten) +
                        " findings rewritten with " + std::to_string(FO.Edits) +
                        " edits in " + std::to_string(FO.Files) + " files" +
                        (O.Mode == FixMode::InPlace ? "" : " (not written)");
  int Review = 0;
  for (const auto &KV : Left)
    if (KV.first != "not-for-target" &&
        (KV.first != "definition" || FT.Definitions))
      Review += KV.second;
  if (!Left.empty()) {
    Summary += "; left:";
    for (const auto &KV : Left)
      Summary += " " + KV.first + " " + std::to_string(KV.second);
  }
  llvm::errs() << Summary << "\n";
  if (!R.Failures.empty())
    return ExitIncomplete;
  if (!Verified)
    return ExitFindings;
  return Review ? ExitFindings : ExitClean;
}

} // namespace

int daxport::runMain(int Argc, const char **Argv) {
  llvm::CrashRecoveryContext::Enable();
  // Split off compiler flags after "--" before CLI11 sees them.
  std::vector<std::string> Args, Flags;
  bool HaveFlags = false;
  for (int I = 1; I < Argc; ++I) {
    if (!HaveFlags && std::string(Argv[I]) == "--") {
      HaveFlags = true;
      continue;
    }
    (HaveFlags ? Flags : Args).push_back(Argv[I]);
  }

  CLI::App App{"daxport: find and port code affected by the FS DAX refcount "
               "rework (Linux 6.15) and the pfn_t/devmap removal (6.17)",
               "daxport"};
  App.set_version_flag("--version", std::string("daxport ") + Version);
  App.require_subcommand(1);

  ScanOptions SO;
  RuleOptions ScanRules;
  std::string FormatName = "text", Out;
  std::vector<std::string> DbSpecs;
  CLI::App *Scan = App.add_subcommand(
      "scan", "Report every construct of the migration catalogue.\n"
              "Without -p, the C files named (or found under the folders "
              "named) are compiled with the flags after '--'.");
  Scan->add_option("paths", SO.Paths,
                   "Files or folders to scan (restricts the databases' "
                   "entries and the findings reported)")
      ->type_name("PATH");
  Scan->add_option("-p,--build-path", DbSpecs,
                   "Folder holding compile_commands.json, or NAME=DIR to name "
                   "the configuration; repeatable")
      ->allow_extra_args(false)
      ->type_name("[NAME=]DIR");
  addRuleOptions(Scan, ScanRules);
  Scan->add_option("--format", FormatName,
                   "text, checkpatch, json, sarif or fixes-yaml")
      ->capture_default_str();
  Scan->add_option("-o,--output", Out, "Write the report to FILE")
      ->type_name("FILE");
  Scan->add_option("-j,--jobs", SO.Jobs, "Parallel units (default: all cores)");
  Scan->add_flag("-q,--quiet", SO.Quiet, "No summary on stderr");
  bool NoDefinitions = false, NoPrefilter = false, NoCache = false;
  std::string CacheDir, WriteBaseline, ScanBaseline;
  KernelOptions ScanKernel;
  Scan->add_option("--kernel", ScanKernel.Src,
                   "A kernel source tree: prepare (or reuse) a configuration "
                   "per --arch and scan it")
      ->type_name("SRC");
  Scan->add_option("--arch", ScanKernel.Arches,
                   "Architectures for --kernel (x86_64,arm64,powerpc,riscv,"
                   "loongarch; default x86_64)")
      ->delimiter(',')
      ->allow_extra_args(false);
  Scan->add_option("--kernel-cache", ScanKernel.Out,
                   "Where prepared build directories live")
      ->type_name("DIR");
  bool KernelAllUnits = false;
  Scan->add_flag("--kernel-all-units", KernelAllUnits,
                 "With --kernel: compile commands for every unit below the "
                 "paths, not only those the token index selects (with "
                 "--no-prefilter: the full scan)");
  Scan->add_option("--config", ScanKernel.ConfigFragment,
                   "Extra Kconfig fragment for --kernel")
      ->type_name("FRAGMENT");
  Scan->add_option("--write-baseline", WriteBaseline,
                   "Also write the findings as a baseline for lint/scan "
                   "--baseline")
      ->type_name("FILE");
  Scan->add_option("--baseline", ScanBaseline,
                   "Hide the findings this baseline lists")
      ->type_name("FILE");
  Scan->add_flag("--no-cache", NoCache,
                 "Neither read nor write the result cache");
  Scan->add_option("--cache-dir", CacheDir,
                   "Result cache folder (default: $XDG_CACHE_HOME/daxport)")
      ->type_name("DIR");
  std::vector<std::string> StatusFilter;
  bool NoSkipBodies = false;
  Scan->add_flag("--no-skip-bodies", NoSkipBodies,
                 "Parse every function body, even those that cannot hold a "
                 "finding");
  Scan->add_flag("--no-prefilter", NoPrefilter,
                 "Analyse every unit in scope, not only those the token index "
                 "selects");
  Scan->add_flag("--no-definitions", NoDefinitions,
                 "Hide definition-class findings (the kernel's own "
                 "definitions): for driver audits");
  Scan->add_option("--status", StatusFilter,
                   "Only these statuses: analysed, in-macro-definition, "
                   "not-compiled, not-in-database (comma-separated)")
      ->delimiter(',')
      ->allow_extra_args(false)
      ->check(CLI::IsMember({"analysed", "in-macro-definition", "not-compiled",
                             "not-in-database"}));

  // fix: the same inputs as scan.
  ScanOptions FO;
  RuleOptions FixRules;
  std::vector<std::string> FixDbSpecs;
  FixTarget FT;
  bool FixDiff = false, FixInPlace = false;
  std::string FixExport, FixOut, FixReport;
  CLI::App *Fix = App.add_subcommand(
      "fix", "Apply the mechanical rewrites for a target and propose the "
             "judgement ones (default: print a unified diff, change nothing)");
  Fix->add_option("paths", FO.Paths, "Files or folders to port")
      ->type_name("PATH");
  Fix->add_option("-p,--build-path", FixDbSpecs,
                  "Folder holding compile_commands.json, or NAME=DIR")
      ->allow_extra_args(false)
      ->type_name("[NAME=]DIR");
  addRuleOptions(Fix, FixRules);
  Fix->add_option("--target", FT.Target, "v1 or mainline")
      ->check(CLI::IsMember({"v1", "mainline"}))
      ->capture_default_str();
  Fix->add_option("--release", FT.Release,
                  "Mainline release to port to: 6.15, 6.16 or 6.17")
      ->check(CLI::IsMember({"6.15", "6.16", "6.17"}))
      ->capture_default_str();
  Fix->add_flag("--definitions", FT.Definitions,
                "Also port the kernel's own definitions (kernel trees)");
  auto *DiffOpt = Fix->add_flag("--diff", FixDiff, "Print a unified diff");
  auto *InPlaceOpt =
      Fix->add_flag("--in-place", FixInPlace, "Write the files (atomically)");
  auto *ExportOpt = Fix->add_option("--export-fixes", FixExport,
                                    "Write clang-apply-replacements YAML")
                        ->type_name("FILE");
  DiffOpt->excludes(InPlaceOpt)->excludes(ExportOpt);
  InPlaceOpt->excludes(ExportOpt);
  Fix->add_option("-o,--output", FixOut, "Write the diff to FILE")
      ->type_name("FILE");
  Fix->add_option("--report", FixReport,
                  "Write a JSON report of every finding and its fix status")
      ->type_name("FILE");
  Fix->add_option("-j,--jobs", FO.Jobs, "Parallel units (default: all cores)");
  Fix->add_flag("-q,--quiet", FO.Quiet, "Only the summary on stderr");
  KernelOptions FixKernel;
  Fix->add_option("--kernel", FixKernel.Src,
                  "A kernel source tree: prepare (or reuse) its configurations")
      ->type_name("SRC");
  Fix->add_option("--arch", FixKernel.Arches, "Architectures for --kernel")
      ->delimiter(',')
      ->allow_extra_args(false);
  Fix->add_option("--kernel-cache", FixKernel.Out,
                  "Where prepared build directories live")
      ->type_name("DIR");
  bool FixNoCache = false;
  std::string FixCacheDir;
  Fix->add_flag("--no-cache", FixNoCache,
                "Neither read nor write the result cache");
  Fix->add_option("--cache-dir", FixCacheDir,
                  "Result cache folder (default: $XDG_CACHE_HOME/daxport)")
      ->type_name("DIR");
  FixVerify FV;
  auto *VerifyOpt = Fix->add_flag(
      "--verify", FV.Enabled,
      "After --in-place: build what fix changed for each --arch (as "
      "'daxport verify') and report what it broke");
  Fix->add_flag("--revert-failed", FV.RevertFailed,
                "With --verify: restore (atomically) every file whose edits "
                "broke a build")
      ->needs(VerifyOpt);
  Fix->add_option("--warnings", FV.Warn,
                  "With --verify: new, all or off (as for verify)")
      ->check(CLI::IsMember({"new", "all", "off"}))
      ->needs(VerifyOpt);
  Fix->add_option("--verify-report", FV.ReportFile,
                  "With --verify: also write verify's JSON report to FILE")
      ->type_name("FILE")
      ->needs(VerifyOpt);

  // lint: what a patch adds.
  ScanOptions LO;
  RuleOptions LintRules;
  std::vector<std::string> LintDbSpecs;
  std::string LintGit, LintDiff, LintFormat = "text", LintOut, LintBaseline;
  CLI::App *Lint = App.add_subcommand(
      "lint", "Report only what a patch adds (for CI and pre-commit hooks)");
  auto *GitOpt = Lint->add_option("--git", LintGit,
                                  "A git revision range of the tree in the "
                                  "current directory (origin/master..HEAD)")
                     ->type_name("RANGE");
  auto *DiffFileOpt = Lint->add_option("--diff", LintDiff,
                                       "A unified diff or mailed patch "
                                       "(-p1 paths); '-' for stdin")
                          ->type_name("FILE|-");
  GitOpt->excludes(DiffFileOpt);
  Lint->add_option("-p,--build-path", LintDbSpecs,
                   "Folder holding compile_commands.json, or NAME=DIR")
      ->allow_extra_args(false)
      ->type_name("[NAME=]DIR");
  addRuleOptions(Lint, LintRules);
  Lint->add_option("--format", LintFormat,
                   "text, checkpatch, sarif or github (workflow annotations)")
      ->capture_default_str();
  Lint->add_option("-o,--output", LintOut, "Write the report to FILE")
      ->type_name("FILE");
  Lint->add_option("--baseline", LintBaseline,
                   "Hide the findings listed (daxport scan --write-baseline)")
      ->type_name("FILE");
  Lint->add_option("-j,--jobs", LO.Jobs, "Parallel units");
  Lint->add_flag("-q,--quiet", LO.Quiet, "No summary on stderr");
  KernelOptions LintKernel;
  Lint->add_option("--kernel", LintKernel.Src,
                   "The kernel tree the patch is for: prepare (or reuse) its "
                   "configurations")
      ->type_name("SRC");
  Lint->add_option("--arch", LintKernel.Arches, "Architectures for --kernel")
      ->delimiter(',')
      ->allow_extra_args(false);
  Lint->add_option("--kernel-cache", LintKernel.Out,
                   "Where prepared build directories live")
      ->type_name("DIR");

  KernelOptions PrepKO;
  RuleOptions PrepRules;
  std::vector<std::string> PrepPaths;
  CLI::App *KernelCmd = App.add_subcommand(
      "kernel", "Prepare kernel trees: configurations and compile databases");
  KernelCmd->require_subcommand(1);
  CLI::App *Prepare = KernelCmd->add_subcommand(
      "prepare", "Per architecture: defconfig + the DAX fragment, make "
                 "prepare, and compile_commands.json for the units a scan "
                 "needs (cached)");
  Prepare->add_option("src", PrepKO.Src, "Kernel source tree")->required();
  Prepare->add_option("paths", PrepPaths,
                      "Restrict to these folders of the tree");
  Prepare->add_option("--arch", PrepKO.Arches, "Architectures (default x86_64)")
      ->delimiter(',')
      ->allow_extra_args(false);
  Prepare->add_option("--out", PrepKO.Out, "Cache folder")->type_name("DIR");
  Prepare->add_option("--config", PrepKO.ConfigFragment,
                      "Extra Kconfig fragment")
      ->type_name("FRAGMENT");
  Prepare->add_option("-j,--jobs", PrepKO.Jobs, "make -j");
  Prepare->add_flag("-q,--quiet", PrepKO.Quiet, "No progress");
  addRuleOptions(Prepare, PrepRules);

  // verify: build what changed, per architecture, and report what broke.
  VerifyOptions VO;
  std::string VerifyFormat = "text", VerifyOut, VerifyWarn = "new",
              VerifyTool = "llvm";
  CLI::App *Verify = App.add_subcommand(
      "verify", "Build the changed files of a kernel tree for each "
                "architecture (W=1) and report only new errors and warnings");
  Verify->add_option("src", VO.Src, "Kernel source tree")->required();
  Verify->add_option("--arch", VO.Arches,
                     "x86_64,arm64,powerpc,riscv,loongarch (default x86_64)")
      ->delimiter(',')
      ->allow_extra_args(false);
  auto *BaseOpt = Verify->add_option(
      "--base", VO.Base, "Git revision to compare with (default HEAD)");
  auto *FilesOpt = Verify->add_option("--files", VO.Files,
                                      "The changed files (relative to SRC)")
                       ->allow_extra_args(false);
  BaseOpt->excludes(FilesOpt);
  Verify->add_option("--base-dir", VO.BaseDir,
                     "With --files: a pristine tree to compare with");
  Verify->add_option("--toolchain", VerifyTool, "llvm or gcc")
      ->check(CLI::IsMember({"llvm", "gcc"}))
      ->capture_default_str();
  Verify->add_option("--warnings", VerifyWarn,
                     "new (report new warnings), all, or off (errors only)")
      ->check(CLI::IsMember({"new", "all", "off"}))
      ->capture_default_str();
  Verify->add_option("--format", VerifyFormat, "text, json or sarif")
      ->check(CLI::IsMember({"text", "json", "sarif"}))
      ->capture_default_str();
  Verify->add_option("--kernel-cache", VO.KernelCache,
                     "Where prepared build directories live");
  Verify->add_option("-o,--output", VerifyOut, "Write the report to FILE");
  Verify->add_option("-j,--jobs", VO.Jobs, "make -j");
  Verify->add_flag("-q,--quiet", VO.Quiet, "No progress");

  CLI::App *RulesCmd = App.add_subcommand("rules", "List, explain or check "
                                                   "rule packs");
  RulesCmd->require_subcommand(1);
  RuleOptions ListRules, ExplainRules;
  CLI::App *List = RulesCmd->add_subcommand("list", "List the rules");
  addRuleOptions(List, ListRules);
  std::string ExplainId;
  CLI::App *Explain =
      RulesCmd->add_subcommand("explain", "What a rule is about: what changed "
                                          "upstream, old and new form, class, "
                                          "commits");
  Explain->add_option("rule", ExplainId, "Rule id (dax-...)")->required();
  addRuleOptions(Explain, ExplainRules);
  std::string DocDir;
  RuleOptions DocRules;
  CLI::App *Doc = RulesCmd->add_subcommand(
      "doc", "Write one Markdown page per rule and an index into DIR");
  Doc->add_option("dir", DocDir, "Output folder (docs/rules)")->required();
  addRuleOptions(Doc, DocRules);
  std::vector<std::string> CheckFiles;
  CLI::App *Check =
      RulesCmd->add_subcommand("check", "Validate rule packs; exit 2 on errors");
  Check->add_option("files", CheckFiles, "Rule pack files or folders")
      ->required();

  std::vector<std::string> Rev(Args.rbegin(), Args.rend());
  try {
    App.parse(Rev);
  } catch (const CLI::ParseError &E) {
    int Code = App.exit(E, std::cout, std::cerr);
    return Code == 0 ? 0 : ExitUsage;
  }
  if (Verify->parsed()) {
    VO.Warn = VerifyWarn == "all"   ? VerifyOptions::Warnings::All
              : VerifyWarn == "off" ? VerifyOptions::Warnings::Off
                                    : VerifyOptions::Warnings::New;
    VO.Tool = VerifyTool == "gcc" ? VerifyOptions::Toolchain::GCC
                                  : VerifyOptions::Toolchain::LLVM;
    VerifyResult VR;
    try {
      VR = runVerify(VO);
      if (!writeOutput(VerifyOut, verifyReport(VR, VerifyFormat)))
        return ExitUsage;
    } catch (const InputError &E) {
      llvm::errs() << E.Message << "\n";
      return ExitUsage;
    }
    for (const VerifyCell &C : VR.Cells)
      if (C.State == "error" || C.State == "new-warnings")
        return ExitFindings;
    return ExitClean;
  }

  if (Prepare->parsed()) {
    RuleSet Rules;
    if (!loadRules(PrepRules, Argv[0], Rules))
      return ExitUsage;
    ScanOptions SO2;
    SO2.Paths = PrepPaths;
    SO2.Jobs = PrepKO.Jobs;
    SO2.Quiet = PrepKO.Quiet;
    try {
      if (!addKernelDatabases(SO2, PrepKO, Rules))
        return ExitUsage;
    } catch (const InputError &E) {
      llvm::errs() << E.Message << "\n";
      return ExitUsage;
    }
    for (const Database &DB : SO2.Databases)
      llvm::outs() << DB.Name << "=" << DB.Dir << "\n";
    return ExitClean;
  }

  if (Lint->parsed()) {
    if (LintGit.empty() && LintDiff.empty()) {
      llvm::errs() << "daxport: error: lint needs --git RANGE or --diff FILE\n";
      return ExitUsage;
    }
    LO.HaveFixedFlags = HaveFlags;
    LO.ExtraFlags = Flags;
    LO.ResourceDir = DAXPORT_CLANG_RESOURCE_DIR;
    LO.CacheDir = ResultCache::defaultDir();
    if (!parseDatabases(LintDbSpecs, LO.Databases))
      return ExitUsage;
    LintKernel.Jobs = LO.Jobs;
    LintKernel.Quiet = LO.Quiet;
    return runLintCommand(LO, LintRules, LintGit, LintDiff, LintFormat,
                          LintOut, LintBaseline, Argv[0],
                          LintKernel.Src.empty() ? nullptr : &LintKernel);
  }

  if (HaveFlags && !Scan->parsed() && !Fix->parsed()) {
    llvm::errs() << "daxport: error: compiler flags after '--' are only "
                    "accepted by scan and fix\n";
    return ExitUsage;
  }

  if (Fix->parsed()) {
    FO.HaveFixedFlags = HaveFlags;
    FO.ExtraFlags = Flags;
    FO.ResourceDir = DAXPORT_CLANG_RESOURCE_DIR;
    if (!parseDatabases(FixDbSpecs, FO.Databases))
      return ExitUsage;
    if (HaveFlags && !FO.Databases.empty()) {
      llvm::errs() << "daxport: error: give either -p or flags after '--', "
                      "not both\n";
      return ExitUsage;
    }
    std::string Mode = FixInPlace          ? "in-place"
                       : !FixExport.empty() ? "export-fixes"
                                            : "diff";
    if (!FixExport.empty())
      FixOut = FixExport;
    if (!FixKernel.Src.empty() && (HaveFlags || !FO.Databases.empty())) {
      llvm::errs() << "daxport: error: --kernel prepares its own compile "
                      "databases: drop -p and '--'\n";
      return ExitUsage;
    }
    if (FV.Enabled && (Mode != "in-place" || FixKernel.Src.empty())) {
      llvm::errs() << "daxport: error: --verify builds the files fix wrote: "
                      "it needs --in-place and --kernel SRC\n";
      return ExitUsage;
    }
    FixKernel.Jobs = FO.Jobs;
    FixKernel.Quiet = FO.Quiet;
    FO.CacheDir = FixNoCache           ? std::string()
                  : FixCacheDir.empty() ? ResultCache::defaultDir()
                                        : FixCacheDir;
    return runFixCommand(FO, FixRules, FT, Mode, FixOut, FixReport, Argv[0],
                         FixKernel.Src.empty() ? nullptr : &FixKernel, FV);
  }

  if (Scan->parsed()) {
    SO.HaveFixedFlags = HaveFlags;
    SO.ExtraFlags = Flags;
    SO.ResourceDir = DAXPORT_CLANG_RESOURCE_DIR;
    if (!parseDatabases(DbSpecs, SO.Databases))
      return ExitUsage;
    if (HaveFlags && !SO.Databases.empty()) {
      llvm::errs() << "daxport: error: give either -p or flags after '--', "
                      "not both\n";
      return ExitUsage;
    }
    SO.NoDefinitions = NoDefinitions;
    SO.Prefilter = !NoPrefilter;
    SO.SkipBodies = !NoSkipBodies;
    SO.CacheDir = NoCache ? std::string()
                  : CacheDir.empty() ? ResultCache::defaultDir()
                                     : CacheDir;
    SO.Statuses = StatusFilter;
    if (!ScanKernel.Src.empty() && (HaveFlags || !SO.Databases.empty())) {
      llvm::errs() << "daxport: error: --kernel prepares its own compile "
                      "databases: drop -p and '--'\n";
      return ExitUsage;
    }
    ScanKernel.Jobs = SO.Jobs;
    ScanKernel.Quiet = SO.Quiet;
    return runScanCommand(SO, ScanRules, FormatName, Out, Argv[0],
                          WriteBaseline, ScanBaseline,
                          ScanKernel.Src.empty() ? nullptr : &ScanKernel,
                          KernelAllUnits);
  }

  if (List->parsed()) {
    RuleSet Rules;
    if (!loadRules(ListRules, Argv[0], Rules))
      return ExitUsage;
    for (const auto &R : Rules.rules())
      llvm::outs() << llvm::left_justify(R->Id, 36) << " "
                   << llvm::left_justify(R->Family, 17) << " "
                   << llvm::left_justify(className(R->Class), 11) << " "
                   << R->Title << "\n";
    return ExitClean;
  }
  if (Explain->parsed()) {
    RuleSet Rules;
    if (!loadRules(ExplainRules, Argv[0], Rules))
      return ExitUsage;
    const Rule *R = Rules.byId(ExplainId);
    if (!R) {
      llvm::errs() << "daxport: error: no rule '" << ExplainId
                   << "' (see 'daxport rules list')\n";
      return ExitUsage;
    }
    auto &OS = llvm::outs();
    OS << R->Id << ": " << R->Title << "\n\n";
    OS << "family:   " << R->Family << " (pattern " << R->Pattern << ")\n";
    OS << "class:    " << className(R->Class) << "\n";
    OS << "symbols:  ";
    for (size_t I = 0; I < R->Symbols.size(); ++I)
      OS << (I ? ", " : "") << R->Symbols[I];
    OS << "\nold:      " << R->Old << "\nnew:      " << R->New << "\n";
    OS << "targets:\n";
    if (R->V1.Present)
      OS << "  v1: " << className(R->V1.Class.value_or(R->Class))
         << (R->V1.New.empty() ? "" : ", new form: " + R->V1.New) << "\n";
    if (R->Mainline.Present)
      OS << "  mainline (from " << R->Mainline.Release
         << "): " << className(R->Mainline.Class.value_or(R->Class))
         << (R->Mainline.New.empty() ? "" : ", new form: " + R->Mainline.New)
         << "\n";
    OS << "commits:\n";
    for (const std::string &C : R->Commits)
      OS << "  " << C << "\n";
    OS << "\n" << R->Explain;
    if (!llvm::StringRef(R->Explain).ends_with("\n"))
      OS << "\n";
    return ExitClean;
  }
  if (Doc->parsed()) {
    RuleSet Rules;
    if (!loadRules(DocRules, Argv[0], Rules))
      return ExitUsage;
    return writeRuleDocs(Rules, DocDir);
  }
  if (Check->parsed()) {
    RuleSet Rules;
    std::vector<LoadError> Errors;
    bool Ok = true;
    for (const std::string &F : CheckFiles)
      Ok &= Rules.load(F, Errors);
    for (const LoadError &E : Errors)
      llvm::errs() << E.str() << "\n";
    if (!Ok)
      return ExitUsage;
    llvm::outs() << "ok: " << Rules.rules().size() << " rules\n";
    return ExitClean;
  }
  return ExitUsage;
}
