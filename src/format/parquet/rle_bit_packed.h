// src/format/parquet/rle_bit_packed.h
// The RLE / bit-packing hybrid (Encodings.md "RLE"): definition and repetition
// levels, dictionary indices and RLE booleans. A stream is a sequence of runs, each
// a ULEB128 header: an even header (count << 1) is a run of one value repeated
// `count` times, the value in ceil(bit_width / 8) little-endian bytes; an odd header
// (groups << 1 | 1) is groups * 8 values bit-packed LSB first.
//
// The stream has no length or count of its own; callers know how many values to ask
// for (and, for levels in v1 pages, the 4-byte length prefix is theirs to read).
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>

namespace basin::parquet {

// Decodes batches of values without per-value branching inside runs: repeated runs
// are filled, bit-packed runs are unpacked 8 at a time by width-specialized code.
// Never reads outside `data`; a truncated final bit-packed run yields the values its
// bytes hold, so a short stream shows up as GetBatch returning fewer values than asked.
// A header-only cursor: cheap to copy, no allocation.
class RleBitPackedDecoder {
 public:
  RleBitPackedDecoder() = default;
  // Throws kDataCorrupted unless 0 <= bit_width <= 32. `data` must outlive the decoder.
  RleBitPackedDecoder(std::span<const uint8_t> data, int bit_width);

  // Decode up to `count` values into `out`; return the number decoded, which is less
  // than `count` only at the end of the data. Throws kDataCorrupted on a malformed
  // run header. The uint16_t form REQUIRES bit_width <= 16 (checked).
  size_t GetBatch(uint32_t* out, size_t count);
  size_t GetBatch(uint16_t* out, size_t count);
  // Skips up to `count` values; returns how many were skipped.
  size_t Skip(size_t count);

  int bit_width() const { return bit_width_; }

 private:
  template <typename Out>
  size_t GetBatchImpl(Out* out, size_t count);
  // Starts the next run; false at the end of the data.
  bool NextRun();

  const uint8_t* pos_ = nullptr;
  const uint8_t* end_ = nullptr;
  int bit_width_ = 0;
  // Current repeated run.
  uint32_t repeated_value_ = 0;
  size_t repeated_left_ = 0;
  // Current bit-packed run: values not yet unpacked start at packed_.
  const uint8_t* packed_ = nullptr;
  size_t packed_left_ = 0;
  // A group unpacked for a batch that ended inside it.
  uint32_t group_[8] = {};
  uint8_t group_pos_ = 0;
  uint8_t group_size_ = 0;
};

// Appends the hybrid encoding of `values` (each < 2^bit_width, 0 <= bit_width <= 32):
// runs of 8 or more equal values become repeated runs, the rest bit-packed groups of
// 8 (the last padded with zeros). Throws kInternal if bit_width is out of range.
void EncodeRleBitPacked(std::span<const uint32_t> values, int bit_width, std::string& out);
void EncodeRleBitPacked(std::span<const uint16_t> values, int bit_width, std::string& out);

}  // namespace basin::parquet
