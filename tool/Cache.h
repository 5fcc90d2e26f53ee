//===- Cache.h - per-unit result cache ------------------------------------===//
//
// A unit's findings are reused when nothing it read changed: the key covers
// the daxport version, the rule packs, the configuration, the command and the
// fix target; the entry lists every file the unit read with its size and
// modification time (each file is stat'ed once per run, however many units
// read it).
//
//===----------------------------------------------------------------------===//
#ifndef DAXPORT_TOOL_CACHE_H
#define DAXPORT_TOOL_CACHE_H

#include "matchers/Analysis.h"
#include <memory>
#include <optional>
#include <string>

namespace daxport {

class ResultCache {
public:
  /// Dir empty: the cache is off.
  ResultCache(std::string Dir, const RuleSet &Rules, std::string Salt);
  ~ResultCache();
  bool enabled() const { return !Dir.empty(); }
  std::optional<UnitResult> lookup(const UnitCommand &Cmd,
                                   const std::string &Config) const;
  void store(const UnitCommand &Cmd, const std::string &Config,
             const UnitResult &R) const;
  /// $XDG_CACHE_HOME/daxport, or ~/.cache/daxport.
  static std::string defaultDir();

private:
  std::string keyFile(const UnitCommand &Cmd, const std::string &Config) const;
  std::string Dir;
  const RuleSet &Rules;
  std::string Salt;
  struct StatMemo;
  std::unique_ptr<StatMemo> Memo;
};

} // namespace daxport

#endif
