//===- InsertApi.cpp - vmf_insert_pfn_pmd/pud, vmf_insert_mixed(_mkwrite) -===//
//
// Family "insert-api": calls of the insert APIs, classified as mapping DAX /
// ZONE_DEVICE memory or plain PFNMAP / I/O memory from the provenance of the
// pfn argument inside the calling function (dax_direct_access(),
// dax_iomap_fault(), ->direct_access(), a pfn_t built with or without
// PFN_MAP) and from the driver registering an FS_DAX or GENERIC pgmap.
//
//===----------------------------------------------------------------------===//
#include "matchers/Sink.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/Expr.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/ASTMatchers/ASTMatchers.h"
#include "clang/Lex/Lexer.h"

using namespace clang;
using namespace clang::ast_matchers;
using namespace daxport;

namespace {

enum class Kind { Unknown, Dax, PfnMap };

struct Verdict {
  Kind K = Kind::Unknown;
  std::vector<std::string> Evidence;
};

std::string lineOf(const SourceManager &SM, SourceLocation L) {
  return std::to_string(SM.getSpellingLineNumber(L));
}

std::string spelled(const Expr *E, const SourceManager &SM,
                    const LangOptions &LO) {
  return writtenText(E, SM, LO);
}


/// What an expression producing a pfn says about the memory.
Kind producer(const Expr *E, ASTContext &Ctx, std::vector<std::string> &Ev) {
  E = E->IgnoreParenImpCasts();
  const SourceManager &SM = Ctx.getSourceManager();
  const auto *Call = dyn_cast<CallExpr>(E);
  if (!Call)
    return Kind::Unknown;
  const FunctionDecl *FD = Call->getDirectCallee();
  if (!FD)
    return Kind::Unknown;
  StringRef N = FD->getName();
  std::string At = " (line " + lineOf(SM, Call->getBeginLoc()) + ")";
  if (N == "phys_to_pfn_t" || N == "__pfn_to_pfn_t") {
    std::string Flags = spelled(Call->getArg(Call->getNumArgs() - 1), SM,
                                Ctx.getLangOpts());
    if (mentionsIdent(Flags, "PFN_MAP")) {
      Ev.push_back("pfn from " + N.str() + "(..., " + Flags + ")" + At);
      return Kind::Dax;
    }
    Ev.push_back("pfn from " + N.str() + "(..., " + Flags + ") without PFN_MAP" +
                 At);
    return Kind::PfnMap;
  }
  if (N == "page_to_pfn_t") {
    Ev.push_back("pfn from page_to_pfn_t() (PFN_MAP)" + At);
    return Kind::Dax;
  }
  if (N == "pfn_to_pfn_t") {
    Ev.push_back("pfn from pfn_to_pfn_t() (no PFN_MAP)" + At);
    return Kind::PfnMap;
  }
  return Kind::Unknown;
}

/// Finds the stores through a pointer parameter: *P = producer.
class Stores : public RecursiveASTVisitor<Stores> {
public:
  Stores(const ParmVarDecl *P, ASTContext &Ctx) : P(P), Ctx(Ctx) {}
  bool VisitBinaryOperator(BinaryOperator *BO) {
    if (BO->getOpcode() != BO_Assign)
      return true;
    const auto *U = dyn_cast<UnaryOperator>(BO->getLHS()->IgnoreParenImpCasts());
    if (!U || U->getOpcode() != UO_Deref)
      return true;
    const auto *D = dyn_cast<DeclRefExpr>(U->getSubExpr()->IgnoreParenImpCasts());
    if (!D || D->getDecl() != P)
      return true;
    Kind N = producer(BO->getRHS(), Ctx, Ev);
    if (N == Kind::Dax || K == Kind::Unknown)
      K = N == Kind::Unknown ? K : N;
    return true;
  }
  Kind K = Kind::Unknown;
  std::vector<std::string> Ev;

private:
  const ParmVarDecl *P;
  ASTContext &Ctx;
};

/// Finds, inside Body, what assigns the variable V or fills it through &V.
class Provenance : public RecursiveASTVisitor<Provenance> {
public:
  Provenance(const VarDecl *V, ASTContext &Ctx) : V(V), Ctx(Ctx) {}
  bool VisitBinaryOperator(BinaryOperator *BO) {
    if (BO->getOpcode() == BO_Assign && refersTo(BO->getLHS()))
      merge(producer(BO->getRHS(), Ctx, Ev));
    return true;
  }
  bool VisitCallExpr(CallExpr *C) {
    bool Passed = false;
    for (const Expr *A : C->arguments())
      if (const auto *U = dyn_cast<UnaryOperator>(A->IgnoreParenImpCasts()))
        if (U->getOpcode() == UO_AddrOf && refersTo(U->getSubExpr()))
          Passed = true;
    if (!Passed)
      return true;
    std::string Name;
    if (const FunctionDecl *FD = C->getDirectCallee())
      Name = FD->getName().str();
    else if (const auto *ME =
                 dyn_cast<MemberExpr>(C->getCallee()->IgnoreParenImpCasts()))
      Name = "->" + ME->getMemberDecl()->getName().str();
    if (Name == "dax_direct_access" || Name == "dax_iomap_fault" ||
        Name == "->direct_access") {
      Ev.push_back("pfn from " + Name + "() (line " +
                   lineOf(Ctx.getSourceManager(), C->getBeginLoc()) + ")");
      merge(Kind::Dax);
      return true;
    }
    // One level down: a function of this unit that stores through the
    // pointer it was given (*pfnp = phys_to_pfn_t(...)).
    const FunctionDecl *FD = C->getDirectCallee();
    const FunctionDecl *Def = FD ? FD->getDefinition() : nullptr;
    if (!Def || !Def->hasBody() || Depth > 0)
      return true;
    for (unsigned I = 0; I < C->getNumArgs() && I < Def->getNumParams(); ++I) {
      const auto *U = dyn_cast<UnaryOperator>(C->getArg(I)->IgnoreParenImpCasts());
      if (!U || U->getOpcode() != UO_AddrOf || !refersTo(U->getSubExpr()))
        continue;
      Stores S(Def->getParamDecl(I), Ctx);
      S.TraverseStmt(Def->getBody());
      if (S.K != Kind::Unknown) {
        for (std::string &E : S.Ev)
          Ev.push_back(E + " in " + Def->getName().str() + "(), which fills " +
                       V->getName().str());
        merge(S.K);
      }
    }
    return true;
  }
  unsigned Depth = 0;
  Kind K = Kind::Unknown;
  std::vector<std::string> Ev;

private:
  bool refersTo(const Expr *E) {
    const auto *DRE = dyn_cast<DeclRefExpr>(E->IgnoreParenImpCasts());
    return DRE && DRE->getDecl() == V;
  }
  void merge(Kind N) {
    if (N == Kind::Dax || K == Kind::Unknown)
      K = N == Kind::Unknown ? K : N;
  }
  const VarDecl *V;
  ASTContext &Ctx;
};

class InsertApi : public Family, public MatchFinder::MatchCallback {
public:
  using Family::Family;
  StringRef name() const override { return "insert-api"; }
  std::vector<std::string> tokenPatterns(StringRef,
                                         const TokenContext &) const override {
    return {"call"};
  }

  void registerMatchers(MatchFinder &F) override {
    for (const auto &R : Sink.rules().rules())
      if (R->Family == "insert-api" && R->Pattern != "definition")
        for (const std::string &S : R->Symbols)
          Names.push_back(S);
    std::vector<StringRef> Refs(Names.begin(), Names.end());
    F.addMatcher(callExpr(callee(functionDecl(hasAnyName(Refs)).bind("callee")),
                          optionally(hasAncestor(functionDecl().bind("fn"))))
                     .bind("call"),
                 this);
    F.addMatcher(declRefExpr(to(enumConstantDecl(hasAnyName(
                                 "MEMORY_DEVICE_FS_DAX", "MEMORY_DEVICE_GENERIC"))))
                     .bind("pgmap"),
                 this);
  }

  void run(const MatchFinder::MatchResult &R) override {
    if (const auto *P = R.Nodes.getNodeAs<DeclRefExpr>("pgmap")) {
      if (PgmapEvidence.empty() &&
          R.SourceManager->isInMainFile(
              R.SourceManager->getExpansionLoc(P->getBeginLoc())))
        PgmapEvidence = "the driver registers a " +
                        P->getDecl()->getName().str() + " pgmap (line " +
                        lineOf(*R.SourceManager, P->getBeginLoc()) + ")";
      return;
    }
    const auto *Callee = R.Nodes.getNodeAs<FunctionDecl>("callee");
    if (isDriverPrivate(Callee, *R.SourceManager))
      return;
    Pending.push_back({R.Nodes.getNodeAs<CallExpr>("call"), Callee,
                       R.Nodes.getNodeAs<FunctionDecl>("fn"), R.Context});
  }

  void onEndOfTranslationUnit() override {
    for (const Site &S : Pending) {
      Verdict V = classify(S);
      std::vector<std::string> Pats;
      if (V.K == Kind::Dax)
        Pats = {"dax-call", "call"};
      else if (V.K == Kind::PfnMap)
        Pats = {"pfnmap-call", "call"};
      else {
        Pats = {"call"};
        V.Evidence.push_back("could not tell DAX from PFNMAP memory: the pfn's "
                             "origin is outside this function");
      }
      Sink.report(name(), Pats, S.Callee->getName(), S.Call->getBeginLoc(), 5,
                  V.Evidence, S.Fn);
    }
    Pending.clear();
  }

private:
  struct Site {
    const CallExpr *Call;
    const FunctionDecl *Callee, *Fn;
    ASTContext *Ctx;
  };

  Verdict classify(const Site &S) {
    Verdict V;
    StringRef N = S.Callee->getName();
    // vmf_insert_pfn_pmd(vmf, pfn, write), vmf_insert_mixed(vma, addr, pfn),
    // track_pfn_insert(vma, prot, pfn).
    unsigned PfnArg = N.starts_with("vmf_insert_pfn_p") ? 1 : 2;
    if (S.Call->getNumArgs() <= PfnArg)
      return V;
    const Expr *Arg = S.Call->getArg(PfnArg)->IgnoreParenImpCasts();
    V.K = producer(Arg, *S.Ctx, V.Evidence);
    if (V.K == Kind::Unknown)
      if (const auto *DRE = dyn_cast<DeclRefExpr>(Arg))
        if (const auto *Var = dyn_cast<VarDecl>(DRE->getDecl())) {
          if (const Expr *Init = Var->getInit())
            V.K = producer(Init, *S.Ctx, V.Evidence);
          if (V.K != Kind::Dax && S.Fn && S.Fn->hasBody()) {
            Provenance P(Var, *S.Ctx);
            P.TraverseStmt(S.Fn->getBody());
            if (P.K != Kind::Unknown) {
              V.K = P.K;
              V.Evidence.insert(V.Evidence.end(), P.Ev.begin(), P.Ev.end());
            }
          }
        }
    if (V.K == Kind::Unknown && !PgmapEvidence.empty() && S.Fn &&
        isFaultHandler(S.Fn)) {
      V.K = Kind::Dax;
      V.Evidence.push_back("in fault handler " + S.Fn->getName().str() +
                           "(); " + PgmapEvidence);
    }
    return V;
  }


  std::vector<std::string> Names;
  std::vector<Site> Pending;
  std::string PgmapEvidence;
};

} // namespace

std::unique_ptr<Family> daxport::createInsertApiFamily(TUSink &S) {
  return std::make_unique<InsertApi>(S);
}
