//===- Analysis.h - analyse one translation unit --------------------------===//
//
// The boundary between the engine (tool/) and the Clang-facing analyses
// (matchers/). Light header: the engine does not see Clang's AST headers.
//
//===----------------------------------------------------------------------===//
#ifndef DAXPORT_MATCHERS_ANALYSIS_H
#define DAXPORT_MATCHERS_ANALYSIS_H

#include "matchers/Finding.h"
#include "rules/RuleSet.h"
#include <optional>
#include <string>
#include <vector>

namespace daxport {

/// One compile command, as in compile_commands.json.
struct UnitCommand {
  std::string Directory;
  std::string File; ///< absolute
  std::vector<std::string> Args; ///< argv, argv[0] is the compiler
};

struct UnitResult {
  std::vector<Finding> Findings;
  std::optional<UnitFailure> Failure;
  std::vector<std::string> FilesSeen; ///< every file the unit read
};

struct AnalysisOptions {
  const RuleSet *Rules = nullptr;
  const FixTarget *Fix = nullptr; ///< plan edits for this target (fix)
  std::string Config;      ///< configuration name, recorded on findings
  std::string ResourceDir; ///< clang resource dir for commands lacking one
  bool SkipBodies = true;  ///< skip function bodies that cannot hold findings
};

/// Parses and analyses one unit. Never throws; a crash inside Clang is
/// caught and turned into a failure.
UnitResult analyzeUnit(const UnitCommand &Cmd, const AnalysisOptions &Opts);

/// Token-level scan of a file that no analysed unit covered: every rule
/// symbol spelled in code (not comments or strings), with the given status.
std::vector<Finding> scanFileTokens(const std::string &File,
                                    const RuleSet &Rules, Status St);

/// The kconfig-pattern rule symbols used in a Kconfig file (not in help
/// texts or comments).
/// With Fix, each finding also gets its fix plan: a select line or a
/// depends-on term is deleted (mechanical), the config entry itself only
/// with --definitions.
std::vector<Finding> scanKconfig(const std::string &File, const RuleSet &Rules,
                                 const FixTarget *Fix = nullptr);

} // namespace daxport

#endif
