//===- Kconfig.cpp - Kconfig text scanner ---------------------------------===//
//
// What no compiler sees: Kconfig files. Reports the symbols of the
// "kconfig" rules (ARCH_HAS_PTE_DEVMAP, FS_DAX_LIMITED) in `config`,
// `select`, `depends on`, `imply`, `default` and `if` lines, with the select's
// `if` condition as evidence; help texts and comments are skipped.
//
//===----------------------------------------------------------------------===//
#include "matchers/Analysis.h"

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/MemoryBuffer.h"

#include <cctype>

using namespace daxport;

std::vector<Finding> daxport::scanKconfig(const std::string &File,
                                          const RuleSet &Rules) {
  std::vector<Finding> Out;
  auto Buf = llvm::MemoryBuffer::getFile(File, /*IsText=*/false);
  if (!Buf)
    return Out;
  llvm::StringRef Text = (*Buf)->getBuffer();
  bool InHelp = false;
  size_t HelpIndent = 0;
  unsigned LineNo = 0;
  size_t Pos = 0;
  while (Pos < Text.size()) {
    size_t End = Text.find('\n', Pos);
    if (End == llvm::StringRef::npos)
      End = Text.size();
    llvm::StringRef Line = Text.slice(Pos, End);
    size_t LineStart = Pos;
    Pos = End + 1;
    ++LineNo;
    // Indentation in columns (a tab is 8, as Kconfig counts it).
    size_t Indent = 0, I = 0;
    for (; I < Line.size() && (Line[I] == ' ' || Line[I] == '\t'); ++I)
      Indent = Line[I] == '\t' ? (Indent / 8 + 1) * 8 : Indent + 1;
    llvm::StringRef Body = Line.drop_front(I).rtrim();
    if (InHelp) {
      if (Body.empty() || Indent > HelpIndent)
        continue;
      InHelp = false;
    }
    if (Body == "help" || Body == "---help---") {
      InHelp = true;
      HelpIndent = Indent;
      continue;
    }
    if (Body.empty() || Body.starts_with("#"))
      continue;
    llvm::StringRef Code = Body.split('#').first;
    // Each word of the line that a kconfig rule lists.
    for (size_t W = 0; W < Code.size();) {
      if (!(std::isalnum((unsigned char)Code[W]) || Code[W] == '_')) {
        ++W;
        continue;
      }
      size_t E = W;
      while (E < Code.size() &&
             (std::isalnum((unsigned char)Code[E]) || Code[E] == '_'))
        ++E;
      std::string Word = Code.slice(W, E).str();
      for (const Rule *R : Rules.rulesFor(Word)) {
        if (R->Pattern != "kconfig")
          continue;
        Finding F;
        F.R = R;
        F.File = File;
        F.Line = LineNo;
        F.Column = unsigned(I + W + 1);
        F.Offset = unsigned(LineStart + I + W);
        F.Symbol = Word;
        F.Message = R->messageFor(Word);
        F.Specificity = 3;
        F.Evidence.push_back("Kconfig: " + Code.rtrim().str());
        Out.push_back(F);
      }
      W = E;
    }
  }
  return Out;
}
