//===- EngineTest.cpp - merging findings across units and configurations --===//
#include "rules/RuleSet.h"
#include "tool/Engine.h"
#include <gtest/gtest.h>

using namespace daxport;

namespace {

Finding make(const Rule *R, std::string File, unsigned Off, Status St,
             int Spec, std::string Config) {
  Finding F;
  F.R = R;
  F.File = File;
  F.Offset = Off;
  F.Line = 1;
  F.Column = Off + 1;
  F.St = St;
  F.Specificity = Spec;
  F.Configs.insert(Config);
  return F;
}

TEST(Merge, OneFindingPerSiteWithAllConfigurations) {
  Rule R;
  R.Id = "dax-x";
  auto Out = mergeFindings({make(&R, "/a.h", 5, Status::Analysed, 1, "x86_64"),
                            make(&R, "/a.h", 5, Status::Analysed, 1, "arm64"),
                            make(&R, "/a.h", 9, Status::Analysed, 1, "arm64")});
  ASSERT_EQ(Out.size(), 2u);
  EXPECT_EQ(Out[0].Configs, (std::set<std::string>{"arm64", "x86_64"}));
  EXPECT_EQ(Out[1].Configs, (std::set<std::string>{"arm64"}));
}

TEST(Merge, CompiledBeatsNotCompiled) {
  Rule R;
  R.Id = "dax-x";
  auto Out =
      mergeFindings({make(&R, "/a.h", 5, Status::NotCompiled, -1, "x86_64"),
                     make(&R, "/a.h", 5, Status::Analysed, 1, "arm64")});
  ASSERT_EQ(Out.size(), 1u);
  EXPECT_EQ(Out[0].St, Status::Analysed);
  EXPECT_EQ(Out[0].Configs, (std::set<std::string>{"arm64"}));
}

TEST(Merge, MoreSpecificAnalysisWins) {
  Rule Generic, Specific;
  Generic.Id = "dax-generic";
  Specific.Id = "dax-specific";
  auto Out =
      mergeFindings({make(&Generic, "/a.c", 5, Status::Analysed, 1, "x86_64"),
                     make(&Specific, "/a.c", 5, Status::Analysed, 5, "arm64")});
  ASSERT_EQ(Out.size(), 1u);
  EXPECT_EQ(Out[0].R, &Specific);
  EXPECT_EQ(Out[0].Configs, (std::set<std::string>{"arm64", "x86_64"}));
}

TEST(Paths, RelativeOnlyBelowRoot) {
  EXPECT_EQ(relativePath("/src/tree/mm/a.c", "/src/tree"), "mm/a.c");
  EXPECT_EQ(relativePath("/src/treeish/a.c", "/src/tree"), "/src/treeish/a.c");
  EXPECT_EQ(relativePath("/elsewhere/a.c", "/src/tree"), "/elsewhere/a.c");
}

} // namespace
