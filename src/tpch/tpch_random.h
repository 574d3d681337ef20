// src/tpch/tpch_random.h
#pragma once

#include <cstdint>

namespace basin::tpch {

// A small counter-based generator. Every row seeds its own stream from (table, row),
// so a row's values do not depend on which thread made it or on the rows before:
// the output is the same for any thread count and chunking. SplitMix64 passes
// BigCrush and costs a few cycles per draw.
class RowRandom {
 public:
  RowRandom(uint64_t table_seed, uint64_t row) : state_(Mix(table_seed * 0x9E3779B97F4A7C15ull + row)) {}

  uint64_t Next() {
    state_ += 0x9E3779B97F4A7C15ull;
    return Mix(state_);
  }
  // Uniform in [low, high]. The multiply-shift maps 32 random bits onto the range;
  // its bias (range / 2^32) is far below anything TPC-H's distributions can show.
  int64_t Uniform(int64_t low, int64_t high) {
    const uint64_t range = static_cast<uint64_t>(high - low) + 1;
    return low + static_cast<int64_t>(((Next() >> 32) * range) >> 32);
  }

 private:
  static uint64_t Mix(uint64_t z) {
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
  }
  uint64_t state_;
};

}  // namespace basin::tpch
