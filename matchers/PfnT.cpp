//===- PfnT.cpp - the pfn_t type, its helpers and PFN_* flags --------------===//
//
// Family "pfn-t": pfn_t spelled as a type (type-aware: kvm_pfn_t and other
// names never match), `.val` of a pfn_t, helper calls (constructors whose
// flags contain PFN_MAP are ZONE_DEVICE and judgement), PFN_* flags,
// #include <linux/pfn_t.h>, and definitions or compat shims of all of these.
//
//===----------------------------------------------------------------------===//
#include "matchers/Sink.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/Expr.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/AST/TypeLoc.h"
#include "clang/ASTMatchers/ASTMatchers.h"
#include "clang/Lex/Lexer.h"

using namespace clang;
using namespace clang::ast_matchers;
using namespace daxport;

namespace {

/// The text of the (...) group right after a token, or empty.
StringRef parenGroupAfter(StringRef After) {
  StringRef S = After.ltrim(" \t\r\n\\");
  if (!S.starts_with("("))
    return "";
  int Depth = 0;
  for (size_t I = 0; I < S.size(); ++I) {
    if (S[I] == '(')
      ++Depth;
    else if (S[I] == ')' && --Depth == 0)
      return S.take_front(I + 1);
  }
  return "";
}


} // namespace

std::string daxport::writtenText(const Expr *E, const SourceManager &SM,
                                 const LangOptions &LO) {
  // As written at the call: a macro argument's own text, and for tokens of a
  // macro body the text of the invocation.
  CharSourceRange R = Lexer::makeFileCharRange(
      CharSourceRange::getTokenRange(E->getSourceRange()), SM, LO);
  if (R.isInvalid())
    R = CharSourceRange::getTokenRange(SM.getFileLoc(E->getBeginLoc()),
                                       SM.getFileLoc(E->getEndLoc()));
  return Lexer::getSourceText(R, SM, LO).str();
}

namespace {

/// True if some token of E comes from an expansion of the macro Name
/// (through other macros too: `#define DRV_FLAGS (PFN_DEV | PFN_MAP)`).
bool expandsMacro(const Expr *E, StringRef Name, const SourceManager &SM,
                  const LangOptions &LO) {
  struct V : RecursiveASTVisitor<V> {
    StringRef Name;
    const SourceManager &SM;
    const LangOptions &LO;
    bool Found = false;
    V(StringRef N, const SourceManager &S, const LangOptions &L)
        : Name(N), SM(S), LO(L) {}
    bool VisitStmt(Stmt *S) {
      for (SourceLocation L = S->getBeginLoc(); L.isMacroID() && !Found;) {
        if (SM.isMacroArgExpansion(L)) {
          L = SM.getImmediateSpellingLoc(L);
          continue;
        }
        Found |= Lexer::getImmediateMacroName(L, SM, LO) == Name;
        L = SM.getImmediateMacroCallerLoc(L);
      }
      return !Found;
    }
  } Vis(Name, SM, LO);
  Vis.TraverseStmt(const_cast<Expr *>(E));
  return Vis.Found;
}

class PfnT : public Family, public MatchFinder::MatchCallback {
public:
  using Family::Family;
  StringRef name() const override { return "pfn-t"; }

  std::vector<std::string> tokenPatterns(StringRef Symbol,
                                         const TokenContext &C) const override {
    StringRef Args = parenGroupAfter(C.After);
    if (!Args.empty() && mentionsIdent(Args, "PFN_MAP"))
      return {"call-map-flag", "call", "flag", "type"};
    return {"call", "flag", "type"};
  }

  void registerMatchers(MatchFinder &F) override {
    for (const auto &R : Sink.rules().rules()) {
      if (R->Family != "pfn-t")
        continue;
      auto &Dst = R->Pattern == "type"     ? TypeNames
                  : R->Pattern == "member" ? MemberNames
                  : (R->Pattern == "call" || R->Pattern == "call-map-flag")
                      ? CallNames
                      : Unused;
      Dst.insert(Dst.end(), R->Symbols.begin(), R->Symbols.end());
    }
    std::vector<StringRef> Types(TypeNames.begin(), TypeNames.end());
    std::vector<StringRef> Members(MemberNames.begin(), MemberNames.end());
    std::vector<StringRef> Calls(CallNames.begin(), CallNames.end());
    F.addMatcher(
        typeLoc(loc(typedefType(hasDeclaration(
                    typedefNameDecl(hasAnyName(Types)).bind("typedef")))))
            .bind("tl"),
        this);
    // Member rules list the types whose .val is accessed.
    auto ValType = qualType(hasDeclaration(
        typedefNameDecl(hasAnyName(Members)).bind("valtype")));
    F.addMatcher(memberExpr(member(hasName("val")),
                            hasObjectExpression(anyOf(
                                hasType(ValType), hasType(pointsTo(ValType)))),
                            optionally(hasAncestor(functionDecl().bind("fn"))))
                     .bind("member"),
                 this);
    // (pfn_t){ .val = x }: the designator is a .val too.
    F.addMatcher(designatedInitExpr(hasParent(initListExpr(hasType(ValType))),
                                    optionally(hasAncestor(
                                        functionDecl().bind("fn"))))
                     .bind("designator"),
                 this);
    F.addMatcher(
        callExpr(callee(functionDecl(hasAnyName(Calls)).bind("callee")),
                 optionally(hasAncestor(functionDecl().bind("fn"))))
            .bind("call"),
        this);
  }

  void run(const MatchFinder::MatchResult &R) override {
    const SourceManager &SM = *R.SourceManager;
    const auto *Fn = R.Nodes.getNodeAs<FunctionDecl>("fn");
    if (const auto *TL = R.Nodes.getNodeAs<TypeLoc>("tl")) {
      const auto *TD = R.Nodes.getNodeAs<TypedefNameDecl>("typedef");
      Sink.report(name(), {"type"}, TD->getName(), TL->getBeginLoc(), 5, {},
                  enclosing(*TL, *R.Context));
      return;
    }
    if (const auto *ME = R.Nodes.getNodeAs<MemberExpr>("member")) {
      const auto *TD = R.Nodes.getNodeAs<TypedefNameDecl>("valtype");
      Sink.report(name(), {"member"}, TD->getName(), ME->getMemberLoc(), 5,
                  {".val of a " + TD->getName().str()}, Fn);
      return;
    }
    if (const auto *DI = R.Nodes.getNodeAs<DesignatedInitExpr>("designator")) {
      const auto *TD = R.Nodes.getNodeAs<TypedefNameDecl>("valtype");
      for (const auto &D : DI->designators())
        if (D.isFieldDesignator() && D.getFieldName() &&
            D.getFieldName()->getName() == "val")
          Sink.report(name(), {"member"}, TD->getName(), D.getFieldLoc(), 5,
                      {".val designator of a " + TD->getName().str()}, Fn);
      return;
    }
    if (const auto *Call = R.Nodes.getNodeAs<CallExpr>("call")) {
      const auto *Callee = R.Nodes.getNodeAs<FunctionDecl>("callee");
      if (isDriverPrivate(Callee, SM))
        return;
      std::vector<std::string> Ev;
      std::vector<std::string> Pats = {"call"};
      if (Call->getNumArgs() >= 2) {
        const Expr *Flags = Call->getArg(Call->getNumArgs() - 1);
        std::string Text = writtenText(Flags, SM, R.Context->getLangOpts());
        if (mentionsIdent(Text, "PFN_MAP") ||
            expandsMacro(Flags, "PFN_MAP", SM, R.Context->getLangOpts())) {
          Pats.insert(Pats.begin(), "call-map-flag");
          Ev.push_back("flags include PFN_MAP: a ZONE_DEVICE page");
        } else if (!Flags->isIntegerConstantExpr(*R.Context)) {
          Pats.insert(Pats.begin(), "call-map-flag");
          Ev.push_back("flags are not a constant: may include PFN_MAP");
        }
      }
      Sink.report(name(), Pats, Callee->getName(), Call->getBeginLoc(), 5, Ev,
                  Fn);
    }
  }

private:
  static const FunctionDecl *enclosing(const TypeLoc &TL, ASTContext &Ctx) {
    DynTypedNode N = DynTypedNode::create(TL);
    for (int Depth = 0; Depth < 32; ++Depth) {
      auto Parents = Ctx.getParents(N);
      if (Parents.empty())
        return nullptr;
      N = Parents[0];
      if (const auto *FD = N.get<FunctionDecl>())
        return FD;
    }
    return nullptr;
  }
  std::vector<std::string> TypeNames, MemberNames, CallNames, Unused;
};

} // namespace

std::unique_ptr<Family> daxport::createPfnTFamily(TUSink &S) {
  return std::make_unique<PfnT>(S);
}
