// src/common/string_ref.h
#pragma once

#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

namespace basin {

// A 16-byte string handle (the Umbra/Arrow "string view" layout): strings up to 12
// bytes live inline; longer ones keep a 4-byte prefix inline, for fast comparisons,
// and point at bytes owned by a StringHeap that the vector keeps alive.
class StringRef {
 public:
  static constexpr uint32_t kInlineBytes = 12;

  StringRef() : length_(0), bytes_{} {}
  StringRef(const char* data, uint32_t length) : length_(length), bytes_{} {
    if (length <= kInlineBytes) {
      if (length > 0) std::memcpy(bytes_, data, length);
    } else {
      std::memcpy(bytes_, data, 4);
      std::memcpy(bytes_ + 4, &data, sizeof(data));
    }
  }
  explicit StringRef(std::string_view view)
      : StringRef(view.data(), static_cast<uint32_t>(view.size())) {}

  uint32_t size() const { return length_; }
  bool empty() const { return length_ == 0; }
  bool IsInline() const { return length_ <= kInlineBytes; }
  const char* data() const {
    if (IsInline()) return bytes_;
    const char* pointer;
    std::memcpy(&pointer, bytes_ + 4, sizeof(pointer));
    return pointer;
  }
  std::string_view view() const { return {data(), length_}; }
  std::string ToString() const { return std::string(view()); }

  bool operator==(const StringRef& other) const {
    if (length_ != other.length_) return false;
    if (std::memcmp(bytes_, other.bytes_, 4) != 0) return false;
    if (IsInline()) return std::memcmp(bytes_ + 4, other.bytes_ + 4, 8) == 0;
    return std::memcmp(data(), other.data(), length_) == 0;
  }
  // Byte-wise comparison (the "C" collation).
  int Compare(const StringRef& other) const {
    const uint32_t common = length_ < other.length_ ? length_ : other.length_;
    const int prefix = std::memcmp(bytes_, other.bytes_, common < 4 ? common : 4);
    if (prefix != 0) return prefix;
    if (common > 4) {
      const int rest = std::memcmp(data() + 4, other.data() + 4, common - 4);
      if (rest != 0) return rest;
    }
    return length_ < other.length_ ? -1 : (length_ > other.length_ ? 1 : 0);
  }
  bool operator<(const StringRef& other) const { return Compare(other) < 0; }

 private:
  uint32_t length_;
  // Inline strings: the characters, zero padded (so == can compare the bytes).
  // Longer strings: a 4-byte prefix, then the pointer.
  char bytes_[12];
};
static_assert(sizeof(StringRef) == 16);

}  // namespace basin
