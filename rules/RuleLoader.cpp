//===- RuleLoader.cpp - load and validate daxport rule packs --------------===//
//
// Parses rules/*.yaml with yaml-cpp and validates every key, type and value,
// reporting file:line:col (1-based) errors. yaml-cpp accepts duplicate keys
// silently, so they are detected here.
//
//===----------------------------------------------------------------------===//
#include "rules/RuleSet.h"

#include "llvm/ADT/SmallString.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/xxhash.h"
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <regex>
#include <set>
#include <sstream>

using namespace daxport;

const char *daxport::className(RuleClass C) {
  switch (C) {
  case RuleClass::Mechanical:
    return "mechanical";
  case RuleClass::Judgement:
    return "judgement";
  case RuleClass::Definition:
    return "definition";
  }
  return "?";
}

std::optional<RuleClass> daxport::parseClass(const std::string &S) {
  if (S == "mechanical")
    return RuleClass::Mechanical;
  if (S == "judgement")
    return RuleClass::Judgement;
  if (S == "definition")
    return RuleClass::Definition;
  return std::nullopt;
}

std::string Rule::messageFor(const std::string &Symbol) const {
  std::string Out = Message;
  for (size_t P; (P = Out.find("{symbol}")) != std::string::npos;)
    Out.replace(P, 8, Symbol);
  return Out;
}

const TargetSpec *Rule::targetFor(const FixTarget &T) const {
  if (T.Target == "v1")
    return V1.Present ? &V1 : nullptr;
  if (!Mainline.Present || Mainline.Release > T.Release)
    return nullptr;
  return &Mainline;
}

RuleClass Rule::classFor(const FixTarget &T) const {
  const TargetSpec *S = targetFor(T);
  return S && S->Class ? *S->Class : Class;
}

std::string Rule::newFor(const FixTarget &T) const {
  const TargetSpec *S = targetFor(T);
  return S && !S->New.empty() ? S->New : New;
}

const std::string *Rule::rewriteFor(const FixTarget &T,
                                    const std::string &Symbol) const {
  const TargetSpec *S = targetFor(T);
  if (!S)
    return nullptr;
  auto It = S->Rewrite.find(Symbol);
  if (It == S->Rewrite.end())
    It = S->Rewrite.find("*");
  return It == S->Rewrite.end() ? nullptr : &It->second;
}

std::string LoadError::str() const {
  std::ostringstream OS;
  OS << File;
  if (Line)
    OS << ":" << Line << ":" << Column;
  OS << ": error: " << Message;
  return OS.str();
}

const std::vector<FamilyInfo> &daxport::families() {
  static const std::vector<FamilyInfo> F = {
      {"devmap-predicate", "devmap page-table predicates and constructors",
       {"trans-huge-disjunction", "other-disjunction", "use", "definition"}},
      {"devmap-bit", "devmap PTE bits, Kconfig and conditionals",
       {"mask", "use", "definition", "conditional", "kconfig"}},
      {"pfn-t", "the pfn_t type, its helpers and flags",
       {"type", "member", "call", "call-map-flag", "flag", "include",
        "definition", "shim"}},
      {"insert-api", "DAX and PFNMAP insert APIs",
       {"dax-call", "pfnmap-call", "call", "definition"}},
      {"refcount-one", "refcount-one assumptions of ZONE_DEVICE pages",
       {"comparison", "wait", "set-one", "devmap-managed", "pgmap-gup",
        "follow-devmap", "dax-shared", "pgmap-field", "definition"}},
  };
  return F;
}

const FamilyInfo *daxport::findFamily(const std::string &Name) {
  for (const FamilyInfo &F : families())
    if (Name == F.Name)
      return &F;
  return nullptr;
}

namespace {

/// Collects errors for one file; Marks from yaml-cpp are 0-based.
struct Checker {
  std::string File;
  std::vector<LoadError> &Errors;
  bool Failed = false;

  void error(const YAML::Mark &M, const std::string &Msg) {
    Failed = true;
    if (M.is_null())
      Errors.push_back({File, 0, 0, Msg});
    else
      Errors.push_back({File, unsigned(M.line + 1), unsigned(M.column + 1),
                        Msg});
  }

  /// Checks that N is a map whose keys are unique scalars from Allowed and
  /// that every key of Required is present. Returns false if N is no map.
  bool checkMap(const YAML::Node &N, const std::string &What,
                const std::vector<std::string> &Allowed,
                const std::vector<std::string> &Required) {
    if (!N.IsMap()) {
      error(N.Mark(), What + " must be a mapping");
      return false;
    }
    std::set<std::string> Seen;
    for (auto It = N.begin(); It != N.end(); ++It) {
      const YAML::Node &K = It->first;
      if (!K.IsScalar()) {
        error(K.Mark(), What + ": keys must be plain words");
        continue;
      }
      std::string Key = K.Scalar();
      if (!Seen.insert(Key).second)
        error(K.Mark(), What + ": duplicate key '" + Key + "'");
      else if (std::find(Allowed.begin(), Allowed.end(), Key) ==
               Allowed.end()) {
        std::string List;
        for (const std::string &A : Allowed)
          List += (List.empty() ? "" : ", ") + A;
        error(K.Mark(), What + ": unknown key '" + Key + "' (expected one of: " +
                            List + ")");
      }
    }
    for (const std::string &R : Required)
      if (!Seen.count(R))
        error(N.Mark(), What + ": missing required key '" + R + "'");
    return true;
  }

  // A missing key was already reported by checkMap.
  bool scalar(const YAML::Node &N, const std::string &What, std::string &Out) {
    if (!N)
      return false;
    if (!N.IsScalar()) {
      error(N.Mark(), What + " must be a string");
      return false;
    }
    Out = N.Scalar();
    if (Out.empty()) {
      error(N.Mark(), What + " must not be empty");
      return false;
    }
    return true;
  }

  bool list(const YAML::Node &N, const std::string &What,
            std::vector<std::string> &Out) {
    if (!N)
      return false;
    if (!N.IsSequence()) {
      error(N.Mark(), What + " must be a list of strings");
      return false;
    }
    if (N.size() == 0) {
      error(N.Mark(), What + " must not be empty");
      return false;
    }
    bool Ok = true;
    for (const YAML::Node &E : N) {
      std::string S;
      if (scalar(E, What + " entry", S))
        Out.push_back(S);
      else
        Ok = false;
    }
    return Ok;
  }
};

YAML::Node child(const YAML::Node &Map, const char *Key) {
  // Note: const operator[] does not insert.
  for (auto It = Map.begin(); It != Map.end(); ++It)
    if (It->first.IsScalar() && It->first.Scalar() == Key)
      return It->second;
  return YAML::Node(YAML::NodeType::Undefined);
}

YAML::Mark keyMark(const YAML::Node &Map, const char *Key) {
  for (auto It = Map.begin(); It != Map.end(); ++It)
    if (It->first.IsScalar() && It->first.Scalar() == Key)
      return It->first.Mark();
  return Map.Mark();
}

bool parseTarget(Checker &C, const YAML::Node &N, const std::string &Name,
                 TargetSpec &T) {
  std::string What = "target '" + Name + "'";
  if (N.IsNull()) { // "v1:" with nothing behind it
    T.Present = true;
    return true;
  }
  if (!C.checkMap(N, What, {"release", "class", "new", "rewrite"}, {}))
    return false;
  T.Present = true;
  bool Ok = true;
  if (YAML::Node R = child(N, "release")) {
    if (Name != "mainline") {
      C.error(keyMark(N, "release"), "only the mainline target has a release");
      Ok = false;
    } else if (C.scalar(R, What + " release", T.Release)) {
      static const std::set<std::string> Known = {"6.15", "6.16", "6.17"};
      if (!Known.count(T.Release)) {
        C.error(R.Mark(), "unknown release '" + T.Release +
                              "' (expected 6.15, 6.16 or 6.17)");
        Ok = false;
      }
    } else
      Ok = false;
  } else if (Name == "mainline") {
    C.error(N.Mark(), "target 'mainline': missing required key 'release'");
    Ok = false;
  }
  if (YAML::Node Cl = child(N, "class")) {
    std::string S;
    if (C.scalar(Cl, What + " class", S)) {
      T.Class = parseClass(S);
      if (!T.Class) {
        C.error(Cl.Mark(), "unknown class '" + S +
                               "' (expected mechanical, judgement or "
                               "definition)");
        Ok = false;
      }
    } else
      Ok = false;
  }
  if (YAML::Node Nw = child(N, "new"))
    Ok &= C.scalar(Nw, What + " new", T.New);
  if (YAML::Node Rw = child(N, "rewrite")) {
    if (Rw.IsScalar())
      T.Rewrite["*"] = Rw.Scalar();
    else if (Rw.IsMap()) {
      std::set<std::string> Seen;
      for (auto It = Rw.begin(); It != Rw.end(); ++It) {
        if (!It->first.IsScalar() || !It->second.IsScalar()) {
          C.error(It->first.Mark(), What + " rewrite: expected symbol: "
                                           "template pairs");
          Ok = false;
          continue;
        }
        if (!Seen.insert(It->first.Scalar()).second) {
          C.error(It->first.Mark(),
                  What + " rewrite: duplicate key '" + It->first.Scalar() + "'");
          Ok = false;
        }
        T.Rewrite[It->first.Scalar()] = It->second.Scalar();
      }
    } else {
      C.error(Rw.Mark(), What + " rewrite must be a template string or a map "
                                "of symbol: template");
      Ok = false;
    }
  }
  return Ok;
}

bool isIdentifier(const std::string &S) {
  static const std::regex Id("^[A-Za-z_][A-Za-z0-9_]*$");
  return std::regex_match(S, Id);
}

} // namespace

bool RuleSet::load(const std::string &Path, std::vector<LoadError> &Errors) {
  if (llvm::sys::fs::is_directory(Path)) {
    std::vector<std::string> Files;
    std::error_code EC;
    for (llvm::sys::fs::directory_iterator It(Path, EC), End;
         It != End && !EC; It.increment(EC))
      if (llvm::sys::path::extension(It->path()) == ".yaml")
        Files.push_back(It->path());
    if (EC) {
      Errors.push_back({Path, 0, 0, "cannot read directory: " + EC.message()});
      return false;
    }
    if (Files.empty()) {
      Errors.push_back({Path, 0, 0, "no rule packs (*.yaml) in directory"});
      return false;
    }
    std::sort(Files.begin(), Files.end());
    bool Ok = true;
    for (const std::string &F : Files)
      Ok &= loadFile(F, Errors);
    return Ok;
  }
  return loadFile(Path, Errors);
}

bool RuleSet::loadFile(const std::string &File,
                       std::vector<LoadError> &Errors) {
  auto Buf = llvm::MemoryBuffer::getFile(File, /*IsText=*/true);
  if (!Buf) {
    Errors.push_back({File, 0, 0, "cannot read rule pack: " +
                                      Buf.getError().message()});
    return false;
  }
  std::string Text = (*Buf)->getBuffer().str();
  Checker C{File, Errors};
  YAML::Node Root;
  try {
    Root = YAML::Load(Text);
  } catch (const YAML::Exception &E) {
    C.error(E.mark, E.msg);
    return false;
  }
  if (!C.checkMap(Root, "rule pack", {"family", "description", "rules"},
                  {"family", "description", "rules"}))
    return false;

  std::string Family, Description;
  const FamilyInfo *FI = nullptr;
  if (C.scalar(child(Root, "family"), "family", Family)) {
    FI = findFamily(Family);
    if (!FI) {
      std::string List;
      for (const FamilyInfo &F : families())
        List += (List.empty() ? "" : ", ") + std::string(F.Name);
      C.error(child(Root, "family").Mark(),
              "unknown family '" + Family + "' (expected one of: " + List + ")");
    }
  }
  if (YAML::Node D = child(Root, "description"))
    C.scalar(D, "description", Description);

  std::vector<std::unique_ptr<Rule>> New;
  YAML::Node Rs = child(Root, "rules");
  if (Rs && !Rs.IsSequence())
    C.error(Rs.Mark(), "'rules' must be a list of rules");
  else if (Rs && Rs.size() == 0)
    C.error(Rs.Mark(), "'rules' must not be empty");
  else if (Rs) {
    static const std::regex IdRe("^dax-[a-z0-9]+(-[a-z0-9]+)*$");
    static const std::regex CommitRe("^[0-9a-f]{12,40} .+$");
    std::set<std::string> LocalIds;
    for (const YAML::Node &RN : Rs) {
      if (!C.checkMap(RN, "rule",
                      {"id", "family", "title", "pattern", "symbols", "class",
                       "message", "old", "new", "targets", "commits",
                       "explain"},
                      {"id", "title", "pattern", "symbols", "class", "message",
                       "old", "new", "targets", "commits", "explain"}))
        continue;
      auto R = std::make_unique<Rule>();
      R->File = File;
      R->Line = RN.Mark().line + 1;
      R->Column = RN.Mark().column + 1;
      R->Family = Family;
      if (C.scalar(child(RN, "id"), "id", R->Id)) {
        if (!std::regex_match(R->Id, IdRe))
          C.error(child(RN, "id").Mark(),
                  "rule id '" + R->Id +
                      "' must match dax-[a-z0-9]+(-[a-z0-9]+)*");
        else if (!LocalIds.insert(R->Id).second || ById.count(R->Id))
          C.error(child(RN, "id").Mark(), "duplicate rule id '" + R->Id + "'");
      }
      if (YAML::Node F = child(RN, "family")) {
        std::string S;
        if (C.scalar(F, "family", S) && S != Family)
          C.error(F.Mark(), "rule family '" + S +
                                "' differs from the pack's family '" + Family +
                                "'");
      }
      C.scalar(child(RN, "title"), "title", R->Title);
      if (C.scalar(child(RN, "pattern"), "pattern", R->Pattern) && FI &&
          std::find_if(FI->Patterns.begin(), FI->Patterns.end(),
                       [&](const char *P) { return R->Pattern == P; }) ==
              FI->Patterns.end()) {
        std::string List;
        for (const char *P : FI->Patterns)
          List += (List.empty() ? "" : ", ") + std::string(P);
        C.error(child(RN, "pattern").Mark(),
                "unknown pattern '" + R->Pattern + "' for family '" + Family +
                    "' (expected one of: " + List + ")");
      }
      if (C.list(child(RN, "symbols"), "symbols", R->Symbols)) {
        YAML::Node SN = child(RN, "symbols");
        std::set<std::string> Seen;
        for (size_t I = 0; I < R->Symbols.size(); ++I) {
          if (!isIdentifier(R->Symbols[I]))
            C.error(SN[I].Mark(),
                    "symbol '" + R->Symbols[I] + "' is not a C identifier");
          else if (!Seen.insert(R->Symbols[I]).second)
            C.error(SN[I].Mark(), "duplicate symbol '" + R->Symbols[I] + "'");
        }
      }
      std::string Cls;
      if (C.scalar(child(RN, "class"), "class", Cls)) {
        if (auto K = parseClass(Cls))
          R->Class = *K;
        else
          C.error(child(RN, "class").Mark(),
                  "unknown class '" + Cls +
                      "' (expected mechanical, judgement or definition)");
      }
      C.scalar(child(RN, "message"), "message", R->Message);
      C.scalar(child(RN, "old"), "old", R->Old);
      C.scalar(child(RN, "new"), "new", R->New);
      C.scalar(child(RN, "explain"), "explain", R->Explain);
      if (C.list(child(RN, "commits"), "commits", R->Commits)) {
        YAML::Node CN = child(RN, "commits");
        for (size_t I = 0; I < R->Commits.size(); ++I)
          if (!std::regex_match(R->Commits[I], CommitRe))
            C.error(CN[I].Mark(), "commit '" + R->Commits[I] +
                                      "' must be '<12+ hex digits> <title>'");
      }
      YAML::Node T = child(RN, "targets");
      if (T && C.checkMap(T, "targets", {"v1", "mainline"}, {})) {
        if (T.size() == 0)
          C.error(T.Mark(), "targets must name v1, mainline or both");
        if (YAML::Node V = child(T, "v1"))
          parseTarget(C, V, "v1", R->V1);
        if (YAML::Node M = child(T, "mainline"))
          parseTarget(C, M, "mainline", R->Mainline);
      }
      New.push_back(std::move(R));
    }
  }
  if (C.Failed)
    return false;
  for (auto &R : New) {
    ById[R->Id] = R.get();
    for (const std::string &S : R->Symbols)
      BySymbol[S].push_back(R.get());
    Rules.push_back(std::move(R));
  }
  Fingerprint += llvm::utohexstr(llvm::xxh3_64bits(Text)) + ";";
  return true;
}

const Rule *RuleSet::byId(const std::string &Id) const {
  auto It = ById.find(Id);
  return It == ById.end() ? nullptr : It->second;
}

const Rule *RuleSet::find(const std::string &Family, const std::string &Pattern,
                          const std::string &Symbol) const {
  auto It = BySymbol.find(Symbol);
  if (It == BySymbol.end())
    return nullptr;
  for (const Rule *R : It->second)
    if (R->Family == Family && R->Pattern == Pattern)
      return R;
  return nullptr;
}

std::vector<const Rule *> RuleSet::rulesFor(const std::string &Symbol) const {
  auto It = BySymbol.find(Symbol);
  return It == BySymbol.end() ? std::vector<const Rule *>() : It->second;
}

std::vector<std::string> RuleSet::symbols() const {
  std::vector<std::string> Out;
  for (const auto &KV : BySymbol)
    Out.push_back(KV.first);
  return Out;
}

std::string daxport::defaultRulesDir(const char *Argv0) {
  // Installed layout: <prefix>/bin/daxport and <prefix>/share/daxport/rules.
  // Build layout: the source tree's rules/ (baked in at configure time).
  std::string Exe = llvm::sys::fs::getMainExecutable(
      Argv0, reinterpret_cast<void *>(&defaultRulesDir));
  llvm::SmallString<256> P(llvm::sys::path::parent_path(
      llvm::sys::path::parent_path(Exe)));
  llvm::sys::path::append(P, "share", "daxport", "rules");
  if (llvm::sys::fs::is_directory(P))
    return std::string(P);
  return DAXPORT_SOURCE_RULES_DIR;
}
