//===- RuleLoaderTest.cpp - rule pack validation --------------------------===//
#include "rules/RuleSet.h"

#include "llvm/Support/FileSystem.h"
#include "llvm/Support/raw_ostream.h"
#include <gtest/gtest.h>

using namespace daxport;

namespace {

std::string writeTemp(const std::string &Text) {
  llvm::SmallString<128> Path;
  int FD;
  EXPECT_FALSE(llvm::sys::fs::createTemporaryFile("pack", "yaml", FD, Path));
  llvm::raw_fd_ostream OS(FD, true);
  OS << Text;
  return std::string(Path);
}

const char *GoodRule = R"yaml(family: pfn-t
description: test pack
rules:
  - id: dax-test-rule
    title: a test rule
    pattern: call
    symbols: [pfn_t_to_pfn]
    class: mechanical
    message: "{symbol}() goes"
    old: "pfn_t_to_pfn(p)"
    new: "p"
    targets:
      v1: {}
      mainline: {release: "6.17"}
    commits: ["21aa65bf82a7 mm: remove callers of pfn_t functionality"]
    explain: text
)yaml";

/// Loads Text; returns the errors as strings without the file name.
std::vector<std::string> errorsFor(const std::string &Text) {
  std::string Path = writeTemp(Text);
  RuleSet RS;
  std::vector<LoadError> Errors;
  bool Ok = RS.load(Path, Errors);
  std::vector<std::string> Out;
  for (const LoadError &E : Errors)
    Out.push_back(std::to_string(E.Line) + ":" + std::to_string(E.Column) +
                  ": " + E.Message);
  EXPECT_EQ(Ok, Out.empty());
  if (!Ok)
    EXPECT_TRUE(RS.rules().empty()) << "a bad pack must add nothing";
  llvm::sys::fs::remove(Path);
  return Out;
}

std::string replace(std::string S, const std::string &From,
                    const std::string &To) {
  size_t P = S.find(From);
  EXPECT_NE(P, std::string::npos) << From;
  return S.replace(P, From.size(), To);
}

TEST(RuleLoader, AcceptsGoodPack) {
  std::string Path = writeTemp(GoodRule);
  RuleSet RS;
  std::vector<LoadError> Errors;
  ASSERT_TRUE(RS.load(Path, Errors));
  ASSERT_EQ(RS.rules().size(), 1u);
  const Rule *R = RS.byId("dax-test-rule");
  ASSERT_TRUE(R);
  EXPECT_EQ(R->Family, "pfn-t");
  EXPECT_EQ(R->Class, RuleClass::Mechanical);
  EXPECT_TRUE(R->V1.Present);
  EXPECT_EQ(R->Mainline.Release, "6.17");
  EXPECT_EQ(R->messageFor("pfn_t_to_pfn"), "pfn_t_to_pfn() goes");
  EXPECT_EQ(RS.find("pfn-t", "call", "pfn_t_to_pfn"), R);
  EXPECT_EQ(RS.find("pfn-t", "type", "pfn_t_to_pfn"), nullptr);
  EXPECT_EQ(R->Line, 4u);
  EXPECT_EQ(R->Column, 5u);
}

TEST(RuleLoader, DuplicateKeyIsAnErrorAtTheSecondKey) {
  auto E = errorsFor(replace(GoodRule, "    class: mechanical\n",
                             "    class: mechanical\n    class: judgement\n"));
  ASSERT_EQ(E.size(), 1u);
  EXPECT_EQ(E[0], "9:5: rule: duplicate key 'class'");
}

TEST(RuleLoader, UnknownKey) {
  auto E = errorsFor(replace(GoodRule, "    explain: text\n",
                             "    explain: text\n    severity: high\n"));
  ASSERT_EQ(E.size(), 1u);
  EXPECT_EQ(E[0].substr(0, 35), "17:5: rule: unknown key 'severity' ");
}

TEST(RuleLoader, MissingRequiredKey) {
  auto E = errorsFor(replace(GoodRule, "    old: \"pfn_t_to_pfn(p)\"\n", ""));
  ASSERT_EQ(E.size(), 1u);
  EXPECT_EQ(E[0], "4:5: rule: missing required key 'old'");
}

TEST(RuleLoader, WrongType) {
  auto E = errorsFor(replace(GoodRule, "symbols: [pfn_t_to_pfn]",
                             "symbols: pfn_t_to_pfn"));
  ASSERT_EQ(E.size(), 1u);
  EXPECT_EQ(E[0], "7:14: symbols must be a list of strings");
}

TEST(RuleLoader, UnknownFamilyPatternClassRelease) {
  EXPECT_EQ(errorsFor(replace(GoodRule, "family: pfn-t", "family: pfnt"))[0]
                .substr(0, 30),
            "1:9: unknown family 'pfnt' (ex");
  EXPECT_EQ(errorsFor(replace(GoodRule, "pattern: call", "pattern: calls"))[0]
                .substr(0, 30),
            "6:14: unknown pattern 'calls' ");
  EXPECT_EQ(
      errorsFor(replace(GoodRule, "class: mechanical", "class: auto"))[0]
          .substr(0, 27),
      "8:12: unknown class 'auto' ");
  EXPECT_EQ(errorsFor(replace(GoodRule, "\"6.17\"", "\"6.18\""))[0].substr(0, 30),
            "14:27: unknown release '6.18' ");
}

TEST(RuleLoader, MainlineNeedsRelease) {
  auto E = errorsFor(replace(GoodRule, "{release: \"6.17\"}", "{}"));
  ASSERT_EQ(E.size(), 1u);
  EXPECT_EQ(E[0], "14:17: target 'mainline': missing required key 'release'");
}

TEST(RuleLoader, SyntaxErrorHasPosition) {
  auto E = errorsFor(replace(GoodRule, "symbols: [pfn_t_to_pfn]",
                             "symbols: [pfn_t_to_pfn"));
  ASSERT_EQ(E.size(), 1u);
  EXPECT_NE(E[0].find(':'), std::string::npos);
  EXPECT_NE(E[0].substr(0, 2), "0:");
}

TEST(RuleLoader, BadIdSymbolAndCommit) {
  EXPECT_EQ(errorsFor(replace(GoodRule, "dax-test-rule", "Test_Rule"))[0]
                .substr(0, 30),
            "4:9: rule id 'Test_Rule' must ");
  EXPECT_EQ(errorsFor(replace(GoodRule, "[pfn_t_to_pfn]", "[\"pfn t\"]"))[0],
            "7:15: symbol 'pfn t' is not a C identifier");
  EXPECT_EQ(errorsFor(replace(GoodRule, "21aa65bf82a7 mm", "21aa mm"))[0]
                .substr(0, 25),
            "15:15: commit '21aa mm: r");
}

TEST(RuleLoader, DuplicateIdAcrossPacks) {
  std::string A = writeTemp(GoodRule), B = writeTemp(GoodRule);
  RuleSet RS;
  std::vector<LoadError> Errors;
  EXPECT_TRUE(RS.load(A, Errors));
  EXPECT_FALSE(RS.load(B, Errors));
  ASSERT_EQ(Errors.size(), 1u);
  EXPECT_EQ(Errors[0].Line, 4u);
  EXPECT_EQ(Errors[0].Message, "duplicate rule id 'dax-test-rule'");
  EXPECT_EQ(RS.rules().size(), 1u);
  EXPECT_EQ(Errors[0].str().find(B), 0u) << "the error names the file";
}

TEST(RuleLoader, ShippedPacksLoad) {
  RuleSet RS;
  std::vector<LoadError> Errors;
  EXPECT_TRUE(RS.load(DAXPORT_RULES_DIR, Errors));
  for (const LoadError &E : Errors)
    ADD_FAILURE() << E.str();
  // Every family has at least one rule.
  for (const FamilyInfo &F : families()) {
    bool Found = false;
    for (const auto &R : RS.rules())
      Found |= R->Family == F.Name;
    EXPECT_TRUE(Found) << F.Name;
  }
}

} // namespace
