// src/cli/main.cc
//
// `basin`: runs -c/-f scripts, or stdin when it is not a terminal, or the shell.
#include <unistd.h>

#include <iostream>
#include <string>
#include <vector>

#include "cli/cli_options.h"
#include "cli/cli_session.h"
#include "cli/interrupt_watcher.h"
#include "cli/shell.h"
#include "cli/tpch_command.h"
#include "common/error.h"
#include "main/database.h"

namespace basin::cli {
namespace {

int RunCli(const CliOptions& options) {
  Database database(DatabaseOptions{.threads = options.threads});
  Connection connection(database);
  CliSession session(connection, std::cout, std::cerr);
  session.set_format(options.format);
  session.set_timing(options.timing);
  session.set_show_progress(isatty(STDERR_FILENO) != 0);
  const bool interactive = options.actions.empty() && isatty(STDIN_FILENO) != 0;
  InstallSigintHandler(/*exit_when_idle=*/!interactive);
  if (interactive) {
    session.set_stop_on_error(false);  // the user sees each error and decides
    return RunShell(session);
  }
  if (options.actions.empty()) return session.RunScript(std::cin) == RunOutcome::kError ? 1 : 0;
  for (const ScriptAction& action : options.actions) {
    const RunOutcome outcome = action.kind == ScriptAction::Kind::kFile
                                   ? session.RunFile(action.text)
                                   : session.RunCommandString(action.text);
    if (outcome == RunOutcome::kError) return 1;
    if (outcome == RunOutcome::kQuit) break;
  }
  return 0;
}

int Main(int argc, char** argv) {
  if (argc > 1 && std::string(argv[1]) == "tpch") {
    return RunTpchCommand(std::vector<std::string>(argv + 2, argv + argc), std::cout, std::cerr);
  }
  const ParsedArguments parsed = ParseArguments(std::vector<std::string>(argv + 1, argv + argc));
  if (!parsed.error.empty()) {
    std::cerr << "basin: " << parsed.error << "\nTry \"basin --help\" for more information.\n";
    return 1;
  }
  const CliOptions& options = parsed.options;
  if (options.show_help) {
    std::cout << HelpText();
    return 0;
  }
  if (options.show_version) {
    std::cout << "basin " << kBasinVersion << '\n';
    return 0;
  }
  if (options.database_path) {
    std::cerr << "basin: " << *options.database_path
              << ": persistent warehouses are not supported yet\n";
    return 1;
  }
  // Errors outside any statement (opening the database) end the program.
  try {
    return RunCli(options);
  } catch (const Error& error) {
    std::cerr << FormatErrorWithContext(error, "") << '\n';
  } catch (const std::exception& error) {
    std::cerr << "basin: " << error.what() << '\n';
  }
  return 1;
}

}  // namespace
}  // namespace basin::cli

int main(int argc, char** argv) { return basin::cli::Main(argc, argv); }
