//===- VerifyTest.cpp - compiler diagnostics: parsing and baselines -------===//
#include "tool/Verify.h"
#include "tool/Engine.h"
#include <gtest/gtest.h>

using namespace daxport;

namespace {

VerifyDiag diag(std::string File, unsigned Line, std::string Sev,
                std::string Msg, unsigned Col = 1) {
  VerifyDiag D;
  D.Arch = "x86_64";
  D.File = std::move(File);
  D.Line = Line;
  D.Column = Col;
  D.Severity = std::move(Sev);
  D.Message = std::move(Msg);
  return D;
}

TEST(ParseDiagnostics, ClangKbuildOutput) {
  const char *Log =
      "  CC      fs/dax.o\n"
      "In file included from /src/fs/dax.c:12:\n"
      "/src/include/linux/pfn_t.h:40:15: warning: unused variable 'x' "
      "[-Wunused-variable]\n"
      "   40 |         int x;\n"
      "      |             ^\n"
      "/src/fs/dax.c:1753:6: error: call to undeclared function "
      "'pmd_devmapp'; ISO C99 and later do not support implicit function "
      "declarations [-Wimplicit-function-declaration]\n"
      "/src/fs/dax.c:1753:6: note: did you mean 'pmd_devmap'?\n"
      "./include/generated/autoconf.h:3:9: warning: 'X' macro redefined "
      "[-Wmacro-redefined]\n"
      "1 warning and 1 error generated.\n"
      "make[3]: *** [/src/scripts/Makefile.build:229: fs/dax.o] Error 1\n";
  auto Ds = parseCompilerDiagnostics(Log, "arm64", {"/src"});
  ASSERT_EQ(Ds.size(), 3u);
  EXPECT_EQ(Ds[0].File, "include/linux/pfn_t.h");
  EXPECT_EQ(Ds[0].Line, 40u);
  EXPECT_EQ(Ds[0].Column, 15u);
  EXPECT_EQ(Ds[0].Severity, "warning");
  EXPECT_EQ(Ds[0].Message, "unused variable 'x' [-Wunused-variable]");
  EXPECT_EQ(Ds[0].Arch, "arm64");
  EXPECT_EQ(Ds[1].File, "fs/dax.c");
  EXPECT_EQ(Ds[1].Severity, "error");
  EXPECT_EQ(Ds[1].Line, 1753u);
  EXPECT_EQ(Ds[1].Column, 6u);
  EXPECT_EQ(Ds[2].File, "include/generated/autoconf.h");
}

TEST(ParseDiagnostics, GccFormsAndRoots) {
  const char *Log =
      "/base/fs/dax.c: In function 'dax_iomap_pte_fault':\n"
      "/base/fs/dax.c:1753:13: error: implicit declaration of function "
      "'pmd_devmapp' [-Werror=implicit-function-declaration]\n"
      "/src/mm/memory.c:88: warning: no column here\n"
      "/elsewhere/x.h:1:1: fatal error: y.h: No such file or directory\n"
      "ld.lld: error: undefined symbol: foo\n"
      "cc1: all warnings being treated as errors\n"
      "/src/../src/fs/./a.c:2:3: warning: dots [-Wfoo]\n";
  auto Ds = parseCompilerDiagnostics(Log, "x86_64", {"/base", "/src"});
  ASSERT_EQ(Ds.size(), 4u);
  EXPECT_EQ(Ds[0].File, "fs/dax.c");
  EXPECT_EQ(Ds[0].Severity, "error");
  EXPECT_EQ(Ds[1].File, "mm/memory.c");
  EXPECT_EQ(Ds[1].Line, 88u);
  EXPECT_EQ(Ds[1].Column, 0u);
  EXPECT_EQ(Ds[2].File, "/elsewhere/x.h");
  EXPECT_EQ(Ds[2].Severity, "error");
  EXPECT_EQ(Ds[2].Message, "y.h: No such file or directory");
  EXPECT_EQ(Ds[3].File, "fs/a.c");
}

TEST(ParseDiagnostics, EarliestMarkerWins) {
  auto Ds = parseCompilerDiagnostics(
      "a.c:1:2: warning: text mentioning x: error: y [-Wz]\n", "x86_64");
  ASSERT_EQ(Ds.size(), 1u);
  EXPECT_EQ(Ds[0].Severity, "warning");
  EXPECT_EQ(Ds[0].Message, "text mentioning x: error: y [-Wz]");
}

TEST(NewDiagnostics, MovedLinesStillMatch) {
  std::vector<VerifyDiag> Base = {
      diag("fs/dax.c", 100, "warning", "unused variable 'a' [-Wunused]"),
      diag("fs/dax.c", 200, "warning", "unused variable 'b' [-Wunused]")};
  std::vector<VerifyDiag> Patched = {
      diag("fs/dax.c", 104, "warning", "unused variable 'a' [-Wunused]"),
      diag("fs/dax.c", 190, "warning", "unused variable 'b' [-Wunused]")};
  EXPECT_TRUE(newDiagnostics(Patched, Base).empty());
}

TEST(NewDiagnostics, SurplusOfSameKeyIsNew) {
  std::vector<VerifyDiag> Base = {
      diag("fs/dax.c", 100, "warning",
           "no previous prototype [-Wmissing-prototypes]")};
  std::vector<VerifyDiag> Patched = {
      diag("fs/dax.c", 40, "warning",
           "no previous prototype [-Wmissing-prototypes]"),
      diag("fs/dax.c", 103, "warning",
           "no previous prototype [-Wmissing-prototypes]")};
  auto New = newDiagnostics(Patched, Base);
  ASSERT_EQ(New.size(), 1u);
  EXPECT_EQ(New[0].Line, 40u); // 103 is the old one, moved by 3 lines
}

TEST(NewDiagnostics, SeverityFlagFileAndMessageDistinguish) {
  std::vector<VerifyDiag> Base = {diag("fs/dax.c", 10, "warning", "m [-Wfoo]"),
                                  diag("fs/dax.c", 20, "warning", "m [-Wbar]")};
  std::vector<VerifyDiag> Patched = {
      diag("fs/dax.c", 10, "error", "m [-Wfoo]"),      // now an error
      diag("fs/dax.c", 20, "warning", "m [-Wbaz]"),    // other flag
      diag("mm/memory.c", 10, "warning", "m [-Wfoo]"), // other file
      diag("fs/dax.c", 11, "warning", "m [-Wfoo]")};   // the old one
  auto New = newDiagnostics(Patched, Base);
  ASSERT_EQ(New.size(), 3u);
  EXPECT_EQ(New[0].Severity, "error");
  EXPECT_EQ(New[1].Message, "m [-Wbaz]");
  EXPECT_EQ(New[2].File, "mm/memory.c");
}

TEST(NewDiagnostics, NoBaselineAllNewAndOrderKept) {
  std::vector<VerifyDiag> Patched = {diag("b.c", 2, "error", "x"),
                                     diag("a.c", 1, "warning", "y")};
  auto New = newDiagnostics(Patched, {});
  ASSERT_EQ(New.size(), 2u);
  EXPECT_EQ(New[0].File, "b.c");
  EXPECT_TRUE(newDiagnostics({}, Patched).empty());
}

TEST(VerifyReport, FormatsAndUnknownFormat) {
  VerifyResult R;
  R.Src = "/src";
  R.Cells.push_back(
      {"arm64",
       "fs/dax.c",
       "error",
       {diag("fs/dax.c", 1753, "error", "use of undeclared identifier 'x'")}});
  R.Cells.back().New[0].Arch = "arm64";
  R.Cells.push_back({"arm64", "arch/x86/mm/pgtable.c", "not-built", {}});
  R.Notes.push_back("a note");
  std::string Text = verifyReport(R, "text");
  EXPECT_NE(Text.find("arm64  fs/dax.c               error (1 new)"),
            std::string::npos)
      << Text;
  EXPECT_NE(Text.find("    fs/dax.c:1753:1: error: use of undeclared"),
            std::string::npos);
  EXPECT_NE(Text.find("1 error, 0 new-warnings, 1 not-built"),
            std::string::npos);
  std::string Json = verifyReport(R, "json");
  EXPECT_NE(Json.find("\"state\": \"not-built\""), std::string::npos);
  std::string Sarif = verifyReport(R, "sarif");
  EXPECT_NE(Sarif.find("\"ruleId\": \"compiler-error\""), std::string::npos);
  EXPECT_NE(Sarif.find("\"uriBaseId\": \"%SRCROOT%\""), std::string::npos);
  EXPECT_THROW(verifyReport(R, "xml"), InputError);
}

TEST(Verify, UsageErrors) {
  VerifyOptions O;
  O.Src = "/nonexistent/tree";
  EXPECT_THROW(runVerify(O), InputError);
  O.Src = "/";
  O.Base = "HEAD";
  O.BaseDir = "/";
  EXPECT_THROW(runVerify(O), InputError); // both bases
}

} // namespace
