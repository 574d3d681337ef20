// src/format/parquet/parquet_codecs.h
// Page compression codecs, over Debian's zlib, snappy, lz4, zstd and brotli.
#pragma once

#include <cstdint>
#include <limits>
#include <span>
#include <string>

#include "format/parquet/parquet_metadata.h"

namespace basin::parquet {

// The largest page Basin will decompress (or allocate for). Page sizes are int32 in the
// format, so 2 GiB is the hard limit; a hostile header must not make us allocate
// that much. Callers check a page header's uncompressed_page_size with
// CheckPageSize() before allocating the output buffer for Decompress().
inline constexpr int64_t kMaxPageBytes = int64_t{1} << 30;

// Throws kProgramLimitExceeded when `uncompressed_size` exceeds kMaxPageBytes and
// kDataCorrupted when it is negative. `what` names the page for the message.
void CheckPageSize(int64_t uncompressed_size, std::string_view what);

// Decompresses `in` into exactly `out` (whose size is the page's declared
// uncompressed size). Throws kDataCorrupted when the data is corrupt or decompresses
// to another size, and kFeatureNotSupported for LZO and unknown codecs. An empty input
// with an empty output is accepted for every codec (data page v2 with no values).
//
// LZ4 (the deprecated codec) is tried as Hadoop framing (big-endian 4-byte
// uncompressed and compressed lengths per block, as parquet-mr writes), then as a raw
// LZ4 block (old parquet-cpp), then as an LZ4 frame. GZIP accepts gzip and zlib
// headers and several concatenated members.
void Decompress(CompressionCodec codec, std::span<const uint8_t> in, std::span<uint8_t> out);

// Each codec's own default level (zstd 3, gzip 6, brotli 8).
inline constexpr int kDefaultCompressionLevel = std::numeric_limits<int>::min();

// Appends the compressed form of `in` to `out`. Supports UNCOMPRESSED, SNAPPY, GZIP
// (gzip header), ZSTD, LZ4_RAW and BROTLI; `level` is ignored by SNAPPY and LZ4_RAW.
// Throws kFeatureNotSupported for other codecs.
void Compress(CompressionCodec codec, std::span<const uint8_t> in, std::string& out,
              int level = kDefaultCompressionLevel);

}  // namespace basin::parquet
