//===- Verify.h - build what a port changed and report what it broke -----===//
//
// `daxport verify`: per architecture, the changed .c files that the
// configuration builds and a deterministic sample of the objects that
// include each changed header are compiled with Kbuild (W=1) in the prepared
// O= directory of tool/Kernel.h; objects that printed diagnostics are
// compiled again from the base sources (git revision or pristine tree,
// through a symlink overlay of the tree);
// only diagnostics the change added are reported, like the kernel test
// robot, one cell per architecture and changed file.
//
//===----------------------------------------------------------------------===//
#ifndef DAXPORT_TOOL_VERIFY_H
#define DAXPORT_TOOL_VERIFY_H

#include "llvm/ADT/StringRef.h"
#include <string>
#include <vector>

namespace daxport {

struct VerifyOptions {
  std::string Src;                 ///< kernel tree (a git work tree or not)
  std::vector<std::string> Arches; ///< default x86_64
  std::string KernelCache;         ///< as KernelOptions::Out
  /// Git revision of Src to compare with (default HEAD when Src is a git
  /// work tree and no BaseDir is given).
  std::string Base;
  /// Explicit changed files (relative to Src, or absolute below it) instead
  /// of `git diff --name-only BASE`.
  std::vector<std::string> Files;
  /// A pristine tree to compare with when Files are given without git
  /// (optional; without it there is no baseline: every diagnostic is new).
  std::string BaseDir;
  unsigned Jobs = 0;  ///< make -j and parallel baseline compiles; 0: all cores
  bool Quiet = false; ///< no progress on stderr
  /// New: new errors and warnings (W=1) against the baseline. All: every
  /// error and warning of the patched build, no baseline. Off: errors only,
  /// no W=1, no baseline.
  enum class Warnings { New, All, Off } Warn = Warnings::New;
  /// GCC: gcc (x86_64 host) or a Debian cross gcc through CROSS_COMPILE,
  /// in a separate O= directory configured from the prepared one.
  enum class Toolchain { LLVM, GCC } Tool = Toolchain::LLVM;
  /// At most this many objects are built per changed header and
  /// architecture (sampled deterministically, with a note).
  unsigned MaxHeaderObjects = 40;
};

struct VerifyDiag {
  std::string Arch, File; ///< File relative to the tree when below it
  unsigned Line = 0, Column = 0;
  std::string Severity; ///< error | warning
  std::string Message;  ///< as the compiler printed it, flag included
};

struct VerifyCell {
  std::string Arch, File;
  std::string State; ///< ok | new-warnings | error | not-built
  std::vector<VerifyDiag> New;
};

struct VerifyResult {
  std::vector<VerifyCell> Cells; ///< per architecture, then file
  /// Sampling, pre-existing failures, files not verified, timings.
  std::vector<std::string> Notes;
  double Seconds = 0;
  std::string Src; ///< absolute tree (SARIF's %SRCROOT%); may be empty
};

/// Builds and compares; throws InputError (tool/Engine.h) on usage errors:
/// no such tree, bad revision, not a git work tree without Files, missing
/// cross toolchain (naming the Debian package), failing preparation.
VerifyResult runVerify(const VerifyOptions &O);

/// Diagnostics in gcc/clang form, "file:line[:col]: (fatal error|error|
/// warning): message [-Wflag]", one per line; notes and context lines are
/// skipped. A path below one of \p Roots (tried in order) is made relative
/// to it; "./x" becomes "x".
std::vector<VerifyDiag>
parseCompilerDiagnostics(llvm::StringRef Log, const std::string &Arch,
                         const std::vector<std::string> &Roots = {});

/// The diagnostics of \p Patched that \p Base does not have. Matching is on
/// file, severity and message (the flag is part of it), whatever the line:
/// within one key, pairs are taken closest lines first, so a diagnostic that
/// moved with inserted or removed lines still matches, and only the surplus
/// is new. Order of \p Patched is kept.
std::vector<VerifyDiag> newDiagnostics(const std::vector<VerifyDiag> &Patched,
                                       const std::vector<VerifyDiag> &Base);

/// text, json or sarif (SARIF 2.1.0); throws InputError for other formats.
std::string verifyReport(const VerifyResult &R, const std::string &Format);

} // namespace daxport

#endif
