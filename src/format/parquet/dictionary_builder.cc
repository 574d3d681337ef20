// Open-addressing hash tables (linear probing, at most half full) keyed by the value's
// bits for 4- and 8-byte values and by a hash of the bytes otherwise; the table holds
// dictionary indices, so the keys themselves are never copied until the page is built.
#include "format/parquet/dictionary_builder.h"

#include <cstring>
#include <functional>
#include <string_view>

namespace basin::parquet {

namespace {

// After this many values, a dictionary holding more than 3/4 of them as distinct
// entries is given up: nearly unique columns (comments, keys) would fill it to the
// cap only to be written PLAIN anyway.
constexpr size_t kProbeValues = 8192;

bool LooksUnique(size_t seen, size_t distinct) {
  return seen == kProbeValues && distinct * 4 > kProbeValues * 3;
}

uint64_t Mix(uint64_t key) {
  key ^= key >> 33;
  key *= 0xff51afd7ed558ccdULL;
  key ^= key >> 33;
  return key;
}

// Slots hold index + 1 (0 is empty) and the key's hash (or the key itself).
class IndexTable {
 public:
  IndexTable() { Resize(1024); }

  // The slot for `hash` where `same(index)` holds, or the empty slot to fill.
  template <class Same>
  size_t Find(uint64_t hash, Same&& same) const {
    size_t slot = Mix(hash) & mask_;
    while (true) {
      const uint32_t entry = entries_[slot];
      if (entry == 0 || (hashes_[slot] == hash && same(entry - 1))) return slot;
      slot = (slot + 1) & mask_;
    }
  }
  uint32_t At(size_t slot) const { return entries_[slot]; }
  void Insert(size_t slot, uint64_t hash, uint32_t index) {
    entries_[slot] = index + 1;
    hashes_[slot] = hash;
    if (++count_ * 2 > entries_.size()) Grow();
  }

 private:
  void Resize(size_t capacity) {
    entries_.assign(capacity, 0);
    hashes_.assign(capacity, 0);
    mask_ = capacity - 1;
  }
  void Grow() {
    std::vector<uint32_t> entries = std::move(entries_);
    std::vector<uint64_t> hashes = std::move(hashes_);
    Resize(entries.size() * 2);
    for (size_t i = 0; i < entries.size(); ++i) {
      if (entries[i] == 0) continue;
      size_t slot = Mix(hashes[i]) & mask_;
      while (entries_[slot] != 0) slot = (slot + 1) & mask_;
      entries_[slot] = entries[i];
      hashes_[slot] = hashes[i];
    }
  }

  std::vector<uint32_t> entries_;
  std::vector<uint64_t> hashes_;
  size_t mask_ = 0;
  size_t count_ = 0;
};

template <class T>
bool BuildFixed(const LeafValues& values, size_t max_bytes, Dictionary& out) {
  IndexTable table;
  std::vector<T> distinct;
  const size_t count = values.num_values;
  out.indices.resize(count);
  const char* data = values.fixed.data();
  for (size_t i = 0; i < count; ++i) {
    if (LooksUnique(i, distinct.size())) return false;
    T value;
    std::memcpy(&value, data + i * sizeof(T), sizeof(T));
    const uint64_t key = value;
    const size_t slot = table.Find(key, [](uint32_t) { return true; });
    if (table.At(slot) != 0) {
      out.indices[i] = table.At(slot) - 1;
      continue;
    }
    if ((distinct.size() + 1) * sizeof(T) > max_bytes) return false;
    const auto index = static_cast<uint32_t>(distinct.size());
    distinct.push_back(value);
    table.Insert(slot, key, index);
    out.indices[i] = index;
  }
  out.size = static_cast<uint32_t>(distinct.size());
  out.plain.assign(reinterpret_cast<const char*>(distinct.data()), distinct.size() * sizeof(T));
  return true;
}

// BYTE_ARRAY (with length prefixes in the page) and FIXED_LEN_BYTE_ARRAY.
bool BuildBytes(const WriteLeaf& leaf, const LeafValues& values, size_t max_bytes,
                Dictionary& out) {
  const bool is_fixed = leaf.physical_type == Type::kFixedLenByteArray;
  const size_t width = static_cast<size_t>(leaf.type_length);
  auto value = [&](size_t i) {
    return is_fixed ? std::string_view(values.fixed.data() + i * width, width) : values.strings[i];
  };
  IndexTable table;
  std::vector<std::string_view> distinct;
  size_t bytes = 0;
  const size_t count = values.num_values;
  out.indices.resize(count);
  for (size_t i = 0; i < count; ++i) {
    if (LooksUnique(i, distinct.size())) return false;
    const std::string_view v = value(i);
    const uint64_t hash = std::hash<std::string_view>()(v);
    const size_t slot = table.Find(hash, [&](uint32_t index) { return distinct[index] == v; });
    if (table.At(slot) != 0) {
      out.indices[i] = table.At(slot) - 1;
      continue;
    }
    bytes += v.size() + (is_fixed ? 0 : 4);
    if (bytes > max_bytes) return false;
    const auto index = static_cast<uint32_t>(distinct.size());
    distinct.push_back(v);
    table.Insert(slot, hash, index);
    out.indices[i] = index;
  }
  out.size = static_cast<uint32_t>(distinct.size());
  out.plain.reserve(bytes);
  for (const std::string_view v : distinct) {
    if (!is_fixed) {
      const auto length = static_cast<uint32_t>(v.size());
      out.plain.append(reinterpret_cast<const char*>(&length), 4);
    }
    out.plain.append(v);
  }
  return true;
}

}  // namespace

bool BuildDictionary(const WriteLeaf& leaf, const LeafValues& values, size_t max_bytes,
                     Dictionary& out) {
  switch (leaf.physical_type) {
    case Type::kInt32:
    case Type::kFloat:
      return BuildFixed<uint32_t>(values, max_bytes, out);
    case Type::kInt64:
    case Type::kDouble:
      return BuildFixed<uint64_t>(values, max_bytes, out);
    case Type::kByteArray:
    case Type::kFixedLenByteArray:
      return BuildBytes(leaf, values, max_bytes, out);
    case Type::kBoolean:
    case Type::kInt96:
      break;
  }
  return false;
}

}  // namespace basin::parquet
