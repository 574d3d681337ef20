// src/format/parquet/rle_bit_packed.cc
#include "format/parquet/rle_bit_packed.h"

#include <algorithm>

#include "common/error.h"
#include "format/parquet/bit_packing_internal.h"
#include "format/parquet/varint_internal.h"

namespace basin::parquet {
namespace {

[[noreturn]] void Corrupt(const std::string& what) {
  throw Error(sqlstate::kDataCorrupted, "corrupt Parquet RLE/bit-packed data: " + what);
}

}  // namespace

RleBitPackedDecoder::RleBitPackedDecoder(std::span<const uint8_t> data, int bit_width)
    : pos_(data.data()), end_(data.data() + data.size()), bit_width_(bit_width) {
  if (bit_width < 0 || bit_width > 32) Corrupt("bit width " + std::to_string(bit_width));
}

bool RleBitPackedDecoder::NextRun() {
  if (pos_ == end_) return false;
  uint64_t header;
  if (!internal::ReadUleb128(pos_, end_, header)) Corrupt("truncated run header");
  const uint64_t count = header >> 1;
  if (header & 1) {
    // Bit-packed: count groups of 8. A final run may stop early; keep the values its
    // bytes hold.
    const size_t available = static_cast<size_t>(end_ - pos_);
    const uint64_t bytes = count * static_cast<uint64_t>(bit_width_);  // count < 2^63
    packed_ = pos_;
    if (bit_width_ == 0) {
      packed_left_ = static_cast<size_t>(std::min<uint64_t>(count * 8, SIZE_MAX / 2));
    } else if (count > available || bytes > available) {
      packed_left_ = available * 8 / static_cast<size_t>(bit_width_);
      pos_ = end_;
    } else {
      packed_left_ = static_cast<size_t>(count) * 8;
      pos_ += bytes;
    }
  } else {
    const size_t value_bytes = static_cast<size_t>(bit_width_ + 7) / 8;
    if (static_cast<size_t>(end_ - pos_) < value_bytes) Corrupt("truncated repeated value");
    uint32_t value = 0;
    for (size_t i = 0; i < value_bytes; ++i) value |= uint32_t{pos_[i]} << (8 * i);
    pos_ += value_bytes;
    repeated_value_ = value;
    repeated_left_ = static_cast<size_t>(std::min<uint64_t>(count, SIZE_MAX / 2));
  }
  return true;
}

template <typename Out>
size_t RleBitPackedDecoder::GetBatchImpl(Out* out, size_t count) {
  size_t done = 0;
  while (done < count) {
    if (group_pos_ < group_size_) {
      const size_t n = std::min<size_t>(count - done, group_size_ - group_pos_);
      for (size_t i = 0; i < n; ++i) out[done + i] = static_cast<Out>(group_[group_pos_ + i]);
      group_pos_ += static_cast<uint8_t>(n);
      done += n;
    } else if (repeated_left_ > 0) {
      const size_t n = std::min(count - done, repeated_left_);
      std::fill_n(out + done, n, static_cast<Out>(repeated_value_));
      repeated_left_ -= n;
      done += n;
    } else if (packed_left_ > 0) {
      const size_t wanted = std::min(count - done, packed_left_);
      const size_t whole = wanted / 8 * 8;
      if (whole > 0) {
        internal::UnpackBits(packed_, end_, bit_width_, whole, out + done);
        packed_ += whole / 8 * static_cast<size_t>(bit_width_);
        packed_left_ -= whole;
        done += whole;
      } else {
        // Fewer than 8 wanted: unpack one group and keep the rest for next time.
        const size_t values = std::min<size_t>(8, packed_left_);
        const size_t bytes = std::min<size_t>(static_cast<size_t>(end_ - packed_),
                                              static_cast<size_t>(bit_width_));
        internal::UnpackBits(packed_, packed_ + bytes, bit_width_, values, group_);
        packed_ += bytes;
        packed_left_ -= values;
        group_pos_ = 0;
        group_size_ = static_cast<uint8_t>(values);
      }
    } else if (!NextRun()) {
      break;
    }
  }
  return done;
}

size_t RleBitPackedDecoder::GetBatch(uint32_t* out, size_t count) {
  return GetBatchImpl(out, count);
}

size_t RleBitPackedDecoder::GetBatch(uint16_t* out, size_t count) {
  if (bit_width_ > 16) Corrupt("bit width " + std::to_string(bit_width_) + " for 16-bit output");
  return GetBatchImpl(out, count);
}

size_t RleBitPackedDecoder::Skip(size_t count) {
  size_t done = 0;
  uint32_t scratch[256];
  while (done < count) {
    if (repeated_left_ > 0 && group_pos_ == group_size_) {
      const size_t n = std::min(count - done, repeated_left_);
      repeated_left_ -= n;
      done += n;
      continue;
    }
    const size_t n = GetBatchImpl(scratch, std::min<size_t>(256, count - done));
    if (n == 0) break;
    done += n;
  }
  return done;
}

namespace {

template <typename In>
void EncodeImpl(std::span<const In> values, int bit_width, std::string& out) {
  if (bit_width < 0 || bit_width > 32) {
    throw Error(sqlstate::kInternal, "RLE bit width " + std::to_string(bit_width));
  }
  const size_t value_bytes = static_cast<size_t>(bit_width + 7) / 8;
  const size_t n = values.size();
  size_t literal_start = 0;
  auto flush_literals = [&](size_t end) {
    // [literal_start, end) as bit-packed groups; only the stream's last run may need
    // padding (end == n), others are multiples of 8 by construction.
    if (end == literal_start) return;
    const size_t groups = (end - literal_start + 7) / 8;
    internal::AppendUleb128((uint64_t{groups} << 1) | 1, out);
    const size_t full = end - literal_start;
    internal::PackBits(values.data() + literal_start, full, bit_width, out);
    // Pad the group: zero values, so whole bytes are written.
    const size_t padding = groups * 8 - full;
    if (padding > 0) {
      const size_t written_bits = full * static_cast<size_t>(bit_width);
      const size_t total_bytes = groups * static_cast<size_t>(bit_width);
      out.append(total_bytes - (written_bits + 7) / 8, '\0');
    }
    literal_start = end;
  };
  size_t i = 0;
  while (i < n) {
    size_t run = 1;
    while (i + run < n && values[i + run] == values[i]) ++run;
    // Literal runs must stay multiples of 8: borrow from the repeated run to round up.
    const size_t pending = i - literal_start;
    const size_t borrow = (8 - pending % 8) % 8;
    if (run >= borrow + 8) {
      flush_literals(i + borrow);
      const size_t repeated = run - borrow;
      internal::AppendUleb128(uint64_t{repeated} << 1, out);
      const uint32_t value = values[i];
      for (size_t b = 0; b < value_bytes; ++b) out.push_back(static_cast<char>(value >> (8 * b)));
      literal_start = i + run;
    }
    i += run;
  }
  flush_literals(n);
}

}  // namespace

void EncodeRleBitPacked(std::span<const uint32_t> values, int bit_width, std::string& out) {
  EncodeImpl(values, bit_width, out);
}

void EncodeRleBitPacked(std::span<const uint16_t> values, int bit_width, std::string& out) {
  EncodeImpl(values, bit_width, out);
}

}  // namespace basin::parquet
