//===- Finding.h - what the analyses produce ------------------------------===//
//
// Findings, edits and per-unit failures: the data passed from the matchers to
// the engine (merge, reports, fixes). Light header: no Clang includes.
//
//===----------------------------------------------------------------------===//
#ifndef DAXPORT_MATCHERS_FINDING_H
#define DAXPORT_MATCHERS_FINDING_H

#include <set>
#include <string>
#include <vector>

namespace daxport {
struct Rule;

/// Where a finding was seen, and so how far it can be trusted.
enum class Status {
  Analysed,          ///< in code a configuration compiled (AST/preprocessor)
  InMacroDefinition, ///< spelled in a macro's body
  NotCompiled,       ///< in an #if branch no analysed configuration compiled
  NotInDatabase,     ///< in a file no compile database covers
};
const char *statusName(Status S);
/// "high", "medium" or "low".
const char *statusConfidence(Status S);

/// A text replacement, the shape of clang::tooling::Replacement.
struct Edit {
  std::string File;
  unsigned Offset = 0, Length = 0;
  std::string Text;
  unsigned long long FileHash = 0; ///< xxh3 of the file as analysed
};

struct Finding {
  const Rule *R = nullptr;
  std::string File;        ///< absolute path
  unsigned Line = 0, Column = 0, Offset = 0; ///< 1-based line/col, 0-based byte
  std::string Symbol;      ///< the identifier at the site
  std::string Message;
  std::string Function;    ///< enclosing function, if any
  std::string Macro;       ///< macro whose definition holds the site
  std::vector<std::string> Evidence;
  Status St = Status::Analysed;
  int Specificity = 0;     ///< higher wins when two analyses see one site
  std::set<std::string> Configs;
  std::vector<Edit> Edits;
  /// With fix: "rewritten", or why not ("judgement", "not-for-target",
  /// "no-rewrite", "not-compiled", "conflict", "definition",
  /// "no-edit-needed"); empty for scans.
  std::string FixStatus;
  std::string Note;        ///< details of FixStatus, or a suggestion
};

/// A translation unit that could not be parsed or analysed.
struct UnitFailure {
  std::string File;
  std::string Config;
  std::vector<std::string> Errors; ///< first errors, "file:line:col: msg"
};

} // namespace daxport

#endif
