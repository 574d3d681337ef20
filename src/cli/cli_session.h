// src/cli/cli_session.h
#pragma once

#include <chrono>
#include <iosfwd>
#include <string>
#include <string_view>

#include "cli/copy_streams.h"
#include "cli/output_format.h"
#include "main/database.h"

namespace basin::cli {

// What the shell or a script should do after a line or command.
enum class RunOutcome { kOk, kError, kQuit };

// The state one CLI user sees: a connection, the output format and timing switch,
// and how to run SQL text, backslash commands and script files with them. Shared by
// the -c/-f runner and the interactive shell. Not thread-safe.
class CliSession {
 public:
  CliSession(Connection& connection, std::ostream& out, std::ostream& err);
  ~CliSession();
  CliSession(const CliSession&) = delete;
  CliSession& operator=(const CliSession&) = delete;

  OutputFormat format() const { return format_; }
  void set_format(OutputFormat format) { format_ = format; }
  bool timing() const { return timing_; }
  void set_timing(bool timing) { timing_ = timing; }
  // Draw a progress bar for slow statements (only sensible when stderr is a terminal).
  void set_show_progress(bool show) { show_progress_ = show; }
  // Whether scripts (\i, -f) stop at their first error, as psql's ON_ERROR_STOP.
  void set_stop_on_error(bool stop) { stop_on_error_ = stop; }
  // Where COPY ... FROM STDIN reads its lines outside scripts (standard input by
  // default; the shell's ">> " prompt when interactive).
  void set_copy_line_reader(CliCopyIn::LineReader reader, bool interactive) {
    copy_in_.set_reader(std::move(reader), interactive);
  }

  // Runs one or more SQL statements, printing each result as it completes. On an
  // error prints it with its context and returns kError (earlier statements stay done).
  RunOutcome RunSql(const std::string& sql);

  // Runs one backslash command line, e.g. "\timing on".
  RunOutcome RunBackslashCommand(std::string_view line);

  // A -c argument: a backslash command if it starts with '\', else SQL.
  RunOutcome RunCommandString(const std::string& text);

  // Runs a script line by line, as if typed into the shell. A statement missing its
  // final ';' still runs at the end. `path` "-" reads stdin.
  RunOutcome RunFile(const std::string& path);
  RunOutcome RunScript(std::istream& in);

 private:
  void PrintTiming(std::chrono::nanoseconds elapsed);
  RunOutcome RunScriptLines(std::istream& in);

  Connection& connection_;
  std::ostream& out_;
  std::ostream& err_;
  OutputFormat format_ = OutputFormat::kTable;
  bool timing_ = false;
  bool show_progress_ = false;
  bool stop_on_error_ = true;
  int include_depth_ = 0;  // \i nesting, to stop a file that includes itself
  // COPY FROM STDIN reads the lines after the statement; COPY TO STDOUT writes to out_.
  CliCopyIn copy_in_;
  CliCopyOut copy_out_;
};

}  // namespace basin::cli
