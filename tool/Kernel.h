//===- Kernel.h - configure and prepare kernel trees for scanning --------===//
//
// Per architecture, an O= build directory with defconfig plus the shipped
// DAX fragment (dax.config), `make prepare`, and a compile database whose
// entries come from Kbuild itself: one dry run of the whole build
// (`make -n all`) is indexed once per configuration, and entries for the
// requested sources are copied out of that index on demand. Everything is
// cached below KernelOptions::Out.
//
//===----------------------------------------------------------------------===//
#ifndef DAXPORT_TOOL_KERNEL_H
#define DAXPORT_TOOL_KERNEL_H

#include "llvm/ADT/StringRef.h"
#include <chrono>
#include <optional>
#include <string>
#include <vector>

namespace daxport {

struct KernelOptions {
  std::string Src;                 ///< kernel source tree (never written)
  std::vector<std::string> Arches; ///< x86_64, arm64, powerpc, riscv,
                                   ///< loongarch (aliases: x86, aarch64,
                                   ///< ppc64le...); empty: x86_64
  std::string Out;            ///< cache dir; default $XDG_CACHE_HOME/daxport
                              ///< or ~/.cache/daxport; one subdir per tree
  std::string ConfigFragment; ///< optional, applied after dax.config
  unsigned Jobs = 0;          ///< make -j; 0: all cores
  bool Quiet = false;         ///< no progress or warnings on stderr
};

struct PreparedArch {
  std::string Arch;      ///< canonical name: x86_64, arm64, powerpc...
  std::string Src;       ///< absolute, symlink-free source tree
  std::string BuildDir;  ///< the O= directory
  std::string CompileDb; ///< directory holding compile_commands.json
  /// Fragment lines the configuration could not honour, e.g.
  /// "CONFIG_DRM_GMA500=y (got n)".
  std::vector<std::string> Unmet;
  /// Sources given to prepareKernel that this configuration does not build
  /// (no entry was written for them).
  std::vector<std::string> NotBuilt;
};

/// Configures and prepares each architecture (cached: a second call on an
/// unchanged tree, fragment and toolchain only stats a few files), then makes
/// sure compile_commands.json holds an entry for every source in \p Sources
/// (paths relative to Src, or absolute below it) that the configuration
/// builds. Entries accumulate across calls; only missing ones are computed.
/// Throws InputError (tool/Engine.h) on bad input: no such tree, not a kernel
/// tree, unknown architecture, missing toolchain (naming the Debian package),
/// failing make (with the tail of its log).
std::vector<PreparedArch>
prepareKernel(const KernelOptions &O, const std::vector<std::string> &Sources);

/// The subset of \p Sources (relative .c paths, or absolute below A.Src) that
/// the prepared configuration of \p A builds, as Kbuild's dry run of the whole
/// build decides (obj-y, obj-m, lib-y, per-directory and parent gating), in
/// the order given and spelled as given. Units compiled only after vmlinux is
/// linked (boot wrappers, decompressors) count as not built.
std::vector<std::string> builtSources(const PreparedArch &A,
                                      const std::vector<std::string> &Sources);

/// An advisory lock on a file of the cache, held for the object's lifetime
/// (prepareKernel locks <arch>/lock while preparing; verify while building).
/// Without a lockable file it proceeds unlocked. OnWait runs once if another
/// process holds the lock.
class CacheFileLock {
public:
  explicit CacheFileLock(const std::string &File,
                         void (*OnWait)(void *) = nullptr, void *Arg = nullptr);
  ~CacheFileLock();
  CacheFileLock(const CacheFileLock &) = delete;
  CacheFileLock &operator=(const CacheFileLock &) = delete;

private:
  int FD = -1;
};

/// Where the shipped dax.config is read from (installed share/daxport, else
/// the source tree); empty when neither exists.
std::string daxConfigPath();

// Exposed for tests.
namespace kernel_detail {
/// A and B joined with the platform's separator.
std::string joinPath(llvm::StringRef A, llvm::StringRef B);
/// The whole file, or nothing if it cannot be read.
std::optional<std::string> readFile(const std::string &P);
/// Wall-clock seconds since T (steady clock), for progress and reports.
double secondsSince(std::chrono::steady_clock::time_point T);
/// One compile command as Kbuild printed it.
struct KbuildCompile {
  std::string Source; ///< relative to the source tree
  std::string Output; ///< relative to the build dir
  std::vector<std::string> Arguments;
};
/// Extracts C compile commands from `make -n` output: Kbuild's recipes are
/// shell lists (`set -e; echo ...; trap ...; clang-19 ... -c -o X.o X.c; ...`).
/// Keeps commands whose program is a C compiler, that compile (-c) one .c file
/// below \p Src into a relative .o, and drops dependency-file flags (-Wp,-MMD).
std::vector<KbuildCompile> parseDryRun(llvm::StringRef Text,
                                       const std::string &BuildDir,
                                       const std::string &Src);
/// Splits a shell command list into simple commands' words, honouring quotes
/// and backslashes and dropping redirections.
std::vector<std::vector<std::string>> splitShell(llvm::StringRef Line);
} // namespace kernel_detail

} // namespace daxport

#endif
