// src/exec/sort_key.h
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "common/batch.h"

namespace basin {

struct SortKeySpec {
  uint32_t column = 0;
  bool descending = false;
  bool nulls_first = false;  // PostgreSQL's default: NULLS LAST for ASC, FIRST for DESC
};

// Encodes sort keys as byte strings whose memcmp order is the SQL order
// ("normalized keys"): integers big-endian with the sign bit flipped, floats with
// their bits arranged to sort, strings escaped and terminated, descending keys
// inverted, a leading byte per column for NULL placement. Comparing rows then costs
// one memcmp, whatever the types.
class SortKeyEncoder {
 public:
  explicit SortKeyEncoder(std::vector<SortKeySpec> keys) : keys_(std::move(keys)) {}

  // Appends the key of every row of `batch` to `bytes`, recording each key's start
  // in `offsets` (the caller adds a final offset after the last row).
  void Encode(const Batch& batch, std::string& bytes, std::vector<uint64_t>& offsets) const;

 private:
  std::vector<SortKeySpec> keys_;
};

}  // namespace basin
