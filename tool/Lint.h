//===- Lint.h - diffs, suppressions and baselines for pre-merge checks ----===//
#ifndef DAXPORT_TOOL_LINT_H
#define DAXPORT_TOOL_LINT_H

#include "tool/Engine.h"
#include "llvm/ADT/StringRef.h"
#include <map>
#include <set>
#include <string>
#include <vector>

namespace daxport {

/// The lines a patch adds or changes, per file (new-file paths, -p1).
struct PatchLines {
  std::map<std::string, std::set<unsigned>> Added; ///< path -> new lines
  /// The text of every added line, per file and line.
  std::map<std::string, std::map<unsigned, std::string>> Text;
};

/// Parses a unified diff (git diff, format-patch or a mail). Throws
/// InputError naming the offending line of Source on malformed input.
PatchLines parseUnifiedDiff(llvm::StringRef Diff, const std::string &Source);

/// Findings suppressed by `/* daxport: ignore RULE-ID reason */` or
/// `NOLINT(RULE-ID)` on their line or `NOLINTNEXTLINE(RULE-ID)` on the
/// line before are removed; returns the suppression comments that matched
/// nothing (file:line: text), among those in Files (all files if empty).
std::vector<std::string> applySuppressions(std::vector<Finding> &Findings,
                                           const std::set<std::string> &Files);

/// Baselines: one entry per finding, independent of line numbers (rule,
/// file, symbol, the site's line text).
std::string writeBaseline(const ScanResult &R);
/// Removes the findings the baseline lists; returns the entries that no
/// longer match any finding ("rule file: line text"). Throws InputError.
std::vector<std::string> applyBaseline(std::vector<Finding> &Findings,
                                       const std::string &BaselineFile,
                                       const std::string &Root,
                                       const std::set<std::string> &Files);

} // namespace daxport

#endif
