//===- Report.cpp - write findings as text, checkpatch, JSON, SARIF, YAML -===//
//
// Text follows clang's diagnostics (with the source line and a caret);
// checkpatch follows `checkpatch.pl --terse --show-types`; JSON is daxport's
// own documented schema (docs/formats.md); SARIF 2.1.0 as GitHub code
// scanning reads it; fixes-yaml is clang-tidy's --export-fixes format, written
// with Clang's own YAML traits so clang-apply-replacements accepts it.
//
//===----------------------------------------------------------------------===//
#include "tool/Report.h"
#include "rules/RuleSet.h"

#include "clang/Tooling/Core/Diagnostic.h"
#include "clang/Tooling/DiagnosticsYaml.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/YAMLTraits.h"
#include "llvm/Support/raw_ostream.h"

#include <map>

using namespace daxport;

bool daxport::parseFormat(const std::string &S, Format &F) {
  static const std::map<std::string, Format> M = {
      {"text", Format::Text},     {"checkpatch", Format::Checkpatch},
      {"json", Format::Json},     {"sarif", Format::Sarif},
      {"fixes-yaml", Format::FixesYaml}};
  auto It = M.find(S);
  if (It == M.end())
    return false;
  F = It->second;
  return true;
}

namespace {

std::string upperId(const std::string &Id) {
  std::string S = Id;
  for (char &C : S)
    C = C == '-' ? '_' : toupper((unsigned char)C);
  return S;
}

std::string joined(const std::set<std::string> &S, const char *Sep = ", ") {
  std::string Out;
  for (const std::string &E : S)
    Out += (Out.empty() ? "" : Sep) + E;
  return Out;
}

std::string joined(const std::vector<std::string> &S, const char *Sep = "; ") {
  std::string Out;
  for (const std::string &E : S)
    Out += (Out.empty() ? "" : Sep) + E;
  return Out;
}

/// The line of File holding Offset, with tabs kept.
class LineCache {
public:
  std::string line(const std::string &File, unsigned Offset) {
    auto It = Bufs.find(File);
    if (It == Bufs.end()) {
      auto B = llvm::MemoryBuffer::getFile(File);
      It = Bufs.emplace(File, B ? std::move(*B) : nullptr).first;
    }
    if (!It->second)
      return "";
    llvm::StringRef S = It->second->getBuffer();
    if (Offset > S.size())
      return "";
    size_t B = S.rfind('\n', Offset ? Offset - 1 : 0);
    B = (B == llvm::StringRef::npos || Offset == 0) ? 0 : B + 1;
    if (Offset > 0 && S[Offset - 1] == '\n')
      B = Offset;
    size_t E = S.find('\n', Offset);
    return S.slice(B, E).rtrim("\r").str();
  }

private:
  std::map<std::string, std::unique_ptr<llvm::MemoryBuffer>> Bufs;
};

std::string statusText(const Finding &F) {
  switch (F.St) {
  case Status::Analysed:
    return "analysed";
  case Status::InMacroDefinition:
    return "in macro definition" + (F.Macro.empty() ? "" : " of " + F.Macro);
  case Status::NotCompiled:
    return "not compiled in configuration " +
           (F.Configs.empty() ? std::string("default") : joined(F.Configs));
  case Status::NotInDatabase:
    return "not in any compile database";
  }
  return "";
}

const char *sarifLevel(const Finding &F) {
  if (F.R->Class == RuleClass::Definition)
    return "note";
  if (F.St == Status::NotCompiled || F.St == Status::NotInDatabase)
    return "note";
  return "warning";
}

void writeText(llvm::raw_ostream &OS, const ScanResult &R, bool Color) {
  LineCache Lines;
  for (const Finding &F : R.Findings) {
    std::string Path = relativePath(F.File, R.Root);
    if (Color)
      OS.changeColor(llvm::raw_ostream::SAVEDCOLOR, true);
    OS << Path << ":" << F.Line << ":" << F.Column << ": ";
    if (Color)
      OS.changeColor(llvm::raw_ostream::MAGENTA, true);
    OS << "warning: ";
    if (Color)
      OS.changeColor(llvm::raw_ostream::SAVEDCOLOR, true);
    OS << F.Message << " [" << F.R->Id << "]";
    if (Color)
      OS.resetColor();
    OS << "\n";
    std::string Line = Lines.line(F.File, F.Offset);
    if (!Line.empty()) {
      OS << Line << "\n";
      std::string Caret;
      for (unsigned I = 0; I + 1 < F.Column && I < Line.size(); ++I)
        Caret += Line[I] == '\t' ? '\t' : ' ';
      if (Color)
        OS.changeColor(llvm::raw_ostream::GREEN, true);
      OS << Caret << "^";
      if (Color)
        OS.resetColor();
      OS << "\n";
    }
    OS << "  class: " << className(F.R->Class)
       << "; status: " << statusText(F)
       << "; confidence: " << statusConfidence(F.St);
    if (!F.Configs.empty() && F.St != Status::NotCompiled)
      OS << "; configurations: " << joined(F.Configs);
    if (!F.Function.empty())
      OS << "; in " << F.Function << "()";
    OS << "\n";
    if (!F.Evidence.empty())
      OS << "  evidence: " << joined(F.Evidence) << "\n";
  }
  for (const UnitFailure &U : R.Failures) {
    OS << relativePath(U.File, R.Root) << ": error: could not analyse ("
       << U.Config << "): " << (U.Errors.empty() ? "" : U.Errors.front())
       << "\n";
    for (size_t I = 1; I < U.Errors.size(); ++I)
      OS << "  " << U.Errors[I] << "\n";
  }
  OS << summaryLine(R) << "\n";
}

void writeCheckpatch(llvm::raw_ostream &OS, const ScanResult &R) {
  for (const Finding &F : R.Findings)
    OS << relativePath(F.File, R.Root) << ":" << F.Line << ": "
       << (F.R->Class == RuleClass::Definition ? "CHECK" : "WARNING") << ":"
       << upperId(F.R->Id) << ": " << F.Message << "\n";
  for (const UnitFailure &U : R.Failures)
    OS << relativePath(U.File, R.Root) << ":1: ERROR:DAX_UNIT_NOT_ANALYSED: "
       << (U.Errors.empty() ? "could not analyse" : U.Errors.front()) << "\n";
}

llvm::json::Array strings(const std::vector<std::string> &V) {
  llvm::json::Array A;
  for (const std::string &S : V)
    A.push_back(S);
  return A;
}
llvm::json::Array strings(const std::set<std::string> &V) {
  llvm::json::Array A;
  for (const std::string &S : V)
    A.push_back(S);
  return A;
}

llvm::json::Object findingJson(const Finding &F, const ScanResult &R) {
  llvm::json::Array Edits;
  for (const Edit &E : F.Edits)
    Edits.push_back(llvm::json::Object{{"file", relativePath(E.File, R.Root)},
                                       {"offset", E.Offset},
                                       {"length", E.Length},
                                       {"replacement", E.Text}});
  return llvm::json::Object{
      {"rule", F.R->Id},
      {"family", F.R->Family},
      {"class", className(F.R->Class)},
      {"file", relativePath(F.File, R.Root)},
      {"line", F.Line},
      {"column", F.Column},
      {"offset", F.Offset},
      {"symbol", F.Symbol},
      {"message", F.Message},
      {"function", F.Function},
      {"macro", F.Macro},
      {"status", statusName(F.St)},
      {"confidence", statusConfidence(F.St)},
      {"evidence", strings(F.Evidence)},
      {"configurations", strings(F.Configs)},
      {"edits", std::move(Edits)},
  };
}

void writeJson(llvm::raw_ostream &OS, const ScanResult &R,
               const ReportOptions &O) {
  llvm::json::Array Findings, Failures;
  std::map<std::string, int> ByFamily, ByStatus, ByClass;
  std::set<std::string> Files;
  for (const Finding &F : R.Findings) {
    Findings.push_back(findingJson(F, R));
    ByFamily[F.R->Family]++;
    ByStatus[statusName(F.St)]++;
    ByClass[className(F.R->Class)]++;
    Files.insert(F.File);
  }
  for (const UnitFailure &U : R.Failures)
    Failures.push_back(llvm::json::Object{
        {"file", relativePath(U.File, R.Root)},
        {"configuration", U.Config},
        {"errors", strings(U.Errors)}});
  auto Counts = [](const std::map<std::string, int> &M) {
    llvm::json::Object O;
    for (const auto &KV : M)
      O[KV.first] = KV.second;
    return O;
  };
  llvm::json::Object Doc{
      {"tool", "daxport"},
      {"version", O.ToolVersion},
      {"schema", 1},
      {"root", R.Root},
      {"configurations", strings(R.Configs)},
      {"findings", std::move(Findings)},
      {"failures", std::move(Failures)},
      {"summary",
       llvm::json::Object{{"findings", int64_t(R.Findings.size())},
                          {"files", int64_t(Files.size())},
                          {"units", int64_t(R.Units)},
                          {"units_in_scope", int64_t(R.UnitsInScope)},
                          {"units_from_cache", int64_t(R.CachedUnits)},
                          {"files_indexed", int64_t(R.FilesIndexed)},
                          {"failures", int64_t(R.Failures.size())},
                          {"by_family", Counts(ByFamily)},
                          {"by_status", Counts(ByStatus)},
                          {"by_class", Counts(ByClass)}}},
  };
  OS << llvm::formatv("{0:2}", llvm::json::Value(std::move(Doc))) << "\n";
}

std::string fileUri(std::string Abs) {
  if (!Abs.empty() && Abs.back() != '/')
    Abs += '/';
  std::string Out = "file://";
  for (char C : Abs) {
    if (isalnum((unsigned char)C) || strchr("/-_.~", C))
      Out += C;
    else {
      char Buf[4];
      snprintf(Buf, sizeof Buf, "%%%02X", (unsigned char)C);
      Out += Buf;
    }
  }
  return Out;
}

std::string uriEscape(const std::string &P) {
  std::string Out;
  for (char C : P) {
    if (isalnum((unsigned char)C) || strchr("/-_.~", C))
      Out += C;
    else {
      char Buf[4];
      snprintf(Buf, sizeof Buf, "%%%02X", (unsigned char)C);
      Out += Buf;
    }
  }
  return Out;
}

void writeSarif(llvm::raw_ostream &OS, const ScanResult &R,
                const RuleSet &Rules, const ReportOptions &O) {
  // Every rule that has a result, in id order.
  std::map<std::string, const Rule *> Used;
  for (const Finding &F : R.Findings)
    Used[F.R->Id] = F.R;
  std::map<std::string, int> Index;
  llvm::json::Array RulesJ;
  for (const auto &KV : Used) {
    const Rule *Ru = KV.second;
    Index[Ru->Id] = RulesJ.size();
    std::string Help = Ru->Explain + "\nOld: " + Ru->Old + "\nNew: " + Ru->New +
                       "\nCommits: " + joined(Ru->Commits, ", ");
    RulesJ.push_back(llvm::json::Object{
        {"id", Ru->Id},
        {"name", upperId(Ru->Id)},
        {"shortDescription", llvm::json::Object{{"text", Ru->Title}}},
        {"fullDescription",
         llvm::json::Object{{"text", Ru->messageFor(joined(
                                         std::set<std::string>(
                                             Ru->Symbols.begin(),
                                             Ru->Symbols.end()),
                                         "/"))}}},
        {"help", llvm::json::Object{{"text", Help}}},
        {"defaultConfiguration",
         llvm::json::Object{
             {"level", Ru->Class == RuleClass::Definition ? "note" : "warning"}}},
        {"properties",
         llvm::json::Object{{"family", Ru->Family},
                            {"class", className(Ru->Class)},
                            {"tags", llvm::json::Array{"dax", Ru->Family}}}},
    });
  }
  llvm::json::Array Results;
  for (const Finding &F : R.Findings) {
    std::string Rel = relativePath(F.File, R.Root);
    bool Relative = Rel != F.File;
    llvm::json::Object Art{{"uri", Relative ? uriEscape(Rel) : fileUri(F.File)}};
    if (Relative)
      Art["uriBaseId"] = "%SRCROOT%";
    std::string Text = F.Message;
    if (!F.Evidence.empty())
      Text += " Evidence: " + joined(F.Evidence) + ".";
    llvm::json::Object Res{
        {"ruleId", F.R->Id},
        {"ruleIndex", Index[F.R->Id]},
        {"level", sarifLevel(F)},
        {"message", llvm::json::Object{{"text", Text}}},
        {"locations",
         llvm::json::Array{llvm::json::Object{
             {"physicalLocation",
              llvm::json::Object{
                  {"artifactLocation", std::move(Art)},
                  {"region", llvm::json::Object{{"startLine", F.Line},
                                                {"startColumn", F.Column}}}}}}}},
        {"properties",
         llvm::json::Object{{"configurations", strings(F.Configs)},
                            {"status", statusName(F.St)},
                            {"confidence", statusConfidence(F.St)},
                            {"class", className(F.R->Class)},
                            {"evidence", strings(F.Evidence)},
                            {"function", F.Function},
                            {"macro", F.Macro}}},
    };
    if (F.St == Status::NotCompiled || F.St == Status::NotInDatabase)
      Res["rank"] = 30.0;
    else if (F.St == Status::InMacroDefinition)
      Res["rank"] = 70.0;
    Results.push_back(std::move(Res));
  }
  llvm::json::Array Notes;
  for (const UnitFailure &U : R.Failures) {
    std::string Rel = relativePath(U.File, R.Root);
    Notes.push_back(llvm::json::Object{
        {"level", "error"},
        {"message",
         llvm::json::Object{{"text", "could not analyse " + Rel + " (" +
                                         U.Config + "): " +
                                         joined(U.Errors)}}}});
  }
  llvm::json::Object Run{
      {"tool",
       llvm::json::Object{
           {"driver",
            llvm::json::Object{
                {"name", "daxport"},
                {"version", O.ToolVersion},
                {"semanticVersion", O.ToolVersion},
                {"informationUri", "https://example.invalid/daxport"},
                {"rules", std::move(RulesJ)}}}}},
      {"originalUriBaseIds",
       llvm::json::Object{
           {"%SRCROOT%", llvm::json::Object{{"uri", fileUri(R.Root)}}}}},
      {"invocations",
       llvm::json::Array{llvm::json::Object{
           {"executionSuccessful", R.Failures.empty()},
           {"toolExecutionNotifications", std::move(Notes)}}}},
      {"results", std::move(Results)},
  };
  llvm::json::Object Doc{
      {"$schema", "https://json.schemastore.org/sarif-2.1.0.json"},
      {"version", "2.1.0"},
      {"runs", llvm::json::Array{std::move(Run)}},
  };
  OS << llvm::formatv("{0:2}", llvm::json::Value(std::move(Doc))) << "\n";
}

void writeFixesYaml(llvm::raw_ostream &OS, const ScanResult &R) {
  using namespace clang::tooling;
  TranslationUnitDiagnostics TUD;
  TUD.MainSourceFile = "";
  for (const Finding &F : R.Findings) {
    DiagnosticMessage Msg;
    Msg.Message = F.Message;
    Msg.FilePath = F.File;
    Msg.FileOffset = F.Offset;
    for (const Edit &E : F.Edits) {
      Replacement Rep(E.File, E.Offset, E.Length, E.Text);
      llvm::consumeError(Msg.Fix[E.File].add(Rep));
    }
    Diagnostic D(F.R->Id, Msg, {}, Diagnostic::Warning, R.Root);
    TUD.Diagnostics.push_back(std::move(D));
  }
  llvm::yaml::Output Y(OS);
  Y << TUD;
}

} // namespace

std::string daxport::summaryLine(const ScanResult &R) {
  std::map<std::string, int> ByFamily, ByStatus;
  std::set<std::string> Files;
  for (const Finding &F : R.Findings) {
    ByFamily[F.R->Family]++;
    ByStatus[statusName(F.St)]++;
    Files.insert(F.File);
  }
  std::string S = "daxport: " + std::to_string(R.Findings.size()) +
                  " finding" + (R.Findings.size() == 1 ? "" : "s");
  if (!ByFamily.empty()) {
    S += " (";
    bool First = true;
    for (const auto &KV : ByFamily) {
      S += (First ? "" : ", ") + KV.first + " " + std::to_string(KV.second);
      First = false;
    }
    S += ")";
  }
  S += " in " + std::to_string(Files.size()) + " file" +
       (Files.size() == 1 ? "" : "s") + "; " + std::to_string(R.Units) +
       " translation unit" + (R.Units == 1 ? "" : "s") +
       (R.UnitsInScope > R.Units
            ? " (of " + std::to_string(R.UnitsInScope) + " in scope)"
            : std::string()) +
       ", " +
       std::to_string(R.Failures.size()) + " parse failure" +
       (R.Failures.size() == 1 ? "" : "s");
  if (!ByStatus.empty()) {
    S += "; status:";
    for (const auto &KV : ByStatus)
      S += " " + KV.first + " " + std::to_string(KV.second);
  }
  return S;
}

void daxport::writeReport(llvm::raw_ostream &OS, const ScanResult &R,
                          const RuleSet &Rules, const ReportOptions &O) {
  switch (O.Fmt) {
  case Format::Text:
    return writeText(OS, R, O.Color);
  case Format::Checkpatch:
    return writeCheckpatch(OS, R);
  case Format::Json:
    return writeJson(OS, R, O);
  case Format::Sarif:
    return writeSarif(OS, R, Rules, O);
  case Format::FixesYaml:
    return writeFixesYaml(OS, R);
  }
}
