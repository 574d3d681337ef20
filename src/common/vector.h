// src/common/vector.h
#pragma once

#include <cstdint>
#include <memory>
#include <string_view>
#include <vector>

#include "common/string_heap.h"
#include "common/types.h"

namespace basin {

class Value;

// Which rows of a vector hold a value. Without a bitmap every row is valid, the
// common case that kernels test once per batch instead of once per row.
class Validity {
 public:
  bool AllValid() const { return words_ == nullptr; }
  bool IsValid(uint32_t row) const {
    return words_ == nullptr || (words_[row >> 6] >> (row & 63)) & 1;
  }
  void SetInvalid(uint32_t row, uint32_t capacity);
  void SetValid(uint32_t row) {
    if (words_ != nullptr) words_[row >> 6] |= uint64_t{1} << (row & 63);
  }
  void Set(uint32_t row, bool valid, uint32_t capacity) {
    if (valid) {
      SetValid(row);
    } else {
      SetInvalid(row, capacity);
    }
  }
  void Reset() { words_.reset(); }
  // REQUIRES: !AllValid().
  const uint64_t* words() const { return words_.get(); }

 private:
  std::unique_ptr<uint64_t[]> words_;
};

class Vector;

// The storage behind a vector: values, validity, the string heaps its StringRefs
// point into, and the child vectors of nested types. Shared between vectors by
// Vector::Reference, so that a projection can pass a column on without copying it.
struct VectorBuffer {
  std::unique_ptr<uint8_t[]> data;
  Validity validity;
  std::shared_ptr<StringHeap> heap;
  std::vector<std::shared_ptr<StringHeap>> foreign_heaps;
  std::vector<Vector> children;
  uint32_t list_size = 0;  // LIST/MAP: rows of the child in use
};

// One column of a batch: up to capacity() values of one type. A constant vector
// holds its value in row 0 and stands for every row of the batch.
class Vector {
 public:
  Vector() = default;
  explicit Vector(LogicalType type, uint32_t capacity = kBatchSize);

  const LogicalType& type() const { return type_; }
  uint32_t capacity() const { return capacity_; }

  template <class T>
  T* data() {
    return reinterpret_cast<T*>(buffer_->data.get());
  }
  template <class T>
  const T* data() const {
    return reinterpret_cast<const T*>(buffer_->data.get());
  }
  uint8_t* raw_data() { return buffer_->data.get(); }
  const uint8_t* raw_data() const { return buffer_->data.get(); }

  Validity& validity() { return buffer_->validity; }
  const Validity& validity() const { return buffer_->validity; }
  bool IsValid(uint32_t row) const { return buffer_->validity.IsValid(is_constant_ ? 0 : row); }
  void SetNull(uint32_t row) { buffer_->validity.SetInvalid(row, capacity_); }

  bool is_constant() const { return is_constant_; }
  void SetConstant(bool constant) { is_constant_ = constant; }

  // Adds string bytes to this vector's heap; the result is valid while the vector is.
  StringRef AddString(std::string_view text);
  StringHeap& heap();
  // Keeps `other`'s heaps alive, so StringRefs copied from it stay valid here.
  void KeepHeapsOf(const Vector& other);
  // Keeps `heap` alive for StringRefs that point into it.
  void KeepHeap(const std::shared_ptr<StringHeap>& heap);

  // Nested types. STRUCT: one child per field, row for row with this vector (what the
  // children hold at a NULL struct row is unspecified). LIST and MAP: one child holding
  // the elements of every row; each valid row's ListEntry says which child rows are
  // its own (a NULL row's entry is unspecified).
  Vector& child(size_t index = 0);
  const Vector& child(size_t index = 0) const;
  size_t child_count() const;
  uint32_t list_size() const;
  // LIST/MAP: reserves `count` more child rows and returns the first one's index.
  uint32_t AppendListElements(uint32_t count);

  // Raises the capacity to at least `capacity` rows, keeping the contents.
  void Grow(uint32_t capacity);

  // Makes this vector share `other`'s buffer (a zero-copy pass-through).
  void Reference(const Vector& other);
  // Prepares the vector to be filled anew: all valid, not constant, and with a
  // buffer of its own holding at least kBatchSize rows (a shared one is replaced,
  // never written).
  void Reset();

  // Row-at-a-time access, for tests, constants and result rendering: not for kernels.
  Value GetValue(uint32_t row) const;
  void SetValue(uint32_t row, const Value& value);

  // Turns a constant vector into a flat one holding `count` copies.
  void Flatten(uint32_t count);

 private:
  LogicalType type_;
  uint32_t capacity_ = 0;
  bool is_constant_ = false;
  std::shared_ptr<VectorBuffer> buffer_;
};

// Copies rows sel[0..count) of `source` into rows [offset, offset+count) of `target`
// (sel == nullptr: rows 0..count). Strings are shared, not copied: target keeps
// source's heaps. Constant sources are expanded.
void CopyRows(const Vector& source, const uint32_t* sel, uint32_t count, Vector& target,
              uint32_t offset);

}  // namespace basin
