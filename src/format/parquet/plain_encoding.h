// src/format/parquet/plain_encoding.h
// The PLAIN cases that are more than a memcpy: BOOLEAN (bit-packed, LSB first),
// BYTE_ARRAY (4-byte little-endian length before each value) and INT96 timestamps.
// INT32/INT64/FLOAT/DOUBLE/FIXED_LEN_BYTE_ARRAY are little-endian values back to
// back: column readers copy them directly.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>

namespace basin::parquet {

// Decodes booleans into bytes of 0 or 1. Cursor over the page; no allocation.
class PlainBooleanDecoder {
 public:
  PlainBooleanDecoder() = default;
  explicit PlainBooleanDecoder(std::span<const uint8_t> data)
      : data_(data.data()), num_bits_(data.size() * 8) {}

  size_t values_left() const { return num_bits_ - bit_; }
  // Decodes min(count, values_left()) values; returns that number.
  size_t Decode(uint8_t* out, size_t count);

 private:
  const uint8_t* data_ = nullptr;
  size_t num_bits_ = 0;
  size_t bit_ = 0;
};

// Appends `values` (non-zero is true) bit-packed.
void EncodePlainBooleans(std::span<const uint8_t> values, std::string& out);

// Views into the page. Throws kDataCorrupted when a length prefix or value runs past
// the end.
class PlainByteArrayDecoder {
 public:
  PlainByteArrayDecoder() = default;
  explicit PlainByteArrayDecoder(std::span<const uint8_t> data)
      : pos_(data.data()), end_(data.data() + data.size()) {}

  // Decodes up to `count` values; fewer only when the data ends.
  size_t Decode(std::string_view* out, size_t count);
  size_t bytes_left() const { return static_cast<size_t>(end_ - pos_); }

 private:
  const uint8_t* pos_ = nullptr;
  const uint8_t* end_ = nullptr;
};

// INT96 timestamps (Impala, Hive, Spark): 8 bytes of nanoseconds within the day, then
// 4 bytes of Julian day number, both little-endian.
inline constexpr int64_t kJulianDayOfUnixEpoch = 2'440'588;
inline constexpr size_t kInt96Bytes = 12;

// Microseconds since 1970-01-01 (nanoseconds rounded toward negative infinity), in
// wrapping 64-bit arithmetic: Spark writes timestamps beyond the nanosecond range as
// days and nanoseconds that give its microseconds back only that way.
int64_t Int96ToMicros(const uint8_t* value);
// Converts `count` values from `data` (which must hold count * 12 bytes, checked).
void DecodeInt96ToMicros(std::span<const uint8_t> data, int64_t* out, size_t count);
// The inverse, for writers and tests.
void MicrosToInt96(int64_t micros, uint8_t* value);

}  // namespace basin::parquet
