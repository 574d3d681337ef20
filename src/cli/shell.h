// src/cli/shell.h
#pragma once

#include "cli/cli_session.h"

namespace basin::cli {

// The interactive shell: GNU readline with history in ~/.basin_history, prompts
// "basin> " and "   ...> " (continuation), backslash commands, Ctrl-C to cancel a
// statement or clear the input, Ctrl-D to leave. Errors are printed and the shell
// carries on. Returns the process exit status.
// REQUIRES: stdin is a terminal; InstallSigintHandler(false) was called.
int RunShell(CliSession& session);

}  // namespace basin::cli
