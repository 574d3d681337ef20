// src/format/parquet/dictionary_builder.h
// Dictionary encoding of one column chunk: the distinct values in first-seen order
// (the dictionary page, PLAIN encoded) and each value's index (the data pages,
// RLE_DICTIONARY).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "format/parquet/column_shredder.h"
#include "format/parquet/write_schema.h"

namespace basin::parquet {

struct Dictionary {
  std::vector<uint32_t> indices;  // one per non-NULL value
  std::string plain;              // the dictionary page's values
  uint32_t size = 0;              // distinct values
};

// Fills `out` and returns true, or returns false as soon as the dictionary page would
// exceed `max_bytes` (the chunk is then written PLAIN: many distinct values make a
// dictionary cost more than it saves). BOOLEAN leaves always return false.
bool BuildDictionary(const WriteLeaf& leaf, const LeafValues& values, size_t max_bytes,
                     Dictionary& out);

}  // namespace basin::parquet
