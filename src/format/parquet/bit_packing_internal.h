// src/format/parquet/bit_packing_internal.h
// Parquet's bit packing (values packed LSB first, as in the RLE/bit-packing hybrid and
// DELTA_BINARY_PACKED miniblocks). Private to src/format/parquet.
#pragma once

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>
#include <utility>

namespace basin::parquet::internal {

inline uint64_t Load64(const uint8_t* bytes) {
  uint64_t value;
  std::memcpy(&value, bytes, sizeof(value));
  return value;
}

// Bytes Unpack8<kWidth> may read: the last value starts in byte 7*kWidth/8 and a
// 64-bit load (plus one more byte when the value straddles 9 bytes) reads from there.
constexpr size_t Unpack8ReadBytes(int width) { return 7 * static_cast<size_t>(width) / 8 + 9; }

// Unpacks 8 values of kWidth bits. Why a template: with the width a constant the loop
// unrolls into fixed loads, shifts and masks, several times faster than a generic
// bit reader. REQUIRES: Unpack8ReadBytes(kWidth) readable bytes at `in` (the group
// itself is only kWidth bytes; callers pad near the end of their buffer).
template <typename Out, int kWidth>
inline void Unpack8(const uint8_t* in, Out* out) {
  if constexpr (kWidth == 0) {
    for (int j = 0; j < 8; ++j) out[j] = 0;
  } else {
    constexpr uint64_t kMask = kWidth == 64 ? ~uint64_t{0} : (uint64_t{1} << kWidth) - 1;
    for (int j = 0; j < 8; ++j) {
      const int bit = j * kWidth;
      const int shift = bit % 8;
      uint64_t word = Load64(in + bit / 8) >> shift;
      if (kWidth + shift > 64) word |= uint64_t{in[bit / 8 + 8]} << (64 - shift);
      out[j] = static_cast<Out>(word & kMask);
    }
  }
}

template <typename Out>
using Unpack8Fn = void (*)(const uint8_t*, Out*);

template <typename Out, int... kWidths>
constexpr std::array<Unpack8Fn<Out>, sizeof...(kWidths)> MakeUnpack8Table(
    std::integer_sequence<int, kWidths...>) {
  return {&Unpack8<Out, kWidths>...};
}

// Widths 0 .. bits of Out.
template <typename Out>
inline constexpr auto kUnpack8Table =
    MakeUnpack8Table<Out>(std::make_integer_sequence<int, sizeof(Out) * 8 + 1>());

// Unpacks `count` values of `width` bits starting at bit 0 of `in`.
// REQUIRES: width <= bits of Out; (count * width + 7) / 8 <= end - in.
template <typename Out>
void UnpackBits(const uint8_t* in, const uint8_t* end, int width, size_t count, Out* out) {
  const Unpack8Fn<Out> unpack = kUnpack8Table<Out>[width];
  const size_t group_bytes = static_cast<size_t>(width);
  const size_t safe_bytes = Unpack8ReadBytes(width);
  size_t i = 0;
  // Groups far enough from the end to load directly.
  for (; i + 8 <= count && static_cast<size_t>(end - in) >= safe_bytes; i += 8) {
    unpack(in, out + i);
    in += group_bytes;
  }
  // The rest through a zero-padded copy.
  while (i < count) {
    uint8_t padded[Unpack8ReadBytes(64)] = {};
    const size_t values = std::min<size_t>(8, count - i);
    const size_t bytes = std::min<size_t>(group_bytes, static_cast<size_t>(end - in));
    if (bytes > 0) std::memcpy(padded, in, bytes);
    Out group[8];
    unpack(padded, group);
    std::copy_n(group, values, out + i);
    in += bytes;
    i += values;
  }
}

// Appends `count` values of `width` bits (0..64), zero-padding the last byte.
template <typename In>
void PackBits(const In* values, size_t count, int width, std::string& out) {
  if (width == 0) return;
  const uint64_t mask = width == 64 ? ~uint64_t{0} : (uint64_t{1} << width) - 1;
  uint64_t buffer = 0;
  int bits = 0;  // bits used in buffer, < 64
  char bytes[8];
  for (size_t i = 0; i < count; ++i) {
    const uint64_t value = static_cast<uint64_t>(values[i]) & mask;
    buffer |= value << bits;
    if (bits + width >= 64) {
      std::memcpy(bytes, &buffer, 8);
      out.append(bytes, 8);
      const int used = 64 - bits;
      buffer = used < 64 ? value >> used : 0;
      bits = bits + width - 64;
    } else {
      bits += width;
    }
  }
  std::memcpy(bytes, &buffer, 8);
  out.append(bytes, static_cast<size_t>((bits + 7) / 8));
}

// Bits needed for `value` (0 for 0).
inline int BitWidth(uint64_t value) { return value == 0 ? 0 : 64 - __builtin_clzll(value); }

}  // namespace basin::parquet::internal
