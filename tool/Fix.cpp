//===- Fix.cpp - conflicts, staleness, atomic writes and diffs ------------===//
//
// The last step of `daxport fix`: edits planned by the matchers (one set per
// finding) are de-duplicated across units, overlapping edits of different
// findings are dropped as conflicts (both findings say so), files are checked
// (inside the root, unchanged since analysis), and then either a unified
// diff is produced or every file is written through a temporary file and a
// rename, all files or none.
//
//===----------------------------------------------------------------------===//
#include "tool/Fix.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Process.h"
#include "llvm/Support/raw_ostream.h"
#include "llvm/Support/xxhash.h"

#include <algorithm>
#include <set>
#include <map>

using namespace daxport;
namespace fs = llvm::sys::fs;

std::string daxport::applyEdits(llvm::StringRef Text, std::vector<Edit> Edits) {
  std::sort(Edits.begin(), Edits.end(),
            [](const Edit &A, const Edit &B) { return A.Offset < B.Offset; });
  std::string Out;
  size_t Pos = 0;
  for (const Edit &E : Edits) {
    Out += Text.slice(Pos, E.Offset).str();
    Out += E.Text;
    Pos = E.Offset + E.Length;
  }
  Out += Text.drop_front(std::min(Pos, Text.size())).str();
  return Out;
}

namespace {

/// Lines of a text, each with its terminator.
std::vector<llvm::StringRef> splitLines(llvm::StringRef S) {
  std::vector<llvm::StringRef> L;
  while (!S.empty()) {
    size_t N = S.find('\n');
    if (N == llvm::StringRef::npos) {
      L.push_back(S);
      break;
    }
    L.push_back(S.take_front(N + 1));
    S = S.drop_front(N + 1);
  }
  return L;
}

void emitLine(std::string &Out, char Tag, llvm::StringRef Line) {
  Out += Tag;
  Out += Line.str();
  if (!Line.ends_with("\n"))
    Out += "\n\\ No newline at end of file\n";
}

} // namespace

std::string daxport::unifiedDiff(const std::string &Rel, llvm::StringRef Old,
                                 std::vector<Edit> Edits) {
  // Edits change only the lines they touch: each cluster of touched lines
  // becomes '-' old lines and '+' new lines; hunks join clusters that are at
  // most 6 lines apart, with 3 lines of context.
  std::sort(Edits.begin(), Edits.end(),
            [](const Edit &A, const Edit &B) { return A.Offset < B.Offset; });
  std::vector<llvm::StringRef> A = splitLines(Old);
  std::vector<size_t> LineStart;
  size_t Pos = 0;
  for (llvm::StringRef L : A) {
    LineStart.push_back(Pos);
    Pos += L.size();
  }
  LineStart.push_back(Pos);
  auto LineOf = [&](size_t Off) {
    return size_t(std::upper_bound(LineStart.begin(), LineStart.end(), Off) -
                  LineStart.begin() - 1);
  };
  struct Span {
    size_t First, Last; // old lines, inclusive
    std::vector<Edit> Edits;
  };
  std::vector<Span> Spans;
  for (const Edit &E : Edits) {
    size_t F = std::min(LineOf(E.Offset), A.empty() ? 0 : A.size() - 1);
    size_t L = LineOf(E.Offset + (E.Length ? E.Length - 1 : 0));
    L = std::min(std::max(L, F), A.empty() ? 0 : A.size() - 1);
    if (!Spans.empty() && F <= Spans.back().Last) {
      Spans.back().Last = std::max(Spans.back().Last, L);
      Spans.back().Edits.push_back(E);
    } else
      Spans.push_back({F, L, {E}});
  }
  struct Op {
    char T;
    llvm::StringRef Line;
  };
  std::vector<std::string> NewTexts; // keeps '+' lines alive
  NewTexts.reserve(Spans.size());
  std::string Out = "--- a/" + Rel + "\n+++ b/" + Rel + "\n";
  const size_t Ctx = 3;
  long Delta = 0; // new line numbers minus old ones so far
  for (size_t S = 0; S < Spans.size();) {
    size_t E = S;
    while (E + 1 < Spans.size() &&
           Spans[E + 1].First <= Spans[E].Last + 1 + 2 * Ctx)
      ++E;
    size_t From = Spans[S].First >= Ctx ? Spans[S].First - Ctx : 0;
    size_t To = std::min(A.size() ? A.size() - 1 : 0, Spans[E].Last + Ctx);
    std::vector<Op> Ops;
    size_t Line = From;
    for (size_t K = S; K <= E; ++K) {
      for (; Line < Spans[K].First; ++Line)
        Ops.push_back({' ', A[Line]});
      size_t B0 = LineStart[Spans[K].First], B1 = LineStart[Spans[K].Last + 1];
      std::vector<Edit> Local = Spans[K].Edits;
      for (Edit &Ed : Local)
        Ed.Offset -= B0;
      NewTexts.push_back(applyEdits(Old.slice(B0, B1), Local));
      for (; Line <= Spans[K].Last; ++Line)
        Ops.push_back({'-', A[Line]});
      for (llvm::StringRef L : splitLines(NewTexts.back()))
        Ops.push_back({'+', L});
    }
    for (; Line <= To && Line < A.size(); ++Line)
      Ops.push_back({' ', A[Line]});
    size_t OA = 0, OB = 0;
    for (const Op &O : Ops) {
      OA += O.T != '+';
      OB += O.T != '-';
    }
    size_t SA = From + 1, SB = From + 1 + Delta;
    if (OA == 0)
      --SA;
    if (OB == 0)
      --SB;
    Out += "@@ -" + std::to_string(SA) + "," + std::to_string(OA) + " +" +
           std::to_string(SB) + "," + std::to_string(OB) + " @@\n";
    for (const Op &O : Ops)
      emitLine(Out, O.T, O.Line);
    Delta += long(OB) - long(OA);
    S = E + 1;
  }
  return Out;
}

namespace {

struct Planned {
  Finding *F;
  Edit E;
};

bool overlaps(const Edit &A, const Edit &B) {
  if (A.Offset == B.Offset)
    return true; // two edits at one point, even insertions, conflict
  const Edit &L = A.Offset < B.Offset ? A : B;
  const Edit &R = A.Offset < B.Offset ? B : A;
  return L.Offset + L.Length > R.Offset;
}

bool isUnderDir(const std::string &P, const std::string &Dir) {
  llvm::StringRef S(P);
  return S == Dir || (S.starts_with(Dir) && S.size() > Dir.size() &&
                      (S[Dir.size()] == '/' || Dir.back() == '/'));
}

} // namespace

FixOutcome daxport::applyFixes(ScanResult &R, const FixOptions &O) {
  FixOutcome Res;
  std::string Root = O.Root.empty() ? R.Root : O.Root;
  llvm::SmallString<256> RealRoot;
  if (fs::real_path(Root, RealRoot))
    throw InputError{Root + ": error: cannot resolve the root folder"};

  // Group by file, drop duplicates, detect conflicts.
  std::map<std::string, std::vector<Planned>> ByFile;
  for (Finding &F : R.Findings)
    for (const Edit &E : F.Edits)
      ByFile[E.File].push_back({&F, E});
  for (auto &KV : ByFile) {
    auto &V = KV.second;
    std::sort(V.begin(), V.end(), [](const Planned &A, const Planned &B) {
      return std::tie(A.E.Offset, A.E.Length, A.E.Text) <
             std::tie(B.E.Offset, B.E.Length, B.E.Text);
    });
    std::vector<Planned> U;
    for (Planned &P : V)
      if (U.empty() || U.back().E.Offset != P.E.Offset ||
          U.back().E.Length != P.E.Length || U.back().E.Text != P.E.Text ||
          U.back().F != P.F)
        U.push_back(P);
    for (size_t I = 0; I < U.size(); ++I)
      for (size_t J = I + 1; J < U.size() && U[J].E.Offset <= U[I].E.Offset +
                                                               U[I].E.Length;
           ++J)
        if (U[I].F != U[J].F && overlaps(U[I].E, U[J].E))
          for (auto [A, B] : {std::make_pair(U[I].F, U[J].F),
                              std::make_pair(U[J].F, U[I].F)}) {
            A->FixStatus = "conflict";
            A->Note = "its edit overlaps the edit for " + B->R->Id +
                      " at line " + std::to_string(B->Line) +
                      ": neither is applied";
          }
    V = std::move(U);
  }
  for (Finding &F : R.Findings)
    if (F.FixStatus == "conflict")
      F.Edits.clear();

  // A file whose unit failed to parse is not edited at all: its findings
  // may be incomplete, and a half-converted file is worse than none.
  std::set<std::string> Failed;
  for (const UnitFailure &U : R.Failures)
    Failed.insert(U.File);
  for (Finding &F : R.Findings)
    if (Failed.count(F.File) &&
        (F.FixStatus == "rewritten" || !F.Edits.empty())) {
      F.FixStatus = "incomplete";
      F.Note = "the file's unit failed to parse: nothing is rewritten in it";
      F.Edits.clear();
    }
  for (auto &KV : ByFile)
    if (Failed.count(KV.first))
      KV.second.clear();

  // A site inside another finding's applied edit (PFN_DEV in a rewritten
  // __pfn_to_pfn_t(pfn, PFN_DEV)) goes with that edit.
  for (Finding &F : R.Findings) {
    if (F.FixStatus != "no-rewrite" && F.FixStatus != "judgement")
      continue;
    auto It = ByFile.find(F.File);
    if (It == ByFile.end())
      continue;
    for (const Planned &P : It->second)
      if (P.F != &F && P.F->FixStatus == "rewritten" &&
          F.Offset >= P.E.Offset && F.Offset < P.E.Offset + P.E.Length &&
          F.R->Family == P.F->R->Family && F.R->Pattern == "flag") {
        F.FixStatus = "no-edit-needed";
        F.Note = "removed by the rewrite for " + P.F->R->Id + " at line " +
                 std::to_string(P.F->Line);
        break;
      }
  }

  // Per file: check and compute the new text.
  struct FileChange {
    std::string Path, Rel, Old, New;
    std::vector<Edit> Edits;
  };
  std::vector<FileChange> Changes;
  for (auto &KV : ByFile) {
    std::vector<Edit> Edits;
    for (const Planned &P : KV.second)
      if (P.F->FixStatus != "conflict")
        Edits.push_back(P.E);
    if (Edits.empty())
      continue;
    const std::string &Path = KV.first;
    // Test hook: another program changes this file between the analysis
    // and the write (tests of the staleness check).
    if (const char *T = getenv("DAXPORT_TEST_CHANGE_BEFORE_WRITE"))
      if (llvm::sys::path::filename(Path) == T)
        if (auto B = llvm::MemoryBuffer::getFile(Path)) {
          std::error_code EC;
          llvm::raw_fd_ostream OS(Path, EC);
          OS << "/* changed during the run */\n" << (*B)->getBuffer();
        }
    llvm::SmallString<256> Real;
    if (fs::real_path(Path, Real) || !isUnderDir(std::string(Real),
                                                 std::string(RealRoot)))
      throw InputError{Path + ": error: refusing to edit a file outside the "
                              "root " + std::string(RealRoot) +
                       " (or reached through a symlink that leaves it)"};
    auto Buf = llvm::MemoryBuffer::getFile(Path, /*IsText=*/false);
    if (!Buf)
      throw InputError{Path + ": error: cannot read: " +
                       Buf.getError().message()};
    llvm::StringRef Old = (*Buf)->getBuffer();
    for (const Edit &E : Edits)
      if (E.FileHash && E.FileHash != llvm::xxh3_64bits(Old))
        throw InputError{Path + ": error: the file changed after it was "
                                "analysed; nothing was written, run again"};
    Changes.push_back({Path,
                       relativePath(std::string(Real), std::string(RealRoot)),
                       Old.str(), applyEdits(Old, Edits), Edits});
    Res.Edits += Edits.size();
  }
  for (Finding &F : R.Findings)
    if (F.FixStatus == "rewritten")
      ++Res.Rewritten;
  (void)0;
  Res.Files = Changes.size();
  for (const FileChange &C : Changes) {
    llvm::SmallString<256> Real;
    Res.Changed.push_back(
        {fs::real_path(C.Path, Real) ? C.Path : std::string(Real), C.Old,
         C.New});
  }

  if (O.Mode == FixMode::Diff) {
    for (const FileChange &C : Changes)
      Res.Diff += unifiedDiff(C.Rel, C.Old, C.Edits);
    return Res;
  }
  if (O.Mode != FixMode::InPlace)
    return Res;

  std::vector<std::pair<std::string, std::string>> Files;
  for (const FileChange &C : Changes)
    Files.push_back({C.Path, C.New});
  writeFilesAtomically(Files);
  return Res;
}

void daxport::writeFilesAtomically(
    const std::vector<std::pair<std::string, std::string>> &Files) {
  std::vector<std::pair<std::string, std::string>> Temps; // tmp, final
  auto Cleanup = [&] {
    for (auto &T : Temps)
      fs::remove(T.first);
  };
  const char *Inject = getenv("DAXPORT_TEST_FAIL_WRITE");
  for (const auto &[Path, Text] : Files) {
    llvm::SmallString<256> Model(Path);
    llvm::sys::path::remove_filename(Model);
    llvm::sys::path::append(Model, ".daxport-%%%%%%.tmp");
    int FD;
    llvm::SmallString<256> Tmp;
    std::error_code EC = fs::createUniqueFile(Model, FD, Tmp);
    if (!EC) {
      Temps.push_back({std::string(Tmp), Path});
      llvm::raw_fd_ostream OS(FD, /*shouldClose=*/true);
      OS << Text;
      OS.close();
      if (OS.has_error()) {
        EC = OS.error();
        OS.clear_error();
      }
    }
    if (!EC && Inject && llvm::sys::path::filename(Path) == Inject)
      EC = std::make_error_code(std::errc::io_error);
    if (!EC) {
      llvm::ErrorOr<fs::perms> Perm = fs::getPermissions(Path);
      if (Perm)
        EC = fs::setPermissions(Tmp, *Perm);
    }
    if (EC) {
      Cleanup();
      throw InputError{Path + ": error: cannot write: " + EC.message() +
                       "; no file was changed"};
    }
  }
  for (auto &T : Temps)
    if (std::error_code EC = fs::rename(T.first, T.second)) {
      Cleanup();
      throw InputError{T.second + ": error: cannot replace the file: " +
                       EC.message()};
    }
}
