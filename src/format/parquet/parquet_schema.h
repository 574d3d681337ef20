// src/format/parquet/parquet_schema.h
// A Parquet file's schema as Basin sees it: the flat, depth-first SchemaElement list
// of the footer turned into a tree of fields with Basin types and the Dremel levels
// that record assembly needs. LIST and MAP annotations (and their legacy two-level
// and unannotated forms) become LIST and MAP fields; other groups become STRUCTs.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "common/types.h"
#include "format/parquet/parquet_metadata.h"

namespace basin::parquet {

// How a leaf's physical values become Basin values.
enum class ValueConversion : uint8_t {
  kBoolean,
  kInt32,           // INT32 as integer or date
  kInt32ToInt16,    // INT(8|16) and UINT8
  kInt32ToInt64,    // INT32 decimals (stored as int64)
  kUInt32ToInt64,   // UINT32 as bigint
  kInt32Millis,     // TIME(MILLIS) to microseconds
  kInt64,           // INT64, TIMESTAMP(MICROS), TIME(MICROS), decimals up to 18 digits
  kInt64Times1000,  // TIMESTAMP(MILLIS) to microseconds
  kInt64Div1000,    // TIMESTAMP(NANOS), TIME(NANOS) to microseconds (floor)
  kInt64ToInt128,   // INT32/INT64 decimals stored wide
  kUInt64ToInt128,  // UINT64 as DECIMAL(20,0)
  kInt96,           // Impala timestamps
  kFloat,
  kFloat16,
  kDouble,
  kString,             // BYTE_ARRAY and FIXED_LEN_BYTE_ARRAY as text
  kUuid,               // FIXED_LEN_BYTE_ARRAY(16) UUID as its canonical text
  kBigEndianDecimal,   // BYTE_ARRAY / FIXED_LEN_BYTE_ARRAY DECIMAL, two's complement
  kInterval,           // FIXED_LEN_BYTE_ARRAY(12) INTERVAL: months, days, millis
  kNull,               // UNKNOWN logical type: always NULL
};

struct ParquetField {
  enum class Kind : uint8_t { kLeaf, kStruct, kList, kMap };
  Kind kind = Kind::kLeaf;
  std::string name;
  basin::LogicalType type;
  // Definition level at which this field's value is non-NULL, and the repetition
  // level of its innermost repeated ancestor (0 at the top level).
  int16_t def_level = 0;
  int16_t rep_level = 0;
  // LIST and MAP: definition level at which an element exists (the list is not
  // empty) and the repetition level that starts a new element.
  int16_t element_def_level = 0;
  int16_t element_rep_level = 0;
  // STRUCT: the fields; LIST: one child, the element; MAP: key and value.
  std::vector<ParquetField> children;

  // Leaves only.
  int leaf_index = -1;  // column chunk index in a row group
  Type physical_type = Type::kBoolean;
  int32_t type_length = 0;  // FIXED_LEN_BYTE_ARRAY width
  int16_t max_def_level = 0;
  int16_t max_rep_level = 0;
  ValueConversion conversion = ValueConversion::kInt32;

  // Leaves: bytes per value in PLAIN layout; 0 for BOOLEAN and BYTE_ARRAY, which are
  // not fixed-width.
  size_t PlainWidth() const;

  // Indices of the leaves under this field, in file order (itself for a leaf).
  std::vector<int> Leaves() const;
};

struct ParquetSchema {
  std::vector<ParquetField> fields;  // the top-level columns
  size_t num_leaves = 0;
};

// Builds the tree and maps types. Throws kDataCorrupted for malformed schemas (child
// counts past the end, a root that is a leaf) and kFeatureNotSupported for types Basin
// has no equivalent of (decimals wider than 38 digits, INTERVAL). `file_name` is for
// messages.
ParquetSchema BuildParquetSchema(const FileMetaData& metadata, const std::string& file_name);

}  // namespace basin::parquet
