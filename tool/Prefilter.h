//===- Prefilter.h - token index of a source tree --------------------------===//
//
// Reads every .c/.h/Kconfig file below the roots once, in parallel, and
// records which rule symbols each mentions and what it #includes. The scan
// then analyses only the translation units that can hold a finding: those
// that mention a symbol, plus one unit that includes each header mentioning
// one (findings in a header are reported once, whichever unit sees them).
//
//===----------------------------------------------------------------------===//
#ifndef DAXPORT_TOOL_PREFILTER_H
#define DAXPORT_TOOL_PREFILTER_H

#include <map>
#include <set>
#include <string>
#include <vector>

namespace daxport {
class RuleSet;

struct TokenIndex {
  /// Files mentioning at least one rule symbol, with those symbols.
  std::map<std::string, std::set<std::string>> Symbols;
  /// For every file read: the include strings it names ("linux/mm.h").
  std::map<std::string, std::vector<std::string>> Includes;
  /// Include basename -> (includer, include string), for includersOf.
  std::map<std::string, std::vector<std::pair<std::string, std::string>>>
      ByBase;
  std::vector<std::string> Roots; ///< what was indexed
  unsigned FilesRead = 0;         ///< files indexed (read or from the cache)
  unsigned FilesReused = 0;       ///< of those, entries from the cache
  unsigned long long BytesRead = 0;

  bool mentions(const std::string &File) const { return Symbols.count(File); }
  /// The .c files (among Candidates) that include Header, directly or
  /// through other headers, best first (fewest steps).
  std::vector<std::string> includersOf(const std::string &Header,
                                       const std::set<std::string> &Candidates,
                                       size_t Max) const;
};

/// Builds the index of the files below Roots (absolute paths). With a
/// CacheDir, the entries of files whose size and modification time are
/// unchanged since the last run are reused from CacheDir/tokens, so a
/// re-scan reads only the files that changed.
TokenIndex buildTokenIndex(const std::vector<std::string> &Roots,
                           const RuleSet &Rules, unsigned Jobs,
                           const std::string &CacheDir = "");

} // namespace daxport

#endif
