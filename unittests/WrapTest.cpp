//===- WrapTest.cpp - kernel-style re-wrapping of lengthened lines --------===//
#include "tool/Fix.h"

#include "llvm/ADT/StringExtras.h"
#include "gtest/gtest.h"

using namespace daxport;

namespace {

std::string fixAndWrap(const std::string &Old, std::vector<Edit> Edits) {
  return applyEdits(Old, wrapEdits(Old, Edits));
}

/// Only the edits wrapping added or changed.
size_t changes(const std::string &Old, const std::vector<Edit> &Edits) {
  std::vector<Edit> W = wrapEdits(Old, Edits);
  size_t N = W.size() - Edits.size();
  for (size_t I = 0; I < Edits.size(); ++I)
    N += W[I].Text != Edits[I].Text;
  return N;
}

Edit replace(const std::string &Old, const std::string &What,
             const std::string &With, size_t From = 0) {
  size_t At = Old.find(What, From);
  EXPECT_NE(At, std::string::npos) << What;
  return {"f.c", unsigned(At), unsigned(What.size()), With, 0};
}

TEST(Wrap, BreaksAfterLastFittingCommaAlignedWithParen) {
  std::string Old = "\t\tret = vmf_insert_mixed(vmf->vma, vmf->address & PAGE_MASK, "
                    "pfn);\n";
  std::string New = fixAndWrap(
      Old, {replace(Old, "vmf_insert_mixed(vmf->vma, vmf->address & PAGE_MASK, pfn)",
                    "dax_insert_pfn(vmf->vma, vmf->address & PAGE_MASK, pfn, false)")});
  // 80 columns before, 85 after. '(' of dax_insert_pfn( ends at column
  // 16 + 21 = 37: four tabs, five spaces.
  EXPECT_EQ(New, "\t\tret = dax_insert_pfn(vmf->vma, vmf->address & PAGE_MASK, "
                 "pfn,\n\t\t\t\t     false);\n");
}

TEST(Wrap, LinesWithinTheLimitOrNotLongerAreKept) {
  std::string Old = "int f(pfn_t a, pfn_t b);\n";
  EXPECT_EQ(changes(Old, {replace(Old, "pfn_t", "unsigned long")}), 0u);
  // Already longer than 80 before the edit, and not longer after it.
  std::string Long = "int g(" + std::string(70, 'x') + ", pfn_t_to_pfn(p), y);\n";
  EXPECT_EQ(changes(Long, {replace(Long, "pfn_t_to_pfn(p)", "p")}), 0u);
}

TEST(Wrap, NeverBreaksInStringsOrWithoutAFittingComma) {
  std::string Old = "x = " + std::string(74, 'a') + "(pfn_t_to_phys(p));\n";
  EXPECT_EQ(changes(Old, {replace(Old, "pfn_t_to_phys(p)", "PFN_PHYS(p)")}), 0u);
  std::string None = "x = " + std::string(74, 'a') + "(pfn_t_to_phys(p));\n";
  EXPECT_EQ(changes(None, {replace(None, "pfn_t_to_phys", "xxxxxxxxxxxxxxxxxx")}),
            0u);
  std::string Str = "printk(\"a, b, c, d, e, f, g, h, i, j, k, l, m, n, o, p, "
                    "q, r, s, t\", pfn_t x);\n";
  std::string New = fixAndWrap(Str, {replace(Str, "pfn_t", "unsigned long")});
  EXPECT_NE(New.find("\"a, b, c, d, e, f, g, h, i, j, k, l, m, n, o, p, q, r, s, t\""),
            std::string::npos)
      << New;
}

TEST(Wrap, LongRemainderIsWrappedAgainAtTheSameParen) {
  std::string Old = "static int fn(pfn_t aaaaaaaaaaaa, pfn_t bbbbbbbbbbbb, "
                    "pfn_t cccccccccccc, pfn_t dddddddddddd, pfn_t eeeeeeeeeeee);\n";
  std::vector<Edit> E;
  for (size_t P = Old.find("pfn_t"); P != std::string::npos;
       P = Old.find("pfn_t", P + 1))
    E.push_back({"f.c", unsigned(P), 5, "unsigned long", 0});
  std::string New = fixAndWrap(Old, E);
  for (llvm::StringRef L : llvm::split(llvm::StringRef(New).rtrim('\n'), '\n')) {
    unsigned W = 0;
    for (char C : L)
      W = C == '\t' ? (W / 8 + 1) * 8 : W + 1;
    EXPECT_LE(W, 80u) << L.str();
  }
  EXPECT_NE(New.find(",\n\t      unsigned long"), std::string::npos) << New;
}

} // namespace
