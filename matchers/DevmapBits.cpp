//===- DevmapBits.cpp - devmap PTE bits, conditionals and Kconfig ---------===//
//
// Family "devmap-bit": the devmap page-table bits (_PAGE_DEVMAP, PTE_DEVMAP,
// ...) inside masks or elsewhere, their definitions, and preprocessor
// conditionals on CONFIG_ARCH_HAS_PTE_DEVMAP / CONFIG_FS_DAX_LIMITED. All of
// these are macros, so the work happens on tokens (see Analysis.cpp).
//
//===----------------------------------------------------------------------===//
#include "matchers/Sink.h"

using namespace clang;
using namespace daxport;

namespace {

class DevmapBits : public Family {
public:
  using Family::Family;
  StringRef name() const override { return "devmap-bit"; }

  std::vector<std::string> tokenPatterns(StringRef Symbol,
                                         const TokenContext &C) const override {
    if (Symbol.starts_with("CONFIG_"))
      return {"conditional"};
    // A term of a mask: an operand of |, or right after ~ or & (clearing or
    // testing bits together with others).
    char P = C.prevChar(), N = C.nextChar();
    bool OrBefore = P == '|' && !C.Before.rtrim(" \t\r\n\\").ends_with("||");
    bool OrAfter = N == '|' && !C.After.ltrim(" \t\r\n\\").starts_with("||");
    // x & ~BIT clears it from a mask too.
    bool Cleared = P == '~' && rtrimCode(rtrimCode(C.Before).drop_back())
                                   .ends_with("&");
    if (OrBefore || OrAfter || Cleared)
      return {"mask", "use"};
    return {"use"};
  }

  /// CONFIG_ARCH_HAS_PTE_DEVMAP is gone on the target: a block under
  /// "#ifdef SYM", "#if defined(SYM)" or "#if IS_ENABLED(SYM)" goes (its
  /// #else branch stays); under "#ifndef SYM" or "#if !defined(SYM)" only the
  /// directives go; "#if defined(SYM) && X" and "#if defined(SYM) || X"
  /// become "#if X" (the catalogue's form). Blocks with #elif: by hand.
  static bool conditionalEdits(StringRef Sym, const EditContext &C,
                               std::vector<Edit> &Out, std::string &Why) {
    StringRef Buf = C.Buffer;
    size_t LB = Buf.rfind('\n', C.Offset);
    LB = LB == StringRef::npos ? 0 : LB + 1;
    size_t LE = Buf.find('\n', C.Offset);
    LE = LE == StringRef::npos ? Buf.size() : LE + 1;
    StringRef Line = Buf.slice(LB, LE).trim();
    if (!Line.consume_front("#")) {
      Why = "not a preprocessor conditional: edit by hand";
      return false;
    }
    Line = Line.ltrim(" \t");
    std::string S = Sym.str();
    auto Squash = [](StringRef T) {
      std::string R;
      for (char Ch : T)
        if (Ch != ' ' && Ch != '\t')
          R += Ch;
      return R;
    };
    int Value = -1; // 0 false, 1 true, 2 drop the "defined(SYM) ||" term
    std::string Cond, NewCond;
    if (Line.consume_front("ifdef"))
      Value = Squash(Line) == S ? 0 : -1;
    else if (Line.consume_front("ifndef"))
      Value = Squash(Line) == S ? 1 : -1;
    else if (Line.consume_front("if")) {
      Cond = Squash(Line);
      std::string D = "defined(" + S + ")", E = "IS_ENABLED(" + S + ")";
      if (Cond == D || Cond == E || Cond == "defined" + S)
        Value = 0;
      else if (Cond == "!" + D || Cond == "!" + E)
        Value = 1;
      else if (Cond.find("||") == std::string::npos &&
               (StringRef(Cond).starts_with(D + "&&") ||
                StringRef(Cond).starts_with(E + "&&"))) {
        // The catalogue's form (and upstream's in mm/hmm.c): the guard on
        // the devmap bit goes, the rest of the condition stays: "#if X".
        Value = 2;
        NewCond = Line.trim().str();
        size_t P = NewCond.find("&&");
        NewCond = StringRef(NewCond).drop_front(P + 2).trim().str();
      } else if (Cond.find("&&") == std::string::npos &&
                 StringRef(Cond).starts_with(D + "||")) {
        Value = 2;
        NewCond = Line.trim().str();
        size_t P = NewCond.find("||");
        NewCond = StringRef(NewCond).drop_front(P + 2).trim().str();
      }
    }
    if (Value < 0) {
      Why = "a condition this rewrite does not simplify: edit by hand";
      return false;
    }
    if (Value == 2) {
      Out.push_back({C.File, unsigned(LB), unsigned(LE - LB),
                     "#if " + NewCond + "\n"});
      return true;
    }
    // Find the matching #else and #endif.
    size_t Pos = LE, ElseB = 0, ElseE = 0, EndB = 0, EndE = 0;
    int Depth = 0;
    while (Pos < Buf.size()) {
      size_t E = Buf.find('\n', Pos);
      E = E == StringRef::npos ? Buf.size() : E + 1;
      StringRef L = Buf.slice(Pos, E).trim();
      if (L.consume_front("#")) {
        L = L.ltrim(" \t");
        if (L.starts_with("if"))
          ++Depth;
        else if (Depth == 0 && L.starts_with("elif")) {
          Why = "the block has #elif branches: edit by hand";
          return false;
        } else if (Depth == 0 && L.starts_with("else")) {
          ElseB = Pos, ElseE = E;
        } else if (L.starts_with("endif")) {
          if (Depth == 0) {
            EndB = Pos, EndE = E;
            break;
          }
          --Depth;
        }
      }
      Pos = E;
    }
    if (!EndE) {
      Why = "no matching #endif";
      return false;
    }
    if (Value == 0) {
      // Drop the block up to and including #else (or #endif).
      size_t Stop = ElseE ? ElseE : EndE;
      Out.push_back({C.File, unsigned(LB), unsigned(Stop - LB), ""});
      if (ElseE)
        Out.push_back({C.File, unsigned(EndB), unsigned(EndE - EndB), ""});
    } else {
      Out.push_back({C.File, unsigned(LB), unsigned(LE - LB), ""});
      size_t From = ElseE ? ElseB : EndB;
      Out.push_back({C.File, unsigned(From), unsigned(EndE - From), ""});
    }
    return true;
  }

  /// Removes the bit from a mask: "A | BIT" -> "A", "BIT | A" -> "A".
  bool edits(const Rule &R, StringRef Symbol, const std::string *Template,
             const EditContext &C, std::vector<Edit> &Out,
             std::string &Why) const override {
    if (R.Pattern == "conditional")
      return conditionalEdits(Symbol, C, Out, Why);
    if (R.Pattern != "mask")
      return Family::edits(R, Symbol, Template, C, Out, Why);
    StringRef Buf = C.Buffer;
    size_t P = C.Offset;
    while (P > 0 && (Buf[P - 1] == ' ' || Buf[P - 1] == '\t'))
      --P;
    // "(A | BIT)" leaves "(A)": then drop the parentheses too.
    auto LoneTerm = [&](size_t From, size_t To) -> bool {
      StringRef L = Buf.take_front(From).rtrim(" \t");
      StringRef R = Buf.drop_front(To).ltrim(" \t");
      size_t S = L.size();
      while (S > 0 && (std::isalnum((unsigned char)L[S - 1]) || L[S - 1] == '_'))
        --S;
      StringRef Before = L.take_front(S).rtrim(" \t");
      if (S == L.size() || !Before.ends_with("(") || !R.starts_with(")"))
        return false;
      // Not a call's argument list: the "(" must not follow an identifier.
      StringRef BB = Before.drop_back().rtrim(" \t");
      if (!BB.empty() && (std::isalnum((unsigned char)BB.back()) || BB.back() == '_'))
        return false;
      size_t Open = Before.size() - 1, Close = R.data() - Buf.data();
      Out.push_back({C.File, unsigned(Open), unsigned(Close + 1 - Open),
                     L.drop_front(S).str()});
      return true;
    };
    if (P > 0 && Buf[P - 1] == '|' && !(P > 1 && Buf[P - 2] == '|')) {
      size_t Start = P - 1;
      while (Start > 0 && (Buf[Start - 1] == ' ' || Buf[Start - 1] == '\t'))
        --Start;
      if (LoneTerm(Start, C.Offset + C.Length))
        return true;
      Out.push_back(
          {C.File, unsigned(Start), unsigned(C.Offset + C.Length - Start), ""});
      return true;
    }
    size_t E = C.Offset + C.Length;
    while (E < Buf.size() && (Buf[E] == ' ' || Buf[E] == '\t'))
      ++E;
    if (E < Buf.size() && Buf[E] == '|' &&
        !(E + 1 < Buf.size() && Buf[E + 1] == '|')) {
      ++E;
      while (E < Buf.size() && (Buf[E] == ' ' || Buf[E] == '\t'))
        ++E;
      // "(BIT | A)": keep A alone, without the parentheses.
      StringRef L = Buf.take_front(C.Offset).rtrim(" \t");
      StringRef Rt = Buf.drop_front(E);
      size_t IdE = 0;
      while (IdE < Rt.size() &&
             (std::isalnum((unsigned char)Rt[IdE]) || Rt[IdE] == '_'))
        ++IdE;
      StringRef After = Rt.drop_front(IdE).ltrim(" \t");
      StringRef BB = L.drop_back(L.ends_with("(") ? 1 : 0).rtrim(" \t");
      if (IdE && L.ends_with("(") && After.starts_with(")") &&
          !(!BB.empty() &&
            (std::isalnum((unsigned char)BB.back()) || BB.back() == '_'))) {
        size_t Open = L.size() - 1, Close = After.data() - Buf.data();
        Out.push_back({C.File, unsigned(Open), unsigned(Close + 1 - Open),
                       Rt.take_front(IdE).str()});
        return true;
      }
      Out.push_back({C.File, C.Offset, unsigned(E - C.Offset), ""});
      return true;
    }
    // x & ~BIT -> x (not in "x &= ~BIT": that statement goes by hand).
    StringRef B = rtrimCode(Buf.take_front(C.Offset));
    if (B.ends_with("~")) {
      StringRef BB = rtrimCode(B.drop_back());
      if (BB.ends_with("&") && !BB.ends_with("&&")) {
        size_t Start = BB.size() - 1;
        while (Start > 0 && (Buf[Start - 1] == ' ' || Buf[Start - 1] == '\t'))
          --Start;
        Out.push_back(
            {C.File, unsigned(Start), unsigned(C.Offset + C.Length - Start), ""});
        return true;
      }
      Why = "the bit is cleared in an assignment: delete the statement by hand";
      return false;
    }
    Why = "the mask spans lines or macros: edit by hand";
    return false;
  }
};

} // namespace

std::unique_ptr<Family> daxport::createDevmapBitFamily(TUSink &S) {
  return std::make_unique<DevmapBits>(S);
}
