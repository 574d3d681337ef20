// src/format/parquet/delta_byte_array.cc
#include "format/parquet/delta_byte_array.h"

#include <algorithm>
#include <cstring>

#include "common/error.h"

namespace basin::parquet {
namespace {

[[noreturn]] void Corrupt(const char* encoding, const std::string& what) {
  throw Error(sqlstate::kDataCorrupted,
              std::string("corrupt Parquet ") + encoding + " data: " + what);
}

}  // namespace

DeltaLengthByteArrayDecoder::DeltaLengthByteArrayDecoder(std::span<const uint8_t> data)
    : lengths_(data), begin_(data.data()), end_(data.data() + data.size()) {
  bytes_ = begin_ + lengths_.EncodedSize();
}

size_t DeltaLengthByteArrayDecoder::Decode(std::string_view* out, size_t count) {
  const size_t n = static_cast<size_t>(std::min<uint64_t>(count, values_left()));
  if (length_buffer_.size() < n) length_buffer_.resize(n);
  lengths_.Decode(length_buffer_.data(), n);
  const uint8_t* bytes = bytes_;
  for (size_t i = 0; i < n; ++i) {
    const int32_t length = length_buffer_[i];
    if (length < 0 || static_cast<size_t>(length) > static_cast<size_t>(end_ - bytes)) {
      Corrupt("DELTA_LENGTH_BYTE_ARRAY", "value length " + std::to_string(length) +
                                             " exceeds the remaining " +
                                             std::to_string(end_ - bytes) + " bytes");
    }
    out[i] = std::string_view(reinterpret_cast<const char*>(bytes), static_cast<size_t>(length));
    bytes += length;
  }
  bytes_ = bytes;
  return n;
}

DeltaByteArrayDecoder::DeltaByteArrayDecoder(std::span<const uint8_t> data)
    : prefix_lengths_(data) {
  suffixes_ = DeltaLengthByteArrayDecoder(data.subspan(prefix_lengths_.EncodedSize()));
  if (suffixes_.total_values() != prefix_lengths_.total_values()) {
    Corrupt("DELTA_BYTE_ARRAY", std::to_string(prefix_lengths_.total_values()) +
                                    " prefix lengths but " +
                                    std::to_string(suffixes_.total_values()) + " suffixes");
  }
}

size_t DeltaByteArrayDecoder::Decode(std::string_view* out, size_t count, StringHeap& heap) {
  const size_t n = static_cast<size_t>(std::min<uint64_t>(count, values_left()));
  if (prefix_buffer_.size() < n) {
    prefix_buffer_.resize(n);
    suffix_buffer_.resize(n);
  }
  prefix_lengths_.Decode(prefix_buffer_.data(), n);
  suffixes_.Decode(suffix_buffer_.data(), n);
  std::string_view previous = previous_;
  for (size_t i = 0; i < n; ++i) {
    const int32_t prefix = prefix_buffer_[i];
    const std::string_view suffix = suffix_buffer_[i];
    if (prefix < 0 || static_cast<size_t>(prefix) > previous.size()) {
      Corrupt("DELTA_BYTE_ARRAY", "prefix length " + std::to_string(prefix) +
                                      " exceeds the previous value's " +
                                      std::to_string(previous.size()) + " bytes");
    }
    const size_t length = static_cast<size_t>(prefix) + suffix.size();
    if (length == 0) {
      out[i] = std::string_view();
    } else {
      char* value = heap.Allocate(length);
      if (prefix > 0) std::memcpy(value, previous.data(), static_cast<size_t>(prefix));
      if (!suffix.empty()) std::memcpy(value + prefix, suffix.data(), suffix.size());
      out[i] = std::string_view(value, length);
    }
    previous = out[i];
  }
  if (n > 0) previous_.assign(previous);
  return n;
}

}  // namespace basin::parquet
