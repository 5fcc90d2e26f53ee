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
#include "llvm/Support/xxhash.h"

#include <cctype>

using namespace daxport;

namespace {

/// Start of each line and the line's text (without its newline).
struct KLine {
  size_t Start, End; // End: past the newline
  llvm::StringRef Body; // without indentation and trailing blanks
  size_t Indent;
};

/// The fix plan of a Kconfig finding on line L (see scanKconfig).
void planKconfigFix(Finding &F, const std::vector<KLine> &Lines, size_t L,
                    llvm::StringRef Text, const FixTarget &Fix) {
  const Rule &R = *F.R;
  std::string Where = Fix.Target == "v1" ? std::string("the v1 target")
                                         : "mainline " + Fix.Release;
  const KLine &K = Lines[L];
  llvm::StringRef Code = K.Body.split('#').first.rtrim();
  auto Del = [&](size_t B, size_t E) {
    F.Edits.push_back({F.File, unsigned(B), unsigned(E - B), "",
                       llvm::xxh3_64bits(Text)});
    F.FixStatus = "rewritten";
  };
  if (Code.starts_with("config ") || Code.starts_with("menuconfig ")) {
    F.FixStatus = "definition";
    if (!Fix.Definitions) {
      F.Note = "the Kconfig entry itself: deleted only when porting the "
               "kernel (--definitions)";
      return;
    }
    if (!R.targetFor(Fix)) {
      F.Note = "this change does not hold for " + Where;
      return;
    }
    if (R.classFor(Fix) != RuleClass::Mechanical) {
      F.Note = "the entry goes with its users, which need review (" +
               R.newFor(Fix) + "): delete it by hand after them";
      return;
    }
    // The entry: its line and the indented (or blank) lines after it, up
    // to the next top-level line (trailing blank lines stay), and the
    // comment lines directly above it.
    size_t E = L + 1, LastBody = L;
    while (E < Lines.size() && (Lines[E].Body.empty() || Lines[E].Indent > 0)) {
      if (!Lines[E].Body.empty())
        LastBody = E;
      ++E;
    }
    size_t First = L;
    while (First > 0 && Lines[First - 1].Body.starts_with("#"))
      --First;
    Del(Lines[First].Start, Lines[LastBody].End);
    return;
  }
  if (!R.targetFor(Fix)) {
    F.FixStatus = "not-for-target";
    F.Note = "this change does not hold for " + Where;
    return;
  }
  if (R.classFor(Fix) == RuleClass::Judgement) {
    F.FixStatus = "judgement";
    F.Note = "suggestion for " + Where + ": " + R.newFor(Fix);
    return;
  }
  auto Word = [&](llvm::StringRef S) {
    return S.take_while([](char C) { return std::isalnum(C) || C == '_'; });
  };
  if (Code.starts_with("select ") || Code.starts_with("imply ")) {
    if (Word(Code.split(' ').second.ltrim()) == F.Symbol) {
      Del(K.Start, K.End);
      return;
    }
  } else if (Code.starts_with("depends on ")) {
    llvm::StringRef Expr = Code.drop_front(11).trim();
    if (Expr == F.Symbol) {
      Del(K.Start, K.End);
      return;
    }
    // "A && SYM" or "SYM && A" (no "||" anywhere, no parentheses): only the
    // term goes.
    if (!Expr.contains("||") && !Expr.contains("(")) {
      size_t At = F.Offset;
      llvm::StringRef After = Text.drop_front(At + F.Symbol.size());
      llvm::StringRef Before = Text.take_front(At);
      llvm::StringRef BT = Before.rtrim(" \t");
      llvm::StringRef AT = After.ltrim(" \t");
      if (BT.ends_with("&&")) {
        size_t B = BT.drop_back(2).rtrim(" \t").size();
        Del(B, At + F.Symbol.size());
        return;
      }
      if (AT.starts_with("&&")) {
        size_t E = Text.size() - AT.drop_front(2).ltrim(" \t").size();
        Del(At, E);
        return;
      }
    }
  }
  F.FixStatus = "no-rewrite";
  F.Note = "not a select line, a lone depends-on or an && term: edit the "
           "Kconfig expression by hand";
}

} // namespace

std::vector<Finding> daxport::scanKconfig(const std::string &File,
                                          const RuleSet &Rules,
                                          const FixTarget *Fix) {
  std::vector<Finding> Out;
  auto Buf = llvm::MemoryBuffer::getFile(File, /*IsText=*/false);
  if (!Buf)
    return Out;
  llvm::StringRef Text = (*Buf)->getBuffer();
  bool InHelp = false;
  size_t HelpIndent = 0;
  unsigned LineNo = 0;
  size_t Pos = 0;
  std::vector<KLine> Lines;
  std::vector<size_t> LineOfFinding;
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
    Lines.push_back({LineStart, std::min(End + 1, Text.size()), Body, Indent});
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
        LineOfFinding.push_back(Lines.size() - 1);
      }
      W = E;
    }
  }
  if (Fix)
    for (size_t I = 0; I < Out.size(); ++I)
      planKconfigFix(Out[I], Lines, LineOfFinding[I], Text, *Fix);
  return Out;
}
