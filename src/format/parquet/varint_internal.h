// src/format/parquet/varint_internal.h
// ULEB128 varints and zigzag, shared by the Thrift compact protocol and the delta
// encodings. Private to src/format/parquet.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>

namespace basin::parquet::internal {

// Reads a ULEB128 varint of at most `kMaxBytes` bytes from [*pos, end). Returns false
// (leaving *pos unspecified) when the input ends first or the varint is longer than a
// uint64_t can hold; callers turn that into an error naming their context.
inline bool ReadUleb128(const uint8_t*& pos, const uint8_t* end, uint64_t& value) {
  uint64_t result = 0;
  for (int shift = 0; shift < 64; shift += 7) {
    if (pos == end) return false;
    const uint8_t byte = *pos++;
    result |= static_cast<uint64_t>(byte & 0x7f) << shift;
    if ((byte & 0x80) == 0) {
      // The tenth byte may only carry the top bit of a uint64_t.
      if (shift == 63 && byte > 1) return false;
      value = result;
      return true;
    }
  }
  return false;
}

inline int64_t ZigZagDecode(uint64_t value) {
  return static_cast<int64_t>((value >> 1) ^ (~(value & 1) + 1));
}

inline uint64_t ZigZagEncode(int64_t value) {
  return (static_cast<uint64_t>(value) << 1) ^ static_cast<uint64_t>(value >> 63);
}

inline void AppendUleb128(uint64_t value, std::string& out) {
  while (value >= 0x80) {
    out.push_back(static_cast<char>((value & 0x7f) | 0x80));
    value >>= 7;
  }
  out.push_back(static_cast<char>(value));
}

}  // namespace basin::parquet::internal
