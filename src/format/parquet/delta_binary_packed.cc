// src/format/parquet/delta_binary_packed.cc
#include "format/parquet/delta_binary_packed.h"

#include <algorithm>

#include "common/error.h"
#include "format/parquet/bit_packing_internal.h"
#include "format/parquet/varint_internal.h"

namespace basin::parquet {
namespace {

[[noreturn]] void Corrupt(const std::string& what) {
  throw Error(sqlstate::kDataCorrupted, "corrupt Parquet DELTA_BINARY_PACKED data: " + what);
}

uint64_t ReadVarint(const uint8_t*& pos, const uint8_t* end, const char* what) {
  uint64_t value;
  if (!internal::ReadUleb128(pos, end, value)) Corrupt(std::string("truncated ") + what);
  return value;
}

// Bytes of a miniblock of `count` values at `width` bits, given that `values` are
// needed from it: full miniblocks are stored whole, and the last one is padded to its
// full size by conforming writers; a truncated last one is accepted if it holds the
// needed values.
size_t MiniblockBytes(uint64_t values_per_miniblock, uint64_t needed, int width,
                      size_t available) {
  const uint64_t full = values_per_miniblock / 8 * static_cast<uint64_t>(width);
  if (full <= available) return static_cast<size_t>(full);
  const uint64_t minimum = (needed * static_cast<uint64_t>(width) + 7) / 8;
  if (needed < values_per_miniblock && minimum <= available) return available;
  Corrupt("miniblock of " + std::to_string(full) + " bytes exceeds the remaining " +
          std::to_string(available));
}

}  // namespace

template <typename T>
DeltaBinaryPackedDecoder<T>::DeltaBinaryPackedDecoder(std::span<const uint8_t> data)
    : begin_(data.data()), pos_(data.data()), end_(data.data() + data.size()) {
  values_per_block_ = ReadVarint(pos_, end_, "header");
  miniblocks_per_block_ = ReadVarint(pos_, end_, "header");
  total_values_ = ReadVarint(pos_, end_, "header");
  last_value_ = static_cast<uint64_t>(internal::ZigZagDecode(ReadVarint(pos_, end_, "header")));
  if (values_per_block_ == 0 || values_per_block_ % 128 != 0 || miniblocks_per_block_ == 0 ||
      values_per_block_ % miniblocks_per_block_ != 0 ||
      (values_per_block_ / miniblocks_per_block_) % 32 != 0) {
    Corrupt("invalid block size " + std::to_string(values_per_block_) + " with " +
            std::to_string(miniblocks_per_block_) + " miniblocks");
  }
  values_per_miniblock_ = values_per_block_ / miniblocks_per_block_;
  if (values_per_miniblock_ > kMaxValuesPerMiniblock) {
    Corrupt("miniblocks of " + std::to_string(values_per_miniblock_) + " values");
  }
  first_block_ = pos_;
  values_left_ = total_values_;
  first_value_pending_ = total_values_ > 0;
  miniblock_index_ = miniblocks_per_block_;  // no block read yet
  deltas_.resize(values_per_miniblock_);
}

template <typename T>
void DeltaBinaryPackedDecoder<T>::ReadBlockHeader() {
  min_delta_ = static_cast<uint64_t>(internal::ZigZagDecode(ReadVarint(pos_, end_, "block")));
  if (static_cast<uint64_t>(end_ - pos_) < miniblocks_per_block_) Corrupt("truncated bit widths");
  bit_widths_ = pos_;
  pos_ += miniblocks_per_block_;
  miniblock_index_ = 0;
}

template <typename T>
void DeltaBinaryPackedDecoder<T>::LoadMiniblock() {
  if (miniblock_index_ == miniblocks_per_block_) ReadBlockHeader();
  const int width = bit_widths_[miniblock_index_++];
  if (width > static_cast<int>(sizeof(T) * 8)) {
    Corrupt("bit width " + std::to_string(width) + " for " + std::to_string(sizeof(T) * 8) +
            "-bit values");
  }
  const uint64_t count = std::min(values_per_miniblock_, values_left_);
  const size_t bytes =
      MiniblockBytes(values_per_miniblock_, count, width, static_cast<size_t>(end_ - pos_));
  internal::UnpackBits(pos_, end_, width, static_cast<size_t>(count), deltas_.data());
  pos_ += bytes;
  delta_pos_ = 0;
  delta_count_ = static_cast<size_t>(count);
}

template <typename T>
size_t DeltaBinaryPackedDecoder<T>::Decode(T* out, size_t count) {
  const size_t n = static_cast<size_t>(std::min<uint64_t>(count, values_left_));
  size_t done = 0;
  if (n > 0 && first_value_pending_) {
    out[done++] = static_cast<T>(last_value_);
    first_value_pending_ = false;
    --values_left_;
  }
  while (done < n) {
    if (delta_pos_ == delta_count_) LoadMiniblock();
    const size_t k = std::min(n - done, delta_count_ - delta_pos_);
    // The prefix sum carries a dependency from value to value; the unsigned type of T
    // gives the format's wrap-around for free.
    using U = std::make_unsigned_t<T>;
    U value = static_cast<U>(last_value_);
    const U min_delta = static_cast<U>(min_delta_);
    const uint64_t* deltas = deltas_.data() + delta_pos_;
    T* target = out + done;
    for (size_t i = 0; i < k; ++i) {
      value += min_delta + static_cast<U>(deltas[i]);
      target[i] = static_cast<T>(value);
    }
    last_value_ = value;
    delta_pos_ += k;
    done += k;
    values_left_ -= k;
  }
  return n;
}

template <typename T>
size_t DeltaBinaryPackedDecoder<T>::EncodedSize() const {
  const uint8_t* pos = first_block_;
  uint64_t left = total_values_ > 0 ? total_values_ - 1 : 0;
  while (left > 0) {
    ReadVarint(pos, end_, "block");
    if (static_cast<uint64_t>(end_ - pos) < miniblocks_per_block_) Corrupt("truncated bit widths");
    const uint8_t* widths = pos;
    pos += miniblocks_per_block_;
    for (uint64_t m = 0; m < miniblocks_per_block_ && left > 0; ++m) {
      const int width = widths[m];
      if (width > 64) Corrupt("bit width " + std::to_string(width));
      const uint64_t count = std::min(values_per_miniblock_, left);
      pos += MiniblockBytes(values_per_miniblock_, count, width, static_cast<size_t>(end_ - pos));
      left -= count;
    }
  }
  return static_cast<size_t>(pos - begin_);
}

template class DeltaBinaryPackedDecoder<int32_t>;
template class DeltaBinaryPackedDecoder<int64_t>;

namespace {

template <typename T>
void EncodeImpl(std::span<const T> values, std::string& out) {
  using U = std::make_unsigned_t<T>;
  constexpr size_t kBlock = 128;
  constexpr size_t kMiniblocks = 4;
  constexpr size_t kPerMiniblock = kBlock / kMiniblocks;
  internal::AppendUleb128(kBlock, out);
  internal::AppendUleb128(kMiniblocks, out);
  internal::AppendUleb128(values.size(), out);
  internal::AppendUleb128(internal::ZigZagEncode(values.empty() ? 0 : values[0]), out);
  T deltas[kBlock];
  U adjusted[kBlock];
  for (size_t start = 1; start < values.size(); start += kBlock) {
    const size_t count = std::min(kBlock, values.size() - start);
    T min_delta = 0;
    for (size_t i = 0; i < count; ++i) {
      deltas[i] = static_cast<T>(static_cast<U>(values[start + i]) -
                                 static_cast<U>(values[start + i - 1]));
      min_delta = i == 0 ? deltas[i] : std::min(min_delta, deltas[i]);
    }
    internal::AppendUleb128(internal::ZigZagEncode(min_delta), out);
    uint8_t widths[kMiniblocks] = {};
    for (size_t i = 0; i < count; ++i) {
      adjusted[i] = static_cast<U>(static_cast<U>(deltas[i]) - static_cast<U>(min_delta));
    }
    for (size_t m = 0; m * kPerMiniblock < count; ++m) {
      U all_bits = 0;
      const size_t end = std::min(count, (m + 1) * kPerMiniblock);
      for (size_t i = m * kPerMiniblock; i < end; ++i) all_bits |= adjusted[i];
      widths[m] = static_cast<uint8_t>(internal::BitWidth(all_bits));
    }
    out.append(reinterpret_cast<const char*>(widths), kMiniblocks);
    for (size_t m = 0; m * kPerMiniblock < count; ++m) {
      // Pad the last miniblock with zeros to its full size, as the format requires.
      U padded[kPerMiniblock] = {};
      const size_t first = m * kPerMiniblock;
      std::copy_n(adjusted + first, std::min(kPerMiniblock, count - first), padded);
      internal::PackBits(padded, kPerMiniblock, widths[m], out);
    }
  }
}

}  // namespace

void EncodeDeltaBinaryPacked(std::span<const int32_t> values, std::string& out) {
  EncodeImpl(values, out);
}

void EncodeDeltaBinaryPacked(std::span<const int64_t> values, std::string& out) {
  EncodeImpl(values, out);
}

}  // namespace basin::parquet
