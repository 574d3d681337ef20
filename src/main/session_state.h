// src/main/session_state.h
#pragma once

#include <atomic>
#include <cstdint>

#include "main/copy_stream.h"
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
  // Where COPY FROM STDIN reads and COPY TO STDOUT writes; null when the client has
  // none. Owned by the client (Connection::SetCopyStreams).
  CopyInStream* copy_in = nullptr;
  CopyOutStream* copy_out = nullptr;
};

}  // namespace basin
