// src/format/parquet/delta_binary_packed.h
// DELTA_BINARY_PACKED (Encodings.md): a header <block size in values> <miniblocks per
// block> <total value count> <first value (zigzag)>, then blocks of <min delta
// (zigzag)> <one bit-width byte per miniblock> <miniblocks of bit-packed
// (delta - min delta)>. Arithmetic wraps around in the width of the column's type, as
// the format requires (writers rely on it for deltas that overflow).
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <type_traits>
#include <vector>

namespace basin::parquet {

// Decodes int32_t or int64_t values in batches. The only allocation is one miniblock
// of deltas, made when the header is parsed. All errors are kDataCorrupted.
template <typename T>
class DeltaBinaryPackedDecoder {
  static_assert(std::is_same_v<T, int32_t> || std::is_same_v<T, int64_t>);

 public:
  // Larger blocks are legal but no writer makes them (parquet-mr and Arrow use 128);
  // the cap bounds the miniblock buffer a hostile header can make us allocate.
  static constexpr uint64_t kMaxValuesPerMiniblock = 1 << 16;

  DeltaBinaryPackedDecoder() = default;
  // Parses the header. `data` may continue past the encoded values (DELTA_BYTE_ARRAY
  // stores more after them) and must outlive the decoder.
  explicit DeltaBinaryPackedDecoder(std::span<const uint8_t> data);

  // The count from the header. Untrusted: callers compare it with their page's count.
  uint64_t total_values() const { return total_values_; }
  uint64_t values_left() const { return values_left_; }

  // Decodes min(count, values_left()) values into `out` and returns that number.
  size_t Decode(T* out, size_t count);

  // Bytes from the start of `data` to the end of the encoded values, found by walking
  // the block headers (no decoding). Throws if the data ends before them.
  size_t EncodedSize() const;

 private:
  void ReadBlockHeader();
  void LoadMiniblock();

  const uint8_t* begin_ = nullptr;
  const uint8_t* pos_ = nullptr;
  const uint8_t* end_ = nullptr;
  const uint8_t* first_block_ = nullptr;
  uint64_t values_per_block_ = 0;
  uint64_t miniblocks_per_block_ = 0;
  uint64_t values_per_miniblock_ = 0;
  uint64_t total_values_ = 0;
  uint64_t values_left_ = 0;
  bool first_value_pending_ = false;
  uint64_t last_value_ = 0;  // wraps around; truncated to T on output
  uint64_t min_delta_ = 0;
  const uint8_t* bit_widths_ = nullptr;  // of the current block
  uint64_t miniblock_index_ = 0;         // next miniblock of the current block
  std::vector<uint64_t> deltas_;         // current miniblock, (delta - min delta)
  size_t delta_pos_ = 0;
  size_t delta_count_ = 0;
};

extern template class DeltaBinaryPackedDecoder<int32_t>;
extern template class DeltaBinaryPackedDecoder<int64_t>;

// Appends the encoding of `values` with blocks of 128 values in 4 miniblocks (what
// parquet-mr and Arrow write, so every reader handles it).
void EncodeDeltaBinaryPacked(std::span<const int32_t> values, std::string& out);
void EncodeDeltaBinaryPacked(std::span<const int64_t> values, std::string& out);

}  // namespace basin::parquet
