//===- Fix.h - turn planned edits into a diff, files or clang-apply YAML --===//
#ifndef DAXPORT_TOOL_FIX_H
#define DAXPORT_TOOL_FIX_H

#include "rules/RuleSet.h"
#include "tool/Engine.h"
#include "llvm/ADT/StringRef.h"
#include <string>

namespace daxport {

enum class FixMode { Diff, InPlace, ExportFixes };

struct FixOptions {
  FixMode Mode = FixMode::Diff;
  std::string Root; ///< edits outside it are refused; default: scan root
};

/// One file a fix changes: its path, and the text before and after.
struct ChangedFile {
  std::string Path; ///< absolute, symlink-free
  std::string Old, New;
};

struct FixOutcome {
  std::string Diff;   ///< unified diff (FixMode::Diff)
  std::vector<ChangedFile> Changed; ///< what was (or would be) written
  unsigned Files = 0; ///< files changed (or that would change)
  unsigned Edits = 0;
  unsigned Rewritten = 0; ///< findings whose edits were applied
};

/// Resolves duplicate and conflicting edits (marking the findings), checks
/// every file (inside the root, not stale), then builds the diff or writes
/// the files atomically: all or none. Throws InputError on a refusal.
FixOutcome applyFixes(ScanResult &R, const FixOptions &O);

/// The unified diff (git-apply-able) of applying Edits to Old.
std::string unifiedDiff(const std::string &RelPath, llvm::StringRef Old,
                        std::vector<Edit> Edits);

/// Writes each (path, content) to a temporary file beside it, then renames
/// them all over the originals (mode preserved): every file is either old or
/// new. Throws InputError naming the file when one cannot be written, after
/// removing the temporaries; no file is changed then.
void writeFilesAtomically(
    const std::vector<std::pair<std::string, std::string>> &Files);

/// Kernel-style re-wrapping of the lines Edits make longer than Limit
/// columns (tabs count 8) and longer than they were: each such line is
/// broken after a comma inside parentheses, at the last one that keeps the
/// line within Limit, and continued aligned with the open parenthesis
/// (tabs, then spaces). The whitespace after that comma is replaced in the
/// original text (by an extra edit) or inside an edit's own text; lines
/// with no such comma stay long. Returns Edits (in their order, with the
/// text of an edit changed where the break falls in it) followed by the
/// extra edits; none overlap.
std::vector<Edit> wrapEdits(llvm::StringRef Old, const std::vector<Edit> &Edits,
                            unsigned Limit = 80);

/// Whole-line deletions (the kernel's own definitions, calls, conditional
/// blocks) can leave a conditional group with nothing but blank lines in it,
/// or two blank lines in a row. Returns the extra whole-line deletions that
/// tidy this up: such #if/#elif/#else/#endif groups (innermost first, only
/// those the edits emptied), and blank lines beyond one where lines went
/// (none right after a '{' or an #if/#else, before a '}' or an
/// #else/#endif, at the start or end of the file).
std::vector<Edit> tidyDeletions(llvm::StringRef Old,
                                const std::vector<Edit> &Edits);

/// Applies edits (non-overlapping) to Text.
std::string applyEdits(llvm::StringRef Text, std::vector<Edit> Edits);

} // namespace daxport

#endif
