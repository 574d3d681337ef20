// src/format/parquet/byte_stream_split.h
// BYTE_STREAM_SPLIT: for values of `width` bytes, byte k of every value is stored in
// stream k, and the streams are concatenated. The page must hold exactly
// num_values * width bytes.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>

namespace basin::parquet {

// Decodes batches back into the PLAIN layout (value after value, little-endian).
// Widths 4 and 8 (FLOAT, DOUBLE, INT32, INT64) have specialized loops; any width >= 1
// works (FIXED_LEN_BYTE_ARRAY, FLOAT16).
class ByteStreamSplitDecoder {
 public:
  ByteStreamSplitDecoder() = default;
  // Throws kDataCorrupted unless data.size() is a multiple of width (width >= 1).
  ByteStreamSplitDecoder(std::span<const uint8_t> data, size_t width);

  size_t num_values() const { return num_values_; }
  size_t values_left() const { return num_values_ - position_; }
  // Writes min(count, values_left()) values, count * width bytes, to `out`.
  size_t Decode(uint8_t* out, size_t count);

 private:
  const uint8_t* data_ = nullptr;
  size_t width_ = 1;
  size_t num_values_ = 0;
  size_t position_ = 0;
};

// Appends the encoding of `plain` (values of `width` bytes, back to back).
void EncodeByteStreamSplit(std::span<const uint8_t> plain, size_t width, std::string& out);

}  // namespace basin::parquet
