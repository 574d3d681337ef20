// src/common/memory_tracker.h
#pragma once

#include <atomic>
#include <cstdint>

namespace basin {

// Counts the bytes a query holds in its large structures (hash tables, sort runs,
// materialized results) against the session's memory_limit. Exceeding it raises
// 53200 with a message that names the limit; the query's memory is then released
// with its state, so the session stays usable. Thread-safe.
class MemoryTracker {
 public:
  explicit MemoryTracker(uint64_t limit_bytes) : limit_(limit_bytes) {}

  // REQUIRES: bytes are released later with Release (or the tracker dies first).
  void Reserve(uint64_t bytes);
  void Release(uint64_t bytes) { used_.fetch_sub(bytes, std::memory_order_relaxed); }
  uint64_t used() const { return used_.load(std::memory_order_relaxed); }
  uint64_t peak() const { return peak_.load(std::memory_order_relaxed); }
  uint64_t limit() const { return limit_; }

 private:
  uint64_t limit_;
  std::atomic<uint64_t> used_{0};
  std::atomic<uint64_t> peak_{0};
};

// Parses "4GB", "512 MiB", "1000000" (bytes) as PostgreSQL and DuckDB settings do.
// Returns false when the text is not a size.
bool ParseMemorySize(const std::string& text, uint64_t* bytes);
std::string FormatMemorySize(uint64_t bytes);

}  // namespace basin
