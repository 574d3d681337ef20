// src/format/parquet/parquet_codecs.cc
#include "format/parquet/parquet_codecs.h"

#include <brotli/decode.h>
#include <brotli/encode.h>
#include <lz4.h>
#include <lz4frame.h>
#include <snappy-c.h>
#include <zlib.h>
#include <zstd.h>

#include <cstring>
#include <memory>

#include "common/error.h"

namespace basin::parquet {
namespace {

[[noreturn]] void Corrupt(CompressionCodec codec, const std::string& what) {
  throw Error(sqlstate::kDataCorrupted, "corrupt " + CodecName(codec) + " page: " + what);
}

[[noreturn]] void SizeMismatch(CompressionCodec codec, size_t actual, size_t expected) {
  Corrupt(codec, "decompressed to " + std::to_string(actual) + " bytes, expected " +
                     std::to_string(expected));
}

// Codec libraries dislike null buffers even when empty.
uint8_t* OutPointer(std::span<uint8_t> out) {
  static uint8_t dummy;
  return out.empty() ? &dummy : out.data();
}

const uint8_t* InPointer(std::span<const uint8_t> in) {
  static const uint8_t dummy = 0;
  return in.empty() ? &dummy : in.data();
}

void DecompressSnappy(std::span<const uint8_t> in, std::span<uint8_t> out) {
  const char* input = reinterpret_cast<const char*>(InPointer(in));
  size_t length = 0;
  if (snappy_uncompressed_length(input, in.size(), &length) != SNAPPY_OK) {
    Corrupt(CompressionCodec::kSnappy, "invalid length header");
  }
  if (length != out.size()) SizeMismatch(CompressionCodec::kSnappy, length, out.size());
  size_t produced = out.size();
  if (snappy_uncompress(input, in.size(), reinterpret_cast<char*>(OutPointer(out)), &produced) !=
      SNAPPY_OK) {
    Corrupt(CompressionCodec::kSnappy, "invalid data");
  }
  if (produced != out.size()) SizeMismatch(CompressionCodec::kSnappy, produced, out.size());
}

void DecompressGzip(std::span<const uint8_t> in, std::span<uint8_t> out) {
  constexpr CompressionCodec kCodec = CompressionCodec::kGzip;
  if (in.size() > UINT32_MAX || out.size() > UINT32_MAX) Corrupt(kCodec, "page too large");
  z_stream stream{};
  // 15 + 32: maximum window, detect a gzip or zlib header.
  if (inflateInit2(&stream, 15 + 32) != Z_OK) {
    throw Error(sqlstate::kOutOfMemory, "cannot initialize zlib");
  }
  std::unique_ptr<z_stream, int (*)(z_stream*)> guard(&stream, inflateEnd);
  stream.next_in = const_cast<Bytef*>(InPointer(in));
  stream.avail_in = static_cast<uInt>(in.size());
  stream.next_out = OutPointer(out);
  stream.avail_out = static_cast<uInt>(out.size());
  while (true) {
    const int result = inflate(&stream, Z_FINISH);
    if (result == Z_STREAM_END) {
      if (stream.avail_in == 0) break;
      // Another gzip member follows (concatenated members form one stream).
      if (inflateReset(&stream) != Z_OK) Corrupt(kCodec, "cannot reset zlib");
      continue;
    }
    if (result == Z_BUF_ERROR && stream.avail_out == 0) {
      Corrupt(kCodec, "decompresses to more than the declared " + std::to_string(out.size()) +
                          " bytes");
    }
    if (result != Z_OK) {
      Corrupt(kCodec, stream.msg != nullptr ? stream.msg : "invalid data");
    }
  }
  const size_t produced = out.size() - stream.avail_out;
  if (produced != out.size()) SizeMismatch(kCodec, produced, out.size());
}

uint32_t LoadBigEndian32(const uint8_t* bytes) {
  return (uint32_t{bytes[0]} << 24) | (uint32_t{bytes[1]} << 16) | (uint32_t{bytes[2]} << 8) |
         uint32_t{bytes[3]};
}

// Hadoop's BlockCompressorStream framing: per block, the uncompressed length, then
// compressed chunks (each with its length) until the block is complete.
bool TryDecompressHadoopLz4(std::span<const uint8_t> in, std::span<uint8_t> out) {
  size_t in_pos = 0;
  size_t out_pos = 0;
  if (in.size() < 8) return false;
  while (in.size() - in_pos >= 8) {
    const uint32_t block_size = LoadBigEndian32(in.data() + in_pos);
    in_pos += 4;
    if (block_size > out.size() - out_pos) return false;
    const size_t block_end = out_pos + block_size;
    while (out_pos < block_end) {
      if (in.size() - in_pos < 4) return false;
      const uint32_t chunk_size = LoadBigEndian32(in.data() + in_pos);
      in_pos += 4;
      if (chunk_size > in.size() - in_pos || chunk_size > INT32_MAX) return false;
      const int produced = LZ4_decompress_safe(
          reinterpret_cast<const char*>(in.data() + in_pos),
          reinterpret_cast<char*>(OutPointer(out) + out_pos), static_cast<int>(chunk_size),
          static_cast<int>(block_end - out_pos));
      if (produced < 0) return false;
      out_pos += static_cast<size_t>(produced);
      in_pos += chunk_size;
    }
  }
  return in_pos == in.size() && out_pos == out.size();
}

bool TryDecompressLz4Frame(std::span<const uint8_t> in, std::span<uint8_t> out) {
  static constexpr uint8_t kFrameMagic[4] = {0x04, 0x22, 0x4d, 0x18};
  if (in.size() < 4 || std::memcmp(in.data(), kFrameMagic, 4) != 0) return false;
  LZ4F_dctx* context = nullptr;
  if (LZ4F_isError(LZ4F_createDecompressionContext(&context, LZ4F_VERSION))) return false;
  std::unique_ptr<LZ4F_dctx, size_t (*)(LZ4F_dctx*)> guard(context, LZ4F_freeDecompressionContext);
  size_t in_pos = 0;
  size_t out_pos = 0;
  while (in_pos < in.size()) {
    size_t in_size = in.size() - in_pos;
    size_t out_size = out.size() - out_pos;
    const size_t hint = LZ4F_decompress(context, OutPointer(out.subspan(out_pos)), &out_size,
                                        in.data() + in_pos, &in_size, nullptr);
    if (LZ4F_isError(hint)) return false;
    in_pos += in_size;
    out_pos += out_size;
    if (in_size == 0 && out_size == 0) return false;  // no progress: output full
    if (hint == 0 && in_pos < in.size()) {
      LZ4F_resetDecompressionContext(context);  // another frame follows
    }
  }
  return out_pos == out.size();
}

void DecompressLz4Raw(CompressionCodec codec, std::span<const uint8_t> in,
                      std::span<uint8_t> out) {
  if (in.size() > INT32_MAX || out.size() > INT32_MAX) Corrupt(codec, "page too large");
  const int produced =
      LZ4_decompress_safe(reinterpret_cast<const char*>(InPointer(in)),
                          reinterpret_cast<char*>(OutPointer(out)), static_cast<int>(in.size()),
                          static_cast<int>(out.size()));
  if (produced < 0) Corrupt(codec, "invalid data or larger than the declared size");
  if (static_cast<size_t>(produced) != out.size()) {
    SizeMismatch(codec, static_cast<size_t>(produced), out.size());
  }
}

void DecompressLz4Legacy(std::span<const uint8_t> in, std::span<uint8_t> out) {
  if (TryDecompressHadoopLz4(in, out)) return;
  if (TryDecompressLz4Frame(in, out)) return;
  DecompressLz4Raw(CompressionCodec::kLz4, in, out);
}

void DecompressZstd(std::span<const uint8_t> in, std::span<uint8_t> out) {
  const size_t produced = ZSTD_decompress(OutPointer(out), out.size(), InPointer(in), in.size());
  if (ZSTD_isError(produced)) Corrupt(CompressionCodec::kZstd, ZSTD_getErrorName(produced));
  if (produced != out.size()) SizeMismatch(CompressionCodec::kZstd, produced, out.size());
}

void DecompressBrotli(std::span<const uint8_t> in, std::span<uint8_t> out) {
  size_t produced = out.size();
  const BrotliDecoderResult result =
      BrotliDecoderDecompress(in.size(), InPointer(in), &produced, OutPointer(out));
  if (result != BROTLI_DECODER_RESULT_SUCCESS) {
    Corrupt(CompressionCodec::kBrotli, "invalid data or larger than the declared size");
  }
  if (produced != out.size()) SizeMismatch(CompressionCodec::kBrotli, produced, out.size());
}

// Grows `out` by `max_bytes`, lets `compress` write at most that many and returns
// the number written; shrinks `out` to fit.
template <typename CompressFn>
void AppendCompressed(std::string& out, size_t max_bytes, CompressFn compress) {
  const size_t start = out.size();
  out.resize(start + max_bytes);
  const size_t written = compress(reinterpret_cast<uint8_t*>(out.data() + start));
  out.resize(start + written);
}

void CompressGzip(std::span<const uint8_t> in, std::string& out, int level) {
  if (in.size() > UINT32_MAX) {
    throw Error(sqlstate::kProgramLimitExceeded, "GZIP page larger than 4 GiB");
  }
  z_stream stream{};
  // 15 + 16: maximum window, gzip header (what Parquet's GZIP codec means).
  if (deflateInit2(&stream, level, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) != Z_OK) {
    throw Error(sqlstate::kInvalidParameterValue, "invalid GZIP level " + std::to_string(level));
  }
  std::unique_ptr<z_stream, int (*)(z_stream*)> guard(&stream, deflateEnd);
  AppendCompressed(out, deflateBound(&stream, static_cast<uLong>(in.size())), [&](uint8_t* dest) {
    stream.next_in = const_cast<Bytef*>(InPointer(in));
    stream.avail_in = static_cast<uInt>(in.size());
    stream.next_out = dest;
    stream.avail_out = static_cast<uInt>(deflateBound(&stream, static_cast<uLong>(in.size())));
    if (deflate(&stream, Z_FINISH) != Z_STREAM_END) {
      throw Error(sqlstate::kInternal, "zlib deflate did not finish");
    }
    return static_cast<size_t>(stream.total_out);
  });
}

}  // namespace

void CheckPageSize(int64_t uncompressed_size, std::string_view what) {
  if (uncompressed_size < 0) {
    throw Error(sqlstate::kDataCorrupted, "corrupt Parquet " + std::string(what) +
                                              ": negative size " +
                                              std::to_string(uncompressed_size));
  }
  if (uncompressed_size > kMaxPageBytes) {
    throw Error(sqlstate::kProgramLimitExceeded,
                "Parquet " + std::string(what) + " of " + std::to_string(uncompressed_size) +
                    " bytes exceeds the limit of " + std::to_string(kMaxPageBytes) + " bytes");
  }
}

void Decompress(CompressionCodec codec, std::span<const uint8_t> in, std::span<uint8_t> out) {
  if (in.empty() && out.empty()) return;
  switch (codec) {
    case CompressionCodec::kUncompressed:
      if (in.size() != out.size()) SizeMismatch(codec, in.size(), out.size());
      if (!in.empty()) std::memcpy(out.data(), in.data(), in.size());
      return;
    case CompressionCodec::kSnappy:
      DecompressSnappy(in, out);
      return;
    case CompressionCodec::kGzip:
      DecompressGzip(in, out);
      return;
    case CompressionCodec::kLz4:
      DecompressLz4Legacy(in, out);
      return;
    case CompressionCodec::kLz4Raw:
      DecompressLz4Raw(codec, in, out);
      return;
    case CompressionCodec::kZstd:
      DecompressZstd(in, out);
      return;
    case CompressionCodec::kBrotli:
      DecompressBrotli(in, out);
      return;
    case CompressionCodec::kLzo:
      break;
  }
  throw Error(sqlstate::kFeatureNotSupported,
              "Parquet compression codec " + CodecName(codec) + " is not supported");
}

void Compress(CompressionCodec codec, std::span<const uint8_t> in, std::string& out, int level) {
  const bool default_level = level == kDefaultCompressionLevel;
  switch (codec) {
    case CompressionCodec::kUncompressed:
      out.append(reinterpret_cast<const char*>(in.data()), in.size());
      return;
    case CompressionCodec::kSnappy:
      AppendCompressed(out, snappy_max_compressed_length(in.size()), [&](uint8_t* dest) {
        size_t length = snappy_max_compressed_length(in.size());
        if (snappy_compress(reinterpret_cast<const char*>(InPointer(in)), in.size(),
                            reinterpret_cast<char*>(dest), &length) != SNAPPY_OK) {
          throw Error(sqlstate::kInternal, "snappy compression failed");
        }
        return length;
      });
      return;
    case CompressionCodec::kGzip:
      CompressGzip(in, out, default_level ? Z_DEFAULT_COMPRESSION : level);
      return;
    case CompressionCodec::kZstd: {
      const int zstd_level = default_level ? ZSTD_CLEVEL_DEFAULT : level;
      AppendCompressed(out, ZSTD_compressBound(in.size()), [&](uint8_t* dest) {
        const size_t length = ZSTD_compress(dest, ZSTD_compressBound(in.size()), InPointer(in),
                                            in.size(), zstd_level);
        if (ZSTD_isError(length)) {
          throw Error(sqlstate::kInternal,
                      std::string("zstd compression failed: ") + ZSTD_getErrorName(length));
        }
        return length;
      });
      return;
    }
    case CompressionCodec::kLz4Raw: {
      if (in.size() > LZ4_MAX_INPUT_SIZE) {
        throw Error(sqlstate::kProgramLimitExceeded, "LZ4_RAW page too large");
      }
      const int bound = LZ4_compressBound(static_cast<int>(in.size()));
      AppendCompressed(out, static_cast<size_t>(bound), [&](uint8_t* dest) {
        const int length =
            LZ4_compress_default(reinterpret_cast<const char*>(InPointer(in)),
                                 reinterpret_cast<char*>(dest), static_cast<int>(in.size()), bound);
        if (length <= 0) throw Error(sqlstate::kInternal, "LZ4 compression failed");
        return static_cast<size_t>(length);
      });
      return;
    }
    case CompressionCodec::kBrotli: {
      const int quality = default_level ? 8 : level;
      const size_t bound = BrotliEncoderMaxCompressedSize(in.size());
      if (bound == 0) throw Error(sqlstate::kProgramLimitExceeded, "BROTLI page too large");
      AppendCompressed(out, bound, [&](uint8_t* dest) {
        size_t length = bound;
        if (!BrotliEncoderCompress(quality, BROTLI_DEFAULT_WINDOW, BROTLI_MODE_GENERIC, in.size(),
                                   InPointer(in), &length, dest)) {
          throw Error(sqlstate::kInternal, "brotli compression failed");
        }
        return length;
      });
      return;
    }
    default:
      break;
  }
  throw Error(sqlstate::kFeatureNotSupported,
              "writing Parquet compression codec " + CodecName(codec) + " is not supported");
}

}  // namespace basin::parquet
