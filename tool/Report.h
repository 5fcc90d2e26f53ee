//===- Report.h - report writers: text, checkpatch, json, sarif, fixes ----===//
#ifndef DAXPORT_TOOL_REPORT_H
#define DAXPORT_TOOL_REPORT_H

#include "tool/Engine.h"
#include <string>

namespace llvm {
class raw_ostream;
}

namespace daxport {
class RuleSet;

enum class Format { Text, Checkpatch, Json, Sarif, FixesYaml };
bool parseFormat(const std::string &S, Format &F);

struct ReportOptions {
  Format Fmt = Format::Text;
  bool Color = false;
  std::string ToolVersion;
};

void writeReport(llvm::raw_ostream &OS, const ScanResult &R,
                 const RuleSet &Rules, const ReportOptions &O);

/// "devmap-predicate 4, pfn-t 12, ..." and the rest of the summary line.
std::string summaryLine(const ScanResult &R);

} // namespace daxport

#endif
