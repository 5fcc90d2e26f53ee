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
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/xxhash.h"

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

llvm::StringRef daxport::rtrimCode(llvm::StringRef S) {
  for (;;) {
    S = S.rtrim(" \t\r\n\\\f\v");
    // A // comment ending the last line (naively: outside quotes).
    size_t LineStart = S.rfind('\n');
    LineStart = LineStart == llvm::StringRef::npos ? 0 : LineStart + 1;
    llvm::StringRef Last = S.drop_front(LineStart);
    size_t Slash = Last.find("//");
    if (Slash != llvm::StringRef::npos && Last.take_front(Slash).count('"') % 2 == 0) {
      S = S.take_front(LineStart + Slash);
      continue;
    }
    if (!S.ends_with("*/"))
      return S;
    size_t Open = S.rfind("/*");
    if (Open == llvm::StringRef::npos)
      return S;
    S = S.take_front(Open);
  }
}

llvm::StringRef daxport::ltrimCode(llvm::StringRef S) {
  for (;;) {
    S = S.ltrim(" \t\r\n\\\f\v");
    if (S.starts_with("/*")) {
      size_t Close = S.find("*/");
      if (Close == llvm::StringRef::npos)
        return "";
      S = S.drop_front(Close + 2);
    } else if (S.starts_with("//")) {
      size_t NL = S.find('\n');
      S = NL == llvm::StringRef::npos ? "" : S.drop_front(NL);
    } else
      return S;
  }
}

char TokenContext::prevChar() const {
  llvm::StringRef S = rtrimCode(Before);
  return S.empty() ? 0 : S.back();
}

char TokenContext::nextChar() const {
  llvm::StringRef S = ltrimCode(After);
  return S.empty() ? 0 : S.front();
}

std::string TokenContext::identAfterCall(llvm::StringRef Op) const {
  llvm::StringRef S = ltrimCode(After);
  llvm::StringRef G = parenGroupAt(S, 0);
  if (G.empty())
    return "";
  S = ltrimCode(S.drop_front(G.size()));
  if (!S.starts_with(Op))
    return "";
  S = ltrimCode(S.drop_front(Op.size()));
  size_t E = 0;
  while (E < S.size() && (std::isalnum((unsigned char)S[E]) || S[E] == '_'))
    ++E;
  return S.take_front(E).str();
}

std::string TokenContext::identBeforeOperator(llvm::StringRef Op) const {
  llvm::StringRef S = rtrimCode(Before);
  if (!S.ends_with(Op))
    return "";
  S = rtrimCode(S.drop_back(Op.size()));
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

bool daxport::wholeLineDeletion(StringRef Buf, unsigned &B, unsigned &E,
                                std::string &Why) {
  // StringRef::rfind(C, From) searches the characters before From.
  auto StartOfLine = [&](size_t At) {
    size_t P = Buf.rfind('\n', At);
    return P == StringRef::npos ? size_t(0) : P + 1;
  };
  auto EndOfLine = [&](size_t At) { // past the newline
    size_t P = Buf.find('\n', At);
    return P == StringRef::npos ? Buf.size() : P + 1;
  };
  size_t LB = StartOfLine(B);
  if (!Buf.slice(LB, B).trim(" \t").empty()) {
    Why = "other code shares the definition's first line: delete it by hand";
    return false;
  }
  size_t LE = EndOfLine(E);
  StringRef Rest = Buf.slice(E, LE).trim(" \t\r\n");
  if (!Rest.empty() && !Rest.starts_with("//") &&
      !(Rest.starts_with("/*") && Rest.ends_with("*/") &&
        !Rest.drop_front(2).drop_back(2).contains("*/"))) {
    Why = "other code shares the definition's last line: delete it by hand";
    return false;
  }
  // The comment block directly above: a "/* ... */" ending the line before
  // and starting a line of its own, or a run of "//" lines.
  size_t Top = LB;
  while (Top > 0) {
    size_t S = StartOfLine(Top - 1);
    StringRef T = Buf.slice(S, Top).trim(" \t\r\n");
    if (T.starts_with("//")) {
      Top = S;
      continue;
    }
    if (T.ends_with("*/")) {
      size_t Open = Buf.take_front(Top).rfind("/*");
      if (Open != StringRef::npos &&
          Buf.slice(StartOfLine(Open), Open).trim(" \t").empty() &&
          !Buf.slice(Open + 2, Top).contains("/*"))
        Top = StartOfLine(Open);
    }
    break;
  }
  // A blank line above and one below: take the one below too.
  bool PrevBlank =
      Top == 0 || Buf.slice(StartOfLine(Top - 1), Top).trim(" \t\r\n").empty();
  bool NextBlank =
      LE < Buf.size() && Buf.slice(LE, EndOfLine(LE)).trim(" \t\r\n").empty();
  if (PrevBlank && NextBlank)
    LE = EndOfLine(LE);
  B = unsigned(Top);
  E = unsigned(LE);
  return true;
}

bool daxport::textualDefinitionDeletion(StringRef Buf, unsigned NameOffset,
                                        bool IsDefine, unsigned &B,
                                        unsigned &E, std::string &Why) {
  size_t LS = Buf.rfind('\n', NameOffset); // searches before NameOffset
  LS = LS == StringRef::npos ? 0 : LS + 1;
  StringRef Head = Buf.slice(LS, NameOffset);
  Why = "not a definition of its own lines: delete it by hand";
  if (IsDefine) {
    StringRef H = Head.ltrim(" \t");
    if (!H.consume_front("#") || !H.ltrim(" \t").starts_with("define"))
      return false;
    E = unsigned(logicalLineEnd(Buf, NameOffset));
    B = unsigned(LS + (Head.size() - Head.ltrim(" \t").size()));
    return wholeLineDeletion(Buf, B, E, Why);
  }
  // Declaration specifiers only before the name, on its line.
  if (Head.trim(" \t").empty() ||
      Head.find_first_not_of("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
                             "0123456789_ \t*") != StringRef::npos)
    return false;
  // Balanced (...) then "{ ... }" or ";", with no directive inside.
  size_t P = NameOffset;
  while (P < Buf.size() && (std::isalnum((unsigned char)Buf[P]) || Buf[P] == '_'))
    ++P;
  auto Skip = [&](size_t &Q) { // blanks and block comments
    for (;;) {
      while (Q < Buf.size() && std::isspace((unsigned char)Buf[Q]))
        ++Q;
      if (!Buf.substr(Q).starts_with("/*"))
        return true;
      size_t C = Buf.find("*/", Q + 2);
      if (C == StringRef::npos)
        return false;
      Q = C + 2;
    }
  };
  if (!Skip(P))
    return false;
  size_t From = P;
  StringRef Params = balancedGroupAt(Buf, P, '(', ')');
  if (Params.empty())
    return false;
  P = Params.data() + Params.size() - Buf.data();
  if (!Skip(P) || P >= Buf.size())
    return false;
  if (Buf[P] == ';') {
    E = unsigned(P + 1);
  } else {
    StringRef Body = balancedGroupAt(Buf, P, '{', '}');
    if (Body.empty())
      return false;
    E = unsigned(Body.data() + Body.size() - Buf.data());
  }
  for (StringRef L : llvm::split(Buf.slice(From, E), '\n'))
    if (L.ltrim(" \t").starts_with("#"))
      return false; // a directive inside: not a plain definition
  B = unsigned(LS + (Head.size() - Head.ltrim(" \t").size()));
  return wholeLineDeletion(Buf, B, E, Why);
}

bool TUSink::definitionDeletion(SourceLocation Begin, SourceLocation End,
                                const LangOptions &LO, std::vector<Edit> &Out,
                                std::string &Why) const {
  if (Begin.isInvalid() || End.isInvalid() || !Begin.isFileID() ||
      !End.isFileID() || SM->getFileID(Begin) != SM->getFileID(End)) {
    Why = "the definition is produced by a macro: delete it by hand";
    return false;
  }
  FileID FID = SM->getFileID(Begin);
  bool Invalid = false;
  StringRef Buf = SM->getBufferData(FID, &Invalid);
  if (Invalid)
    return false;
  unsigned B = SM->getFileOffset(Begin);
  unsigned E = SM->getFileOffset(End) +
               Lexer::MeasureTokenLength(End, *SM, LO);
  if (E < B || E > Buf.size())
    return false;
  if (!wholeLineDeletion(Buf, B, E, Why))
    return false;
  Out.push_back({"", B, E - B, ""});
  return true;
}

void TUSink::addFamily(Family *F) { FamilyByName[F->name()] = F; }

void TUSink::planFix(Finding &F, llvm::StringRef FamilyName, FileID FID,
                     const std::vector<Edit> *Given) {
  if (!Fix)
    return;
  const Rule &R = *F.R;
  // A definition in code the preprocessor skipped is still deleted with
  // --definitions (upstream deleted every variant); nothing else there is.
  bool SkippedDef = F.St == Status::NotCompiled && Fix->Definitions && Given &&
                    !Given->empty() && R.targetFor(*Fix) &&
                    R.rewriteFor(*Fix, F.Symbol) &&
                    *R.rewriteFor(*Fix, F.Symbol) == "<delete-definition>";
  if ((F.St == Status::NotCompiled || F.St == Status::NotInDatabase) &&
      !SkippedDef) {
    F.FixStatus = "not-compiled";
    F.Note = "code no configuration compiled is not rewritten";
    return;
  }
  std::string Where = Fix->Target == "v1" ? std::string("the v1 target")
                                          : "mainline " + Fix->Release;
  const TargetSpec *T = R.targetFor(*Fix);
  bool Def = R.Class == RuleClass::Definition ||
             R.classFor(*Fix) == RuleClass::Definition;
  if (Def) {
    // Kernel ports only (--definitions), where the row holds, and only the
    // rows whose rewrite is a deletion: a whole definition (computed by the
    // caller, Given) or a call statement (the family's edit).
    const std::string *Tmpl = T ? R.rewriteFor(*Fix, F.Symbol) : nullptr;
    bool Deletes = Tmpl && (*Tmpl == "<delete-definition>" ||
                            *Tmpl == "<delete-statement>");
    F.FixStatus = "definition";
    if (!Fix->Definitions) {
      F.Note = "a definition of the kernel itself: rewritten only when "
               "porting the kernel (--definitions)";
      return;
    }
    if (!T) {
      F.Note = "this change does not hold for " + Where;
      return;
    }
    if (!Deletes) {
      F.Note = "not automated: change the kernel's definition by hand to " +
               R.newFor(*Fix);
      return;
    }
    if (*Tmpl == "<delete-definition>" && (!Given || Given->empty())) {
      F.Note = DefinitionWhy.empty()
                   ? std::string("only a whole definition spelled in file "
                                 "text is deleted: delete this one by hand")
                   : DefinitionWhy;
      return;
    }
  } else if (!T) {
    F.FixStatus = "not-for-target";
    F.Note = "this change does not hold for " + Where;
    if (Fix->Target == "mainline" && R.Mainline.Present)
      F.Note += " (it holds from " + R.Mainline.Release + ")";
    return;
  }
  if (R.classFor(*Fix) == RuleClass::Judgement) {
    F.FixStatus = "judgement";
    F.Note = "suggestion for " + Where + ": " + R.newFor(*Fix);
    return;
  }
  std::vector<Edit> E;
  std::string Why;
  bool Invalid = false;
  StringRef Buf = SM->getBufferData(FID, &Invalid);
  if (Invalid)
    return;
  if (Given) {
    E = *Given;
  } else {
    auto It = FamilyByName.find(FamilyName);
    if (It == FamilyByName.end())
      return;
    EditContext C;
    C.Buffer = Buf;
    C.Offset = F.Offset;
    C.File = F.File;
    size_t L = F.Offset;
    while (L < Buf.size() &&
           (std::isalnum((unsigned char)Buf[L]) || Buf[L] == '_'))
      ++L;
    C.Length = std::max<unsigned>(1, L - F.Offset);
    if (!It->second->edits(R, F.Symbol, R.rewriteFor(*Fix, F.Symbol), C, E,
                           Why)) {
      F.FixStatus = "no-rewrite";
      F.Note = Why;
      return;
    }
  }
  if (E.empty()) {
    F.FixStatus = "no-edit-needed";
    F.Note = Why.empty() ? "nothing changes at this site" : Why;
    return;
  }
  auto HIt = Hashes.find(FID);
  if (HIt == Hashes.end())
    HIt = Hashes.insert({FID, llvm::xxh3_64bits(Buf)}).first;
  for (Edit &Ed : E) {
    Ed.File = F.File;
    Ed.FileHash = HIt->second;
  }
  F.Edits = std::move(E);
  F.FixStatus = "rewritten";
}

bool TUSink::report(llvm::StringRef FamilyName,
                    std::vector<std::string> Patterns, llvm::StringRef Symbol,
                    SourceLocation Loc, int Specificity,
                    std::vector<std::string> Evidence, const FunctionDecl *Fn,
                    Status St, const std::vector<Edit> *Edits) {
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
      if (Off > M.Begin && Off <= M.End) { // the name itself is not inside
        F.Macro = M.Name;
        if (St == Status::Analysed)
          F.St = Status::InMacroDefinition;
      }
  planFix(F, FamilyName, FID, Edits);
  DefinitionWhy.clear();
  SourceLocation Exp;
  if (Fn && F.Macro.empty())
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

bool daxport::mentionsIdent(llvm::StringRef Text, llvm::StringRef Ident) {
  auto IsId = [](char C) { return std::isalnum((unsigned char)C) || C == '_'; };
  for (size_t P = Text.find(Ident); P != llvm::StringRef::npos;
       P = Text.find(Ident, P + 1))
    if ((P == 0 || !IsId(Text[P - 1])) &&
        (P + Ident.size() >= Text.size() || !IsId(Text[P + Ident.size()])))
      return true;
  return false;
}

bool daxport::isFaultHandler(const FunctionDecl *FD) {
  for (const ParmVarDecl *P : FD->parameters())
    if (const auto *PT = P->getType()->getAs<PointerType>())
      if (const auto *RT = PT->getPointeeType()->getAs<RecordType>())
        if (RT->getDecl()->getName() == "vm_fault")
          return true;
  return false;
}

static bool isBlankChar(char C) {
  return C == ' ' || C == '\t' || C == '\n' || C == '\r' || C == '\\';
}

llvm::StringRef daxport::balancedGroupAt(llvm::StringRef Buf, size_t Pos,
                                         char Open, char Close) {
  while (Pos < Buf.size() && isBlankChar(Buf[Pos]))
    ++Pos;
  if (Pos >= Buf.size() || Buf[Pos] != Open)
    return "";
  int Depth = 0;
  char Quote = 0;
  for (size_t I = Pos; I < Buf.size(); ++I) {
    char C = Buf[I];
    if (Quote) {
      if (C == '\\')
        ++I;
      else if (C == Quote)
        Quote = 0;
      continue;
    }
    if (C == '"' || C == '\'')
      Quote = C;
    else if (C == '/' && I + 1 < Buf.size() &&
             (Buf[I + 1] == '*' || Buf[I + 1] == '/')) {
      size_t X = Buf[I + 1] == '*' ? Buf.find("*/", I + 2) : Buf.find('\n', I);
      if (X == StringRef::npos)
        return "";
      I = Buf[I + 1] == '*' ? X + 1 : X;
    } else if (C == Open)
      ++Depth;
    else if (C == Close && --Depth == 0)
      return Buf.slice(Pos, I + 1);
  }
  return "";
}

llvm::StringRef daxport::parenGroupAt(llvm::StringRef Buf, size_t Pos) {
  return balancedGroupAt(Buf, Pos, '(', ')');
}

size_t daxport::logicalLineEnd(llvm::StringRef Buf, size_t From) {
  for (size_t P = From;;) {
    size_t N = Buf.find('\n', P);
    if (N == StringRef::npos)
      return Buf.size();
    if (!Buf.take_front(N).rtrim("\r").ends_with("\\"))
      return N;
    P = N + 1;
  }
}

bool daxport::splitArguments(llvm::StringRef Group,
                             std::vector<std::string> &Args) {
  if (Group.size() < 2 || Group.front() != '(' || Group.back() != ')')
    return false;
  llvm::StringRef In = Group.drop_front().drop_back();
  int Depth = 0;
  char Quote = 0;
  size_t Start = 0;
  for (size_t I = 0; I < In.size(); ++I) {
    char C = In[I];
    if (Quote) {
      if (C == '\\')
        ++I;
      else if (C == Quote)
        Quote = 0;
      continue;
    }
    if (C == '"' || C == '\'')
      Quote = C;
    else if (C == '(' || C == '[' || C == '{')
      ++Depth;
    else if (C == ')' || C == ']' || C == '}')
      --Depth;
    else if (C == ',' && Depth == 0) {
      Args.push_back(In.slice(Start, I).trim(" \t\r\n\\").str());
      Start = I + 1;
    }
  }
  llvm::StringRef Last = In.drop_front(Start).trim(" \t\r\n\\");
  if (!Last.empty() || !Args.empty())
    Args.push_back(Last.str());
  return Depth == 0;
}

/// An argument that needs no parentheses where an expression stood: an
/// identifier, member chain, call or subscript.
static bool isSimpleExpr(llvm::StringRef S) {
  if (S.empty())
    return false;
  int Depth = 0;
  for (size_t I = 0; I < S.size(); ++I) {
    char C = S[I];
    if (C == '(' || C == '[')
      ++Depth;
    else if (C == ')' || C == ']')
      --Depth;
    else if (Depth == 0 && !(std::isalnum((unsigned char)C) || C == '_' ||
                             C == '.' || (C == '-' && I + 1 < S.size() &&
                                          S[I + 1] == '>') ||
                             (C == '>' && I > 0 && S[I - 1] == '-')))
      return false;
  }
  return true;
}

std::string daxport::expandTemplate(const std::string &T, llvm::StringRef Callee,
                                    const std::vector<std::string> &Args) {
  // A template that is a lone argument stands where the call stood.
  if (T.size() == 2 && T[0] == '$' && T[1] >= '1' && T[1] <= '9') {
    size_t N = T[1] - '1';
    std::string A = N < Args.size() ? Args[N] : "";
    return isSimpleExpr(A) ? A : "(" + A + ")";
  }
  std::string Out;
  for (size_t I = 0; I < T.size(); ++I) {
    if (T[I] == '$' && I + 1 < T.size() && std::isdigit((unsigned char)T[I + 1])) {
      size_t N = T[I + 1] - '0';
      Out += N == 0 ? Callee.str() : (N - 1 < Args.size() ? Args[N - 1] : "");
      ++I;
    } else
      Out += T[I];
  }
  return Out;
}

bool Family::edits(const Rule &R, llvm::StringRef Symbol,
                   const std::string *Template, const EditContext &C,
                   std::vector<Edit> &Out, std::string &Why) const {
  StringRef Buf = C.Buffer;
  if (R.Pattern == "include") {
    // Inside an #if other than the include guard, the include is a compat
    // or version guard's: leave it to the author.
    int Depth = 0, Guard = 0;
    size_t Pos = 0;
    bool First = true;
    while (Pos < C.Offset) {
      size_t E = Buf.find('\n', Pos);
      if (E == StringRef::npos || E > C.Offset)
        break;
      StringRef L = Buf.slice(Pos, E).ltrim(" \t");
      Pos = E + 1;
      if (!L.consume_front("#"))
        continue;
      L = L.ltrim(" \t");
      if (L.starts_with("if")) {
        if (First && L.starts_with("ifndef"))
          Guard = 1;
        ++Depth;
      } else if (L.starts_with("endif"))
        --Depth;
      First = false;
    }
    if (Depth > Guard) {
      Why = "inside a preprocessor conditional (a compat or version guard): "
            "edit by hand";
      return false;
    }
    size_t B = Buf.rfind('\n', C.Offset);
    B = B == StringRef::npos ? 0 : B + 1;
    size_t E = Buf.find('\n', C.Offset);
    E = E == StringRef::npos ? Buf.size() : E + 1;
    Out.push_back({C.File, unsigned(B), unsigned(E - B), ""});
    return true;
  }
  if (R.Pattern == "member") {
    size_t P = C.Offset;
    while (P > 0 && isBlankChar(Buf[P - 1]))
      --P;
    if (P >= 2 && Buf[P - 1] == '>' && Buf[P - 2] == '-') {
      // pp->val -> *pp for a plain identifier pp.
      size_t E = P - 2, S = E;
      while (S > 0 && isBlankChar(Buf[S - 1]))
        --S;
      size_t IdEnd = S;
      while (S > 0 && (std::isalnum((unsigned char)Buf[S - 1]) || Buf[S - 1] == '_'))
        --S;
      char Prev = 0;
      for (size_t Q = S; Q > 0; --Q)
        if (!isBlankChar(Buf[Q - 1])) {
          Prev = Buf[Q - 1];
          break;
        }
      if (S == IdEnd || Prev == '.' || Prev == '>' || Prev == ')' ||
          Prev == ']') {
        Why = "p->val on an expression: write *p by hand";
        return false;
      }
      Out.push_back({C.File, unsigned(S), unsigned(C.Offset + C.Length - S),
                     "*" + Buf.slice(S, IdEnd).str()});
      (void)E;
      return true;
    }
    if (P == 0 || Buf[P - 1] != '.') {
      Why = "unexpected spelling of the member access";
      return false;
    }
    size_t Dot = P - 1, Q = Dot;
    while (Q > 0 && isBlankChar(Buf[Q - 1]))
      --Q;
    if (Q > 0 && (Buf[Q - 1] == '{' || Buf[Q - 1] == ',')) {
      Why = "a .val designator: the initializer becomes a plain value, "
            "rewrite it by hand";
      return false;
    }
    Out.push_back({C.File, unsigned(Dot), unsigned(C.Offset + C.Length - Dot),
                   ""});
    return true;
  }
  if (R.Pattern == "pfnmap-call") {
    Why = "the call stays; its pfn argument changes with the pfn_t rules";
    return true; // nothing to edit here
  }
  if (!Template) {
    Why = "no automatic rewrite for this construct";
    return false;
  }
  if (R.Pattern == "type") {
    // (pfn_t){ .val = x } is a compound literal of the struct: the
    // initializer has to change with it, by hand.
    StringRef After = Buf.drop_front(C.Offset + C.Length).ltrim(" \t");
    StringRef Before = Buf.take_front(C.Offset).rtrim(" \t");
    if (Before.ends_with("(") && After.starts_with(")") &&
        After.drop_front().ltrim(" \t\r\n").starts_with("{")) {
      Why = "a compound literal of the pfn_t struct: rewrite the initializer "
            "(e.g. to a plain value) by hand";
      return false;
    }
    Out.push_back({C.File, C.Offset, C.Length, *Template});
    return true;
  }
  if (*Template == "<delete-statement>") {
    // BUILD_BUG_ON(pgd_devmap(x)); on a line of its own goes entirely.
    StringRef G = parenGroupAt(Buf, C.Offset + C.Length);
    size_t LB = Buf.rfind('\n', C.Offset);
    LB = LB == StringRef::npos ? 0 : LB + 1;
    size_t LE = Buf.find('\n', C.Offset);
    LE = LE == StringRef::npos ? Buf.size() : LE + 1;
    StringRef Line = Buf.slice(LB, LE).trim();
    StringRef Inner = Buf.slice(C.Offset, G.empty() ? C.Offset : G.data() + G.size() - Buf.data());
    if (G.empty() || (Line != (Inner + ";").str() &&
                      Line != ("BUILD_BUG_ON(" + Inner + ");").str())) {
      Why = "not a call statement of its own (or a BUILD_BUG_ON() of it): "
            "edit by hand";
      return false;
    }
    Out.push_back({C.File, unsigned(LB), unsigned(LE - LB), ""});
    return true;
  }
  StringRef Group = parenGroupAt(Buf, C.Offset + C.Length);
  std::vector<std::string> Args;
  if (Group.empty() || !splitArguments(Group, Args)) {
    Why = "not spelled as a call here";
    return false;
  }
  std::string Text = expandTemplate(*Template, Symbol, Args);
  // phys_to_pfn_t(PFN_PHYS(p), f) is p, not PHYS_PFN(PFN_PHYS(p)).
  StringRef TR(Text);
  if (TR.starts_with("PHYS_PFN(PFN_PHYS(") && TR.ends_with("))")) {
    StringRef Inner = TR.drop_front(9).drop_back(1);
    if (parenGroupAt(Inner, 8).size() == Inner.size() - 8) {
      std::vector<std::string> In;
      if (splitArguments(Inner.drop_front(8), In) && In.size() == 1)
        Text = isSimpleExpr(In[0]) ? In[0] : "(" + In[0] + ")";
    }
  }
  size_t End = Group.data() + Group.size() - Buf.data();
  Out.push_back({C.File, C.Offset, unsigned(End - C.Offset), Text});
  return true;
}

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
  // A driver's own function with an API's name and a pfn_t in its signature
  // is a compat shim of that API, not a private function.
  std::string Sig = FD->getType().getAsString();
  for (size_t P = Sig.find("pfn_t"); P != std::string::npos;
       P = Sig.find("pfn_t", P + 1))
    if ((P == 0 || !(std::isalnum((unsigned char)Sig[P - 1]) || Sig[P - 1] == '_')) &&
        (P + 5 >= Sig.size() ||
         !(std::isalnum((unsigned char)Sig[P + 5]) || Sig[P + 5] == '_')))
      return false;
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
