//===- Cli.h - the daxport command line -----------------------------------===//
#ifndef DAXPORT_TOOL_CLI_H
#define DAXPORT_TOOL_CLI_H

namespace daxport {
/// Parses the command line and runs the command; returns the exit code.
int runMain(int Argc, const char **Argv);
} // namespace daxport

#endif
