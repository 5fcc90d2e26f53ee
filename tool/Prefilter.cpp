//===- Prefilter.cpp - token index of a source tree ------------------------===//
#include "tool/Prefilter.h"
#include "rules/RuleSet.h"

#include "llvm/ADT/StringRef.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/ThreadPool.h"
#include "llvm/Support/Threading.h"

#include <deque>
#include <mutex>

using namespace daxport;
namespace fs = llvm::sys::fs;
namespace path = llvm::sys::path;

namespace {

bool isIdentStart(char C) {
  return (C >= 'a' && C <= 'z') || (C >= 'A' && C <= 'Z') || C == '_';
}
bool isIdentChar(char C) { return isIdentStart(C) || (C >= '0' && C <= '9'); }

/// Identifiers of Text that are rule symbols, and its #include names.
void indexText(llvm::StringRef Text, const llvm::StringSet<> &Symbols,
               std::set<std::string> &Found, std::vector<std::string> &Incl) {
  const char *P = Text.begin(), *E = Text.end();
  bool LineStart = true;
  while (P < E) {
    char C = *P;
    if (C == '\n') {
      LineStart = true;
      ++P;
      continue;
    }
    if (LineStart && C == '#') {
      // #include <x> / "x"
      const char *Q = P + 1;
      while (Q < E && (*Q == ' ' || *Q == '\t'))
        ++Q;
      if (E - Q > 7 && llvm::StringRef(Q, 7) == "include") {
        Q += 7;
        while (Q < E && (*Q == ' ' || *Q == '\t'))
          ++Q;
        if (Q < E && (*Q == '<' || *Q == '"')) {
          char Close = *Q == '<' ? '>' : '"';
          const char *R = Q + 1;
          while (R < E && *R != Close && *R != '\n')
            ++R;
          if (R < E && *R == Close)
            Incl.push_back(std::string(Q + 1, R));
        }
      }
    }
    if (C != ' ' && C != '\t')
      LineStart = false;
    if (isIdentStart(C)) {
      const char *S = P;
      while (P < E && isIdentChar(*P))
        ++P;
      llvm::StringRef Id(S, P - S);
      if (Symbols.count(Id))
        Found.insert(Id.str());
      continue;
    }
    if (C >= '0' && C <= '9') {
      while (P < E && isIdentChar(*P))
        ++P;
      continue;
    }
    ++P;
  }
}

} // namespace

TokenIndex daxport::buildTokenIndex(const std::vector<std::string> &Roots,
                                    const RuleSet &Rules, unsigned Jobs) {
  llvm::StringSet<> Symbols;
  for (const std::string &S : Rules.symbols())
    Symbols.insert(S);
  std::vector<std::string> Files;
  for (const std::string &Root : Roots) {
    if (!fs::is_directory(Root)) {
      Files.push_back(Root);
      continue;
    }
    std::error_code EC;
    for (fs::recursive_directory_iterator It(Root, EC), End; It != End && !EC;
         It.increment(EC)) {
      llvm::StringRef P = It->path();
      llvm::StringRef Name = path::filename(P);
      if (Name.starts_with(".")) {
        It.no_push();
        continue;
      }
      if (P.ends_with(".c") || P.ends_with(".h") || Name.starts_with("Kconfig"))
        Files.push_back(P.str());
    }
  }
  TokenIndex Idx;
  std::mutex M;
  {
    llvm::DefaultThreadPool Pool(llvm::hardware_concurrency(Jobs));
    const size_t Chunk = 256;
    for (size_t B = 0; B < Files.size(); B += Chunk)
      Pool.async([&, B] {
        for (size_t I = B; I < std::min(Files.size(), B + Chunk); ++I) {
          auto Buf = llvm::MemoryBuffer::getFile(Files[I], /*IsText=*/false,
                                                 /*RequiresNullTerminator=*/false);
          if (!Buf)
            continue;
          std::set<std::string> Found;
          std::vector<std::string> Incl;
          indexText((*Buf)->getBuffer(), Symbols, Found, Incl);
          std::lock_guard<std::mutex> L(M);
          ++Idx.FilesRead;
          Idx.BytesRead += (*Buf)->getBufferSize();
          if (!Found.empty())
            Idx.Symbols[Files[I]] = std::move(Found);
          if (!Incl.empty())
            Idx.Includes[Files[I]] = std::move(Incl);
        }
      });
    Pool.wait();
  }
  for (const auto &KV : Idx.Includes)
    for (const std::string &Inc : KV.second)
      Idx.ByBase[path::filename(Inc).str()].push_back({KV.first, Inc});
  return Idx;
}

std::vector<std::string>
TokenIndex::includersOf(const std::string &Header,
                        const std::set<std::string> &Candidates,
                        size_t Max) const {
  // Reverse edges: an include string matches a header whose path ends with
  // "/" + the string (<linux/mm.h> ~ .../include/linux/mm.h); a quoted one
  // may also be relative to the includer's folder (then it ends the same way).
  std::vector<std::string> Out;
  std::set<std::string> Seen = {Header};
  std::deque<std::string> Queue = {Header};
  while (!Queue.empty() && Out.size() < Max) {
    std::string H = Queue.front();
    Queue.pop_front();
    auto It = ByBase.find(path::filename(H).str());
    if (It == ByBase.end())
      continue;
    for (const auto &[Includer, Inc] : It->second) {
      if (Seen.count(Includer))
        continue;
      llvm::StringRef HR(H);
      bool Match = HR.ends_with("/" + Inc) ||
                   (Inc.find('/') == std::string::npos &&
                    path::parent_path(Includer) == path::parent_path(H));
      if (!Match)
        continue;
      Seen.insert(Includer);
      if (llvm::StringRef(Includer).ends_with(".c")) {
        if (Candidates.count(Includer))
          Out.push_back(Includer);
      } else
        Queue.push_back(Includer);
      if (Out.size() >= Max)
        break;
    }
  }
  return Out;
}
