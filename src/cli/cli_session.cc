// src/cli/cli_session.cc
#include "cli/cli_session.h"

#include <cstdio>
#include <fstream>
#include <iostream>

#include "cli/backslash_command.h"
#include "cli/interrupt_watcher.h"
#include "cli/progress_bar.h"
#include "cli/statement_scanner.h"
#include "common/error.h"

namespace basin::cli {
namespace {

// Deep enough for any sane script layout, shallow enough to stop \i recursion early.
constexpr int kMaxIncludeDepth = 16;

}  // namespace

CliSession::CliSession(Connection& connection, std::ostream& out, std::ostream& err)
    : connection_(connection), out_(out), err_(err), copy_in_(err), copy_out_(out) {
  connection_.SetCopyStreams(&copy_in_, &copy_out_);
}

CliSession::~CliSession() { connection_.SetCopyStreams(nullptr, nullptr); }

void CliSession::PrintTiming(std::chrono::nanoseconds elapsed) {
  char text[64];
  std::snprintf(text, sizeof(text), "Time: %.3f ms\n", elapsed.count() / 1e6);
  err_ << text << std::flush;
}

RunOutcome CliSession::RunSql(const std::string& sql) {
  if (IsBlankSql(sql)) return RunOutcome::kOk;
  InterruptWatcher interrupt(connection_);
  ProgressBar progress(connection_, show_progress_);
  auto statement_start = std::chrono::steady_clock::now();
  auto print = [&](const QueryResult& result, std::chrono::nanoseconds elapsed) {
    progress.Pause();
    PrintQueryResult(result, format_, out_);
    out_.flush();
    if (timing_) PrintTiming(elapsed);
    progress.Resume();
    statement_start = std::chrono::steady_clock::now();
  };
  std::string message;
  try {
    connection_.Execute(sql, print);
    return RunOutcome::kOk;
  } catch (const Error& error) {
    message = FormatErrorWithContext(error, sql);
  } catch (const std::exception& error) {  // not the engine's kind: a bug, still reported
    message = std::string("ERROR:  ") + error.what();
  }
  progress.Pause();
  out_.flush();
  err_ << message << '\n';
  if (timing_) PrintTiming(std::chrono::steady_clock::now() - statement_start);
  return RunOutcome::kError;
}

RunOutcome CliSession::RunBackslashCommand(std::string_view line) {
  const BackslashCommand command = ParseBackslashCommand(line);
  const auto& args = command.arguments;
  const std::string& name = command.name;
  if (name == "q" || name == "quit") return RunOutcome::kQuit;
  if (name == "timing") {
    if (args.empty()) {
      timing_ = !timing_;
    } else if (args[0] == "on" || args[0] == "off") {
      timing_ = args[0] == "on";
    } else {
      err_ << "\\timing: expected on or off, got \"" << args[0] << "\"\n";
      return RunOutcome::kError;
    }
    out_ << "Timing is " << (timing_ ? "on" : "off") << ".\n";
    return RunOutcome::kOk;
  }
  if (name == "mode" || name == "format") {
    if (args.empty()) {
      out_ << "Output format is " << OutputFormatName(format_) << ".\n";
      return RunOutcome::kOk;
    }
    const auto format = ParseOutputFormat(args[0]);
    if (!format) {
      err_ << "\\" << name << ": allowed formats are table, csv, json, markdown\n";
      return RunOutcome::kError;
    }
    format_ = *format;
    out_ << "Output format is " << OutputFormatName(format_) << ".\n";
    return RunOutcome::kOk;
  }
  if (name == "help" || name == "?" || name == "h") {
    out_ << BackslashHelpText();
    return RunOutcome::kOk;
  }
  if (name == "i" || name == "include") {
    if (args.empty()) {
      err_ << "\\" << name << ": missing required argument\n";
      return RunOutcome::kError;
    }
    return RunFile(args[0]);
  }
  err_ << "invalid command \\" << name << "\nTry \\help for help.\n";
  return RunOutcome::kError;
}

RunOutcome CliSession::RunCommandString(const std::string& text) {
  if (IsBackslashCommand(text)) return RunBackslashCommand(text);
  return RunSql(text);
}

RunOutcome CliSession::RunFile(const std::string& path) {
  if (path == "-") return RunScript(std::cin);
  if (include_depth_ >= kMaxIncludeDepth) {
    err_ << path << ": files include each other more than " << kMaxIncludeDepth << " levels deep\n";
    return RunOutcome::kError;
  }
  std::ifstream file(path);
  if (!file) {
    err_ << path << ": cannot open file\n";
    return RunOutcome::kError;
  }
  ++include_depth_;
  const RunOutcome outcome = RunScript(file);
  --include_depth_;
  return outcome;
}

RunOutcome CliSession::RunScript(std::istream& in) {
  // COPY FROM STDIN inside the script reads the script's next lines.
  const CliCopyIn::LineReader outer_reader = copy_in_.reader();
  const bool outer_interactive = copy_in_.interactive();
  copy_in_.set_reader([&in](std::string& line) { return static_cast<bool>(std::getline(in, line)); },
                      /*interactive=*/false);
  const RunOutcome outcome = RunScriptLines(in);
  copy_in_.set_reader(outer_reader, outer_interactive);
  return outcome;
}

RunOutcome CliSession::RunScriptLines(std::istream& in) {
  StatementBuffer buffer;
  RunOutcome worst = RunOutcome::kOk;
  std::string line;
  while (std::getline(in, line)) {
    RunOutcome outcome = RunOutcome::kOk;
    if (buffer.empty() && IsBackslashCommand(line)) {
      outcome = RunBackslashCommand(line);
    } else if (const std::string sql = buffer.AddLine(line); !sql.empty()) {
      outcome = RunSql(sql);
    }
    if (outcome == RunOutcome::kQuit) return outcome;
    if (outcome == RunOutcome::kError) {
      worst = outcome;
      if (stop_on_error_) return outcome;
    }
  }
  if (const std::string rest = buffer.TakePending(); !rest.empty()) {
    if (RunSql(rest) == RunOutcome::kError) worst = RunOutcome::kError;
  }
  return worst;
}

}  // namespace basin::cli
