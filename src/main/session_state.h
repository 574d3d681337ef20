// src/main/session_state.h
#pragma once

#include <atomic>
#include <cstdint>

#include "main/settings.h"

namespace basin {

// What a connection keeps between statements.
struct SessionState {
  explicit SessionState(uint32_t default_threads) : settings(default_threads) {}
  Settings settings;
  // Set by Connection::Interrupt, cleared when a statement starts.
  std::atomic<bool> interrupted{false};
  // Progress of the running statement.
  std::atomic<uint64_t> rows_done{0};
  std::atomic<uint64_t> rows_total{0};
};

}  // namespace basin
