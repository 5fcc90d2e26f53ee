//===- Lint.cpp - diffs, suppressions and baselines -----------------------===//
//
// `daxport lint` reports only what a patch adds: findings on added lines,
// plus findings inside macros whose uses the patch adds. Suppression
// comments and baselines hide known findings; those that no longer match
// anything are reported, so they go stale visibly.
//
//===----------------------------------------------------------------------===//
#include "tool/Lint.h"
#include "rules/RuleSet.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/MemoryBuffer.h"

#include <regex>

using namespace daxport;

PatchLines daxport::parseUnifiedDiff(llvm::StringRef Diff,
                                     const std::string &Source) {
  PatchLines P;
  llvm::SmallVector<llvm::StringRef, 0> Lines;
  Diff.split(Lines, '\n');
  if (!Lines.empty() && Lines.back().empty())
    Lines.pop_back(); // the text after the final newline
  std::string File;
  bool InHunk = false;
  unsigned NewLine = 0, OldLeft = 0, NewLeft = 0, HunkLine = 0;
  bool SawHeader = false;
  static const std::regex Hunk(R"(^@@ -(\d+)(,(\d+))? \+(\d+)(,(\d+))? @@.*$)");
  for (size_t I = 0; I < Lines.size(); ++I) {
    llvm::StringRef L = Lines[I].rtrim("\r");
    std::string Where = Source + ":" + std::to_string(I + 1);
    if (InHunk && (OldLeft || NewLeft)) {
      if (L.starts_with("\\"))
        continue; // "\ No newline at end of file"
      char C = L.empty() ? ' ' : L[0];
      if (C == '+') {
        if (!NewLeft)
          throw InputError{Where + ": error: malformed diff: more added lines "
                                   "than the hunk header (line " +
                           std::to_string(HunkLine) + ") announces"};
        P.Added[File].insert(NewLine);
        P.Text[File][NewLine] = L.drop_front().str();
        ++NewLine, --NewLeft;
      } else if (C == '-') {
        if (!OldLeft)
          throw InputError{Where + ": error: malformed diff: more removed "
                                   "lines than the hunk header (line " +
                           std::to_string(HunkLine) + ") announces"};
        --OldLeft;
      } else if (C == ' ') {
        if (!OldLeft || !NewLeft)
          throw InputError{Where + ": error: malformed diff: hunk longer than "
                                   "its header (line " +
                           std::to_string(HunkLine) + ") announces"};
        ++NewLine, --OldLeft, --NewLeft;
      } else
        throw InputError{Where + ": error: malformed diff: hunk ends early "
                                 "(its header at line " +
                         std::to_string(HunkLine) + " announces more lines)"};
      continue;
    }
    InHunk = false;
    if (L.starts_with("+++ ")) {
      llvm::StringRef Name = L.drop_front(4).split('\t').first.rtrim();
      if (Name == "/dev/null") {
        File.clear();
      } else {
        if (!Name.consume_front("b/") && !Name.contains('/'))
          ; // plain names are taken as they are
        File = Name.str();
      }
      SawHeader = true;
      continue;
    }
    if (L.starts_with("@@")) {
      std::smatch M;
      std::string S = L.str();
      if (!std::regex_match(S, M, Hunk))
        throw InputError{Where + ": error: malformed hunk header '" + S + "'"};
      if (!SawHeader)
        throw InputError{Where + ": error: malformed diff: hunk before any "
                                 "'+++' file header"};
      OldLeft = M[3].matched ? std::stoul(M[3]) : 1;
      NewLine = std::stoul(M[4]);
      NewLeft = M[6].matched ? std::stoul(M[6]) : 1;
      InHunk = true;
      HunkLine = I + 1;
      continue;
    }
  }
  if (InHunk && (OldLeft || NewLeft))
    throw InputError{Source + ":" + std::to_string(Lines.size()) +
                     ": error: malformed diff: the last hunk (line " +
                     std::to_string(HunkLine) + ") is cut short"};
  if (!SawHeader && !Diff.trim().empty())
    throw InputError{Source + ":1: error: not a unified diff (no '+++' file "
                              "header)"};
  return P;
}

namespace {

std::vector<llvm::StringRef> linesOf(const llvm::MemoryBuffer &B) {
  std::vector<llvm::StringRef> Out;
  llvm::SmallVector<llvm::StringRef, 0> L;
  B.getBuffer().split(L, '\n');
  Out.assign(L.begin(), L.end());
  return Out;
}

struct Suppression {
  unsigned Line; ///< the line it applies to
  std::string Rule;
  std::string Where; ///< file:line of the comment
  bool Used = false;
};

std::vector<Suppression> suppressionsIn(const std::vector<llvm::StringRef> &L,
                                        const std::string &File) {
  static const std::regex Ignore(R"(daxport:\s*ignore\s+(dax-[a-z0-9-]+))");
  static const std::regex NoLint(R"(NOLINT(NEXTLINE)?\((dax-[a-z0-9-]+)\))");
  std::vector<Suppression> Out;
  for (size_t I = 0; I < L.size(); ++I) {
    // Most lines have neither marker: skip the regular expressions there.
    if (!L[I].contains("daxport") && !L[I].contains("NOLINT"))
      continue;
    std::string S = L[I].str();
    for (std::sregex_iterator It(S.begin(), S.end(), Ignore), E; It != E; ++It)
      Out.push_back({unsigned(I + 1), (*It)[1], File + ":" + std::to_string(I + 1)});
    for (std::sregex_iterator It(S.begin(), S.end(), NoLint), E; It != E; ++It)
      Out.push_back({unsigned(I + 1 + ((*It)[1].matched ? 1 : 0)), (*It)[2],
                     File + ":" + std::to_string(I + 1)});
  }
  return Out;
}

} // namespace

std::vector<std::string>
daxport::applySuppressions(std::vector<Finding> &Findings,
                           const std::set<std::string> &Files) {
  std::map<std::string, std::vector<Suppression>> ByFile;
  std::set<std::string> Wanted = Files;
  for (const Finding &F : Findings)
    Wanted.insert(F.File);
  for (const std::string &File : Wanted) {
    auto B = llvm::MemoryBuffer::getFile(File);
    if (B)
      ByFile[File] = suppressionsIn(linesOf(**B), File);
  }
  std::vector<Finding> Kept;
  for (Finding &F : Findings) {
    bool Hidden = false;
    for (Suppression &S : ByFile[F.File])
      // "ignore" on the line or the line before; NOLINT on the line.
      if (S.Rule == F.R->Id && (S.Line == F.Line || S.Line + 1 == F.Line)) {
        S.Used = Hidden = true;
      }
    if (!Hidden)
      Kept.push_back(std::move(F));
  }
  Findings = std::move(Kept);
  std::vector<std::string> Stale;
  for (const auto &KV : ByFile)
    if (Files.empty() || Files.count(KV.first))
      for (const Suppression &S : KV.second)
        if (!S.Used)
          Stale.push_back(S.Where + ": suppression of " + S.Rule +
                          " matches no finding");
  return Stale;
}

namespace {
std::string siteLine(const Finding &F) {
  auto B = llvm::MemoryBuffer::getFile(F.File);
  if (!B)
    return "";
  auto L = linesOf(**B);
  return F.Line && F.Line <= L.size() ? L[F.Line - 1].trim().str() : "";
}
} // namespace

std::string daxport::writeBaseline(const ScanResult &R) {
  llvm::json::Array A;
  for (const Finding &F : R.Findings)
    A.push_back(llvm::json::Object{{"rule", F.R->Id},
                                   {"file", relativePath(F.File, R.Root)},
                                   {"symbol", F.Symbol},
                                   {"line_text", siteLine(F)}});
  std::string S;
  llvm::raw_string_ostream OS(S);
  OS << llvm::formatv("{0:2}", llvm::json::Value(llvm::json::Object{
                                   {"daxport_baseline", 1},
                                   {"findings", std::move(A)}}))
     << "\n";
  return OS.str();
}

std::vector<std::string>
daxport::applyBaseline(std::vector<Finding> &Findings, const std::string &File,
                       const std::string &Root,
                       const std::set<std::string> &Files) {
  auto B = llvm::MemoryBuffer::getFile(File);
  if (!B)
    throw InputError{File + ": error: cannot read baseline: " +
                     B.getError().message()};
  auto V = llvm::json::parse((*B)->getBuffer());
  if (!V)
    throw InputError{File + ": error: invalid baseline: " +
                     llvm::toString(V.takeError())};
  const llvm::json::Object *O = V->getAsObject();
  const llvm::json::Array *A = O ? O->getArray("findings") : nullptr;
  if (!A)
    throw InputError{File + ": error: invalid baseline: no \"findings\" list"};
  struct Entry {
    std::string Rule, File, Symbol, Text;
    bool Used = false;
  };
  std::vector<Entry> Es;
  for (const llvm::json::Value &E : *A)
    if (const llvm::json::Object *EO = E.getAsObject())
      Es.push_back({EO->getString("rule").value_or("").str(),
                    EO->getString("file").value_or("").str(),
                    EO->getString("symbol").value_or("").str(),
                    EO->getString("line_text").value_or("").str()});
  std::vector<Finding> Kept;
  for (Finding &F : Findings) {
    std::string Rel = relativePath(F.File, Root), Text = siteLine(F);
    bool Hidden = false;
    for (Entry &E : Es)
      if (!E.Used && E.Rule == F.R->Id && E.File == Rel &&
          E.Symbol == F.Symbol && E.Text == Text) {
        E.Used = Hidden = true;
        break;
      }
    if (!Hidden)
      Kept.push_back(std::move(F));
  }
  Findings = std::move(Kept);
  std::vector<std::string> Stale;
  for (const Entry &E : Es)
    if (!E.Used && (Files.empty() || Files.count(E.File)))
      Stale.push_back(File + ": baseline entry " + E.Rule + " " + E.File +
                      ": '" + E.Text + "' matches no finding");
  return Stale;
}
