// src/cli/interrupt_watcher.cc
#include "cli/interrupt_watcher.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>

namespace basin::cli {
namespace {

// Shared with the signal handler, hence globals of lock-free types.
int g_sigint_pipe[2] = {-1, -1};
std::atomic<bool> g_exit_when_idle{false};
std::atomic<int> g_statements_running{0};
static_assert(std::atomic<bool>::is_always_lock_free && std::atomic<int>::is_always_lock_free);

void OnSigint(int) {
  if (g_exit_when_idle.load() && g_statements_running.load() == 0) _exit(130);  // 128 + SIGINT
  const int saved_errno = errno;
  const char byte = 1;
  // A full pipe already holds a pending Ctrl-C; losing this one changes nothing.
  [[maybe_unused]] const ssize_t written = write(g_sigint_pipe[1], &byte, 1);
  errno = saved_errno;
}

}  // namespace

void InstallSigintHandler(bool exit_when_idle) {
  g_exit_when_idle = exit_when_idle;
  if (g_sigint_pipe[0] >= 0) return;
  if (pipe2(g_sigint_pipe, O_CLOEXEC | O_NONBLOCK) != 0) return;  // Ctrl-C keeps its default
  struct sigaction action = {};
  action.sa_handler = OnSigint;
  sigemptyset(&action.sa_mask);
  action.sa_flags = SA_RESTART;
  sigaction(SIGINT, &action, nullptr);
}

int SigintFd() { return g_sigint_pipe[0]; }

bool DrainSigint() {
  if (g_sigint_pipe[0] < 0) return false;
  bool any = false;
  char buffer[64];
  while (read(g_sigint_pipe[0], buffer, sizeof(buffer)) > 0) any = true;
  return any;
}

InterruptWatcher::InterruptWatcher(Connection& connection) : connection_(connection) {
  ++g_statements_running;
  if (SigintFd() < 0 || pipe2(stop_pipe_, O_CLOEXEC) != 0) return;
  DrainSigint();  // a Ctrl-C from before this statement is not meant for it
  thread_ = std::thread([this] { Watch(); });
}

InterruptWatcher::~InterruptWatcher() {
  if (thread_.joinable()) {
    const char byte = 0;
    [[maybe_unused]] const ssize_t written = write(stop_pipe_[1], &byte, 1);
    thread_.join();
  }
  for (const int fd : stop_pipe_) {
    if (fd >= 0) close(fd);
  }
  --g_statements_running;
}

void InterruptWatcher::Watch() {
  pollfd fds[2] = {{SigintFd(), POLLIN, 0}, {stop_pipe_[0], POLLIN, 0}};
  while (true) {
    if (poll(fds, 2, -1) < 0) {
      if (errno == EINTR) continue;
      return;
    }
    if (fds[1].revents != 0) return;
    if (fds[0].revents != 0 && DrainSigint()) connection_.Interrupt();
  }
}

}  // namespace basin::cli
