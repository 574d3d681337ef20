// src/cli/interrupt_watcher.h
#pragma once

#include <thread>

#include "main/database.h"

namespace basin::cli {

// Ctrl-C handling. A signal handler may call almost nothing, so ours only writes a
// byte to a pipe (or, with no statement running and no shell, ends the process like
// the default action would). Whoever waits for input polls that pipe: the shell at
// its prompt, an InterruptWatcher while a statement runs.

// Installs the SIGINT handler; call once, before any other function here.
// `exit_when_idle`: a Ctrl-C with no statement running ends the process (scripts);
// the shell passes false and reads SigintFd() at its prompt instead.
void InstallSigintHandler(bool exit_when_idle);

// Readable after each Ctrl-C; -1 before InstallSigintHandler.
int SigintFd();

// Reads away the pending Ctrl-C bytes; returns whether there were any.
bool DrainSigint();

// While alive, a Ctrl-C calls connection.Interrupt() from a helper thread, which
// makes the running statement fail with SQLSTATE 57014. Does nothing if no handler
// is installed.
class InterruptWatcher {
 public:
  explicit InterruptWatcher(Connection& connection);
  ~InterruptWatcher();
  InterruptWatcher(const InterruptWatcher&) = delete;
  InterruptWatcher& operator=(const InterruptWatcher&) = delete;

 private:
  void Watch();

  Connection& connection_;
  int stop_pipe_[2] = {-1, -1};  // written by the destructor to end Watch()
  std::thread thread_;
};

}  // namespace basin::cli
