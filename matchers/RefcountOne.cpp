//===- RefcountOne.cpp - refcount-one assumptions of ZONE_DEVICE pages ----===//
//
// Family "refcount-one". Before 6.15, FS DAX and most ZONE_DEVICE pages were
// idle at refcount 1. The same syntax (`page_ref_count(p) == 1`) is common in
// ordinary code, so a comparison is reported only with the catalogue's
// evidence 1 (a page/folio refcount compared with 1) plus one of evidence 2-6
// (wait/wake on the refcount, DAX provenance of the page, ZONE_DEVICE/DAX
// guards, a DAX/ZONE_DEVICE place, pgmap handling), and never with
// counter-evidence alone (page_pool, alloc_page, skb, device-private pages).
// Also: the filesystems' ___wait_var_event idle wait, explicit writes of 1 in
// ZONE_DEVICE paths, devmap-managed puts, GUP's dev_pagemap references,
// follow_devmap_pmd, PAGE_MAPPING_DAX_SHARED and direct page->pgmap.
//
//===----------------------------------------------------------------------===//
#include "matchers/Sink.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/Expr.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/ASTMatchers/ASTMatchers.h"
#include "clang/Lex/Lexer.h"
#include "clang/Lex/MacroArgs.h"
#include "clang/Lex/Preprocessor.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/Support/Path.h"

using namespace clang;
using namespace clang::ast_matchers;
using namespace daxport;

namespace {

const char *const Guards[] = {
    "is_zone_device_page", "folio_is_zone_device", "MEMORY_DEVICE_FS_DAX",
    "MEMORY_DEVICE_GENERIC", "MEMORY_DEVICE_PCI_P2PDMA", "IS_DAX",
    "vma_is_dax", "dax_mapping", "devmap_managed_key", "pmd_devmap",
    "pud_devmap", "pte_devmap", "is_fsdax_page", "folio_is_fsdax"};
const char *const Producers[] = {
    "dax_layout_busy_page", "dax_layout_busy_page_range", "dax_busy_page",
    "dax_to_pfn", "pfn_t_to_page", "dax_direct_access", "dax_iomap_fault",
    "devm_memremap_pages"};
const char *const Counter[] = {
    "page_pool_alloc_pages", "page_pool_put_page", "page_pool_recycle_direct",
    "alloc_page", "alloc_pages", "__dev_alloc_page", "dev_alloc_page",
    "skb_frag_page", "skb_add_rx_frag", "is_device_private_page",
    "MEMORY_DEVICE_PRIVATE", "zone_device_page_init", "napi_alloc_skb"};
// Function names of DAX / ZONE_DEVICE places: break-layout and busy-page
// helpers, page_free callbacks, ZONE_DEVICE init/free paths, p2pdma. A bare
// "dax" counts only in a fault handler (a driver may be called "daxfoo").
const char *const PlaceWords[] = {"break_layout", "busy_page", "page_free",
                                  "zone_device", "devmap", "pgmap", "p2pdma",
                                  "p2pmem", "memremap"};
/// Files whose functions are DAX / ZONE_DEVICE places.
bool isPlaceFile(StringRef Path) {
  StringRef Base = llvm::sys::path::filename(Path);
  return Base == "dax.c" || Base == "memremap.c" || Base == "p2pdma.c" ||
         Path.contains("/drivers/dax/");
}

std::string lineOf(const SourceManager &SM, SourceLocation L) {
  return std::to_string(SM.getSpellingLineNumber(L));
}

/// Identifiers spelled in a function's text (its expansion range).
llvm::StringSet<> identifiersOf(const FunctionDecl *FD, ASTContext &Ctx) {
  llvm::StringSet<> Out;
  const SourceManager &SM = Ctx.getSourceManager();
  SourceLocation B = SM.getExpansionLoc(FD->getBeginLoc());
  SourceLocation E = SM.getExpansionLoc(FD->getEndLoc());
  if (SM.getFileID(B) != SM.getFileID(E))
    return Out;
  bool Invalid = false;
  StringRef Buf = SM.getBufferData(SM.getFileID(B), &Invalid);
  if (Invalid)
    return Out;
  unsigned BO = SM.getFileOffset(B), EO = SM.getFileOffset(E);
  Lexer L(SM.getLocForStartOfFile(SM.getFileID(B)), Ctx.getLangOpts(),
          Buf.begin(), Buf.begin() + BO, Buf.end());
  Token T;
  while (!L.LexFromRawLexer(T)) {
    if (SM.getFileOffset(T.getLocation()) > EO)
      break;
    if (T.is(tok::raw_identifier))
      Out.insert(T.getRawIdentifier());
  }
  return Out;
}

/// The text of every expression assigned to V in Body, and its initializer.
class Assignments : public RecursiveASTVisitor<Assignments> {
public:
  Assignments(const VarDecl *V, ASTContext &Ctx) : V(V), Ctx(Ctx) {
    if (V->getInit())
      add(V->getInit());
  }
  bool VisitBinaryOperator(BinaryOperator *BO) {
    if (BO->getOpcode() == BO_Assign)
      if (const auto *D = dyn_cast<DeclRefExpr>(BO->getLHS()->IgnoreParenImpCasts()))
        if (D->getDecl() == V)
          add(BO->getRHS());
    return true;
  }
  std::vector<std::pair<std::string, unsigned>> Sources; ///< text, line

private:
  void add(const Expr *E) {
    const SourceManager &SM = Ctx.getSourceManager();
    CharSourceRange R = CharSourceRange::getTokenRange(
        SM.getExpansionLoc(E->getBeginLoc()), SM.getExpansionLoc(E->getEndLoc()));
    Sources.push_back({Lexer::getSourceText(R, SM, Ctx.getLangOpts()).str(),
                       SM.getExpansionLineNumber(E->getBeginLoc())});
  }
  const VarDecl *V;
  ASTContext &Ctx;
};


class RefcountOne : public Family, public MatchFinder::MatchCallback {
public:
  using Family::Family;
  StringRef name() const override { return "refcount-one"; }

  /// Only the unambiguous symbols are reported from tokens; comparisons,
  /// writes of 1, GUP pgmap references and ->pgmap need the AST.
  std::vector<std::string> tokenPatterns(StringRef Symbol,
                                         const TokenContext &C) const override {
    // Without types (code no unit compiled): "page->pgmap", "folio->pgmap"
    // by the variable's name, as a reader would.
    if (Symbol == "pgmap" && !pageLikeBefore(C).empty())
      return {"pgmap-field"};
    return {"devmap-managed", "follow-devmap", "dax-shared"};
  }
  std::vector<std::string> tokenEvidence(StringRef Symbol,
                                         const TokenContext &C) const override {
    std::string V = Symbol == "pgmap" ? pageLikeBefore(C) : "";
    if (V.empty())
      return {};
    return {"token level: '" + V + "->pgmap' (the type is not known here; a "
            "page or folio by its name)"};
  }

  /// The variable before "->" when its name says page or folio.
  static std::string pageLikeBefore(const TokenContext &C) {
    StringRef B = rtrimCode(C.Before);
    if (!B.consume_back("->"))
      return "";
    B = B.rtrim(" \t");
    size_t E = B.size();
    while (E > 0 && (std::isalnum((unsigned char)B[E - 1]) || B[E - 1] == '_'))
      --E;
    StringRef V = B.drop_front(E);
    StringRef L = V;
    if (L == "page" || L == "folio" || L.ends_with("_page") ||
        L.ends_with("_folio") || L == "pg" || L == "spage" || L == "dpage")
      return V.str();
    return "";
  }

  void macroExpanded(const Token &Name, SourceRange Range, const MacroArgs *Args,
                     Preprocessor &PP) override {
    StringRef N = Name.getIdentifierInfo()->getName();
    if (!Args || !Sink.rules().find(name().str(), "wait", N.str()))
      return;
    if (Args->getNumMacroArguments() < 2)
      return;
    auto ArgText = [&](unsigned I) {
      std::string S;
      for (const Token *T = Args->getUnexpArgument(I); T->isNot(tok::eof); ++T)
        S += PP.getSpelling(*T);
      return S;
    };
    std::string Var = ArgText(0), Cond = ArgText(1);
    if (Var.find("_refcount") == std::string::npos ||
        (Cond.find("==1") == std::string::npos &&
         Cond.find("!=1") == std::string::npos))
      return;
    SourceManager &SM = PP.getSourceManager();
    SourceLocation B = SM.getExpansionLoc(Range.getBegin());
    SourceLocation E = SM.getExpansionLoc(Range.getEnd());
    WaitRanges.push_back({B, E});
    std::vector<Edit> Edits;
    const std::vector<Edit> *Given = nullptr;
    if (const FixTarget *FT = Sink.fixTarget())
      if (const Rule *R = Sink.rules().find(name().str(), "wait", N.str()))
        if (const std::string *T = R->rewriteFor(*FT, N.str()))
          if (waitEdit(N, Range, Args, PP, *T, Edits))
            Given = &Edits;
    Sink.report(name(), {"wait"}, N, Name.getLocation(), 5,
                {"waits on " + Var + " until " + Cond +
                 ": idle at refcount 1, the pre-6.15 ZONE_DEVICE convention"},
                nullptr, Status::Analysed, Given);
  }

  /// The stereotyped wait ___wait_var_event(&P->_refcount,
  /// atomic_read(&P->_refcount) == 1, TASK_INTERRUPTIBLE, 0, 0, CB(ARG))
  /// becomes Template with $1 = P, $2 = CB, $3 = ARG. Only that exact shape,
  /// and only when the whole invocation is plain file text.
  bool waitEdit(StringRef N, SourceRange Range, const MacroArgs *Args,
                Preprocessor &PP, const std::string &Template,
                std::vector<Edit> &Out) {
    SourceManager &SM = PP.getSourceManager();
    SourceLocation B = Range.getBegin(), E = Range.getEnd();
    if (!B.isFileID() || !E.isFileID() || SM.getFileID(B) != SM.getFileID(E) ||
        Args->getNumMacroArguments() != 6)
      return false;
    bool Invalid = false;
    StringRef Buf = SM.getBufferData(SM.getFileID(B), &Invalid);
    if (Invalid)
      return false;
    unsigned BO = SM.getFileOffset(B), EO = SM.getFileOffset(E);
    std::vector<std::string> A;
    if (!splitArguments(parenGroupAt(Buf, BO + N.size()), A) || A.size() != 6)
      return false;
    auto Squash = [](std::string S) {
      S.erase(std::remove_if(S.begin(), S.end(), ::isspace), S.end());
      return S;
    };
    StringRef Var = A[0];
    if (!Var.consume_front("&") || !Var.consume_back("->_refcount"))
      return false;
    std::string P = Var.trim().str();
    if (Squash(A[1]) != "atomic_read(&" + Squash(P) + "->_refcount)==1" ||
        A[2] != "TASK_INTERRUPTIBLE" || A[3] != "0" || A[4] != "0")
      return false;
    StringRef Cmd = A[5];
    size_t Open = Cmd.find('(');
    std::vector<std::string> CmdArgs;
    if (Open == StringRef::npos ||
        !splitArguments(Cmd.drop_front(Open).rtrim(), CmdArgs) ||
        CmdArgs.size() != 1)
      return false;
    std::string Text = expandTemplate(
        Template, N, {P, Cmd.take_front(Open).trim().str(), CmdArgs[0]});
    Out.push_back({"", BO, EO + 1 - BO, Text});
    return true;
  }

  bool edits(const Rule &R, StringRef Symbol, const std::string *Template,
             const EditContext &C, std::vector<Edit> &Out,
             std::string &Why) const override {
    if (R.Pattern == "wait") {
      Why = "only the stereotyped wait (&P->_refcount, atomic_read(&P->"
            "_refcount) == 1, TASK_INTERRUPTIBLE, 0, 0, CB(ARG)) written in "
            "plain file text is rewritten";
      return false;
    }
    if (R.Pattern == "pgmap-field" && Template) {
      // P->pgmap -> page_pgmap(P) for a plain identifier P.
      StringRef Before = rtrimCode(C.Buffer.take_front(C.Offset));
      if (!Before.ends_with("->")) {
        Why = "not spelled P->pgmap";
        return false;
      }
      StringRef B = rtrimCode(Before.drop_back(2));
      size_t S = B.size();
      while (S > 0 && (std::isalnum((unsigned char)B[S - 1]) || B[S - 1] == '_'))
        --S;
      char Prev = S > 0 ? rtrimCode(B.take_front(S)).back() : 0;
      if (S == B.size() || Prev == '.' || Prev == '>' || Prev == ')' ||
          Prev == ']') {
        Why = "the page is not a plain variable: write page_pgmap() by hand";
        return false;
      }
      Out.push_back({C.File, unsigned(S), unsigned(C.Offset + C.Length - S),
                     expandTemplate(*Template, Symbol, {B.drop_front(S).str()})});
      return true;
    }
    if (R.Pattern == "devmap-managed" && Template &&
        *Template == "<drop-devmap-put>")
      return dropDevmapPut(C, Out, Why);
    return Family::edits(R, Symbol, Template, C, Out, Why);
  }

  /// "if (!put_devmap_managed_folio_refs(f, n))\n\t\tPUT;" becomes "\tPUT;";
  /// "if (put_devmap_managed_folio_refs(f, n))\n\t\treturn;" goes. Since
  /// 6.15 the devmap-managed put never takes the page: the generic put stays.
  static bool dropDevmapPut(const EditContext &C, std::vector<Edit> &Out,
                            std::string &Why) {
    StringRef Buf = C.Buffer;
    size_t LB = Buf.rfind('\n', C.Offset);
    LB = LB == StringRef::npos ? 0 : LB + 1;
    size_t LE = Buf.find('\n', C.Offset);
    if (LE == StringRef::npos) {
      Why = "unexpected shape: edit by hand";
      return false;
    }
    StringRef Line = Buf.slice(LB, LE);
    StringRef Indent = Line.take_while([](char Ch) { return Ch == ' ' || Ch == '\t'; });
    StringRef G = parenGroupAt(Buf, C.Offset + C.Length);
    if (G.empty()) {
      Why = "unexpected shape: edit by hand";
      return false;
    }
    std::string Call = Buf.slice(C.Offset, G.data() + G.size() - Buf.data()).str();
    StringRef Body = Line.trim();
    size_t NE = Buf.find('\n', LE + 1);
    NE = NE == StringRef::npos ? Buf.size() : NE;
    StringRef Next = Buf.slice(LE + 1, NE).trim();
    if (Body == "if (!" + Call + ")" && Next.ends_with(";") &&
        !Next.starts_with("{")) {
      Out.push_back({C.File, unsigned(LB), unsigned(NE - LB),
                     Indent.str() + Next.str()});
      return true;
    }
    if (Body == "if (" + Call + ")" && Next == "return;") {
      Out.push_back({C.File, unsigned(LB),
                     unsigned(std::min(Buf.size(), NE + 1) - LB), ""});
      return true;
    }
    Why = "not the stereotyped 'if (!put_devmap_managed_...(...)) put;' or "
          "'if (put_devmap_managed_...(...)) return;': edit by hand";
    return false;
  }

  void registerMatchers(MatchFinder &F) override {
    std::vector<std::string> Counts;
    for (const auto &R : Sink.rules().rules())
      if (R->Family == name() && R->Pattern == "comparison")
        for (const std::string &S : R->Symbols)
          if (S != "_refcount")
            Counts.push_back(S);
    CountNames = Counts;
    std::vector<StringRef> CountRefs(CountNames.begin(), CountNames.end());
    auto PageOrFolio = recordDecl(hasAnyName("page", "folio"));
    auto AtomicRead = allOf(
        callee(functionDecl(hasName("atomic_read"))),
        hasArgument(0, ignoringParenImpCasts(unaryOperator(
                           hasOperatorName("&"),
                           hasUnaryOperand(
                               memberExpr(member(hasName("_refcount")),
                                          hasObjectExpression(hasType(
                                              pointsTo(PageOrFolio))))
                                   .bind("member"))))));
    auto Read = expr(ignoringParenImpCasts(
        callExpr(anyOf(callee(functionDecl(hasAnyName(CountRefs)).bind("fnread")),
                       AtomicRead))
            .bind("read")));
    auto One = ignoringParenImpCasts(integerLiteral(equals(1)));
    F.addMatcher(
        binaryOperator(hasAnyOperatorName("==", "!=", ">", "<=", "<", ">=", "-"),
                       hasEitherOperand(One), hasEitherOperand(Read),
                       optionally(hasAncestor(functionDecl().bind("fn"))))
            .bind("cmp"),
        this);
    F.addMatcher(
        callExpr(callee(functionDecl(hasAnyName("set_page_count",
                                                "folio_set_count",
                                                "init_page_count"))
                            .bind("setfn")),
                 hasAncestor(functionDecl().bind("fn")))
            .bind("set"),
        this);
    F.addMatcher(
        callExpr(callee(functionDecl(hasAnyName("get_dev_pagemap",
                                                "put_dev_pagemap"))
                            .bind("gupfn")),
                 hasAncestor(functionDecl().bind("fn")))
            .bind("gup"),
        this);
    F.addMatcher(memberExpr(member(hasName("pgmap")),
                            optionally(hasAncestor(functionDecl().bind("fn"))))
                     .bind("pgmap"),
                 this);
  }

  void run(const MatchFinder::MatchResult &R) override {
    const SourceManager &SM = *R.SourceManager;
    const auto *Fn = R.Nodes.getNodeAs<FunctionDecl>("fn");
    if (const auto *ME = R.Nodes.getNodeAs<MemberExpr>("pgmap")) {
      // struct page keeps pgmap in an anonymous struct of a union: look
      // through those implicit members to the struct page.
      const Expr *B = ME->getBase()->IgnoreParenImpCasts();
      while (const auto *M = dyn_cast<MemberExpr>(B)) {
        const auto *FD = dyn_cast<FieldDecl>(M->getMemberDecl());
        if (!FD || !FD->isAnonymousStructOrUnion())
          break;
        B = M->getBase()->IgnoreParenImpCasts();
      }
      QualType T = B->getType();
      if (const auto *P = T->getAs<PointerType>())
        T = P->getPointeeType();
      const auto *RT = T->getAs<RecordType>();
      if (!RT || RT->getDecl()->getName() != "page")
        return;
      Sink.report(name(), {"pgmap-field"}, "pgmap", ME->getMemberLoc(), 5,
                  {"direct read of struct page::pgmap"}, Fn);
      return;
    }
    if (const auto *C = R.Nodes.getNodeAs<CallExpr>("gup")) {
      std::string File = llvm::sys::path::filename(
                             SM.getFilename(SM.getExpansionLoc(C->getBeginLoc())))
                             .str();
      StringRef FnName = Fn->getName();
      if (File != "gup.c" && !FnName.contains("gup") &&
          !FnName.contains("follow") && !FnName.contains("get_user_pages"))
        return;
      const auto *Callee = R.Nodes.getNodeAs<FunctionDecl>("gupfn");
      Sink.report(name(), {"pgmap-gup"}, Callee->getName(), C->getBeginLoc(), 5,
                  {"dev_pagemap reference taken in GUP (" + FnName.str() +
                   "()) in place of a page reference"},
                  Fn);
      return;
    }
    if (const auto *C = R.Nodes.getNodeAs<CallExpr>("set")) {
      const auto *Callee = R.Nodes.getNodeAs<FunctionDecl>("setfn");
      bool WritesOne = Callee->getName() == "init_page_count";
      if (!WritesOne && C->getNumArgs() == 2)
        if (const auto *L = dyn_cast<IntegerLiteral>(
                C->getArg(1)->IgnoreParenImpCasts()))
          WritesOne = L->getValue() == 1;
      if (!WritesOne || Fn->getName().ends_with("zone_device_page_init") ||
          isDriverPrivate(Callee, SM))
        return;
      std::vector<std::string> Ev = {Callee->getName().str() +
                                     "() writes a refcount of 1"};
      Facts Fa = facts(Fn, *R.Context);
      bool Strong = false;
      for (const char *G : Guards)
        if (Fa.Ids.count(G)) {
          Ev.push_back("guard " + std::string(G) + " in " +
                       Fn->getName().str() + "()");
          Strong = true;
          break;
        }
      if (Fa.Ids.count("pgmap")) {
        Ev.push_back("next to pgmap handling");
        Strong = true;
      }
      std::string Lower = Fn->getName().lower();
      bool Place = isPlaceFile(SM.getFilename(SM.getExpansionLoc(Fn->getLocation())));
      for (const char *W : PlaceWords)
        Place |= StringRef(Lower).contains(W);
      if (Place)
        Ev.push_back("in a ZONE_DEVICE place: " + Fn->getName().str() + "()");
      // Counter-evidence (device-private pages) weighs only where nothing
      // else points at ZONE_DEVICE handling.
      if (!Strong || (Fa.Private && !Place))
        return;
      Sink.report(name(), {"set-one"}, Callee->getName(), C->getBeginLoc(), 5,
                  Ev, Fn);
      return;
    }
    const auto *Cmp = R.Nodes.getNodeAs<BinaryOperator>("cmp");
    const auto *Read = R.Nodes.getNodeAs<CallExpr>("read");
    if (!Cmp || !Read)
      return;
    const auto *Member = R.Nodes.getNodeAs<MemberExpr>("member");
    const auto *ReadFn = R.Nodes.getNodeAs<FunctionDecl>("fnread");
    if (ReadFn && isDriverPrivate(ReadFn, SM))
      return;
    // Inside a recorded ___wait_var_event: the wait finding covers it.
    SourceLocation At = SM.getExpansionLoc(Cmp->getBeginLoc());
    for (const auto &W : WaitRanges)
      if (SM.isPointWithin(At, W.first, W.second))
        return;
    std::string Op = Cmp->getOpcodeStr().str();
    std::string Symbol = Member ? "_refcount" : ReadFn->getName().str();
    std::vector<std::string> Ev = {
        (Member ? std::string("atomic_read(&P->_refcount)")
                : Symbol + "()") +
        " of a struct " + (Member ? pointeeName(Member) : argRecord(Read)) +
        (Op == "-" ? " minus 1" : " compared with 1 (" + Op + ")")};
    bool Support = false;
    Facts Fa = Fn ? facts(Fn, *R.Context) : Facts();
    if (Fa.Ids.count("wake_up_var") || Fa.Ids.count("___wait_var_event")) {
      Ev.push_back("waits or wakes on the refcount address in " +
                   Fn->getName().str() + "()");
      Support = true;
    }
    // Provenance: the page variable's sources in this function.
    if (const VarDecl *V = pageVar(Member, Read); V && Fn && Fn->hasBody()) {
      Assignments A(V, *R.Context);
      A.TraverseStmt(Fn->getBody());
      for (const auto &S : A.Sources)
        for (const char *P : Producers)
          if (mentionsIdent(S.first, P)) {
            Ev.push_back(V->getName().str() + " from " + P + "() (line " +
                         std::to_string(S.second) + ")");
            Support = true;
          }
    }
    bool Guarded = false;
    for (const char *G : Guards)
      if (Fa.Ids.count(G)) {
        Ev.push_back("guard " + std::string(G) + " in " + Fn->getName().str() +
                     "()");
        Support = Guarded = true;
        break;
      }
    if (Fn) {
      std::string Lower = Fn->getName().lower();
      StringRef Path = SM.getFilename(SM.getExpansionLoc(Fn->getLocation()));
      bool Place = isPlaceFile(Path);
      for (const char *W : PlaceWords)
        Place |= StringRef(Lower).contains(W);
      Place |= StringRef(Lower).contains("dax") && isFaultHandler(Fn);
      if (Place) {
        Ev.push_back("in a DAX/ZONE_DEVICE place: " + Fn->getName().str() +
                     "()");
        Support = true;
      }
    }
    if (!Support)
      return;
    if (Fa.Private && !Guarded)
      return; // counter-evidence without a DAX guard
    Sink.report(name(), {"comparison"}, Symbol,
                Member ? Member->getMemberLoc() : Read->getBeginLoc(), 5, Ev, Fn);
  }

private:
  struct Facts {
    llvm::StringSet<> Ids;
    bool Private = false; ///< counter-evidence present
  };
  Facts facts(const FunctionDecl *Fn, ASTContext &Ctx) {
    Facts F;
    F.Ids = identifiersOf(Fn, Ctx);
    for (const char *C : Counter)
      F.Private |= F.Ids.count(C) != 0;
    return F;
  }
  static std::string pointeeName(const MemberExpr *ME) {
    QualType T = ME->getBase()->getType();
    if (const auto *P = T->getAs<PointerType>())
      if (const auto *RT = P->getPointeeType()->getAs<RecordType>())
        return RT->getDecl()->getName().str();
    return "page";
  }
  static std::string argRecord(const CallExpr *C) {
    if (C->getNumArgs() == 0)
      return "page";
    QualType T = C->getArg(0)->IgnoreParenImpCasts()->getType();
    if (const auto *P = T->getAs<PointerType>())
      if (const auto *RT = P->getPointeeType()->getAs<RecordType>())
        return RT->getDecl()->getName().str();
    return "page";
  }
  static const VarDecl *pageVar(const MemberExpr *Member, const CallExpr *Read) {
    const Expr *E = Member ? Member->getBase()
                           : (Read->getNumArgs() ? Read->getArg(0) : nullptr);
    if (!E)
      return nullptr;
    if (const auto *D = dyn_cast<DeclRefExpr>(E->IgnoreParenImpCasts()))
      return dyn_cast<VarDecl>(D->getDecl());
    return nullptr;
  }
  std::vector<std::string> CountNames;
  std::vector<std::pair<SourceLocation, SourceLocation>> WaitRanges;
};

} // namespace

std::unique_ptr<Family> daxport::createRefcountOneFamily(TUSink &S) {
  return std::make_unique<RefcountOne>(S);
}
