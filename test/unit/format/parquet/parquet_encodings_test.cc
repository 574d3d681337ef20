// test/unit/format/parquet/parquet_encodings_test.cc
// Encoder/decoder round trips with random data and the edge cases of each encoding,
// and hostile input.
#include <gtest/gtest.h>

#include <limits>
#include <random>

#include "common/error.h"
#include "format/parquet/parquet_encodings.h"

namespace basin::parquet {
namespace {

std::span<const uint8_t> Bytes(const std::string& text) {
  return {reinterpret_cast<const uint8_t*>(text.data()), text.size()};
}

// String literals live forever: decoders may keep views of them.
template <size_t N>
std::span<const uint8_t> Bytes(const char (&text)[N]) {
  return {reinterpret_cast<const uint8_t*>(text), N - 1};
}

// Values below 2^bit_width with runs of random lengths (so that repeated runs and
// bit-packed groups alternate and cross batch boundaries).
std::vector<uint32_t> RunnyValues(size_t count, int bit_width, std::mt19937& random) {
  const uint64_t limit = bit_width == 32 ? 0x100000000ull : (uint64_t{1} << bit_width);
  std::vector<uint32_t> values;
  while (values.size() < count) {
    const uint32_t value = static_cast<uint32_t>(random() % limit);
    const size_t run = random() % 3 == 0 ? 1 + random() % 40 : 1;
    for (size_t i = 0; i < run && values.size() < count; ++i) values.push_back(value);
  }
  return values;
}

TEST(ParquetRleTest, RoundTripsEveryBitWidth) {
  std::mt19937 random(1);
  for (int bit_width = 0; bit_width <= 32; ++bit_width) {
    for (size_t count : {size_t{0}, size_t{1}, size_t{7}, size_t{8}, size_t{9}, size_t{5000}}) {
      SCOPED_TRACE(std::to_string(bit_width) + " bits, " + std::to_string(count) + " values");
      const std::vector<uint32_t> values = RunnyValues(count, bit_width, random);
      std::string encoded;
      EncodeRleBitPacked(values, bit_width, encoded);
      // Decode in odd batch sizes.
      RleBitPackedDecoder decoder(Bytes(encoded), bit_width);
      std::vector<uint32_t> decoded(count + 16);
      size_t done = 0;
      for (size_t batch = 1; done < count; batch = batch * 3 % 1000 + 1) {
        const size_t n = decoder.GetBatch(decoded.data() + done, std::min(batch, count - done));
        ASSERT_GT(n, 0u);
        done += n;
      }
      decoded.resize(count);
      EXPECT_EQ(decoded, values);
      if (bit_width <= 16) {
        RleBitPackedDecoder narrow(Bytes(encoded), bit_width);
        std::vector<uint16_t> levels(count);
        ASSERT_EQ(narrow.GetBatch(levels.data(), count), count);
        for (size_t i = 0; i < count; ++i) ASSERT_EQ(levels[i], values[i]);
      }
    }
  }
}

TEST(ParquetRleTest, LongRunsAreCompactAndSkippable) {
  std::vector<uint32_t> values(100'000, 3);
  values.resize(200'000, 5);
  std::string encoded;
  EncodeRleBitPacked(values, 3, encoded);
  EXPECT_LT(encoded.size(), 16u);
  RleBitPackedDecoder decoder(Bytes(encoded), 3);
  EXPECT_EQ(decoder.Skip(99'999), 99'999u);
  uint32_t two[2];
  ASSERT_EQ(decoder.GetBatch(two, 2), 2u);
  EXPECT_EQ(two[0], 3u);
  EXPECT_EQ(two[1], 5u);
  EXPECT_EQ(decoder.Skip(1'000'000), 99'999u);
  EXPECT_EQ(decoder.GetBatch(two, 2), 0u);
}

TEST(ParquetRleTest, HandWrittenStream) {
  // Encodings.md's example: bit width 3, values 0..7 bit-packed, then 4 x 5 repeated.
  const std::string stream = std::string("\x03\x88\xc6\xfa", 4) + std::string("\x08\x05", 2);
  RleBitPackedDecoder decoder(Bytes(stream), 3);
  uint32_t values[12];
  ASSERT_EQ(decoder.GetBatch(values, 12), 12u);
  for (uint32_t i = 0; i < 8; ++i) EXPECT_EQ(values[i], i);
  for (int i = 8; i < 12; ++i) EXPECT_EQ(values[i], 5u);
}

TEST(ParquetRleTest, TruncatedAndHostileInput) {
  // A bit-packed run claiming 2^30 groups, with 3 bytes of data: yields what is there.
  const std::string short_run = std::string("\x81\x80\x80\x80\x08", 5) + "\xff\xff\xff";
  RleBitPackedDecoder decoder(Bytes(short_run), 4);
  std::vector<uint32_t> values(100);
  EXPECT_EQ(decoder.GetBatch(values.data(), 100), 6u);
  // A repeated run without its value.
  RleBitPackedDecoder missing_value(Bytes("\x10"), 8);
  EXPECT_THROW(missing_value.GetBatch(values.data(), 1), Error);
  // A header that never ends.
  const std::string endless_header(12, '\xff');
  RleBitPackedDecoder endless(Bytes(endless_header), 8);
  EXPECT_THROW(endless.GetBatch(values.data(), 1), Error);
  EXPECT_THROW(RleBitPackedDecoder(Bytes(""), 33), Error);
  RleBitPackedDecoder wide(Bytes("\x02\x01\x02\x03"), 17);
  uint16_t narrow[1];
  EXPECT_THROW(wide.GetBatch(narrow, 1), Error);
  // Empty input: nothing, no error.
  RleBitPackedDecoder empty(Bytes(""), 5);
  EXPECT_EQ(empty.GetBatch(values.data(), 10), 0u);
  // Random bytes: any outcome but a crash or a non-basin error.
  std::mt19937 random(2);
  for (int round = 0; round < 2000; ++round) {
    std::string bytes(random() % 64, '\0');
    for (char& c : bytes) c = static_cast<char>(random());
    RleBitPackedDecoder fuzz(Bytes(bytes), static_cast<int>(random() % 33));
    try {
      fuzz.GetBatch(values.data(), values.size());
    } catch (const Error&) {
    }
  }
}

template <typename T>
std::vector<T> DeltaSample(size_t count, int pattern, std::mt19937_64& random) {
  std::vector<T> values(count);
  for (size_t i = 0; i < count; ++i) {
    switch (pattern) {
      case 0:  // constant: bit width 0
        values[i] = 42;
        break;
      case 1:  // ascending with small jitter
        values[i] = static_cast<T>(i * 1000 + random() % 7);
        break;
      case 2:  // full-range random: deltas wrap around, widest miniblocks
        values[i] = static_cast<T>(random());
        break;
      default:  // extremes alternating: maximal deltas
        values[i] = i % 2 ? std::numeric_limits<T>::max() : std::numeric_limits<T>::min();
        break;
    }
  }
  return values;
}

template <typename T>
void CheckDeltaRoundTrip() {
  std::mt19937_64 random(3);
  for (int pattern = 0; pattern < 4; ++pattern) {
    for (size_t count : {size_t{0}, size_t{1}, size_t{2}, size_t{128}, size_t{129}, size_t{1000},
                         size_t{4097}}) {
      SCOPED_TRACE("pattern " + std::to_string(pattern) + ", " + std::to_string(count));
      const std::vector<T> values = DeltaSample<T>(count, pattern, random);
      std::string encoded;
      EncodeDeltaBinaryPacked(values, encoded);
      const size_t encoded_size = encoded.size();
      encoded += "trailing bytes of another stream";
      DeltaBinaryPackedDecoder<T> decoder(Bytes(encoded));
      EXPECT_EQ(decoder.total_values(), count);
      EXPECT_EQ(decoder.EncodedSize(), encoded_size);
      std::vector<T> decoded(count);
      size_t done = 0;
      for (size_t batch = 1; done < count; batch = batch * 7 % 300 + 1) {
        done += decoder.Decode(decoded.data() + done, std::min(batch, count - done));
      }
      EXPECT_EQ(decoded, values);
      T extra;
      EXPECT_EQ(decoder.Decode(&extra, 1), 0u);
    }
  }
}

TEST(ParquetDeltaBinaryPackedTest, RoundTripsInt32) { CheckDeltaRoundTrip<int32_t>(); }
TEST(ParquetDeltaBinaryPackedTest, RoundTripsInt64) { CheckDeltaRoundTrip<int64_t>(); }

TEST(ParquetDeltaBinaryPackedTest, Width64MiniblocksDecodeForInt64Only) {
  std::vector<int64_t> values = {0, INT64_MAX, INT64_MIN, 0, -1, INT64_MAX};
  std::string encoded;
  EncodeDeltaBinaryPacked(values, encoded);
  // The block's first bit width byte follows header (4 varints) and the min delta.
  DeltaBinaryPackedDecoder<int64_t> decoder(Bytes(encoded));
  std::vector<int64_t> decoded(values.size());
  ASSERT_EQ(decoder.Decode(decoded.data(), decoded.size()), values.size());
  EXPECT_EQ(decoded, values);
  // The same stream read as int32 has a 64-bit miniblock: corrupt.
  DeltaBinaryPackedDecoder<int32_t> narrow(Bytes(encoded));
  std::vector<int32_t> narrow_values(values.size());
  EXPECT_THROW(narrow.Decode(narrow_values.data(), narrow_values.size()), Error);
}

TEST(ParquetDeltaBinaryPackedTest, HostileHeadersAndTruncation) {
  // Block size not a multiple of 128; miniblocks of 16 values; huge miniblocks.
  for (const std::string& header : {std::string("\x40\x01\x01\x00", 4),
                                   std::string("\x80\x01\x08\x01\x00", 5),
                                   std::string("\x80\x80\x80\x80\x01\x01\x02\x00", 8), std::string()}) {
    EXPECT_THROW(DeltaBinaryPackedDecoder<int32_t>{Bytes(header)}, Error);
  }
  std::vector<int32_t> values(1000);
  for (size_t i = 0; i < values.size(); ++i) values[i] = static_cast<int32_t>(i * i);
  std::string encoded;
  EncodeDeltaBinaryPacked(values, encoded);
  for (size_t length = 0; length < encoded.size(); ++length) {
    SCOPED_TRACE(length);
    try {
      const std::string truncated = encoded.substr(0, length);
      DeltaBinaryPackedDecoder<int32_t> decoder(Bytes(truncated));
      std::vector<int32_t> decoded(values.size());
      decoder.Decode(decoded.data(), decoded.size());
      // Only the zero padding of the last miniblock (at most 32 values of 32 bits)
      // may be missing, and then the values must be right.
      EXPECT_GE(length, encoded.size() - 128) << "decoded a truncated stream";
      EXPECT_EQ(decoded, values);
    } catch (const Error& error) {
      EXPECT_EQ(error.state(), sqlstate::kDataCorrupted);
    }
  }
  // A header promising 2^60 values over a few bytes: decoding stops with an error,
  // without allocating.
  const std::string promise = std::string("\x80\x01\x04\x80\x80\x80\x80\x80\x80\x80\x80\x10\x00", 13);
  DeltaBinaryPackedDecoder<int64_t> liar(Bytes(promise));
  std::vector<int64_t> out(10);
  EXPECT_THROW(liar.Decode(out.data(), out.size()), Error);
  EXPECT_THROW(liar.EncodedSize(), Error);
}

std::vector<std::string> SampleStrings(size_t count, std::mt19937& random) {
  std::vector<std::string> values;
  std::string previous;
  for (size_t i = 0; i < count; ++i) {
    // Shared prefixes with the previous value, empty strings, long strings.
    std::string value = previous.substr(0, random() % (previous.size() + 1));
    const size_t extra = random() % 5 == 0 ? random() % 100 : random() % 6;
    for (size_t j = 0; j < extra; ++j) value.push_back(static_cast<char>('a' + random() % 26));
    if (random() % 10 == 0) value.clear();
    values.push_back(value);
    previous = value;
  }
  return values;
}

// Test-side encoders: DELTA_LENGTH_BYTE_ARRAY and DELTA_BYTE_ARRAY have no encoder in
// the layer yet (writers use PLAIN and dictionaries first).
std::string EncodeDeltaLength(const std::vector<std::string>& values) {
  std::vector<int32_t> lengths;
  std::string bytes;
  for (const std::string& value : values) {
    lengths.push_back(static_cast<int32_t>(value.size()));
    bytes += value;
  }
  std::string encoded;
  EncodeDeltaBinaryPacked(lengths, encoded);
  return encoded + bytes;
}

std::string EncodeDeltaByteArray(const std::vector<std::string>& values) {
  std::vector<int32_t> prefixes;
  std::vector<std::string> suffixes;
  std::string previous;
  for (const std::string& value : values) {
    size_t prefix = 0;
    while (prefix < value.size() && prefix < previous.size() && value[prefix] == previous[prefix]) {
      ++prefix;
    }
    prefixes.push_back(static_cast<int32_t>(prefix));
    suffixes.push_back(value.substr(prefix));
    previous = value;
  }
  std::string encoded;
  EncodeDeltaBinaryPacked(prefixes, encoded);
  return encoded + EncodeDeltaLength(suffixes);
}

TEST(ParquetDeltaByteArrayTest, DeltaLengthRoundTrips) {
  std::mt19937 random(4);
  for (size_t count : {size_t{0}, size_t{1}, size_t{300}, size_t{5000}}) {
    const std::vector<std::string> values = SampleStrings(count, random);
    const std::string encoded = EncodeDeltaLength(values);
    DeltaLengthByteArrayDecoder decoder(Bytes(encoded));
    std::vector<std::string_view> decoded(count);
    size_t done = 0;
    for (size_t batch = 1; done < count; batch = batch * 5 % 700 + 1) {
      done += decoder.Decode(decoded.data() + done, std::min(batch, count - done));
    }
    ASSERT_EQ(done, count);
    for (size_t i = 0; i < count; ++i) ASSERT_EQ(decoded[i], values[i]) << i;
    EXPECT_EQ(decoder.consumed_bytes(), encoded.size());
  }
}

TEST(ParquetDeltaByteArrayTest, RoundTripsAcrossBatchesAndHeaps) {
  std::mt19937 random(5);
  for (size_t count : {size_t{0}, size_t{1}, size_t{300}, size_t{5000}}) {
    const std::vector<std::string> values = SampleStrings(count, random);
    const std::string encoded = EncodeDeltaByteArray(values);
    DeltaByteArrayDecoder decoder(Bytes(encoded));
    EXPECT_EQ(decoder.total_values(), count);
    size_t done = 0;
    for (size_t batch = 1; done < count; batch = batch * 5 % 700 + 1) {
      StringHeap heap;  // the previous batch's heap is gone
      std::vector<std::string_view> decoded(batch);
      const size_t n = decoder.Decode(decoded.data(), std::min(batch, count - done), heap);
      ASSERT_GT(n, 0u);
      for (size_t i = 0; i < n; ++i) ASSERT_EQ(decoded[i], values[done + i]) << done + i;
      done += n;
    }
  }
}

TEST(ParquetDeltaByteArrayTest, CorruptInputThrows) {
  StringHeap heap;
  std::vector<std::string_view> out(10);
  // Prefix longer than the previous value.
  std::string bad_prefix;
  EncodeDeltaBinaryPacked(std::vector<int32_t>{0, 5}, bad_prefix);
  bad_prefix += EncodeDeltaLength({"ab", "c"});
  DeltaByteArrayDecoder prefix_decoder(Bytes(bad_prefix));
  EXPECT_THROW(prefix_decoder.Decode(out.data(), 2, heap), Error);
  // Counts differ.
  std::string mismatch;
  EncodeDeltaBinaryPacked(std::vector<int32_t>{0, 0, 0}, mismatch);
  mismatch += EncodeDeltaLength({"ab", "c"});
  EXPECT_THROW(DeltaByteArrayDecoder{Bytes(mismatch)}, Error);
  // Lengths beyond the bytes, and negative lengths.
  std::string long_length;
  EncodeDeltaBinaryPacked(std::vector<int32_t>{3, 1000}, long_length);
  long_length += "abcdef";
  DeltaLengthByteArrayDecoder length_decoder(Bytes(long_length));
  EXPECT_THROW(length_decoder.Decode(out.data(), 2), Error);
  std::string negative;
  EncodeDeltaBinaryPacked(std::vector<int32_t>{-1}, negative);
  negative += "abc";
  DeltaLengthByteArrayDecoder negative_decoder(Bytes(negative));
  EXPECT_THROW(negative_decoder.Decode(out.data(), 1), Error);
}

TEST(ParquetByteStreamSplitTest, RoundTripsWidths) {
  std::mt19937 random(6);
  for (size_t width : {size_t{1}, size_t{2}, size_t{4}, size_t{5}, size_t{8}, size_t{16}}) {
    for (size_t count : {size_t{0}, size_t{1}, size_t{1000}}) {
      std::string plain(width * count, '\0');
      for (char& c : plain) c = static_cast<char>(random());
      std::string encoded;
      EncodeByteStreamSplit(Bytes(plain), width, encoded);
      ByteStreamSplitDecoder decoder(Bytes(encoded), width);
      ASSERT_EQ(decoder.num_values(), count);
      std::string decoded(plain.size(), '\0');
      size_t done = 0;
      while (done < count) {
        done += decoder.Decode(reinterpret_cast<uint8_t*>(decoded.data()) + done * width,
                               std::min<size_t>(77, count - done));
      }
      EXPECT_EQ(decoded, plain) << width;
    }
  }
  EXPECT_THROW(ByteStreamSplitDecoder(Bytes("abcde"), 4), Error);
  EXPECT_THROW(ByteStreamSplitDecoder(Bytes("abcd"), 0), Error);
}

TEST(ParquetByteStreamSplitTest, KnownLayout) {
  const float values[2] = {1.0f, -2.5f};
  std::string encoded;
  EncodeByteStreamSplit({reinterpret_cast<const uint8_t*>(values), 8}, 4, encoded);
  // Stream k holds byte k of each value: 1.0f = 00 00 80 3f, -2.5f = 00 00 20 c0.
  EXPECT_EQ(encoded, std::string("\x00\x00\x00\x00\x80\x20\x3f\xc0", 8));
}

TEST(ParquetPlainTest, Booleans) {
  std::mt19937 random(7);
  std::vector<uint8_t> values(1003);
  for (uint8_t& value : values) value = random() % 2;
  std::string encoded;
  EncodePlainBooleans(values, encoded);
  ASSERT_EQ(encoded.size(), 126u);
  PlainBooleanDecoder decoder(Bytes(encoded));
  std::vector<uint8_t> decoded(values.size());
  size_t done = 0;
  for (size_t batch = 3; done < values.size(); batch += 5) {
    done += decoder.Decode(decoded.data() + done, std::min(batch, values.size() - done));
  }
  EXPECT_EQ(decoded, values);
  EXPECT_EQ(decoder.values_left(), 5u);  // the padding bits of the last byte
}

TEST(ParquetPlainTest, ByteArrays) {
  std::string encoded;
  for (const std::string_view value : {"", "a", "hello world"}) {
    const uint32_t length = static_cast<uint32_t>(value.size());
    encoded.append(reinterpret_cast<const char*>(&length), 4);
    encoded += value;
  }
  PlainByteArrayDecoder decoder(Bytes(encoded));
  std::string_view out[4];
  ASSERT_EQ(decoder.Decode(out, 4), 3u);
  EXPECT_EQ(out[0], "");
  EXPECT_EQ(out[1], "a");
  EXPECT_EQ(out[2], "hello world");
  const std::string cut = encoded.substr(0, encoded.size() - 1);
  PlainByteArrayDecoder truncated(Bytes(cut));
  EXPECT_THROW(truncated.Decode(out, 4), Error);
  PlainByteArrayDecoder short_prefix(Bytes("\x01\x00"));
  EXPECT_THROW(short_prefix.Decode(out, 1), Error);
}

TEST(ParquetPlainTest, Int96Timestamps) {
  // 2000-01-01 00:00:00.000001 is Julian day 2451545.
  uint8_t value[12];
  const int64_t micros = 946'684'800'000'001;
  MicrosToInt96(micros, value);
  int32_t julian_day;
  std::memcpy(&julian_day, value + 8, 4);
  EXPECT_EQ(julian_day, 2'451'545);
  EXPECT_EQ(Int96ToMicros(value), micros);
  for (int64_t sample : {int64_t{0}, int64_t{-1}, int64_t{-86'400'000'000},
                         int64_t{253'402'300'799'999'999}, int64_t{-62'135'596'800'000'000}}) {
    MicrosToInt96(sample, value);
    EXPECT_EQ(Int96ToMicros(value), sample);
  }
  // Nanoseconds are truncated toward negative infinity.
  const int64_t nanos = 1'999;
  const int32_t epoch = static_cast<int32_t>(kJulianDayOfUnixEpoch);
  std::memcpy(value, &nanos, 8);
  std::memcpy(value + 8, &epoch, 4);
  EXPECT_EQ(Int96ToMicros(value), 1);
  // Spark's 290000-12-30 23:00:00 UTC (data/int96_from_spark.parquet): the sum wraps.
  const int64_t spark_nanos = -32'509'551'616'000;
  const int32_t spark_day = -105'862'232;
  std::memcpy(value, &spark_nanos, 8);
  std::memcpy(value + 8, &spark_day, 4);
  EXPECT_EQ(Int96ToMicros(value), int64_t{9'089'380'393'200'000'000});
  int64_t out[2];
  EXPECT_THROW(DecodeInt96ToMicros({value, 12}, out, 2), Error);
}

}  // namespace
}  // namespace basin::parquet
