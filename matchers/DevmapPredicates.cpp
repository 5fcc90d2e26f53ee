//===- DevmapPredicates.cpp - pXd_devmap() and pXd_mkdevmap() -------------===//
//
// Family "devmap-predicate": uses of the devmap page-table predicates and
// constructors, classified as the trans-huge disjunction that mainline drops
// (`pmd_trans_huge(x) || pmd_devmap(x)`, `!pmd_trans_huge(x) && !pmd_devmap(x)`),
// another disjunction, or a plain use; and their definitions.
//
//===----------------------------------------------------------------------===//
#include "matchers/Sink.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/Expr.h"
#include "clang/AST/ParentMapContext.h"
#include "clang/ASTMatchers/ASTMatchers.h"
#include "clang/Lex/Lexer.h"

#include <algorithm>

using namespace clang;
using namespace clang::ast_matchers;
using namespace daxport;

namespace {

/// "pmd" for "pmd_devmap", "pud" for "pud_devmap".
StringRef levelOf(StringRef Symbol) { return Symbol.split('_').first; }

/// Classifies a predicate by the text before it: the disjunction forms.
std::vector<std::string> classify(StringRef Symbol, const TokenContext &C,
                                  std::vector<std::string> &Evidence) {
  std::string TH = (levelOf(Symbol) + "_trans_huge").str();
  // pmd_devmap(x) || pmd_trans_huge(x): the other order.
  std::string Rhs = C.identAfterCall("||");
  if (Rhs == TH && C.prevChar() != '|') {
    Evidence.push_back("disjunction with " + TH + "()");
    return {"trans-huge-disjunction", "other-disjunction", "use"};
  }
  if (C.prevChar() == '|') {
    std::string Lhs = C.identBeforeOperator("||");
    if (Lhs == TH) {
      Evidence.push_back("disjunction with " + TH + "()");
      return {"trans-huge-disjunction", "other-disjunction", "use"};
    }
    Evidence.push_back(Lhs.empty() ? "right operand of ||"
                                   : "disjunction with " + Lhs + "()");
    return {"other-disjunction", "use"};
  }
  if (C.prevChar() == '!') {
    TokenContext Neg = C;
    Neg.Before = rtrimCode(C.Before).drop_back(1);
    if (Neg.prevChar() == '&') {
      std::string Lhs = Neg.identBeforeOperator("&&");
      if (Lhs == TH && rtrimCode(rtrimCode(Neg.Before).drop_back(2))
                           .contains("!" + TH)) {
        Evidence.push_back("negated conjunction with !" + TH + "()");
        return {"trans-huge-disjunction", "use"};
      }
    }
  }
  return {"use"};
}

class DevmapPredicates : public Family, public MatchFinder::MatchCallback {
public:
  using Family::Family;
  StringRef name() const override { return "devmap-predicate"; }

  std::vector<std::string> tokenPatterns(StringRef Symbol,
                                         const TokenContext &C) const override {
    std::vector<std::string> Ev;
    return classify(Symbol, C, Ev);
  }
  std::vector<std::string> tokenEvidence(StringRef Symbol,
                                         const TokenContext &C) const override {
    std::vector<std::string> Ev;
    classify(Symbol, C, Ev);
    return Ev;
  }

  /// Drops " || pmd_devmap(x)" (or " && !pmd_devmap(x)") after the
  /// trans-huge test, also across a line break, keeping everything else.
  bool edits(const Rule &R, StringRef Symbol, const std::string *Template,
             const EditContext &C, std::vector<Edit> &Out,
             std::string &Why) const override {
    if (R.Pattern != "trans-huge-disjunction")
      return Family::edits(R, Symbol, Template, C, Out, Why);
    StringRef Before = rtrimCode(C.Buffer.take_front(C.Offset));
    if (Before.ends_with("!"))
      Before = rtrimCode(Before.drop_back());
    if (!Before.ends_with("||") && !Before.ends_with("&&")) {
      // pmd_devmap(x) || pmd_trans_huge(x): drop "pmd_devmap(x) || ".
      StringRef G = parenGroupAt(C.Buffer, C.Offset + C.Length);
      if (!G.empty()) {
        size_t After = G.data() + G.size() - C.Buffer.data();
        StringRef Rest = ltrimCode(C.Buffer.drop_front(After));
        if (Rest.starts_with("||")) {
          StringRef Next = ltrimCode(Rest.drop_front(2));
          size_t End = Next.data() - C.Buffer.data();
          Out.push_back({C.File, C.Offset, unsigned(End - C.Offset), ""});
          return true;
        }
      }
      Why = "unexpected operator before the predicate";
      return false;
    }
    StringRef Lhs = rtrimCode(Before.drop_back(2));
    if (!Lhs.ends_with(")")) {
      Why = "unexpected left operand";
      return false;
    }
    StringRef Group = parenGroupAt(C.Buffer, C.Offset + C.Length);
    if (Group.empty()) {
      Why = "the predicate is not spelled as a call";
      return false;
    }
    size_t Start = Lhs.size();
    size_t End = Group.data() + Group.size() - C.Buffer.data();
    Out.push_back({C.File, unsigned(Start), unsigned(End - Start), ""});
    return true;
  }

  void registerMatchers(MatchFinder &F) override {
    for (const auto &R : Sink.rules().rules())
      if (R->Family == "devmap-predicate" && R->Pattern != "definition")
        for (const std::string &S : R->Symbols)
          Names.push_back(S);
    std::vector<StringRef> Refs(Names.begin(), Names.end());
    F.addMatcher(declRefExpr(to(functionDecl(hasAnyName(Refs)).bind("callee")),
                             optionally(hasAncestor(functionDecl().bind("fn"))))
                     .bind("ref"),
                 this);
  }

  void run(const MatchFinder::MatchResult &R) override {
    const auto *Ref = R.Nodes.getNodeAs<DeclRefExpr>("ref");
    const auto *Callee = R.Nodes.getNodeAs<FunctionDecl>("callee");
    if (isDriverPrivate(Callee, *R.SourceManager))
      return;
    StringRef Sym = Callee->getName();
    SourceLocation Sp = R.SourceManager->getSpellingLoc(Ref->getLocation());
    TokenContext C = Sink.tokenContext(Sp, Sym.size());
    std::vector<std::string> Ev;
    std::vector<std::string> Pats = classify(Sym, C, Ev);
    // Confirm the disjunction on the AST: the call is the right operand of
    // || whose left operand calls pXd_trans_huge on the same entry.
    if (Pats.front() == "trans-huge-disjunction" && !confirm(Ref, *R.Context))
      Pats.erase(Pats.begin());
    Sink.report(name(), Pats, Sym, Ref->getLocation(), 5, Ev,
                R.Nodes.getNodeAs<FunctionDecl>("fn"));
  }

private:
  /// Walks up from the reference to the enclosing ||/&& and checks that the
  /// other operand names the trans-huge predicate of the same level with the
  /// same argument text.
  bool confirm(const DeclRefExpr *Ref, ASTContext &Ctx) {
    const Stmt *Cur = Ref;
    const CallExpr *Call = nullptr;
    for (int Depth = 0; Depth < 8; ++Depth) {
      auto Parents = Ctx.getParents(*Cur);
      if (Parents.empty())
        return false;
      const Stmt *P = Parents[0].get<Stmt>();
      if (!P)
        return false;
      if (!Call)
        Call = dyn_cast<CallExpr>(P);
      if (const auto *BO = dyn_cast<BinaryOperator>(P)) {
        if (!BO->isLogicalOp() || !Call)
          return false;
        // The operand beside the call: in "a || th(x) || devmap(x)" the
        // right operand of the left ||; in "devmap(x) || th(x)" the right.
        bool CallIsLhs = BO->getLHS()->IgnoreParenImpCasts() == Cur ||
                         BO->getLHS() == Cur;
        const Expr *Other =
            (CallIsLhs ? BO->getRHS() : BO->getLHS())->IgnoreParenImpCasts();
        if (const auto *Inner = dyn_cast<BinaryOperator>(Other))
          if (Inner->getOpcode() == BO->getOpcode())
            Other = (CallIsLhs ? Inner->getLHS() : Inner->getRHS())
                        ->IgnoreParenImpCasts();
        if (const auto *U = dyn_cast<UnaryOperator>(Other))
          if (U->getOpcode() == UO_LNot)
            Other = U->getSubExpr()->IgnoreParenImpCasts();
        std::string Want =
            (levelOf(Ref->getDecl()->getName()) + "_trans_huge").str();
        const SourceManager &SM = Ctx.getSourceManager();
        if (const auto *OC = dyn_cast<CallExpr>(Other))
          if (const auto *FD = OC->getDirectCallee())
            if (FD->getName() == Want && OC->getNumArgs() == 1 &&
                Call->getNumArgs() == 1)
              return text(OC->getArg(0), SM, Ctx) ==
                     text(Call->getArg(0), SM, Ctx);
        return false;
      }
      Cur = P;
    }
    return false;
  }
  static std::string text(const Expr *E, const SourceManager &SM,
                          ASTContext &Ctx) {
    CharSourceRange R = CharSourceRange::getTokenRange(
        SM.getSpellingLoc(E->getBeginLoc()), SM.getSpellingLoc(E->getEndLoc()));
    std::string S =
        Lexer::getSourceText(R, SM, Ctx.getLangOpts()).str();
    S.erase(std::remove_if(S.begin(), S.end(), ::isspace), S.end());
    return S;
  }
  std::vector<std::string> Names;
};

} // namespace

std::unique_ptr<Family> daxport::createDevmapPredicateFamily(TUSink &S) {
  return std::make_unique<DevmapPredicates>(S);
}
