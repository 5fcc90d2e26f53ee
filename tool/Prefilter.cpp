//===- Prefilter.cpp - token index of a source tree ------------------------===//
#include "tool/Prefilter.h"
#include "rules/RuleSet.h"
#include "tool/Fix.h"

#include "llvm/ADT/StringRef.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"
#include "llvm/Support/xxhash.h"
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

namespace {

/// One file's entry in the on-disk index: stamp, symbols, include strings.
struct CachedEntry {
  uint64_t Size = 0;
  int64_t MTime = 0;
  llvm::StringRef Symbols, Includes; // '\x1f'-separated
};

const char CacheMagic[] = "daxport-tokens 1";

std::string cacheFile(const std::string &CacheDir,
                      const std::vector<std::string> &Roots,
                      const llvm::StringSet<> &Symbols) {
  std::vector<std::string> Sorted;
  for (const auto &S : Symbols)
    Sorted.push_back(S.getKey().str());
  std::sort(Sorted.begin(), Sorted.end());
  std::string K;
  for (const std::string &S : Sorted)
    K += S + "\n";
  for (const std::string &R : Roots)
    K += "root " + R + "\n";
  llvm::SmallString<256> P(CacheDir);
  path::append(P, "tokens", llvm::utohexstr(llvm::xxh3_64bits(K)) + ".idx");
  return std::string(P);
}

/// Parses the on-disk index; entries point into Buf.
llvm::StringMap<CachedEntry> readCache(const llvm::MemoryBuffer &Buf) {
  llvm::StringMap<CachedEntry> Out;
  llvm::StringRef Text = Buf.getBuffer();
  auto [Head, Rest] = Text.split('\n');
  if (Head != CacheMagic)
    return Out;
  while (!Rest.empty()) {
    llvm::StringRef Line;
    std::tie(Line, Rest) = Rest.split('\n');
    llvm::SmallVector<llvm::StringRef, 5> F;
    Line.split(F, '\t');
    CachedEntry E;
    if (F.size() != 5 || F[1].getAsInteger(10, E.Size) ||
        F[2].getAsInteger(10, E.MTime))
      return {}; // damaged: rebuild from scratch
    E.Symbols = F[3];
    E.Includes = F[4];
    Out[F[0]] = E;
  }
  return Out;
}

bool cacheable(llvm::StringRef S) {
  return S.find_first_of("\t\n\x1f") == llvm::StringRef::npos;
}

} // namespace

TokenIndex daxport::buildTokenIndex(const std::vector<std::string> &Roots,
                                    const RuleSet &Rules, unsigned Jobs,
                                    const std::string &CacheDir) {
  llvm::StringSet<> Symbols;
  for (const std::string &S : Rules.symbols())
    Symbols.insert(S);
  struct Item {
    std::string Path;
    uint64_t Size = 0;
    int64_t MTime = 0;
    bool Stamped = false;
  };
  std::vector<Item> Files;
  auto Add = [&](llvm::StringRef P, llvm::ErrorOr<fs::basic_file_status> St) {
    Item I{P.str()};
    if (St) {
      I.Size = St->getSize();
      I.MTime = St->getLastModificationTime().time_since_epoch().count();
      I.Stamped = true;
    }
    Files.push_back(std::move(I));
  };
  for (const std::string &Root : Roots) {
    if (!fs::is_directory(Root)) {
      fs::file_status St;
      std::error_code EC = fs::status(Root, St);
      Add(Root, EC ? llvm::ErrorOr<fs::basic_file_status>(EC)
                   : llvm::ErrorOr<fs::basic_file_status>(St));
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
        Add(P, CacheDir.empty() ? llvm::ErrorOr<fs::basic_file_status>(
                                      std::make_error_code(std::errc::io_error))
                                : It->status());
    }
  }

  // Entries of unchanged files come from the cache; the rest is read.
  std::string CachePath =
      CacheDir.empty() ? std::string() : cacheFile(CacheDir, Roots, Symbols);
  std::unique_ptr<llvm::MemoryBuffer> CacheBuf;
  llvm::StringMap<CachedEntry> Cached;
  if (!CachePath.empty())
    if (auto B = llvm::MemoryBuffer::getFile(CachePath, /*IsText=*/false,
                                             /*RequiresNullTerminator=*/false)) {
      CacheBuf = std::move(*B);
      Cached = readCache(*CacheBuf);
    }

  TokenIndex Idx;
  Idx.Roots = Roots;
  std::vector<size_t> ToRead;
  auto Record = [&Idx](const std::string &F, std::set<std::string> Found,
                       std::vector<std::string> Incl) {
    ++Idx.FilesRead;
    if (!Found.empty())
      Idx.Symbols[F] = std::move(Found);
    if (!Incl.empty())
      Idx.Includes[F] = std::move(Incl);
  };
  for (size_t I = 0; I < Files.size(); ++I) {
    auto It = Cached.find(Files[I].Path);
    if (!Files[I].Stamped || It == Cached.end() ||
        It->second.Size != Files[I].Size ||
        It->second.MTime != Files[I].MTime) {
      ToRead.push_back(I);
      continue;
    }
    std::set<std::string> Found;
    std::vector<std::string> Incl;
    llvm::SmallVector<llvm::StringRef, 8> Parts;
    It->second.Symbols.split(Parts, '\x1f', -1, /*KeepEmpty=*/false);
    for (llvm::StringRef S : Parts)
      if (Symbols.count(S))
        Found.insert(S.str());
    Parts.clear();
    It->second.Includes.split(Parts, '\x1f', -1, /*KeepEmpty=*/false);
    for (llvm::StringRef S : Parts)
      Incl.push_back(S.str());
    Record(Files[I].Path, std::move(Found), std::move(Incl));
    ++Idx.FilesReused;
  }

  std::mutex M;
  {
    llvm::DefaultThreadPool Pool(llvm::hardware_concurrency(Jobs));
    const size_t Chunk = 256;
    for (size_t B = 0; B < ToRead.size(); B += Chunk)
      Pool.async([&, B] {
        for (size_t J = B; J < std::min(ToRead.size(), B + Chunk); ++J) {
          const std::string &F = Files[ToRead[J]].Path;
          auto Buf = llvm::MemoryBuffer::getFile(F, /*IsText=*/false,
                                                 /*RequiresNullTerminator=*/false);
          if (!Buf)
            continue;
          std::set<std::string> Found;
          std::vector<std::string> Incl;
          indexText((*Buf)->getBuffer(), Symbols, Found, Incl);
          std::lock_guard<std::mutex> L(M);
          Idx.BytesRead += (*Buf)->getBufferSize();
          Record(F, std::move(Found), std::move(Incl));
        }
      });
    Pool.wait();
  }
  for (const auto &KV : Idx.Includes)
    for (const std::string &Inc : KV.second)
      Idx.ByBase[path::filename(Inc).str()].push_back({KV.first, Inc});

  // Write the new on-disk index when anything changed (atomically: a
  // concurrent run reads either the old or the new one).
  if (!CachePath.empty() &&
      (!ToRead.empty() || Cached.size() != Files.size())) {
    std::string Out = std::string(CacheMagic) + "\n";
    for (const Item &I : Files) {
      if (!I.Stamped || !cacheable(I.Path))
        continue;
      std::string Syms, Incs;
      bool Ok = true;
      if (auto S = Idx.Symbols.find(I.Path); S != Idx.Symbols.end())
        for (const std::string &X : S->second)
          Syms += (Syms.empty() ? "" : "\x1f") + X;
      if (auto S = Idx.Includes.find(I.Path); S != Idx.Includes.end())
        for (const std::string &X : S->second) {
          Ok &= cacheable(X);
          Incs += (Incs.empty() ? "" : "\x1f") + X;
        }
      if (!Ok)
        continue;
      Out += I.Path + "\t" + std::to_string(I.Size) + "\t" +
             std::to_string(I.MTime) + "\t" + Syms + "\t" + Incs + "\n";
    }
    // A cache: a failed write only costs the next run a full read.
    if (!fs::create_directories(path::parent_path(CachePath))) {
      try {
        writeFilesAtomically({{CachePath, Out}});
      } catch (const InputError &) {
      }
    }
  }
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
      llvm::StringRef HR(H), IR(Inc);
      bool Match = (HR.size() > IR.size() && HR.ends_with(IR) &&
                    HR[HR.size() - IR.size() - 1] == '/') ||
                   (!IR.contains('/') &&
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
