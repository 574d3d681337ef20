// src/format/parquet/delta_byte_array.h
// DELTA_LENGTH_BYTE_ARRAY (lengths as DELTA_BINARY_PACKED, then all the bytes) and
// DELTA_BYTE_ARRAY (prefix lengths as DELTA_BINARY_PACKED, then the suffixes as
// DELTA_LENGTH_BYTE_ARRAY; each value is the previous value's prefix + its suffix).
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "common/string_heap.h"
#include "format/parquet/delta_binary_packed.h"

namespace basin::parquet {

// Decodes views into the page: no copies. Construction walks the length stream's
// block headers to find where the bytes start (no allocation proportional to the
// page); lengths are then decoded batch by batch. All errors are kDataCorrupted.
class DeltaLengthByteArrayDecoder {
 public:
  DeltaLengthByteArrayDecoder() = default;
  // `data` must outlive the decoder and the views it returns.
  explicit DeltaLengthByteArrayDecoder(std::span<const uint8_t> data);

  uint64_t total_values() const { return lengths_.total_values(); }
  uint64_t values_left() const { return lengths_.values_left(); }
  // Decodes min(count, values_left()) values; returns that number.
  size_t Decode(std::string_view* out, size_t count);
  // Bytes from the start of `data` to the end of the last value's bytes, when all
  // values have been decoded. (DELTA_BYTE_ARRAY needs nothing after it; exposed for
  // checks.)
  size_t consumed_bytes() const { return static_cast<size_t>(bytes_ - begin_); }

 private:
  DeltaBinaryPackedDecoder<int32_t> lengths_;
  const uint8_t* begin_ = nullptr;
  const uint8_t* bytes_ = nullptr;  // next value's bytes
  const uint8_t* end_ = nullptr;
  std::vector<int32_t> length_buffer_;  // one batch of lengths, reused
};

// Decodes into caller-owned memory: each value is rebuilt (prefix of the previous
// value + suffix) in `heap`, and the views stay valid as long as the heap. The
// previous value is kept across batches, so batches may use different heaps.
class DeltaByteArrayDecoder {
 public:
  DeltaByteArrayDecoder() = default;
  explicit DeltaByteArrayDecoder(std::span<const uint8_t> data);

  uint64_t total_values() const { return prefix_lengths_.total_values(); }
  uint64_t values_left() const { return prefix_lengths_.values_left(); }
  size_t Decode(std::string_view* out, size_t count, StringHeap& heap);

 private:
  DeltaBinaryPackedDecoder<int32_t> prefix_lengths_;
  DeltaLengthByteArrayDecoder suffixes_;
  std::string previous_;  // the last value of the previous batch
  std::vector<int32_t> prefix_buffer_;
  std::vector<std::string_view> suffix_buffer_;
};

}  // namespace basin::parquet
