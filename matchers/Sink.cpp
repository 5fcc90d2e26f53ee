//===- Sink.cpp - findings of one translation unit ------------------------===//
//
// Converts Clang locations into Findings (spelling location, file, line,
// column, offset, macro-definition status, enclosing function), keeping one
// finding per site. Also the defaults shared by the families.
//
//===----------------------------------------------------------------------===//
#include "matchers/Sink.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/Decl.h"
#include "llvm/Support/Path.h"

#include <algorithm>
#include <cctype>

using namespace clang;
using namespace daxport;

const char *daxport::statusName(Status S) {
  switch (S) {
  case Status::Analysed:
    return "analysed";
  case Status::InMacroDefinition:
    return "in-macro-definition";
  case Status::NotCompiled:
    return "not-compiled";
  case Status::NotInDatabase:
    return "not-in-database";
  }
  return "?";
}

const char *daxport::statusConfidence(Status S) {
  switch (S) {
  case Status::Analysed:
    return "high";
  case Status::InMacroDefinition:
    return "medium";
  case Status::NotCompiled:
  case Status::NotInDatabase:
    return "low";
  }
  return "?";
}

static bool isBlank(char C) {
  return C == ' ' || C == '\t' || C == '\n' || C == '\r' || C == '\\' ||
         C == '\f' || C == '\v';
}

char TokenContext::prevChar() const {
  for (size_t I = Before.size(); I > 0; --I)
    if (!isBlank(Before[I - 1]))
      return Before[I - 1];
  return 0;
}

char TokenContext::nextChar() const {
  for (char C : After)
    if (!isBlank(C))
      return C;
  return 0;
}

std::string TokenContext::identBeforeOperator(llvm::StringRef Op) const {
  llvm::StringRef S = Before.rtrim(" \t\r\n\\");
  if (!S.ends_with(Op))
    return "";
  S = S.drop_back(Op.size()).rtrim(" \t\r\n\\");
  // A balanced (...) group, then the identifier before it.
  if (!S.ends_with(")"))
    return "";
  int Depth = 0;
  size_t I = S.size();
  while (I > 0) {
    char C = S[--I];
    if (C == ')')
      ++Depth;
    else if (C == '(' && --Depth == 0)
      break;
  }
  if (Depth != 0)
    return "";
  S = S.take_front(I).rtrim(" \t");
  size_t E = S.size();
  while (E > 0 && (std::isalnum((unsigned char)S[E - 1]) || S[E - 1] == '_'))
    --E;
  return S.drop_front(E).str();
}

bool TUSink::report(llvm::StringRef FamilyName,
                    std::vector<std::string> Patterns, llvm::StringRef Symbol,
                    SourceLocation Loc, int Specificity,
                    std::vector<std::string> Evidence, const FunctionDecl *Fn,
                    Status St) {
  const Rule *R = nullptr;
  for (const std::string &P : Patterns)
    if ((R = Rules.find(FamilyName.str(), P, Symbol.str())))
      break;
  if (!R || Loc.isInvalid())
    return false;
  SourceLocation Sp = SM->getSpellingLoc(Loc);
  if (Sp.isInvalid() || SM->isInSystemHeader(Sp))
    return false;
  FileID FID = SM->getFileID(Sp);
  OptionalFileEntryRef FE = SM->getFileEntryRefForID(FID);
  if (!FE)
    return false; // scratch space, command line, builtins
  unsigned Off = SM->getFileOffset(Sp);
  auto Key = std::make_pair(FID.getHashValue(), Off);
  auto It = ByLoc.find(Key);
  if (It != ByLoc.end() && Findings[It->second].Specificity >= Specificity)
    return true;

  Finding F;
  F.R = R;
  StringRef Real = FE->getFileEntry().tryGetRealPathName();
  if (!Real.empty())
    F.File = Real.str();
  else {
    SmallString<256> P(FE->getName());
    SM->getFileManager().makeAbsolutePath(P);
    llvm::sys::path::remove_dots(P, true);
    F.File = std::string(P);
  }
  F.Offset = Off;
  F.Line = SM->getSpellingLineNumber(Sp);
  F.Column = SM->getSpellingColumnNumber(Sp);
  F.Symbol = Symbol.str();
  F.Message = R->messageFor(F.Symbol);
  F.Evidence = std::move(Evidence);
  F.Specificity = Specificity;
  F.St = St;
  if (!Config.empty())
    F.Configs.insert(Config);
  auto MIt = MacroDefs.find(FID);
  if (MIt != MacroDefs.end())
    for (const MacroDef &M : MIt->second)
      if (Off >= M.Begin && Off <= M.End) {
        F.Macro = M.Name;
        if (St == Status::Analysed)
          F.St = Status::InMacroDefinition;
      }
  SourceLocation Exp;
  if (Fn)
    F.Function = Fn->getNameAsString();
  else if (F.Macro.empty())
    Exp = SM->getExpansionLoc(Loc);

  if (It != ByLoc.end()) {
    Findings[It->second] = std::move(F);
    PendingExpansion[It->second] = Exp;
  } else {
    ByLoc[Key] = Findings.size();
    Findings.push_back(std::move(F));
    PendingExpansion.push_back(Exp);
  }
  return true;
}

void TUSink::addMacroDefinition(SourceLocation Begin, SourceLocation End,
                                llvm::StringRef Name) {
  if (!Begin.isFileID() || !End.isFileID())
    return;
  FileID FID = SM->getFileID(Begin);
  MacroDefs[FID].push_back(
      {SM->getFileOffset(Begin), SM->getFileOffset(End), Name.str()});
}

TokenContext TUSink::tokenContext(SourceLocation Sp, unsigned Len) const {
  TokenContext C;
  if (Sp.isInvalid() || !Sp.isFileID())
    return C;
  bool Invalid = false;
  StringRef Buf = SM->getBufferData(SM->getFileID(Sp), &Invalid);
  if (Invalid)
    return C;
  unsigned Off = SM->getFileOffset(Sp);
  C.Before = Buf.take_front(Off);
  C.After = Buf.drop_front(std::min<size_t>(Buf.size(), Off + Len));
  return C;
}

void TUSink::resolveFunctions(ASTContext &Ctx) {
  std::vector<const FunctionDecl *> Fns;
  for (const Decl *D : Ctx.getTranslationUnitDecl()->decls())
    if (const auto *FD = dyn_cast<FunctionDecl>(D))
      if (FD->doesThisDeclarationHaveABody())
        Fns.push_back(FD);
  for (size_t I = 0; I < Findings.size(); ++I) {
    SourceLocation L = PendingExpansion[I];
    if (L.isInvalid() || !Findings[I].Function.empty())
      continue;
    for (const FunctionDecl *FD : Fns) {
      SourceRange R = FD->getSourceRange();
      SourceLocation B = SM->getExpansionLoc(R.getBegin());
      SourceLocation E = SM->getExpansionLoc(R.getEnd());
      if (SM->getFileID(B) == SM->getFileID(L) && SM->isPointWithin(L, B, E)) {
        Findings[I].Function = FD->getNameAsString();
        break;
      }
    }
  }
}

Family::~Family() = default;

std::vector<std::string> Family::tokenPatterns(llvm::StringRef,
                                               const TokenContext &) const {
  return {"use", "call", "flag", "type"};
}

std::vector<std::string>
Family::definitionPatterns(llvm::StringRef, llvm::StringRef File) const {
  if (isKernelHeaderPath(File))
    return {"definition"};
  return {"shim", "definition"};
}

bool daxport::isKernelHeaderPath(llvm::StringRef File) {
  std::string P = File.str();
  std::replace(P.begin(), P.end(), '\\', '/');
  llvm::StringRef S(P);
  return S.contains("/include/linux/") || S.contains("/include/asm") ||
         S.contains("/include/uapi/") || S.starts_with("include/") ||
         S.starts_with("arch/") || S.contains("/arch/") ||
         S.starts_with("./include/") || S.contains("/mm/") ||
         S.starts_with("mm/");
}

bool daxport::isDriverPrivate(const FunctionDecl *FD, const SourceManager &SM) {
  for (const FunctionDecl *D : FD->redecls()) {
    SourceLocation L = SM.getSpellingLoc(D->getLocation());
    OptionalFileEntryRef FE = SM.getFileEntryRefForID(SM.getFileID(L));
    if (!FE || !FE->getName().ends_with(".c"))
      return false;
  }
  // Declared only in .c files. In the kernel itself, .c files under mm/ and
  // arch/ define the APIs (their prototypes are in headers, seen above).
  return true;
}
