// src/format/parquet/plain_encoding.cc
#include "format/parquet/plain_encoding.h"

#include <algorithm>
#include <cstring>

#include "common/error.h"

namespace basin::parquet {
namespace {

constexpr int64_t kNanosPerMicro = 1000;
constexpr int64_t kMicrosPerDay = 86'400'000'000;

int64_t FloorDiv(int64_t a, int64_t b) {
  const int64_t quotient = a / b;
  return (a % b != 0 && (a < 0) != (b < 0)) ? quotient - 1 : quotient;
}

}  // namespace

size_t PlainBooleanDecoder::Decode(uint8_t* out, size_t count) {
  const size_t n = std::min(count, values_left());
  size_t i = 0;
  // Leading bits up to a byte boundary, then whole bytes, then the tail.
  for (; i < n && (bit_ + i) % 8 != 0; ++i) out[i] = (data_[(bit_ + i) / 8] >> ((bit_ + i) % 8)) & 1;
  for (; i + 8 <= n; i += 8) {
    const uint8_t byte = data_[(bit_ + i) / 8];
    for (int b = 0; b < 8; ++b) out[i + b] = (byte >> b) & 1;
  }
  for (; i < n; ++i) out[i] = (data_[(bit_ + i) / 8] >> ((bit_ + i) % 8)) & 1;
  bit_ += n;
  return n;
}

void EncodePlainBooleans(std::span<const uint8_t> values, std::string& out) {
  const size_t start = out.size();
  out.resize(start + (values.size() + 7) / 8, '\0');
  char* bytes = out.data() + start;
  for (size_t i = 0; i < values.size(); ++i) {
    if (values[i] != 0) bytes[i / 8] = static_cast<char>(bytes[i / 8] | (1 << (i % 8)));
  }
}

size_t PlainByteArrayDecoder::Decode(std::string_view* out, size_t count) {
  size_t i = 0;
  for (; i < count && pos_ != end_; ++i) {
    if (end_ - pos_ < 4) {
      throw Error(sqlstate::kDataCorrupted, "corrupt Parquet PLAIN BYTE_ARRAY data: truncated "
                                            "length prefix");
    }
    uint32_t length;
    std::memcpy(&length, pos_, 4);
    pos_ += 4;
    if (length > static_cast<size_t>(end_ - pos_)) {
      throw Error(sqlstate::kDataCorrupted,
                  "corrupt Parquet PLAIN BYTE_ARRAY data: value length " + std::to_string(length) +
                      " exceeds the remaining " + std::to_string(end_ - pos_) + " bytes");
    }
    out[i] = std::string_view(reinterpret_cast<const char*>(pos_), length);
    pos_ += length;
  }
  return i;
}

// Wrapping arithmetic, as Spark (and arrow-rs, parquet-java) do: Spark writes
// timestamps beyond the int64 nanosecond range with days and nanoseconds that only
// come back to its microseconds when the sum wraps the same way.
int64_t Int96ToMicros(const uint8_t* value) {
  int64_t nanos_of_day;
  int32_t julian_day;
  std::memcpy(&nanos_of_day, value, 8);
  std::memcpy(&julian_day, value + 8, 4);
  const uint64_t days = static_cast<uint64_t>(int64_t{julian_day} - kJulianDayOfUnixEpoch);
  const uint64_t micros =
      days * static_cast<uint64_t>(kMicrosPerDay) + static_cast<uint64_t>(FloorDiv(nanos_of_day, kNanosPerMicro));
  return static_cast<int64_t>(micros);
}

void DecodeInt96ToMicros(std::span<const uint8_t> data, int64_t* out, size_t count) {
  if (data.size() / kInt96Bytes < count) {
    throw Error(sqlstate::kDataCorrupted,
                "corrupt Parquet INT96 data: " + std::to_string(data.size()) + " bytes for " +
                    std::to_string(count) + " values");
  }
  for (size_t i = 0; i < count; ++i) out[i] = Int96ToMicros(data.data() + i * kInt96Bytes);
}

void MicrosToInt96(int64_t micros, uint8_t* value) {
  const int64_t days = FloorDiv(micros, kMicrosPerDay);
  const int64_t nanos_of_day = (micros - days * kMicrosPerDay) * kNanosPerMicro;
  const int32_t julian_day = static_cast<int32_t>(days + kJulianDayOfUnixEpoch);
  std::memcpy(value, &nanos_of_day, 8);
  std::memcpy(value + 8, &julian_day, 4);
}

}  // namespace basin::parquet
