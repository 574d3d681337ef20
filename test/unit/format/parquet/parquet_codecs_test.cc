// test/unit/format/parquet/parquet_codecs_test.cc
#include <gtest/gtest.h>

#include <lz4.h>

#include <random>

#include "common/error.h"
#include "format/parquet/parquet_codecs.h"

namespace basin::parquet {
namespace {

std::span<const uint8_t> Bytes(const std::string& text) {
  return {reinterpret_cast<const uint8_t*>(text.data()), text.size()};
}

std::string SampleData(size_t size, uint32_t seed) {
  std::mt19937 random(seed);
  std::string data;
  // Compressible: runs and a small alphabet, with some noise.
  while (data.size() < size) {
    if (random() % 4 == 0) {
      data.append(random() % 50, static_cast<char>('a' + random() % 4));
    } else {
      data.push_back(static_cast<char>(random()));
    }
  }
  data.resize(size);
  return data;
}

std::string Decompressed(CompressionCodec codec, const std::string& compressed, size_t size) {
  std::string out(size, '\0');
  Decompress(codec, Bytes(compressed),
             std::span<uint8_t>(reinterpret_cast<uint8_t*>(out.data()), out.size()));
  return out;
}

const CompressionCodec kWritableCodecs[] = {
    CompressionCodec::kUncompressed, CompressionCodec::kSnappy, CompressionCodec::kGzip,
    CompressionCodec::kZstd,         CompressionCodec::kLz4Raw, CompressionCodec::kBrotli};

TEST(ParquetCodecsTest, RoundTrips) {
  for (CompressionCodec codec : kWritableCodecs) {
    for (size_t size : {size_t{0}, size_t{1}, size_t{1000}, size_t{300'000}}) {
      SCOPED_TRACE(CodecName(codec) + " " + std::to_string(size));
      const std::string data = SampleData(size, static_cast<uint32_t>(size));
      std::string compressed = "prefix";  // Compress appends
      Compress(codec, Bytes(data), compressed);
      ASSERT_EQ(compressed.substr(0, 6), "prefix");
      compressed.erase(0, 6);
      if (size > 1000 && codec != CompressionCodec::kUncompressed) {
        EXPECT_LT(compressed.size(), data.size());
      }
      EXPECT_EQ(Decompressed(codec, compressed, size), data);
      // Another declared size is an error, never an overflow.
      if (size > 0) {
        EXPECT_THROW(Decompressed(codec, compressed, size - 1), Error);
        EXPECT_THROW(Decompressed(codec, compressed, size + 1), Error);
      }
    }
  }
}

TEST(ParquetCodecsTest, ExplicitLevels) {
  const std::string data = SampleData(50'000, 7);
  for (auto [codec, level] : {std::pair{CompressionCodec::kZstd, 19},
                              std::pair{CompressionCodec::kZstd, -5},
                              std::pair{CompressionCodec::kGzip, 1},
                              std::pair{CompressionCodec::kBrotli, 1}}) {
    std::string compressed;
    Compress(codec, Bytes(data), compressed, level);
    EXPECT_EQ(Decompressed(codec, compressed, data.size()), data);
  }
  std::string out;
  EXPECT_THROW(Compress(CompressionCodec::kGzip, Bytes(data), out, 42), Error);
}

TEST(ParquetCodecsTest, GzipConcatenatedMembersAndZlibHeader) {
  const std::string first = SampleData(5000, 1);
  const std::string second = SampleData(3000, 2);
  std::string compressed;
  Compress(CompressionCodec::kGzip, Bytes(first), compressed);
  Compress(CompressionCodec::kGzip, Bytes(second), compressed);
  EXPECT_EQ(Decompressed(CompressionCodec::kGzip, compressed, 8000), first + second);
}

TEST(ParquetCodecsTest, Lz4LegacyFramings) {
  const std::string data = SampleData(100'000, 3);
  std::string raw(static_cast<size_t>(LZ4_compressBound(static_cast<int>(data.size()))), '\0');
  raw.resize(static_cast<size_t>(
      LZ4_compress_default(data.data(), raw.data(), static_cast<int>(data.size()),
                           static_cast<int>(raw.size()))));
  // Raw block (old parquet-cpp).
  EXPECT_EQ(Decompressed(CompressionCodec::kLz4, raw, data.size()), data);
  // Hadoop: two blocks, each <uncompressed BE32><compressed BE32><data>.
  auto big_endian = [](uint32_t value) {
    std::string bytes(4, '\0');
    for (int i = 0; i < 4; ++i) bytes[i] = static_cast<char>(value >> (24 - 8 * i));
    return bytes;
  };
  std::string hadoop;
  for (size_t start = 0; start < data.size(); start += 60'000) {
    const std::string part = data.substr(start, 60'000);
    std::string block(static_cast<size_t>(LZ4_compressBound(static_cast<int>(part.size()))), '\0');
    block.resize(static_cast<size_t>(LZ4_compress_default(
        part.data(), block.data(), static_cast<int>(part.size()), static_cast<int>(block.size()))));
    hadoop += big_endian(static_cast<uint32_t>(part.size())) +
              big_endian(static_cast<uint32_t>(block.size())) + block;
  }
  EXPECT_EQ(Decompressed(CompressionCodec::kLz4, hadoop, data.size()), data);
  EXPECT_THROW(Decompressed(CompressionCodec::kLz4, hadoop.substr(0, hadoop.size() - 1),
                            data.size()),
               Error);
}

TEST(ParquetCodecsTest, CorruptInputThrows) {
  const std::string data = SampleData(20'000, 4);
  std::mt19937 random(5);
  for (CompressionCodec codec : kWritableCodecs) {
    if (codec == CompressionCodec::kUncompressed) continue;
    std::string compressed;
    Compress(codec, Bytes(data), compressed);
    for (int round = 0; round < 50; ++round) {
      std::string bytes = compressed;
      if (round % 2 == 0) {
        bytes.resize(random() % bytes.size());
      } else {
        for (int i = 0; i < 4; ++i) bytes[random() % bytes.size()] = static_cast<char>(random());
      }
      // Either an error or (for codecs without checksums) the right size of output.
      try {
        Decompressed(codec, bytes, data.size());
      } catch (const Error& error) {
        EXPECT_EQ(error.state(), sqlstate::kDataCorrupted) << error.what();
      }
    }
  }
}

TEST(ParquetCodecsTest, UnsupportedCodecsAndSizes) {
  std::string out(10, '\0');
  const std::span<uint8_t> span(reinterpret_cast<uint8_t*>(out.data()), out.size());
  try {
    Decompress(CompressionCodec::kLzo, Bytes("abc"), span);
    FAIL();
  } catch (const Error& error) {
    EXPECT_EQ(error.state(), sqlstate::kFeatureNotSupported);
    EXPECT_NE(std::string(error.what()).find("LZO"), std::string::npos);
  }
  EXPECT_THROW(Decompress(static_cast<CompressionCodec>(99), Bytes("abc"), span), Error);
  std::string compressed;
  EXPECT_THROW(Compress(CompressionCodec::kLz4, Bytes("abc"), compressed), Error);
  // Empty in, empty out: fine for any codec (no data in a data page v2).
  Decompress(CompressionCodec::kSnappy, {}, {});
  EXPECT_NO_THROW(CheckPageSize(kMaxPageBytes, "page"));
  EXPECT_THROW(CheckPageSize(kMaxPageBytes + 1, "page"), Error);
  EXPECT_THROW(CheckPageSize(-1, "page"), Error);
}

}  // namespace
}  // namespace basin::parquet
