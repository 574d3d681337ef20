// src/cli/progress_bar.cc
#include "cli/progress_bar.h"

#include <unistd.h>

#include <algorithm>

namespace basin::cli {
namespace {

constexpr int kBarWidth = 30;

// 1234567 -> "1,234,567": row counts of big scans are unreadable without separators.
std::string GroupThousands(uint64_t number) {
  std::string digits = std::to_string(number);
  for (int i = static_cast<int>(digits.size()) - 3; i > 0; i -= 3) digits.insert(i, ",");
  return digits;
}

void WriteStderr(const std::string& text) {
  [[maybe_unused]] const ssize_t written = write(STDERR_FILENO, text.data(), text.size());
}

}  // namespace

std::string FormatProgressLine(const Connection::Progress& progress) {
  if (progress.rows_total == 0) return GroupThousands(progress.rows_done) + " rows processed";
  const uint64_t done = std::min(progress.rows_done, progress.rows_total);
  const int percent = static_cast<int>(done * 100 / progress.rows_total);
  const int filled = static_cast<int>(done * kBarWidth / progress.rows_total);
  std::string line = "[" + std::string(filled, '=') + std::string(kBarWidth - filled, ' ') + "] ";
  std::string percent_text = std::to_string(percent) + "%";
  line += std::string(4 - std::min<size_t>(4, percent_text.size()), ' ') + percent_text;
  return line + " (" + GroupThousands(done) + " / " + GroupThousands(progress.rows_total) +
         " rows)";
}

ProgressBar::ProgressBar(const Connection& connection, bool enabled) : connection_(connection) {
  if (!enabled) return;
  statement_start_ = std::chrono::steady_clock::now();
  thread_ = std::thread([this] { Run(); });
}

ProgressBar::~ProgressBar() {
  if (!thread_.joinable()) return;
  {
    std::lock_guard lock(mutex_);
    stop_ = true;
    ClearLocked();
  }
  wake_.notify_all();
  thread_.join();
}

void ProgressBar::Pause() {
  if (!thread_.joinable()) return;
  std::lock_guard lock(mutex_);
  paused_ = true;
  ClearLocked();
}

void ProgressBar::Resume() {
  if (!thread_.joinable()) return;
  std::lock_guard lock(mutex_);
  paused_ = false;
  statement_start_ = std::chrono::steady_clock::now();
}

void ProgressBar::ClearLocked() {
  if (!drawn_) return;
  WriteStderr("\r\033[K");  // to column 0, then erase to the end of the line
  drawn_ = false;
}

void ProgressBar::Run() {
  std::unique_lock lock(mutex_);
  while (!stop_) {
    const auto now = std::chrono::steady_clock::now();
    const auto show_at = statement_start_ + kDelay;
    if (paused_ || now < show_at) {
      wake_.wait_until(lock, paused_ ? now + kRefresh : show_at, [this] { return stop_; });
      continue;
    }
    const Connection::Progress progress = connection_.GetProgress();
    WriteStderr("\r\033[K" + FormatProgressLine(progress));
    drawn_ = true;
    wake_.wait_for(lock, kRefresh, [this] { return stop_; });
  }
}

}  // namespace basin::cli
