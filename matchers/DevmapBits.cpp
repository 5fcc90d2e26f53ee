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
    if (OrBefore || OrAfter)
      return {"mask", "use"};
    return {"use"};
  }
};

} // namespace

std::unique_ptr<Family> daxport::createDevmapBitFamily(TUSink &S) {
  return std::make_unique<DevmapBits>(S);
}
