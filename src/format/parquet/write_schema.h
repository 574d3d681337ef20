// src/format/parquet/write_schema.h
// The schema a Basin result is written with: each column's Basin type mapped to
// Parquet physical and logical types (the mapping parquet_schema.cc reads back to the
// same Basin types), the flat SchemaElement list of the footer, and per field the
// Dremel levels that shredding needs.
//
// Every field is OPTIONAL (query results carry no NOT NULL), except map keys, which
// are REQUIRED as the format demands. LIST is the three-level form
// `optional group (LIST) { repeated group list { optional element } }` and MAP is
// `optional group (MAP) { repeated group key_value { required key; optional value } }`.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "common/types.h"
#include "format/parquet/parquet_metadata.h"

namespace basin::parquet {

struct WriteField {
  enum class Kind : uint8_t { kLeaf, kStruct, kList, kMap };
  Kind kind = Kind::kLeaf;
  basin::LogicalType type;
  // Definition level when this field's value is present (non-NULL); one less means
  // NULL, except for a required field, which cannot be NULL.
  int16_t def_level = 0;
  bool required = false;
  // LIST and MAP: the definition level at which an element exists (so `def_level`
  // alone means an empty list) and the repetition level of the 2nd, 3rd... element.
  int16_t element_def_level = 0;
  int16_t element_rep_level = 0;
  // STRUCT: its fields; LIST: the element; MAP: key and value.
  std::vector<WriteField> children;
  int leaf_index = -1;  // leaves only: the column chunk index
};

// What a column chunk writer needs to know about one leaf.
struct WriteLeaf {
  basin::LogicalType type;  // the Basin type of the values
  Type physical_type = Type::kInt32;
  int32_t type_length = 0;  // FIXED_LEN_BYTE_ARRAY width
  int16_t max_def_level = 0;
  int16_t max_rep_level = 0;
  std::vector<std::string> path;  // path_in_schema
  // False where the format defines no order (INTERVAL): no min/max statistics.
  bool has_order = true;
};

struct WriteSchema {
  std::vector<WriteField> fields;  // the top-level columns
  std::vector<WriteLeaf> leaves;
  std::vector<SchemaElement> elements;  // depth-first, the root first
};

// Throws kFeatureNotSupported for a STRUCT without fields (Parquet groups need one).
WriteSchema BuildWriteSchema(const std::vector<std::string>& names,
                             const std::vector<basin::LogicalType>& types);

// The leaf indexes under `field`, in column chunk order.
std::vector<int> LeafIndexes(const WriteField& field);

// Bytes of a FIXED_LEN_BYTE_ARRAY decimal: every precision above 18 is stored in 16
// bytes, the width of Basin's int128 decimals.
inline constexpr int32_t kWideDecimalBytes = 16;
// INTERVAL: months, days and milliseconds, each a little-endian uint32.
inline constexpr int32_t kIntervalBytes = 12;

}  // namespace basin::parquet
