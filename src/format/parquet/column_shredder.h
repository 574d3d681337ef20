// src/format/parquet/column_shredder.h
// Dremel shredding: turns the rows of a (possibly nested) Basin vector into, per leaf
// column, a stream of definition and repetition levels and the non-NULL values in
// their Parquet physical form (PLAIN layout). A row group's leaves are filled by
// calling ShredColumn once per column and batch slice; the results append.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "common/vector.h"
#include "format/parquet/write_schema.h"

namespace basin::parquet {

// One leaf column's share of a row group, before encoding.
struct LeafValues {
  std::vector<uint16_t> def_levels;  // one per level entry
  std::vector<uint16_t> rep_levels;  // empty when the leaf's max_rep_level is 0
  // Non-NULL values of fixed width, back to back as PLAIN lays them out (BOOLEAN:
  // one byte of 0 or 1 each, packed only when a page is encoded).
  std::string fixed;
  // BYTE_ARRAY values: views into the vectors shredded, which must outlive their use.
  std::vector<std::string_view> strings;
  uint64_t num_values = 0;  // non-NULL values

  size_t num_levels() const { return def_levels.size(); }
};

// Appends rows [begin, end) of `column` (whose type is field.type) to the leaves of
// `field`, indexed by WriteField::leaf_index. Throws kNotNullViolation for a NULL
// map key.
void ShredColumn(const WriteField& field, const std::vector<WriteLeaf>& leaves,
                 const Vector& column, uint32_t begin, uint32_t end,
                 std::vector<LeafValues>& out);

// Appends the values at `rows` of `vector` (all non-NULL) in the physical form of
// `leaf`. Exposed for tests.
void AppendLeafValues(const WriteLeaf& leaf, const Vector& vector, const uint32_t* rows,
                      size_t count, LeafValues& out);

}  // namespace basin::parquet
