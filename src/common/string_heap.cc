#include "common/string_heap.h"

#include <cstring>

namespace basin {

char* StringHeap::Allocate(size_t length) {
  if (static_cast<size_t>(limit_ - cursor_) < length) {
    const size_t block = length > kBlockBytes / 4 ? length : kBlockBytes;
    blocks_.push_back(std::make_unique<char[]>(block));
    allocated_bytes_ += block;
    if (block == length && cursor_ != nullptr) return blocks_.back().get();  // keep the open block
    cursor_ = blocks_.back().get();
    limit_ = cursor_ + block;
  }
  char* result = cursor_;
  cursor_ += length;
  return result;
}

void StringHeap::Adopt(std::unique_ptr<char[]> bytes, size_t length) {
  blocks_.push_back(std::move(bytes));  // the open block (cursor_) stays open
  allocated_bytes_ += length;
}

StringRef StringHeap::Add(std::string_view text) {
  if (text.size() <= StringRef::kInlineBytes) return StringRef(text);
  char* bytes = Allocate(text.size());
  std::memcpy(bytes, text.data(), text.size());
  return StringRef(bytes, static_cast<uint32_t>(text.size()));
}

}  // namespace basin
