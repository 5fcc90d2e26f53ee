//===- ReportTest.cpp - report writers ------------------------------------===//
#include "rules/RuleSet.h"
#include "tool/Report.h"

#include "llvm/Support/JSON.h"
#include "llvm/Support/raw_ostream.h"
#include <gtest/gtest.h>

using namespace daxport;

namespace {

struct Fixture : ::testing::Test {
  Rule R;
  ScanResult Res;
  void SetUp() override {
    R.Id = "dax-pfn-t-type";
    R.Family = "pfn-t";
    R.Title = "pfn_t is replaced";
    R.Class = RuleClass::Mechanical;
    R.Message = "pfn_t goes";
    Finding F;
    F.R = &R;
    F.File = "/src/tree/drivers/x.c";
    F.Line = 12;
    F.Column = 3;
    F.Offset = 100;
    F.Message = "pfn_t goes";
    F.Configs = {"arm64", "x86_64"};
    F.Evidence = {"e1"};
    Res.Findings.push_back(F);
    Res.Root = "/src/tree";
    Res.Units = 1;
  }
  std::string render(Format Fm) {
    std::string S;
    llvm::raw_string_ostream OS(S);
    ReportOptions O;
    O.Fmt = Fm;
    O.ToolVersion = "0.1.0";
    RuleSet Empty;
    writeReport(OS, Res, Empty, O);
    return OS.str();
  }
};

TEST_F(Fixture, Checkpatch) {
  EXPECT_EQ(render(Format::Checkpatch),
            "drivers/x.c:12: WARNING:DAX_PFN_T_TYPE: pfn_t goes\n");
}

TEST_F(Fixture, SarifHasWhatGitHubNeeds) {
  auto V = llvm::json::parse(render(Format::Sarif));
  ASSERT_TRUE(bool(V));
  auto *Doc = V->getAsObject();
  EXPECT_EQ(*Doc->getString("version"), "2.1.0");
  auto *Run = (*Doc->getArray("runs"))[0].getAsObject();
  auto *Driver = Run->getObject("tool")->getObject("driver");
  EXPECT_EQ(*Driver->getString("name"), "daxport");
  auto *Rules = Driver->getArray("rules");
  ASSERT_EQ(Rules->size(), 1u);
  EXPECT_EQ(*(*Rules)[0].getAsObject()->getString("id"), "dax-pfn-t-type");
  auto *Result = (*Run->getArray("results"))[0].getAsObject();
  EXPECT_EQ(*Result->getString("ruleId"), "dax-pfn-t-type");
  EXPECT_EQ(*Result->getString("level"), "warning");
  auto *Loc = (*Result->getArray("locations"))[0]
                  .getAsObject()
                  ->getObject("physicalLocation");
  auto *Art = Loc->getObject("artifactLocation");
  EXPECT_EQ(*Art->getString("uri"), "drivers/x.c");
  EXPECT_EQ(*Art->getString("uriBaseId"), "%SRCROOT%");
  EXPECT_EQ(*Loc->getObject("region")->getInteger("startLine"), 12);
  EXPECT_EQ(*Loc->getObject("region")->getInteger("startColumn"), 3);
  auto *Configs = Result->getObject("properties")->getArray("configurations");
  EXPECT_EQ(Configs->size(), 2u);
  EXPECT_EQ(*Run->getObject("originalUriBaseIds")
                 ->getObject("%SRCROOT%")
                 ->getString("uri"),
            "file:///src/tree/");
}

TEST_F(Fixture, JsonCarriesEveryField) {
  auto V = llvm::json::parse(render(Format::Json));
  ASSERT_TRUE(bool(V));
  auto *F = (*V->getAsObject()->getArray("findings"))[0].getAsObject();
  EXPECT_EQ(*F->getString("rule"), "dax-pfn-t-type");
  EXPECT_EQ(*F->getString("file"), "drivers/x.c");
  EXPECT_EQ(*F->getInteger("offset"), 100);
  EXPECT_EQ(*F->getString("class"), "mechanical");
  EXPECT_EQ(*F->getString("status"), "analysed");
  EXPECT_EQ(F->getArray("configurations")->size(), 2u);
}

TEST_F(Fixture, FixesYamlIsClangTidyShaped) {
  std::string Y = render(Format::FixesYaml);
  EXPECT_NE(Y.find("Diagnostics:"), std::string::npos);
  EXPECT_NE(Y.find("DiagnosticName:  dax-pfn-t-type"), std::string::npos) << Y;
  EXPECT_NE(Y.find("FileOffset:      100"), std::string::npos) << Y;
  EXPECT_NE(Y.find("Replacements:    []"), std::string::npos) << Y;
}

} // namespace
