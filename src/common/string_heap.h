// src/common/string_heap.h
#pragma once

#include <memory>
#include <string_view>
#include <vector>

#include "common/string_ref.h"

namespace basin {

// Append-only storage for the bytes of strings longer than StringRef's inline
// capacity. Vectors share heaps through shared_ptr, so a StringRef copied from one
// vector to another stays valid as long as the receiving vector keeps the heap.
class StringHeap {
 public:
  StringHeap() = default;
  StringHeap(const StringHeap&) = delete;
  StringHeap& operator=(const StringHeap&) = delete;

  // Copies `text` into the heap when it does not fit inline.
  StringRef Add(std::string_view text);
  // Reserves `length` bytes to be filled by the caller; valid for the heap's life.
  char* Allocate(size_t length);
  // Takes ownership of `bytes` (`length` of them), so that StringRefs may point into
  // it: a file reader's pages become string storage without a copy.
  void Adopt(std::unique_ptr<char[]> bytes, size_t length);
  size_t allocated_bytes() const { return allocated_bytes_; }

 private:
  static constexpr size_t kBlockBytes = 32 * 1024;
  std::vector<std::unique_ptr<char[]>> blocks_;
  char* cursor_ = nullptr;
  char* limit_ = nullptr;
  size_t allocated_bytes_ = 0;
};

}  // namespace basin
