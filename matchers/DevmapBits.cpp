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

  /// Removes the bit from a mask: "A | BIT" -> "A", "BIT | A" -> "A".
  bool edits(const Rule &R, StringRef Symbol, const std::string *Template,
             const EditContext &C, std::vector<Edit> &Out,
             std::string &Why) const override {
    if (R.Pattern != "mask")
      return Family::edits(R, Symbol, Template, C, Out, Why);
    StringRef Buf = C.Buffer;
    size_t P = C.Offset;
    while (P > 0 && (Buf[P - 1] == ' ' || Buf[P - 1] == '\t'))
      --P;
    if (P > 0 && Buf[P - 1] == '|' && !(P > 1 && Buf[P - 2] == '|')) {
      size_t Start = P - 1;
      while (Start > 0 && (Buf[Start - 1] == ' ' || Buf[Start - 1] == '\t'))
        --Start;
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
