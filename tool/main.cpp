//===- main.cpp - the daxport executable: everything is in Cli.cpp --------===//
#include "tool/Cli.h"

int main(int Argc, const char **Argv) { return daxport::runMain(Argc, Argv); }
