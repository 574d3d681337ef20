// src/format/parquet/byte_stream_split.cc
#include "format/parquet/byte_stream_split.h"

#include <algorithm>

#include "common/error.h"

namespace basin::parquet {
namespace {

template <size_t kWidth>
void Gather(const uint8_t* streams, size_t stream_size, size_t first, size_t count,
            uint8_t* out) {
  for (size_t k = 0; k < kWidth; ++k) {
    const uint8_t* stream = streams + k * stream_size + first;
    for (size_t i = 0; i < count; ++i) out[i * kWidth + k] = stream[i];
  }
}

}  // namespace

ByteStreamSplitDecoder::ByteStreamSplitDecoder(std::span<const uint8_t> data, size_t width)
    : data_(data.data()), width_(width) {
  if (width == 0 || data.size() % width != 0) {
    throw Error(sqlstate::kDataCorrupted,
                "corrupt Parquet BYTE_STREAM_SPLIT data: " + std::to_string(data.size()) +
                    " bytes is not a multiple of the value width " + std::to_string(width));
  }
  num_values_ = data.size() / width;
}

size_t ByteStreamSplitDecoder::Decode(uint8_t* out, size_t count) {
  const size_t n = std::min(count, values_left());
  switch (width_) {
    case 4:
      Gather<4>(data_, num_values_, position_, n, out);
      break;
    case 8:
      Gather<8>(data_, num_values_, position_, n, out);
      break;
    default:
      for (size_t k = 0; k < width_; ++k) {
        const uint8_t* stream = data_ + k * num_values_ + position_;
        for (size_t i = 0; i < n; ++i) out[i * width_ + k] = stream[i];
      }
      break;
  }
  position_ += n;
  return n;
}

void EncodeByteStreamSplit(std::span<const uint8_t> plain, size_t width, std::string& out) {
  if (width == 0 || plain.size() % width != 0) {
    throw Error(sqlstate::kInternal, "BYTE_STREAM_SPLIT input is not a multiple of the width");
  }
  const size_t num_values = plain.size() / width;
  const size_t start = out.size();
  out.resize(start + plain.size());
  char* streams = out.data() + start;
  for (size_t i = 0; i < num_values; ++i) {
    for (size_t k = 0; k < width; ++k) {
      streams[k * num_values + i] = static_cast<char>(plain[i * width + k]);
    }
  }
}

}  // namespace basin::parquet
