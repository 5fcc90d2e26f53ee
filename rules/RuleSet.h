//===- RuleSet.h - daxport rule packs: the rules and their families -------===//
//
// A rule is one row of the migration catalogue: the symbols it concerns, the
// family (which matcher implements it), the pattern inside that family, class,
// message, targets and upstream commits. Rules live in YAML packs under rules/
// and are validated on load (RuleLoader.cpp). Light header: no Clang includes.
//
//===----------------------------------------------------------------------===//
#ifndef DAXPORT_RULES_RULESET_H
#define DAXPORT_RULES_RULESET_H

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace daxport {

/// The catalogue's rewrite classes.
enum class RuleClass { Mechanical, Judgement, Definition };
const char *className(RuleClass C);
std::optional<RuleClass> parseClass(const std::string &S);

/// What a rule says for one rewrite target ("v1" or "mainline").
struct TargetSpec {
  bool Present = false;
  std::string Release;              ///< mainline only: "6.15", "6.16", "6.17"
  std::optional<RuleClass> Class;   ///< override of the rule's class
  std::string New;                  ///< override of the rule's new form
  /// Automatic rewrite templates by symbol ("*": every symbol). For calls
  /// the template replaces the whole call: $0 is the callee, $1..$9 the
  /// arguments as written. For types it replaces the token; an empty
  /// template deletes (a .val, an #include line).
  std::map<std::string, std::string> Rewrite;
};

/// Where a fix is going: the target, the mainline release and whether the
/// kernel's own definitions are ported too.
struct FixTarget {
  std::string Target = "mainline"; ///< "v1" or "mainline"
  std::string Release = "6.17";    ///< mainline only
  bool Definitions = false;
};

struct Rule {
  std::string Id, Family, Title, Pattern, Message, Old, New, Explain;
  std::vector<std::string> Symbols;
  std::vector<std::string> Commits;
  RuleClass Class = RuleClass::Judgement;
  TargetSpec V1, Mainline;
  std::string File; ///< pack it came from
  unsigned Line = 0, Column = 0;

  /// The message with {symbol} replaced.
  std::string messageFor(const std::string &Symbol) const;
  /// The rule's spec for a target, if the rule applies there (for mainline:
  /// from its release on).
  const TargetSpec *targetFor(const FixTarget &T) const;
  /// The class that holds for the target (the rule's class if it does not
  /// apply there).
  RuleClass classFor(const FixTarget &T) const;
  /// The new form for the target.
  std::string newFor(const FixTarget &T) const;
  /// The rewrite template for Symbol on the target, or null.
  const std::string *rewriteFor(const FixTarget &T,
                                const std::string &Symbol) const;
};

/// A family: a matcher implementation and the patterns it can produce.
struct FamilyInfo {
  const char *Name;
  const char *Title;
  std::vector<const char *> Patterns;
};
const std::vector<FamilyInfo> &families();
const FamilyInfo *findFamily(const std::string &Name);

/// A position in a rule pack, 1-based.
struct LoadError {
  std::string File;
  unsigned Line = 0, Column = 0;
  std::string Message;
  std::string str() const; ///< "file:line:col: error: message"
};

class RuleSet {
public:
  /// Loads one pack (a .yaml file) or every *.yaml in a directory. Returns
  /// false and appends to Errors on any problem; nothing is added then.
  bool load(const std::string &Path, std::vector<LoadError> &Errors);

  const std::vector<std::unique_ptr<Rule>> &rules() const { return Rules; }
  const Rule *byId(const std::string &Id) const;
  /// The rule of Family with Pattern that lists Symbol, or null.
  const Rule *find(const std::string &Family, const std::string &Pattern,
                   const std::string &Symbol) const;
  /// Every rule listing Symbol (any family, any pattern).
  std::vector<const Rule *> rulesFor(const std::string &Symbol) const;
  /// True if some rule lists Symbol.
  bool hasSymbol(const std::string &Symbol) const {
    return BySymbol.count(Symbol) != 0;
  }
  std::vector<std::string> symbols() const;
  /// A digest of every loaded pack, for caches and reports.
  std::string fingerprint() const { return Fingerprint; }

private:
  bool loadFile(const std::string &File, std::vector<LoadError> &Errors);
  std::vector<std::unique_ptr<Rule>> Rules;
  std::map<std::string, const Rule *> ById;
  std::map<std::string, std::vector<const Rule *>> BySymbol;
  std::string Fingerprint;
};

/// The directory of the shipped packs: next to the installed binary
/// (../share/daxport/rules), or the source tree's rules/.
std::string defaultRulesDir(const char *Argv0);

} // namespace daxport

#endif
