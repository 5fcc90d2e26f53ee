//===- Analysis.cpp - run the rule families over one translation unit -----===//
//
// Drives Clang for one compile command: preprocessor callbacks (macro uses and
// definitions, conditionals, includes, skipped ranges) and the AST matchers of
// every family, collected by a TUSink. Also the token-level scan of files no
// compile command covers.
//
//===----------------------------------------------------------------------===//
#include "matchers/Analysis.h"
#include "matchers/Sink.h"

#include "clang/AST/ASTConsumer.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/Decl.h"
#include "clang/AST/Expr.h"
#include "clang/ASTMatchers/ASTMatchers.h"
#include "clang/Basic/Diagnostic.h"
#include "clang/Frontend/CompilerInstance.h"
#include "clang/Frontend/FrontendAction.h"
#include "clang/Lex/Lexer.h"
#include "clang/Lex/MacroArgs.h"
#include "clang/Lex/PPCallbacks.h"
#include "clang/Lex/Preprocessor.h"
#include "llvm/ADT/StringSet.h"
#include "clang/Tooling/ArgumentsAdjusters.h"
#include "clang/Tooling/Tooling.h"
#include "llvm/Support/CrashRecoveryContext.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/VirtualFileSystem.h"

using namespace clang;
using namespace clang::ast_matchers;
using namespace daxport;

namespace {

/// Which family owns each symbol, for uses and for definitions.
class SymbolIndex {
public:
  SymbolIndex(const RuleSet &Rules,
              const std::vector<std::unique_ptr<Family>> &Families) {
    auto FamilyOf = [&](const std::string &Name) -> Family * {
      for (const auto &F : Families)
        if (F->name() == Name)
          return F.get();
      return nullptr;
    };
    for (const auto &R : Rules.rules())
      for (const std::string &S : R->Symbols) {
        Family *F = FamilyOf(R->Family);
        if (!F)
          continue;
        if (R->Pattern == "include") {
          Includes[S] = F;
          continue;
        }
        if (R->Pattern == "member") // AST only: "val" is too common a token
          continue;
        bool Def = R->Pattern == "definition" || R->Pattern == "shim";
        auto &Slot = Def ? DefFamily[S] : UseFamily[S];
        if (!Slot)
          Slot = F;
        // Field names (pgmap, _refcount) are ordinary variable names too;
        // the rest name a global the kernel defines (devmap_managed_key).
        if (!Def && R->Pattern != "pgmap-field" && R->Pattern != "comparison")
          VarNames.insert(S);
      }
  }
  Family *use(StringRef S) const {
    auto It = UseFamily.find(S);
    return It == UseFamily.end() ? nullptr : It->second;
  }
  Family *def(StringRef S) const {
    auto It = DefFamily.find(S);
    return It == DefFamily.end() ? nullptr : It->second;
  }
  Family *include(StringRef Stem) const {
    auto It = Includes.find(Stem);
    return It == Includes.end() ? nullptr : It->second;
  }
  /// Identifiers that make a function body worth parsing: rule symbols,
  /// the evidence the families read across functions, and macros whose
  /// bodies (transitively) mention one.
  bool interesting(StringRef S) const {
    return UseFamily.count(S) || DefFamily.count(S) || Tainted.count(S) ||
           S == "MEMORY_DEVICE_FS_DAX" || S == "MEMORY_DEVICE_GENERIC" ||
           S == "val"; // .val of a pfn_t needs types: keep such bodies
  }
  void taint(StringRef Macro) const { Tainted.insert(Macro); }
  std::vector<std::string> allNames() const {
    std::vector<std::string> Out;
    for (const auto &KV : UseFamily)
      Out.push_back(KV.first().str());
    for (const auto &KV : DefFamily)
      if (!UseFamily.count(KV.first()))
        Out.push_back(KV.first().str());
    return Out;
  }
  /// Use-symbols a variable can carry and still be the rule's symbol.
  std::vector<std::string> varNames() const {
    std::vector<std::string> Out;
    for (const auto &KV : VarNames)
      Out.push_back(KV.first().str());
    return Out;
  }

private:
  llvm::StringMap<Family *> UseFamily, DefFamily, Includes;
  llvm::StringSet<> VarNames;
  mutable llvm::StringSet<> Tainted;
};

/// Reports every use-symbol among the raw tokens of a file range.
void scanRawRange(TUSink &Sink, const SymbolIndex &Idx, const LangOptions &LO,
                  SourceLocation Begin, SourceLocation End, int Specificity,
                  Status St) {
  SourceManager &SM = Sink.sourceManager();
  if (Begin.isInvalid() || End.isInvalid() || !Begin.isFileID())
    return;
  FileID FID = SM.getFileID(Begin);
  bool Invalid = false;
  StringRef Buf = SM.getBufferData(FID, &Invalid);
  if (Invalid)
    return;
  unsigned B = SM.getFileOffset(Begin);
  unsigned E = SM.getFileID(End) == FID ? SM.getFileOffset(End) : Buf.size();
  if (E > Buf.size())
    E = Buf.size();
  Lexer L(SM.getLocForStartOfFile(FID), LO, Buf.begin(), Buf.begin() + B,
          Buf.end());
  Token Tok, Prev, PrevPrev;
  bool SkipLine = false;
  Prev.startToken();
  PrevPrev.startToken();
  auto IsWord = [](const Token &T, StringRef W) {
    return T.is(tok::raw_identifier) && T.getRawIdentifier() == W;
  };
  while (!L.LexFromRawLexer(Tok) || Tok.isNot(tok::eof)) {
    if (Tok.is(tok::eof))
      break;
    if (SM.getFileOffset(Tok.getLocation()) >= E)
      break;
    if (SkipLine && !Tok.isAtStartOfLine())
      continue;
    SkipLine = false;
    if (IsWord(Tok, "include") && Prev.is(tok::hash)) {
      // The header name is no code: report an include rule's header, then
      // skip to the end of the line.
      StringRef Rest = Buf.drop_front(SM.getFileOffset(Tok.getLocation()) +
                                      Tok.getLength());
      Rest = Rest.take_until([](char C) { return C == '\n'; }).trim();
      if (Rest.size() > 2 && (Rest[0] == '<' || Rest[0] == '"')) {
        StringRef Name = Rest.drop_front().take_until(
            [](char C) { return C == '>' || C == '"'; });
        if (Name.starts_with("linux/") && Name.ends_with(".h"))
          if (Family *F = Idx.include(Name.drop_front(6).drop_back(2)))
            Sink.report(F->name(), {"include"}, Name.drop_front(6).drop_back(2),
                        Prev.getLocation(), Specificity, {}, nullptr, St);
      }
      SkipLine = true;
      PrevPrev.startToken();
      Prev.startToken();
      continue;
    }
    if (Tok.is(tok::raw_identifier)) {
      StringRef Name = Tok.getRawIdentifier();
      TokenContext C = Sink.tokenContext(Tok.getLocation(), Tok.getLength());
      // Without a parse, recognise definitions by their shape: "#define X",
      // "} X;" (end of a typedef) and "TYPE X(" (a function definition or
      // declaration; "return X(" and friends are uses).
      bool Def = (IsWord(Prev, "define") && PrevPrev.is(tok::hash)) ||
                 (Prev.is(tok::r_brace) && C.nextChar() == ';') ||
                 (Prev.is(tok::raw_identifier) && C.nextChar() == '(' &&
                  !IsWord(Prev, "return") && !IsWord(Prev, "else") &&
                  !IsWord(Prev, "case") && !IsWord(Prev, "sizeof") &&
                  !IsWord(Prev, "do") && !IsWord(Prev, "defined"));
      Family *DF = Def ? Idx.def(Name) : nullptr;
      StringRef File;
      if (auto FE = SM.getFileEntryRefForID(FID))
        File = FE->getName();
      if (DF) {
        // fix --definitions: the variants the preprocessor skipped go too.
        std::vector<Edit> Del;
        if (St == Status::NotCompiled && Sink.fixingDefinitions() &&
            !Prev.is(tok::r_brace)) {
          unsigned DB = 0, DE = 0;
          std::string Why;
          if (textualDefinitionDeletion(Buf, SM.getFileOffset(Tok.getLocation()),
                                        IsWord(Prev, "define"), DB, DE, Why))
            Del.push_back({"", DB, DE - DB, ""});
          else
            Sink.setDefinitionWhy(Why);
        }
        Sink.report(DF->name(), DF->definitionPatterns(Name, File), Name,
                    Tok.getLocation(), Specificity, {}, nullptr, St,
                    Del.empty() ? nullptr : &Del);
      }
      else if (Family *F = Idx.use(Name))
        Sink.report(F->name(), F->tokenPatterns(Name, C), Name,
                    Tok.getLocation(), Specificity, F->tokenEvidence(Name, C),
                    nullptr, St);
    }
    PrevPrev = Prev;
    Prev = Tok;
  }
}

class PPHooks : public PPCallbacks {
public:
  PPHooks(TUSink &Sink, const SymbolIndex &Idx, Preprocessor &PP,
          const std::vector<std::unique_ptr<Family>> &Families)
      : Sink(Sink), Idx(Idx), PP(PP), SM(PP.getSourceManager()),
        Families() {
    for (const auto &F : Families)
      this->Families.push_back(F.get());
  }

  void MacroExpands(const Token &Tok, const MacroDefinition &MD,
                    SourceRange Range, const MacroArgs *Args) override {
    StringRef N = Tok.getIdentifierInfo()->getName();
    if (Family *F = Idx.use(N))
      tokenUse(F, N, Tok.getLocation(), Tok.getLength(), 1);
    // IS_ENABLED(CONFIG_X) with X undefined expands nothing for X.
    if (Args && (N == "IS_ENABLED" || N == "IS_BUILTIN" || N == "IS_MODULE" ||
                 N == "IS_REACHABLE")) {
      for (const Token *T = Args->getUnexpArgument(0);
           T && T->isNot(tok::eof); ++T)
        if (const IdentifierInfo *II = T->getIdentifierInfo())
          if (Family *F = Idx.use(II->getName()))
            tokenUse(F, II->getName(), T->getLocation(), T->getLength(), 1);
    }
    for (Family *F : Families)
      F->macroExpanded(Tok, Range, Args, PP);
  }

  void MacroDefined(const Token &Tok, const MacroDirective *MD) override {
    SourceLocation L = Tok.getLocation();
    const MacroInfo *MI = MD->getMacroInfo();
    StringRef N = Tok.getIdentifierInfo()->getName();
    if (!L.isFileID() || SM.isInSystemHeader(L) ||
        !SM.getFileEntryRefForID(SM.getFileID(L))) {
      // Not reported from, but a body may still hide a symbol use.
      for (const Token &T : MI->tokens())
        if (const IdentifierInfo *II = T.getIdentifierInfo())
          if (Idx.interesting(II->getName()))
            Idx.taint(N);
      return;
    }
    Sink.addMacroDefinition(MI->getDefinitionLoc(), MI->getDefinitionEndLoc(),
                            N);
    if (Family *F = Idx.def(N)) {
      // fix --definitions: the whole "#define" directive goes.
      std::vector<Edit> Del;
      if (Sink.fixingDefinitions()) {
        std::string Why;
        SourceLocation Hash = directiveStart(L);
        if (Hash.isInvalid())
          Sink.setDefinitionWhy("other code shares the #define's line: "
                                "delete it by hand");
        else if (!Sink.definitionDeletion(Hash, MI->getDefinitionEndLoc(),
                                          PP.getLangOpts(), Del, Why))
          Sink.setDefinitionWhy(Why);
      }
      Sink.report(F->name(), F->definitionPatterns(N, fileName(L)), N, L, 2,
                  {}, nullptr, Status::Analysed, Del.empty() ? nullptr : &Del);
    }
    for (const Token &T : MI->tokens())
      if (const IdentifierInfo *II = T.getIdentifierInfo()) {
        if (Family *F = Idx.use(II->getName()))
          tokenUse(F, II->getName(), T.getLocation(), T.getLength(), 0);
        if (Idx.interesting(II->getName()))
          Idx.taint(N);
      }
  }

  void Ifdef(SourceLocation, const Token &T, const MacroDefinition &) override {
    condition(T);
  }
  void Ifndef(SourceLocation, const Token &T,
              const MacroDefinition &) override {
    condition(T);
  }
  void Elifdef(SourceLocation, const Token &T,
               const MacroDefinition &) override {
    condition(T);
  }
  void Elifndef(SourceLocation, const Token &T,
                const MacroDefinition &) override {
    condition(T);
  }
  void Defined(const Token &T, const MacroDefinition &, SourceRange) override {
    condition(T);
  }
  void If(SourceLocation, SourceRange Cond, ConditionValueKind) override {
    scanRawRange(Sink, Idx, PP.getLangOpts(), Cond.getBegin(),
                 directiveEnd(Cond), 1, Status::Analysed);
  }
  void Elif(SourceLocation, SourceRange Cond, ConditionValueKind,
            SourceLocation) override {
    scanRawRange(Sink, Idx, PP.getLangOpts(), Cond.getBegin(),
                 directiveEnd(Cond), 1, Status::Analysed);
  }

  void SourceRangeSkipped(SourceRange Range, SourceLocation) override {
    Sink.addSkippedRange(Range);
    scanRawRange(Sink, Idx, PP.getLangOpts(), Range.getBegin(), Range.getEnd(),
                 -1, Status::NotCompiled);
  }

  void InclusionDirective(SourceLocation HashLoc, const Token &,
                          StringRef FileName, bool, CharSourceRange Range,
                          OptionalFileEntryRef, StringRef, StringRef,
                          const Module *, bool,
                          SrcMgr::CharacteristicKind) override {
    // Include rules list header stems: "pfn_t" matches <linux/pfn_t.h>.
    if (!FileName.starts_with("linux/") || !FileName.ends_with(".h"))
      return;
    StringRef Stem = FileName.drop_front(6).drop_back(2);
    if (Family *F = Idx.include(Stem))
      Sink.report(F->name(), {"include"}, Stem, HashLoc, 3);
  }

private:
  /// The end of the directive line (with its continuations) holding the
  /// condition: the condition's own end location is not always in the same
  /// file (it may be a macro location), and scanning on from its start to
  /// the end of the file would report the block's code as analysed.
  SourceLocation directiveEnd(SourceRange Cond) {
    SourceLocation B = Cond.getBegin();
    if (B.isInvalid() || !B.isFileID())
      return {};
    bool Invalid = false;
    FileID FID = SM.getFileID(B);
    StringRef Buf = SM.getBufferData(FID, &Invalid);
    if (Invalid)
      return {};
    return SM.getLocForStartOfFile(FID).getLocWithOffset(
        logicalLineEnd(Buf, SM.getFileOffset(B)));
  }
  /// The '#' of the directive whose macro name is at NameLoc, if only
  /// blanks precede it on its line.
  SourceLocation directiveStart(SourceLocation NameLoc) {
    bool Invalid = false;
    FileID FID = SM.getFileID(NameLoc);
    StringRef Buf = SM.getBufferData(FID, &Invalid);
    if (Invalid)
      return {};
    unsigned Off = SM.getFileOffset(NameLoc);
    size_t LB = Buf.rfind('\n', Off); // searches before Off
    LB = LB == StringRef::npos ? 0 : LB + 1;
    StringRef Head = Buf.slice(LB, Off).ltrim(" \t");
    if (!Head.consume_front("#"))
      return {};
    Head = Head.ltrim(" \t");
    if (!Head.consume_front("define") || Head.trim(" \t").size() != 0)
      return {};
    size_t H = Buf.find('#', LB);
    return SM.getLocForStartOfFile(FID).getLocWithOffset(H);
  }
  void condition(const Token &T) {
    if (const IdentifierInfo *II = T.getIdentifierInfo())
      if (Family *F = Idx.use(II->getName()))
        tokenUse(F, II->getName(), T.getLocation(), T.getLength(), 1);
  }
  void tokenUse(Family *F, StringRef N, SourceLocation Loc, unsigned Len,
                int Specificity) {
    SourceLocation Sp = SM.getSpellingLoc(Loc);
    TokenContext C = Sink.tokenContext(Sp, Len);
    Sink.report(F->name(), F->tokenPatterns(N, C), N, Loc, Specificity,
                F->tokenEvidence(N, C));
  }
  StringRef fileName(SourceLocation L) {
    if (auto FE = SM.getFileEntryRefForID(SM.getFileID(L)))
      return FE->getName();
    return "";
  }

  TUSink &Sink;
  const SymbolIndex &Idx;
  Preprocessor &PP;
  SourceManager &SM;
  std::vector<Family *> Families; // owned by the Consumer
};

/// Function uses and definitions for every family: the generic part of the
/// AST analysis. Families add their own contextual matchers.
class GenericCallbacks : public MatchFinder::MatchCallback {
public:
  GenericCallbacks(TUSink &Sink, const SymbolIndex &Idx) : Sink(Sink), Idx(Idx) {}
  void run(const MatchFinder::MatchResult &R) override {
    const SourceManager &SM = *R.SourceManager;
    if (const auto *Ref = R.Nodes.getNodeAs<DeclRefExpr>("use")) {
      StringRef N = Ref->getDecl()->getName();
      Family *F = Idx.use(N);
      // Kernel-internal helpers (refcount-one: static functions of fs/dax.c,
      // mm/) are found by name; API names defined privately by a driver are
      // not the API. Variables come from varNames(): kernel globals.
      const auto *FD = dyn_cast<FunctionDecl>(Ref->getDecl());
      if (!F || (FD && F->name() != "refcount-one" && isDriverPrivate(FD, SM)))
        return;
      SourceLocation Sp = SM.getSpellingLoc(Ref->getLocation());
      TokenContext C = Sink.tokenContext(Sp, N.size());
      Sink.report(F->name(), F->tokenPatterns(N, C), N, Ref->getLocation(), 2,
                  F->tokenEvidence(N, C), R.Nodes.getNodeAs<FunctionDecl>("fn"));
      return;
    }
    if (const auto *D = R.Nodes.getNodeAs<NamedDecl>("def")) {
      StringRef N = D->getName();
      Family *F = Idx.def(N);
      if (!F)
        return;
      StringRef File;
      if (auto FE = SM.getFileEntryRefForID(
              SM.getFileID(SM.getSpellingLoc(D->getLocation()))))
        File = FE->getName();
      // A static function of the kernel's own mm/ or arch/ code (mm/gup.c's
      // gup_fast_devmap_leaf()) is the kernel's definition, not a driver's
      // private helper of the same name.
      if (const auto *FD = dyn_cast<FunctionDecl>(D))
        if (F->name() != "refcount-one" && !isKernelHeaderPath(File) &&
            isDriverPrivate(FD, SM))
          return;
      std::vector<Edit> Del;
      if (Sink.fixingDefinitions()) {
        std::string Why;
        if (!deletionOf(D, *R.SourceManager, R.Context->getLangOpts(), Del,
                        Why))
          Sink.setDefinitionWhy(Why);
      }
      Sink.report(F->name(), F->definitionPatterns(N, File), N,
                  D->getLocation(), 2, {}, nullptr, Status::Analysed,
                  Del.empty() ? nullptr : &Del);
    }
  }

private:
  /// The whole-line deletion of a declaration: from its first token to its
  /// closing brace or semicolon. A function's name must be spelled in file
  /// text (not produced by a macro); a variable may come from one top-level
  /// macro invocation (DEFINE_STATIC_KEY_FALSE(x);, EXPORT_SYMBOL(x);).
  bool deletionOf(const NamedDecl *D, const SourceManager &SM,
                  const LangOptions &LO, std::vector<Edit> &Out,
                  std::string &Why) {
    if (!SM.getSpellingLoc(D->getLocation()).isValid())
      return false;
    // A prototype or variable may come from one top-level macro invocation
    // (EXPORT_SYMBOL(x);, DEFINE_STATIC_KEY_FALSE(x);): the invocation goes.
    // A function body produced by a macro is left alone.
    const auto *FD = dyn_cast<FunctionDecl>(D);
    bool HasBody =
        FD && (FD->doesThisDeclarationHaveABody() || FD->hasSkippedBody());
    if ((HasBody || isa<TypedefNameDecl>(D)) && !D->getLocation().isFileID()) {
      Why = "the definition is produced by a macro: delete it by hand";
      return false;
    }
    SourceLocation B = SM.getExpansionRange(D->getBeginLoc()).getBegin();
    SourceLocation E;
    if (FD && FD->doesThisDeclarationHaveABody()) {
      E = FD->getBodyRBrace();
      if (!E.isFileID()) {
        Why = "the definition's body ends in a macro: delete it by hand";
        return false;
      }
    } else if (FD && FD->hasSkippedBody()) {
      // The body was not parsed (nothing in it to report): its braces are
      // matched on the raw text.
      SourceLocation Last = SM.getExpansionRange(D->getEndLoc()).getEnd();
      std::optional<Token> Open = Lexer::findNextToken(Last, SM, LO);
      if (!Open || !Open->is(tok::l_brace) || !Open->getLocation().isFileID()) {
        Why = "the definition's body is not spelled in file text: delete it "
              "by hand";
        return false;
      }
      FileID FID = SM.getFileID(Open->getLocation());
      StringRef Buf = SM.getBufferData(FID);
      StringRef Body =
          balancedGroupAt(Buf, SM.getFileOffset(Open->getLocation()), '{', '}');
      if (Body.empty()) {
        Why = "unbalanced braces in the definition: delete it by hand";
        return false;
      }
      E = SM.getLocForStartOfFile(FID).getLocWithOffset(
          Body.data() + Body.size() - 1 - Buf.data());
    } else {
      SourceLocation Last = SM.getExpansionRange(D->getEndLoc()).getEnd();
      std::optional<Token> Semi = Lexer::findNextToken(Last, SM, LO);
      if (!Semi || !Semi->is(tok::semi)) {
        Why = "not a declaration ending in ';' of its own: delete it by hand";
        return false;
      }
      E = Semi->getLocation();
    }
    return Sink.definitionDeletion(B, E, LO, Out, Why);
  }

public:

private:
  TUSink &Sink;
  const SymbolIndex &Idx;
};

class Consumer : public ASTConsumer {
public:
  Consumer(TUSink &Sink, std::vector<std::unique_ptr<Family>> Fams,
           std::unique_ptr<SymbolIndex> Idx)
      : Sink(Sink), Families(std::move(Fams)), Idx(std::move(Idx)),
        Generic(Sink, *this->Idx) {
    NameStore = this->Idx->allNames();
    std::vector<StringRef> Refs(NameStore.begin(), NameStore.end());
    Finder.addMatcher(namedDecl(anyOf(functionDecl(), typedefNameDecl(),
                                      varDecl(hasGlobalStorage(),
                                              unless(parmVarDecl()))),
                                hasAnyName(Refs))
                          .bind("def"),
                      &Generic);
    VarStore = this->Idx->varNames();
    std::vector<StringRef> VarRefs(VarStore.begin(), VarStore.end());
    Finder.addMatcher(
        declRefExpr(to(varDecl(hasGlobalStorage(), hasAnyName(VarRefs))),
                    optionally(hasAncestor(functionDecl().bind("fn"))))
            .bind("use"),
        &Generic);
    // Every function use: the families' own matchers refine these.
    Finder.addMatcher(
        declRefExpr(to(functionDecl(hasAnyName(Refs))),
                    optionally(hasAncestor(functionDecl().bind("fn"))))
            .bind("use"),
        &Generic);
    for (const auto &F : Families)
      F->registerMatchers(Finder);
    Inner = Finder.newASTConsumer();
  }
  void Initialize(ASTContext &Ctx) override {
    this->Ctx = &Ctx;
    Inner->Initialize(Ctx);
  }
  /// Clang asks before parsing each function body (SkipFunctionBodies):
  /// a body that names no rule symbol, no evidence identifier and no macro
  /// hiding one cannot hold a finding, so it is not parsed.
  bool shouldSkipFunctionBody(Decl *D) override {
    if (!Ctx)
      return false;
    SourceManager &SM = Ctx->getSourceManager();
    SourceLocation L = D->getEndLoc();
    if (L.isInvalid() || !L.isFileID())
      return false;
    FileID FID = SM.getFileID(L);
    bool Invalid = false;
    StringRef Buf = SM.getBufferData(FID, &Invalid);
    if (Invalid)
      return false;
    Lexer Lx(SM.getLocForStartOfFile(FID), Ctx->getLangOpts(), Buf.begin(),
             Buf.begin() + SM.getFileOffset(L), Buf.end());
    Token T;
    int Depth = 0;
    bool Started = false;
    while (!Lx.LexFromRawLexer(T)) {
      if (T.is(tok::l_brace)) {
        ++Depth;
        Started = true;
      } else if (T.is(tok::r_brace)) {
        if (--Depth == 0 && Started)
          return true;
      } else if (T.is(tok::raw_identifier)) {
        if (Idx->interesting(T.getRawIdentifier()))
          return false;
      } else if (T.is(tok::hash) && T.isAtStartOfLine())
        return false; // directives inside: keep it simple
    }
    return false;
  }
  bool HandleTopLevelDecl(DeclGroupRef D) override {
    return Inner->HandleTopLevelDecl(D);
  }
  void HandleTranslationUnit(ASTContext &Ctx) override {
    Inner->HandleTranslationUnit(Ctx);
    Sink.resolveFunctions(Ctx);
  }

private:
  TUSink &Sink;
  std::vector<std::unique_ptr<Family>> Families;
  std::unique_ptr<SymbolIndex> Idx;
  ASTContext *Ctx = nullptr;
  std::vector<std::string> NameStore, VarStore;
  GenericCallbacks Generic;
  MatchFinder Finder;
  std::unique_ptr<ASTConsumer> Inner;
};

class Action : public ASTFrontendAction {
public:
  Action(TUSink &Sink, UnitResult &Out, bool SkipBodies)
      : Sink(Sink), Out(Out), SkipBodies(SkipBodies) {}
  std::unique_ptr<ASTConsumer> CreateASTConsumer(CompilerInstance &CI,
                                                 StringRef) override {
    Sink.setSourceManager(CI.getSourceManager());
    if (SkipBodies)
      CI.getFrontendOpts().SkipFunctionBodies = true;
    std::vector<std::unique_ptr<Family>> Fams = createFamilies(Sink);
    auto Idx = std::make_unique<SymbolIndex>(Sink.rules(), Fams);
    CI.getPreprocessor().addPPCallbacks(
        std::make_unique<PPHooks>(Sink, *Idx, CI.getPreprocessor(), Fams));
    return std::make_unique<Consumer>(Sink, std::move(Fams), std::move(Idx));
  }
  void EndSourceFileAction() override {
    // Absolute and symlink-free: Kbuild's commands name files relative to
    // their build directory, not to daxport's working directory.
    SourceManager &SM = getCompilerInstance().getSourceManager();
    for (auto It = SM.fileinfo_begin(), E = SM.fileinfo_end(); It != E; ++It) {
      StringRef Real = It->first.getFileEntry().tryGetRealPathName();
      if (!Real.empty()) {
        Out.FilesSeen.push_back(Real.str());
        continue;
      }
      SmallString<256> P(It->first.getName());
      SM.getFileManager().makeAbsolutePath(P);
      llvm::sys::path::remove_dots(P, true);
      Out.FilesSeen.push_back(std::string(P));
    }
  }

private:
  TUSink &Sink;
  UnitResult &Out;
  bool SkipBodies;
};

/// Collects the first errors of a unit.
class ErrorCollector : public DiagnosticConsumer {
public:
  void HandleDiagnostic(DiagnosticsEngine::Level L,
                        const Diagnostic &Info) override {
    DiagnosticConsumer::HandleDiagnostic(L, Info);
    if (L < DiagnosticsEngine::Error || Errors.size() >= 5)
      return;
    SmallString<256> Msg;
    Info.FormatDiagnostic(Msg);
    std::string Where;
    if (Info.hasSourceManager() && Info.getLocation().isValid()) {
      PresumedLoc P =
          Info.getSourceManager().getPresumedLoc(Info.getLocation());
      if (P.isValid())
        Where = std::string(P.getFilename()) + ":" +
                std::to_string(P.getLine()) + ":" +
                std::to_string(P.getColumn()) + ": ";
    }
    Errors.push_back(Where + std::string(Msg));
  }
  std::vector<std::string> Errors;
};

} // namespace

UnitResult daxport::analyzeUnit(const UnitCommand &Cmd,
                                const AnalysisOptions &Opts) {
  UnitResult Out;
  using namespace clang::tooling;
  std::vector<std::string> Args = Cmd.Args;
  if (Args.empty())
    Args.push_back("clang");
  ArgumentsAdjuster Adjust = combineAdjusters(
      getClangStripOutputAdjuster(),
      combineAdjusters(getClangSyntaxOnlyAdjuster(),
                       getClangStripDependencyFileAdjuster()));
  Args = Adjust(Args, Cmd.File);
  addTargetAndModeForProgramName(Args, Args.front());
  bool HasResourceDir = false;
  for (const std::string &A : Args)
    HasResourceDir |= llvm::StringRef(A).starts_with("-resource-dir");
  // -fno-caret-diagnostics also silences "N errors generated".
  std::vector<std::string> Extra = {"-w", "-fno-color-diagnostics",
                                    "-fno-caret-diagnostics",
                                    "-ferror-limit=20"};
  if (!HasResourceDir && !Opts.ResourceDir.empty())
    Extra.push_back("-resource-dir=" + Opts.ResourceDir);
  Args.insert(Args.begin() + 1, Extra.begin(), Extra.end());

  llvm::IntrusiveRefCntPtr<llvm::vfs::FileSystem> FS(
      llvm::vfs::createPhysicalFileSystem().release());
  if (!Cmd.Directory.empty())
    FS->setCurrentWorkingDirectory(Cmd.Directory);
  llvm::IntrusiveRefCntPtr<FileManager> Files(
      new FileManager(FileSystemOptions(), FS));

  TUSink Sink(*Opts.Rules, Opts.Config, Opts.Fix);
  ErrorCollector Diags;
  bool Ok = false;
  llvm::CrashRecoveryContext CRC;
  bool Survived = CRC.RunSafely([&] {
    ToolInvocation Inv(Args,
                       std::make_unique<Action>(Sink, Out, Opts.SkipBodies),
                       Files.get());
    Inv.setDiagnosticConsumer(&Diags);
    Ok = Inv.run();
  });
  if (!Survived) {
    Out.Failure = UnitFailure{Cmd.File, Opts.Config,
                              {"the analysis crashed inside Clang"}};
    return Out;
  }
  Out.Findings = Sink.take();
  if (!Ok || !Diags.Errors.empty()) {
    UnitFailure F{Cmd.File, Opts.Config, Diags.Errors};
    if (F.Errors.empty())
      F.Errors.push_back("the compiler could not process this command");
    Out.Failure = std::move(F);
  }
  return Out;
}

std::vector<std::unique_ptr<Family>> daxport::createFamilies(TUSink &S) {
  std::vector<std::unique_ptr<Family>> Fams;
  Fams.push_back(createDevmapPredicateFamily(S));
  Fams.push_back(createDevmapBitFamily(S));
  Fams.push_back(createPfnTFamily(S));
  Fams.push_back(createInsertApiFamily(S));
  Fams.push_back(createRefcountOneFamily(S));
  for (const auto &F : Fams)
    S.addFamily(F.get());
  return Fams;
}

std::vector<Finding> daxport::scanFileTokens(const std::string &File,
                                             const RuleSet &Rules, Status St) {
  auto Buf = llvm::MemoryBuffer::getFile(File, /*IsText=*/false);
  if (!Buf)
    return {};
  SourceManagerForFile SMF(File, (*Buf)->getBuffer());
  SourceManager &SM = SMF.get();
  TUSink Sink(Rules, "");
  Sink.setSourceManager(SM);
  std::vector<std::unique_ptr<Family>> Fams = createFamilies(Sink);
  SymbolIndex Idx(Rules, Fams);
  LangOptions LO;
  LO.C11 = true;
  FileID FID = SM.getMainFileID();
  scanRawRange(Sink, Idx, LO, SM.getLocForStartOfFile(FID),
               SM.getLocForEndOfFile(FID), 0, St);
  std::vector<Finding> Out = Sink.take();
  for (Finding &F : Out) {
    F.File = File;
    F.Configs.clear();
  }
  return Out;
}
