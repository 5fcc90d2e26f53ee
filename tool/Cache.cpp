//===- Cache.cpp - per-unit result cache ----------------------------------===//
#include "tool/Cache.h"
#include "rules/RuleSet.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Process.h"
#include "llvm/Support/raw_ostream.h"
#include "llvm/Support/xxhash.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringSet.h"

#include <mutex>

using namespace daxport;
namespace fs = llvm::sys::fs;
namespace json = llvm::json;

/// Stamps of the files units read, stat'ed once per run.
struct ResultCache::StatMemo {
  std::mutex M;
  llvm::StringMap<std::pair<uint64_t, int64_t>> Stamps; // size, mtime
  llvm::StringSet<> Missing;
};

ResultCache::~ResultCache() = default;

ResultCache::ResultCache(std::string D, const RuleSet &Rules, std::string S)
    : Dir(std::move(D)), Rules(Rules), Salt(std::move(S)),
      Memo(std::make_unique<StatMemo>()) {
  if (!Dir.empty()) {
    llvm::SmallString<256> P(Dir);
    llvm::sys::path::append(P, "units");
    if (fs::create_directories(P))
      Dir.clear(); // cannot cache: carry on without
  }
  Salt += ";" + Rules.fingerprint();
  // The analyses themselves: a rebuilt daxport (same version string during
  // development) must not reuse results of the old one.
  static int Anchor;
  std::string Exe = fs::getMainExecutable(nullptr, &Anchor);
  fs::file_status St;
  if (!Exe.empty() && !fs::status(Exe, St))
    Salt += ";" + std::to_string(St.getSize()) + ":" +
            std::to_string(
                St.getLastModificationTime().time_since_epoch().count());
}

std::string ResultCache::defaultDir() {
  llvm::SmallString<256> P;
  if (auto X = llvm::sys::Process::GetEnv("XDG_CACHE_HOME"))
    P = *X;
  else if (auto H = llvm::sys::Process::GetEnv("HOME")) {
    P = *H;
    llvm::sys::path::append(P, ".cache");
  } else
    return "";
  llvm::sys::path::append(P, "daxport");
  return std::string(P);
}

std::string ResultCache::keyFile(const UnitCommand &Cmd,
                                 const std::string &Config) const {
  std::string K = Salt + "\n" + Config + "\n" + Cmd.Directory + "\n" + Cmd.File;
  for (const std::string &A : Cmd.Args)
    K += "\n" + A;
  llvm::SmallString<256> P(Dir);
  llvm::sys::path::append(P, "units",
                          llvm::utohexstr(llvm::xxh3_64bits(K)) + ".json");
  return std::string(P);
}

namespace {

struct Stamp {
  uint64_t Size = 0;
  int64_t MTime = 0;
};
std::optional<Stamp> stampOf(const std::string &F) {
  fs::file_status St;
  if (fs::status(F, St))
    return std::nullopt;
  return Stamp{St.getSize(),
               St.getLastModificationTime().time_since_epoch().count()};
}

json::Array strings(const std::vector<std::string> &V) {
  json::Array A;
  for (const std::string &S : V)
    A.push_back(S);
  return A;
}

std::vector<std::string> strings(const json::Array *A) {
  std::vector<std::string> Out;
  if (A)
    for (const json::Value &V : *A)
      if (auto S = V.getAsString())
        Out.push_back(S->str());
  return Out;
}

const char *const StatusNames[] = {"analysed", "in-macro-definition",
                                   "not-compiled", "not-in-database"};

} // namespace

void ResultCache::store(const UnitCommand &Cmd, const std::string &Config,
                        const UnitResult &R) const {
  if (!enabled())
    return;
  json::Array Deps;
  std::vector<std::string> Files = R.FilesSeen;
  Files.push_back(Cmd.File);
  for (const std::string &F : Files) {
    auto S = stampOf(F);
    if (!S)
      return; // a file vanished: do not cache
    Deps.push_back(json::Object{{"path", F},
                                {"size", int64_t(S->Size)},
                                {"mtime", S->MTime}});
  }
  json::Array Findings;
  for (const Finding &F : R.Findings) {
    json::Array Edits;
    for (const Edit &E : F.Edits)
      Edits.push_back(json::Object{{"file", E.File},
                                   {"offset", int64_t(E.Offset)},
                                   {"length", int64_t(E.Length)},
                                   {"text", E.Text},
                                   {"hash", llvm::utohexstr(E.FileHash)}});
    std::vector<std::string> Configs(F.Configs.begin(), F.Configs.end());
    Findings.push_back(json::Object{
        {"rule", F.R->Id}, {"file", F.File}, {"line", int64_t(F.Line)},
        {"column", int64_t(F.Column)}, {"offset", int64_t(F.Offset)},
        {"symbol", F.Symbol}, {"message", F.Message}, {"function", F.Function},
        {"macro", F.Macro}, {"evidence", strings(F.Evidence)},
        {"status", int64_t(F.St)}, {"specificity", int64_t(F.Specificity)},
        {"configs", strings(Configs)}, {"edits", std::move(Edits)},
        {"fix", F.FixStatus}, {"note", F.Note}});
  }
  json::Object Doc{{"deps", std::move(Deps)},
                   {"findings", std::move(Findings)},
                   {"seen", strings(R.FilesSeen)}};
  if (R.Failure)
    Doc["failure"] = json::Object{{"file", R.Failure->File},
                                  {"config", R.Failure->Config},
                                  {"errors", strings(R.Failure->Errors)}};
  std::string Path = keyFile(Cmd, Config);
  std::string Tmp = Path + ".tmp" + std::to_string(llvm::sys::Process::getProcessId());
  {
    std::error_code EC;
    llvm::raw_fd_ostream OS(Tmp, EC);
    if (EC)
      return;
    OS << json::Value(std::move(Doc));
  }
  if (fs::rename(Tmp, Path))
    fs::remove(Tmp);
}

std::optional<UnitResult> ResultCache::lookup(const UnitCommand &Cmd,
                                              const std::string &Config) const {
  if (!enabled())
    return std::nullopt;
  auto Buf = llvm::MemoryBuffer::getFile(keyFile(Cmd, Config));
  if (!Buf) {
    if (getenv("DAXPORT_DEBUG_CACHE"))
      llvm::errs() << "cache miss " << Cmd.File << " " << Config
                   << ": no entry\n";
    return std::nullopt;
  }
  auto V = json::parse((*Buf)->getBuffer());
  if (!V) {
    llvm::consumeError(V.takeError());
    return std::nullopt;
  }
  const json::Object *Doc = V->getAsObject();
  if (!Doc)
    return std::nullopt;
  if (const json::Array *Deps = Doc->getArray("deps"))
    for (const json::Value &D : *Deps) {
      const json::Object *O = D.getAsObject();
      if (!O)
        return std::nullopt;
      std::string P = O->getString("path").value_or("").str();
      std::optional<Stamp> S;
      {
        std::lock_guard<std::mutex> L(Memo->M);
        auto It = Memo->Stamps.find(P);
        if (It != Memo->Stamps.end())
          S = Stamp{It->second.first, It->second.second};
        else if (!Memo->Missing.count(P)) {
          S = stampOf(P);
          if (S)
            Memo->Stamps[P] = {S->Size, S->MTime};
          else
            Memo->Missing.insert(P);
        }
      }
      if (!S || int64_t(S->Size) != O->getInteger("size").value_or(-1) ||
          S->MTime != O->getInteger("mtime").value_or(-1)) {
        if (getenv("DAXPORT_DEBUG_CACHE"))
          llvm::errs() << "cache miss " << Cmd.File << " " << Config << ": "
                       << O->getString("path").value_or("") << "\n";
        return std::nullopt;
      }
    }
  UnitResult R;
  R.FilesSeen = strings(Doc->getArray("seen"));
  if (const json::Array *Fs = Doc->getArray("findings"))
    for (const json::Value &FV : *Fs) {
      const json::Object *O = FV.getAsObject();
      if (!O)
        return std::nullopt;
      Finding F;
      F.R = Rules.byId(O->getString("rule").value_or("").str());
      if (!F.R)
        return std::nullopt;
      F.File = O->getString("file").value_or("").str();
      F.Line = O->getInteger("line").value_or(0);
      F.Column = O->getInteger("column").value_or(0);
      F.Offset = O->getInteger("offset").value_or(0);
      F.Symbol = O->getString("symbol").value_or("").str();
      F.Message = O->getString("message").value_or("").str();
      F.Function = O->getString("function").value_or("").str();
      F.Macro = O->getString("macro").value_or("").str();
      F.Evidence = strings(O->getArray("evidence"));
      int64_t St = O->getInteger("status").value_or(0);
      if (St < 0 || St > 3)
        return std::nullopt;
      F.St = Status(St);
      F.Specificity = O->getInteger("specificity").value_or(0);
      for (const std::string &C : strings(O->getArray("configs")))
        F.Configs.insert(C);
      F.FixStatus = O->getString("fix").value_or("").str();
      F.Note = O->getString("note").value_or("").str();
      if (const json::Array *Es = O->getArray("edits"))
        for (const json::Value &EV : *Es) {
          const json::Object *E = EV.getAsObject();
          if (!E)
            return std::nullopt;
          Edit Ed;
          Ed.File = E->getString("file").value_or("").str();
          Ed.Offset = E->getInteger("offset").value_or(0);
          Ed.Length = E->getInteger("length").value_or(0);
          Ed.Text = E->getString("text").value_or("").str();
          llvm::StringRef H = E->getString("hash").value_or("0");
          unsigned long long Hash = 0;
          if (!H.getAsInteger(16, Hash))
            Ed.FileHash = Hash;
          F.Edits.push_back(std::move(Ed));
        }
      R.Findings.push_back(std::move(F));
    }
  if (const json::Object *Fl = Doc->getObject("failure"))
    R.Failure = UnitFailure{Fl->getString("file").value_or("").str(),
                            Fl->getString("config").value_or("").str(),
                            strings(Fl->getArray("errors"))};
  (void)StatusNames;
  return R;
}
