// src/exec/execution_context.h
#pragma once

#include <atomic>
#include <cstdint>
#include <memory>
#include <unordered_map>

#include "common/memory_tracker.h"
#include "common/thread_pool.h"

namespace basin {

class PhysicalNode;
struct GlobalState;

// What one running query shares across its threads.
struct ExecutionContext {
  ThreadPool& pool;
  uint32_t threads;
  MemoryTracker& memory;
  // Set by Connection::Interrupt; operators check it at morsel boundaries.
  const std::atomic<bool>& interrupted;
  // Progress, for the CLI's progress bar.
  std::atomic<uint64_t>& rows_done;
  std::atomic<uint64_t>& rows_total;
  // Record per-node row counts and time (EXPLAIN ANALYZE).
  bool profile = false;
  // The statement's start time (now(), current_timestamp), µs since the epoch, UTC.
  int64_t statement_timestamp = 0;

  // Global states of the nodes being executed, created when their pipeline starts.
  std::unordered_map<const PhysicalNode*, std::unique_ptr<GlobalState>> states;

  // Throws 57014 if the query was interrupted.
  void CheckInterrupted() const;
};

}  // namespace basin
