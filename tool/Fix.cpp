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

unsigned displayWidth(llvm::StringRef S, unsigned Col = 0) {
  for (char C : S)
    Col = C == '\t' ? (Col / 8 + 1) * 8 : Col + 1;
  return Col;
}

std::string indentTo(unsigned Col) {
  return std::string(Col / 8, '\t') + std::string(Col % 8, ' ');
}

} // namespace

std::vector<Edit> daxport::wrapEdits(llvm::StringRef Old,
                                     const std::vector<Edit> &EditsIn,
                                     unsigned Limit) {
  // Work on the edits in offset order; report them back in input order.
  std::vector<size_t> Order(EditsIn.size());
  for (size_t I = 0; I < Order.size(); ++I)
    Order[I] = I;
  std::sort(Order.begin(), Order.end(), [&](size_t A, size_t B) {
    return EditsIn[A].Offset < EditsIn[B].Offset;
  });
  std::vector<Edit> Result = EditsIn;
  // Per edit: (position in its text, length, replacement), applied at the end.
  std::vector<std::vector<std::tuple<size_t, size_t, std::string>>> Inner(
      EditsIn.size());
  auto LineStart = [&](size_t O) {
    size_t P = Old.rfind('\n', O); // searches before O
    return P == llvm::StringRef::npos ? size_t(0) : P + 1;
  };
  auto LineEnd = [&](size_t O) {
    size_t P = Old.find('\n', O);
    return P == llvm::StringRef::npos ? Old.size() : P;
  };
  for (size_t I = 0; I < Order.size();) {
    const Edit &First = EditsIn[Order[I]];
    // A span of whole original lines and the edits inside it.
    size_t B = LineStart(First.Offset);
    size_t E = LineEnd(First.Offset + First.Length);
    size_t J = I + 1;
    while (J < Order.size() && EditsIn[Order[J]].Offset <= E) {
      const Edit &X = EditsIn[Order[J]];
      E = std::max(E, LineEnd(X.Offset + X.Length));
      ++J;
    }
    unsigned OldWidth = 0;
    for (llvm::StringRef L : llvm::split(Old.slice(B, E), '\n'))
      OldWidth = std::max(OldWidth, displayWidth(L));
    // The new text; per character its original offset, or the edit and the
    // position in that edit's text.
    struct Src {
      long Orig;        // >= 0: original offset
      size_t EditIdx, At; // else: inside Result[EditIdx].Text at At
    };
    std::string New;
    std::vector<Src> From;
    size_t Pos = B;
    for (size_t K = I; K < J; ++K) {
      const Edit &X = EditsIn[Order[K]];
      for (; Pos < X.Offset; ++Pos) {
        New += Old[Pos];
        From.push_back({long(Pos), 0, 0});
      }
      for (size_t T = 0; T < X.Text.size(); ++T) {
        New += X.Text[T];
        From.push_back({-1, Order[K], T});
      }
      Pos = X.Offset + X.Length;
    }
    for (; Pos < E; ++Pos) {
      New += Old[Pos];
      From.push_back({long(Pos), 0, 0});
    }
    I = J;
    // The whitespace New[A, Z) comes from one place: the original text or
    // one edit's text, contiguously.
    auto OnePlace = [&](size_t A, size_t Z) {
      for (size_t P = A + 1; P < Z; ++P) {
        const Src &X = From[P - 1], &Y = From[P];
        bool Same = X.Orig >= 0 ? Y.Orig == X.Orig + 1
                                : Y.Orig < 0 && Y.EditIdx == X.EditIdx &&
                                      Y.At == X.At + 1;
        if (!Same)
          return false;
      }
      return true;
    };
    size_t LB = 0;
    while (LB <= New.size()) {
      size_t LE = New.find('\n', LB);
      if (LE == std::string::npos)
        LE = New.size();
      unsigned Indent = 0; // width before the current piece
      size_t Piece = LB;
      std::vector<unsigned> Carried; // parentheses open before the piece
      for (;;) {
        unsigned W = displayWidth(llvm::StringRef(New).slice(Piece, LE), Indent);
        // The line as a whole only if the edits made it longer than it was;
        // once broken, the rest as long as it is too long.
        if (W <= Limit || (Piece == LB && W <= OldWidth))
          break;
        std::vector<unsigned> Open = Carried, BestOpen;
        unsigned Col = Indent, BestCol = 0;
        size_t Best = 0, BestEnd = 0;
        char Quote = 0;
        for (size_t P = Piece; P < LE; ++P) {
          char C = New[P];
          unsigned Next = C == '\t' ? (Col / 8 + 1) * 8 : Col + 1;
          if (Quote) {
            if (C == '\\' && P + 1 < LE)
              ++P, ++Next;
            else if (C == Quote)
              Quote = 0;
          } else if (C == '"' || C == '\'') {
            Quote = C;
          } else if (C == '/' && P + 1 < LE &&
                     (New[P + 1] == '*' || New[P + 1] == '/')) {
            break; // no break points in or after a comment
          } else if (C == '(') {
            Open.push_back(Next);
          } else if (C == ')') {
            if (!Open.empty())
              Open.pop_back();
          } else if (C == ',' && !Open.empty() && Next <= Limit) {
            size_t S = P + 1;
            while (S < LE && (New[S] == ' ' || New[S] == '\t'))
              ++S;
            if (S > P + 1 && S < LE && OnePlace(P + 1, S)) {
              Best = P + 1;
              BestEnd = S;
              BestCol = Open.back();
              BestOpen = Open;
            }
          }
          Col = Next;
        }
        if (!Best || BestCol >= Limit)
          break;
        std::string Text = "\n" + indentTo(BestCol);
        const Src &S = From[Best];
        if (S.Orig >= 0)
          Result.push_back({"", unsigned(S.Orig), unsigned(BestEnd - Best),
                            Text, 0});
        else
          Inner[S.EditIdx].push_back({S.At, BestEnd - Best, Text});
        Piece = BestEnd;
        Indent = BestCol;
        Carried = BestOpen;
      }
      LB = LE + 1;
    }
  }
  for (size_t K = 0; K < Inner.size(); ++K) {
    auto &V = Inner[K];
    std::sort(V.begin(), V.end(), [](const auto &A, const auto &B) {
      return std::get<0>(A) > std::get<0>(B);
    });
    for (const auto &[At, Len, Text] : V)
      Result[K].Text.replace(At, Len, Text);
  }
  return Result;
}

std::vector<Edit> daxport::tidyDeletions(llvm::StringRef Old,
                                         const std::vector<Edit> &Edits) {
  // Lines: [Start, End) with the newline.
  std::vector<std::pair<size_t, size_t>> Lines;
  for (size_t P = 0; P < Old.size();) {
    size_t N = Old.find('\n', P);
    size_t E = N == llvm::StringRef::npos ? Old.size() : N + 1;
    Lines.push_back({P, E});
    P = E;
  }
  size_t NL = Lines.size();
  std::vector<char> Deleted(NL, 0), Added(NL, 0);
  std::vector<Edit> Dels;
  for (const Edit &E : Edits)
    if (E.Text.empty() && E.Length)
      Dels.push_back(E);
  bool Any = false;
  for (size_t L = 0; L < NL; ++L)
    for (const Edit &E : Dels)
      if (E.Offset <= Lines[L].first &&
          Lines[L].second <= size_t(E.Offset) + E.Length) {
        Deleted[L] = 1;
        Any = true;
        break;
      }
  if (!Any)
    return {};
  enum Kind { Blank, Open, Mid, Close, Other };
  std::vector<Kind> K(NL, Other);
  for (size_t L = 0; L < NL; ++L) {
    llvm::StringRef T =
        Old.slice(Lines[L].first, Lines[L].second).trim(" \t\r\n");
    if (T.empty()) {
      K[L] = Blank;
      continue;
    }
    if (!T.consume_front("#"))
      continue;
    T = T.ltrim(" \t");
    llvm::StringRef W = T.take_while([](char C) { return std::isalpha(C); });
    Kind D = W == "if" || W == "ifdef" || W == "ifndef" ? Open
             : W == "elif" || W == "else" || W == "elifdef" || W == "elifndef"
                 ? Mid
             : W == "endif" ? Close
                            : Other;
    K[L] = D;
    // Continuation lines belong to the directive.
    while (D != Other && L + 1 < NL &&
           Old.slice(Lines[L].first, Lines[L].second)
               .rtrim("\r\n")
               .ends_with("\\"))
      K[++L] = Other, Added[L] = 2; // 2: continuation of the line above
  }
  auto Gone = [&](size_t L) { return Deleted[L] || Added[L] == 1; };
  // Conditional groups the deletions emptied go too, innermost first.
  for (bool Changed = true; Changed;) {
    Changed = false;
    std::vector<std::pair<size_t, std::vector<size_t>>> Stack; // open, mids
    for (size_t L = 0; L < NL; ++L) {
      if (Gone(L))
        continue;
      if (K[L] == Open)
        Stack.push_back({L, {}});
      else if (K[L] == Mid && !Stack.empty())
        Stack.back().second.push_back(L);
      else if (K[L] == Close && !Stack.empty()) {
        auto [O, Mids] = Stack.back();
        Stack.pop_back();
        bool Empty = true, Removed = false;
        for (size_t I = O + 1; I < L && Empty; ++I) {
          bool IsMid = std::find(Mids.begin(), Mids.end(), I) != Mids.end();
          bool Cont = Added[I] == 2;
          Removed |= Gone(I) && !Cont;
          Empty = Gone(I) || K[I] == Blank || IsMid || Cont;
        }
        if (Empty && Removed)
          for (size_t I = O; I <= L; ++I)
            if (!Gone(I)) {
              Added[I] = 1;
              Changed = true;
            }
      }
    }
  }
  // No two blank lines in a row where lines went, and none right after a
  // '{' or before a '}' or at the start of the file.
  for (size_t L = 0; L < NL;) {
    if (!(Gone(L) || K[L] == Blank)) {
      ++L;
      continue;
    }
    size_t B = L;
    bool Removed = false;
    while (L < NL && (Gone(L) || K[L] == Blank)) {
      Removed |= Gone(L);
      ++L;
    }
    if (!Removed)
      continue;
    auto Text = [&](size_t I) {
      return Old.slice(Lines[I].first, Lines[I].second).trim(" \t\r\n");
    };
    auto Directive = [&](size_t I, std::initializer_list<const char *> Ws) {
      llvm::StringRef T = Text(I);
      if (!T.consume_front("#"))
        return false;
      T = T.ltrim(" \t");
      for (const char *W : Ws)
        if (T.starts_with(W))
          return true;
      return false;
    };
    bool Edge = B == 0 || Text(B - 1).ends_with("{") ||
                Directive(B - 1, {"if", "else", "elif"}) ||
                (L < NL && (Text(L).starts_with("}") ||
                            Directive(L, {"else", "elif", "endif"}))) ||
                L == NL;
    bool KeptOne = Edge;
    for (size_t I = B; I < L; ++I)
      if (!Gone(I) && K[I] == Blank) {
        if (KeptOne)
          Added[I] = 1;
        KeptOne = true;
      }
  }
  std::vector<Edit> Out;
  for (size_t L = 0; L < NL; ++L) {
    if (Added[L] != 1)
      continue;
    size_t E = L;
    while (E + 1 < NL && (Added[E + 1] == 1 || Added[E + 1] == 2) &&
           !Deleted[E + 1])
      ++E;
    Out.push_back({"", unsigned(Lines[L].first),
                   unsigned(Lines[E].second - Lines[L].first), "", 0});
    L = E;
  }
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
    // Edits inside code another finding deletes (a pfn_t parameter of a
    // definition that goes, a definition inside an #ifdef block that goes)
    // go with it: larger deletions first; a finding all of whose edits
    // lie in kept deletions of other findings is dropped.
    {
      std::map<Finding *, size_t> Largest;
      for (const Planned &P : U)
        Largest[P.F] = std::max(Largest[P.F], size_t(P.E.Text.empty() ? P.E.Length : 0));
      std::vector<Finding *> Order;
      for (const auto &KV : Largest)
        Order.push_back(KV.first);
      std::stable_sort(Order.begin(), Order.end(), [&](Finding *A, Finding *B) {
        return Largest[A] > Largest[B];
      });
      std::vector<std::pair<const Planned *, Finding *>> Kept;
      std::set<Finding *> Dropped;
      for (Finding *F : Order) {
        const Planned *By = nullptr;
        bool All = true;
        for (const Planned &P : U) {
          if (P.F != F)
            continue;
          const Planned *In = nullptr;
          for (const auto &[K, KF] : Kept)
            if (KF != F && K->E.Offset <= P.E.Offset &&
                P.E.Offset + P.E.Length <= K->E.Offset + K->E.Length &&
                !(K->E.Offset == P.E.Offset && K->E.Length == P.E.Length &&
                  !P.E.Text.empty()))
              In = K;
          All &= In != nullptr;
          if (In)
            By = In;
        }
        if (All && By) {
          Dropped.insert(F);
          F->FixStatus = "no-edit-needed";
          F->Note = "inside code deleted by the rewrite for " + By->F->R->Id +
                    " at line " + std::to_string(By->F->Line);
          F->Edits.clear();
          continue;
        }
        for (const Planned &P : U)
          if (P.F == F && P.E.Text.empty() && P.E.Length)
            Kept.push_back({&P, F});
      }
      if (!Dropped.empty()) {
        std::vector<Planned> Left;
        for (Planned &P : U)
          if (!Dropped.count(P.F))
            Left.push_back(P);
        U = std::move(Left);
        // Kept points into the old U: not used below.
      }
    }
    // Nested rewrites compose: when one edit lies inside another whose new
    // text carries the inner edit's old text verbatim, once (an argument a
    // template copies), the inner edit is applied inside the outer one.
    std::unique_ptr<llvm::MemoryBuffer> Text;
    for (size_t I = 0; I < U.size(); ++I)
      for (size_t J = 0; J < U.size(); ++J) {
        Edit &Out = U[I].E, &In = U[J].E;
        if (I == J || U[I].F == U[J].F || In.Length == 0 ||
            In.Offset < Out.Offset ||
            In.Offset + In.Length > Out.Offset + Out.Length ||
            (In.Offset == Out.Offset && In.Length == Out.Length) ||
            Out.Text.empty() || U[J].F->Edits.size() != 1)
          continue;
        if (!Text) {
          auto B = llvm::MemoryBuffer::getFile(KV.first, /*IsText=*/false);
          if (!B)
            break;
          Text = std::move(*B);
        }
        llvm::StringRef Buf = Text->getBuffer();
        if (In.Offset + In.Length > Buf.size())
          continue;
        std::string OldIn = Buf.substr(In.Offset, In.Length).str();
        size_t At = Out.Text.find(OldIn);
        if (At == std::string::npos ||
            Out.Text.find(OldIn, At + 1) != std::string::npos)
          continue;
        Out.Text.replace(At, OldIn.size(), In.Text);
        for (Edit &FE : U[I].F->Edits)
          if (FE.Offset == Out.Offset && FE.Length == Out.Length)
            FE.Text = Out.Text;
        U[J].F->Edits.clear();
        U[J].F->Note = "applied inside the rewrite for " + U[I].F->R->Id +
                       " at line " + std::to_string(U[I].F->Line);
        In.Length = 0, In.Text.clear(); // dropped below
        In.Offset = ~0u;
      }
    U.erase(std::remove_if(U.begin(), U.end(),
                           [](const Planned &P) { return P.E.Offset == ~0u; }),
            U.end());
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
  // Any site inside code another finding deletes goes with that code.
  for (Finding &F : R.Findings) {
    if (F.FixStatus != "no-rewrite" && F.FixStatus != "judgement" &&
        F.FixStatus != "definition")
      continue;
    auto It = ByFile.find(F.File);
    if (It == ByFile.end())
      continue;
    for (const Planned &P : It->second)
      if (P.F != &F && P.F->FixStatus == "rewritten" &&
          F.Offset >= P.E.Offset && F.Offset < P.E.Offset + P.E.Length &&
          ((F.R->Family == P.F->R->Family && F.R->Pattern == "flag") ||
           P.E.Text.empty())) {
        F.FixStatus = "no-edit-needed";
        F.Note = (P.E.Text.empty() ? "inside code deleted by the rewrite for "
                                   : "removed by the rewrite for ") +
                 P.F->R->Id + " at line " + std::to_string(P.F->Line);
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
    // Lines the edits made too long are wrapped the kernel way: inside an
    // edit's own text, or by an extra edit that belongs to the finding whose
    // edit is nearest.
    std::vector<Edit> Wrapped = wrapEdits(Old, Edits);
    for (size_t K = 0; K < Edits.size(); ++K)
      if (Wrapped[K].Text != Edits[K].Text)
        for (Planned &P : KV.second)
          if (P.E.Offset == Edits[K].Offset && P.E.Length == Edits[K].Length &&
              P.E.Text == Edits[K].Text) {
            for (Edit &FE : P.F->Edits)
              if (FE.Offset == P.E.Offset && FE.Length == P.E.Length &&
                  FE.Text == P.E.Text)
                FE.Text = Wrapped[K].Text;
            P.E.Text = Wrapped[K].Text;
          }
    for (size_t K = Edits.size(); K < Wrapped.size(); ++K) {
      Edit W = Wrapped[K];
      const Planned *Near = nullptr;
      for (const Planned &P : KV.second)
        if (P.F->FixStatus != "conflict" &&
            (!Near || std::labs(long(P.E.Offset) - long(W.Offset)) <
                          std::labs(long(Near->E.Offset) - long(W.Offset))))
          Near = &P;
      W.File = Near->E.File;
      W.FileHash = Near->E.FileHash;
      Near->F->Edits.push_back(W);
    }
    Edits = std::move(Wrapped);
    // Conditional groups and blank lines the deletions leave behind.
    for (Edit &T : tidyDeletions(Old, Edits)) {
      const Planned *Near = nullptr;
      for (const Planned &P : KV.second)
        if (P.F->FixStatus != "conflict" && P.E.Text.empty() &&
            (!Near || std::labs(long(P.E.Offset) - long(T.Offset)) <
                          std::labs(long(Near->E.Offset) - long(T.Offset))))
          Near = &P;
      if (!Near)
        continue;
      T.File = Near->E.File;
      T.FileHash = Near->E.FileHash;
      Near->F->Edits.push_back(T);
      Edits.push_back(T);
    }
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
