//===- Engine.h - scan a project: units, parallel analysis, merge ---------===//
//
// The engine behind every command: find the translation units (compile
// databases or files with fixed flags), analyse them in parallel, scan files
// no unit covered, and merge findings to one per site.
//
//===----------------------------------------------------------------------===//
#ifndef DAXPORT_TOOL_ENGINE_H
#define DAXPORT_TOOL_ENGINE_H

#include "matchers/Finding.h"
#include "rules/RuleSet.h"
#include <memory>
#include <string>
#include <vector>

namespace daxport {
struct TokenIndex;

/// Exit codes, documented in docs/exit-codes.md.
enum ExitCode {
  ExitClean = 0,
  ExitFindings = 1,
  ExitUsage = 2,
  ExitIncomplete = 3,
};

/// A problem with the user's input: reported as "file:line:col: error: msg"
/// with exit code 2.
struct InputError {
  std::string Message;
};

struct Database {
  std::string Name; ///< configuration name
  std::string Dir;  ///< directory holding compile_commands.json
};

struct ScanOptions {
  std::vector<std::string> Paths;      ///< restrict to these files/folders
  std::vector<Database> Databases;     ///< -p
  std::vector<std::string> ExtraFlags; ///< after --, without -p
  bool HaveFixedFlags = false;         ///< "--" was given
  unsigned Jobs = 0;                   ///< 0: all cores
  std::string ResourceDir;
  bool Quiet = false;
  const FixTarget *Fix = nullptr; ///< fix: plan edits for this target
  bool NoDefinitions = false;          ///< drop definition-class findings
  bool Prefilter = true; ///< analyse only units that can hold a finding
  bool SkipBodies = true; ///< do not parse bodies that cannot hold one
  std::string CacheDir;  ///< result cache; empty: off
  /// Report findings anywhere the units reach, not only below the PATHs
  /// (lint: a macro in an unchanged header used by a changed line).
  bool FindingsOutsidePaths = false;
  std::vector<std::string> Statuses;   ///< keep only these (empty: all)
  /// A token index the caller already built; used when its roots are the
  /// scan's (--kernel builds one to choose the sources to prepare).
  std::shared_ptr<const TokenIndex> Index;
};

struct ScanResult {
  std::vector<Finding> Findings; ///< merged, sorted
  std::vector<UnitFailure> Failures;
  unsigned Units = 0;         ///< units analysed
  unsigned UnitsInScope = 0;  ///< units of the databases in scope
  unsigned CoveringUnits = 0; ///< analysed for a header's sake
  unsigned CachedUnits = 0;   ///< results reused from the cache
  unsigned FilesIndexed = 0;
  std::vector<std::string> Configs;
  std::string Root; ///< absolute; reports print paths relative to it
};

/// Runs the scan. Throws InputError for bad input.
ScanResult runScan(const ScanOptions &Opts, const RuleSet &Rules);

/// Merges findings of one site (file, offset) seen by several units or
/// configurations; exposed for tests.
std::vector<Finding> mergeFindings(std::vector<Finding> In);

/// Absolute, dot-free path.
std::string absolutePath(const std::string &P);
/// P relative to Root when below it, else P.
std::string relativePath(const std::string &P, const std::string &Root);

} // namespace daxport

#endif
