// src/cli/progress_bar.h
#pragma once

#include <chrono>
#include <condition_variable>
#include <mutex>
#include <string>
#include <thread>

#include "main/database.h"

namespace basin::cli {

// The progress line's text: a bar and percentage when the total is known, else the
// rows processed so far. No terminal control characters.
std::string FormatProgressLine(const Connection::Progress& progress);

// A one-line progress display on stderr for statements that run longer than
// kDelay, refreshed every kRefresh from Connection::GetProgress() by a background
// thread. Inert unless `enabled` (the CLI enables it when stderr is a terminal).
// Thread safety: the public methods are for the thread that runs the statements.
class ProgressBar {
 public:
  // Short statements never show a bar: it would only flicker.
  static constexpr std::chrono::milliseconds kDelay{2000};
  static constexpr std::chrono::milliseconds kRefresh{100};

  ProgressBar(const Connection& connection, bool enabled);
  ~ProgressBar();
  ProgressBar(const ProgressBar&) = delete;
  ProgressBar& operator=(const ProgressBar&) = delete;

  // Clears the line and stops drawing, e.g. while a statement's result is printed.
  void Pause();
  // Starts the delay again, for the next statement.
  void Resume();

 private:
  void Run();
  void ClearLocked();

  const Connection& connection_;
  std::mutex mutex_;
  std::condition_variable wake_;
  bool stop_ = false;
  bool paused_ = false;
  bool drawn_ = false;
  std::chrono::steady_clock::time_point statement_start_;
  std::thread thread_;
};

}  // namespace basin::cli
