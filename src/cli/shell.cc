// src/cli/shell.cc
#include "cli/shell.h"

#include <poll.h>
#include <readline/history.h>
#include <readline/readline.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <optional>
#include <string>

#include "cli/backslash_command.h"
#include "cli/cli_options.h"
#include "cli/interrupt_watcher.h"
#include "cli/statement_scanner.h"

namespace basin::cli {
namespace {

constexpr char kPrompt[] = "basin> ";
constexpr char kContinuationPrompt[] = "   ...> ";
constexpr char kCopyPrompt[] = ">> ";  // psql's, for COPY FROM STDIN data
// Enough to find last week's queries, small enough to load instantly.
constexpr int kHistoryLines = 2000;

// readline's callback interface hands each finished line to a plain function, so the
// line travels through this one global. Only the shell's thread touches it.
struct PendingLine {
  bool done = false;
  std::optional<std::string> text;  // nullopt: end of input (Ctrl-D)
};
PendingLine g_line;

void OnLine(char* line) {
  g_line.done = true;
  if (line == nullptr) {
    g_line.text.reset();
  } else {
    g_line.text = line;
    std::free(line);  // readline allocates with malloc
  }
  // Stop reading until the next prompt, so that typing during a query is kept by the
  // terminal and not echoed over the output.
  rl_callback_handler_remove();
}

enum class ReadStatus { kLine, kInterrupted, kEndOfInput };

// Reads one line. Waits on stdin and on the Ctrl-C pipe together: readline's own
// signal handling would run inside the signal handler, ours runs here.
ReadStatus ReadLine(const char* prompt, std::string& line) {
  g_line = PendingLine();
  rl_callback_handler_install(prompt, OnLine);
  pollfd fds[2] = {{STDIN_FILENO, POLLIN, 0}, {SigintFd(), POLLIN, 0}};
  while (!g_line.done) {
    if (poll(fds, 2, -1) < 0) {
      if (errno == EINTR) continue;
      rl_callback_handler_remove();
      return ReadStatus::kEndOfInput;
    }
    if (fds[1].revents != 0 && DrainSigint()) {
      // Ctrl-C at the prompt: abandon the line, show a fresh prompt.
      rl_replace_line("", 0);
      rl_crlf();
      rl_callback_handler_remove();
      return ReadStatus::kInterrupted;
    }
    if (fds[0].revents != 0) rl_callback_read_char();
  }
  if (!g_line.text) return ReadStatus::kEndOfInput;  // readline has ended the line
  line = std::move(*g_line.text);
  return ReadStatus::kLine;
}

// History stays in ~/.basin_history; without a home directory there is none.
class History {
 public:
  History() {
    const char* home = std::getenv("HOME");
    if (home == nullptr || *home == '\0') return;
    path_ = std::string(home) + "/.basin_history";
    using_history();
    stifle_history(kHistoryLines);
    if (read_history(path_.c_str()) != 0) write_history(path_.c_str());  // creates it
  }

  // Appends an entry to memory and to the file at once, so a crash loses nothing.
  void Add(const std::string& entry) {
    if (entry.empty()) return;
    add_history(entry.c_str());
    if (path_.empty()) return;
    append_history(1, path_.c_str());
    history_truncate_file(path_.c_str(), kHistoryLines);
  }

 private:
  std::string path_;
};

std::string TrimTrailingNewline(std::string text) {
  while (!text.empty() && (text.back() == '\n' || text.back() == ' ')) text.pop_back();
  return text;
}

}  // namespace

int RunShell(CliSession& session) {
  // Our SIGINT handler, not readline's: see ReadLine. rl_catch_sigwinch stays on so
  // that resizing the terminal still re-wraps the input line.
  rl_catch_signals = 0;
  rl_readline_name = "basin";
  History history;
  // COPY FROM STDIN data is typed at its own prompt; Ctrl-C or Ctrl-D ends it.
  session.set_copy_line_reader(
      [](std::string& line) { return ReadLine(kCopyPrompt, line) == ReadStatus::kLine; },
      /*interactive=*/true);
  std::cout << "basin " << kBasinVersion << " (in-memory database)\n"
            << "Enter \"\\help\" for help, \"\\q\" or Ctrl-D to quit.\n";
  StatementBuffer buffer;
  std::string typed;  // the lines of the statement being entered, for history
  std::string line;
  while (true) {
    const ReadStatus status = ReadLine(buffer.empty() ? kPrompt : kContinuationPrompt, line);
    if (status == ReadStatus::kEndOfInput) break;
    if (status == ReadStatus::kInterrupted) {
      buffer.Clear();
      typed.clear();
      continue;
    }
    RunOutcome outcome = RunOutcome::kOk;
    if (buffer.empty() && IsBackslashCommand(line)) {
      history.Add(line);
      outcome = session.RunBackslashCommand(line);
    } else {
      typed += line + "\n";
      const std::string sql = buffer.AddLine(line);
      if (!sql.empty()) {
        history.Add(TrimTrailingNewline(typed));
        typed.clear();
        outcome = session.RunSql(sql);
      }
      if (buffer.empty()) typed.clear();
    }
    if (outcome == RunOutcome::kQuit) break;
    std::cout.flush();
  }
  return 0;
}

}  // namespace basin::cli
