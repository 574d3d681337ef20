// src/format/parquet/value_conversion.h
// Physical Parquet values to Basin values, per the leaf's ValueConversion.
#pragma once

#include <cstdint>
#include <string_view>

#include "common/vector.h"
#include "format/parquet/parquet_schema.h"

namespace basin::parquet {

// `plain` holds `count` values in PLAIN layout (little-endian, back to back; INT96 and
// FIXED_LEN_BYTE_ARRAY at their widths). Writes rows [offset, offset+count) of `out`.
// Throws 22008 for timestamps that do not fit in microseconds and 22003 for decimals
// that do not fit their precision's storage.
void ConvertFixedValues(const ParquetField& leaf, const uint8_t* plain, uint32_t count, Vector& out, uint32_t offset);

// BYTE_ARRAY values. Strings are stored as views: the bytes must live as long as
// `out` (column readers keep their pages in a heap `out` holds).
void ConvertByteArrays(const ParquetField& leaf, const std::string_view* values, uint32_t count, Vector& out,
                       uint32_t offset);

}  // namespace basin::parquet
