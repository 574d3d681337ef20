#include "exec/hashing.h"

#include <cstring>
#include <limits>

#include "common/error.h"
#include "function/comparison.h"

namespace basin {

namespace {

constexpr uint64_t kNullHash = 0xBF58476D1CE4E5B9ULL;

inline uint64_t Mix(uint64_t x) {  // murmur3's finalizer
  x ^= x >> 33;
  x *= 0xFF51AFD7ED558CCDULL;
  x ^= x >> 33;
  x *= 0xC4CEB9FE1A85EC53ULL;
  x ^= x >> 33;
  return x;
}

inline uint64_t HashBytes(const char* data, size_t length) {
  // FNV-1a over 8-byte words, then mixed: fast enough for keys, and no dependency.
  uint64_t hash = 0xCBF29CE484222325ULL ^ length;
  size_t i = 0;
  for (; i + 8 <= length; i += 8) {
    uint64_t word;
    std::memcpy(&word, data + i, 8);
    hash = (hash ^ word) * 0x100000001B3ULL;
    hash ^= hash >> 29;
  }
  uint64_t tail = 0;
  std::memcpy(&tail, data + i, length - i);
  hash = (hash ^ tail) * 0x100000001B3ULL;
  return Mix(hash);
}

template <class T>
uint64_t HashValue(const T& value) {
  if constexpr (std::is_same_v<T, StringRef>) {
    if (value.IsInline()) {
      // Inline strings are zero padded, so equal strings have equal 16 bytes.
      uint64_t words[2];
      std::memcpy(words, &value, sizeof(words));
      return Mix(words[0] ^ Mix(words[1] + 0x9E3779B97F4A7C15ULL));
    }
    return HashBytes(value.data(), value.size());
  } else if constexpr (std::is_same_v<T, Interval>) {
    const int128_t key = IntervalSortKey(value);
    return Mix(static_cast<uint64_t>(key) ^ Mix(static_cast<uint64_t>(key >> 64)));
  } else if constexpr (std::is_same_v<T, int128_t>) {
    return Mix(static_cast<uint64_t>(value) ^ Mix(static_cast<uint64_t>(value >> 64)));
  } else if constexpr (std::is_floating_point_v<T>) {
    // -0.0 equals 0.0, and every NaN equals every other (as in PostgreSQL).
    const double normalized = value == 0 ? 0.0 : value != value ? std::numeric_limits<double>::quiet_NaN() : static_cast<double>(value);
    uint64_t bits;
    std::memcpy(&bits, &normalized, 8);
    return Mix(bits);
  } else {
    return Mix(static_cast<uint64_t>(static_cast<int64_t>(value)));
  }
}

template <class T>
void HashTyped(const Vector& column, uint32_t count, uint64_t* hashes, bool combine) {
  const T* values = column.data<T>();
  const bool constant = column.is_constant();
  for (uint32_t row = 0; row < count; ++row) {
    const uint32_t index = constant ? 0 : row;
    const uint64_t hash = column.validity().IsValid(index) ? HashValue(values[index]) : kNullHash;
    hashes[row] = combine ? Mix(hashes[row] * 31 + hash) : hash;
  }
}

template <class T>
bool EqualTyped(const Vector& a, uint32_t row_a, const Vector& b, uint32_t row_b) {
  const T& x = a.data<T>()[a.is_constant() ? 0 : row_a];
  const T& y = b.data<T>()[b.is_constant() ? 0 : row_b];
  if constexpr (std::is_same_v<T, Interval>) {
    return IntervalSortKey(x) == IntervalSortKey(y);
  } else if constexpr (std::is_floating_point_v<T>) {
    return x == y || (x != x && y != y);  // NaN equals NaN
  } else {
    return x == y;
  }
}

template <class T>
void GatherTyped(const std::vector<Batch>& batches, size_t column, const RowRef* refs, uint32_t count,
                 Vector& out, uint32_t offset) {
  T* target = out.data<T>();
  for (uint32_t i = 0; i < count; ++i) {
    const Vector& source = batches[refs[i].batch].columns[column];
    const uint32_t row = source.is_constant() ? 0 : refs[i].row;
    if (!source.validity().IsValid(row)) {
      out.SetNull(offset + i);
      continue;
    }
    if constexpr (std::is_same_v<T, StringRef>) {
      target[offset + i] = out.AddString(source.data<StringRef>()[row].view());
    } else {
      target[offset + i] = source.data<T>()[row];
    }
  }
}

// Nested values compare as PostgreSQL's record and array equality does in GROUP BY
// and DISTINCT: field by field, element by element, with NULL equal to NULL.
bool EqualNested(const Vector& a, uint32_t row_a, const Vector& b, uint32_t row_b) {
  row_a = a.is_constant() ? 0 : row_a;
  row_b = b.is_constant() ? 0 : row_b;
  auto equal_rows = [](const Vector& x, uint32_t i, const Vector& y, uint32_t j) {
    const bool valid_x = x.validity().IsValid(x.is_constant() ? 0 : i);
    const bool valid_y = y.validity().IsValid(y.is_constant() ? 0 : j);
    if (!valid_x || !valid_y) return valid_x == valid_y;
    return GetRowEqualFunction(x.type())(x, i, y, j);
  };
  if (a.type().id() == TypeId::kStruct) {
    for (size_t f = 0; f < a.child_count(); ++f) {
      if (!equal_rows(a.child(f), row_a, b.child(f), row_b)) return false;
    }
    return true;
  }
  const ListEntry x = a.data<ListEntry>()[row_a];
  const ListEntry y = b.data<ListEntry>()[row_b];
  if (x.length != y.length) return false;
  for (uint32_t i = 0; i < x.length; ++i) {
    if (!equal_rows(a.child(), x.offset + i, b.child(), y.offset + i)) return false;
  }
  return true;
}

void HashNested(const Vector& column, uint32_t count, uint64_t* hashes, bool combine) {
  const bool constant = column.is_constant();
  const uint32_t rows = constant ? 1 : count;
  std::vector<uint64_t> own(rows, 0);
  if (column.type().id() == TypeId::kStruct) {
    for (size_t f = 0; f < column.child_count(); ++f) HashColumn(column.child(f), rows, own.data(), f > 0);
  } else {
    std::vector<uint64_t> elements(column.list_size());
    HashColumn(column.child(), column.list_size(), elements.data(), false);
    const ListEntry* entries = column.data<ListEntry>();
    for (uint32_t row = 0; row < rows; ++row) {
      if (!column.validity().IsValid(row)) continue;  // its entry may be stale
      uint64_t hash = Mix(entries[row].length);
      for (uint32_t i = 0; i < entries[row].length; ++i) hash = Mix(hash * 31 + elements[entries[row].offset + i]);
      own[row] = hash;
    }
  }
  for (uint32_t row = 0; row < count; ++row) {
    const uint32_t index = constant ? 0 : row;
    const uint64_t hash = column.validity().IsValid(index) ? own[index] : kNullHash;
    hashes[row] = combine ? Mix(hashes[row] * 31 + hash) : hash;
  }
}

}  // namespace

void HashColumn(const Vector& column, uint32_t count, uint64_t* hashes, bool combine) {
  switch (column.type().id()) {
    case TypeId::kNull:
    case TypeId::kBoolean:
      return HashTyped<bool>(column, count, hashes, combine);
    case TypeId::kSmallInt:
      return HashTyped<int16_t>(column, count, hashes, combine);
    case TypeId::kInteger:
    case TypeId::kDate:
      return HashTyped<int32_t>(column, count, hashes, combine);
    case TypeId::kBigInt:
    case TypeId::kTime:
    case TypeId::kTimestamp:
    case TypeId::kTimestampTz:
      return HashTyped<int64_t>(column, count, hashes, combine);
    case TypeId::kReal:
      return HashTyped<float>(column, count, hashes, combine);
    case TypeId::kDouble:
      return HashTyped<double>(column, count, hashes, combine);
    case TypeId::kDecimal:
      if (column.type().IsWideDecimal()) return HashTyped<int128_t>(column, count, hashes, combine);
      return HashTyped<int64_t>(column, count, hashes, combine);
    case TypeId::kVarchar:
      return HashTyped<StringRef>(column, count, hashes, combine);
    case TypeId::kInterval:
      return HashTyped<Interval>(column, count, hashes, combine);
    case TypeId::kList:
    case TypeId::kStruct:
    case TypeId::kMap:
      return HashNested(column, count, hashes, combine);
  }
  throw Error(sqlstate::kInternal, "HashColumn: unsupported type");
}

void HashKeys(const Batch& batch, const std::vector<uint32_t>& keys, std::vector<uint64_t>& hashes) {
  hashes.resize(batch.size);
  for (size_t i = 0; i < keys.size(); ++i) HashColumn(batch.columns[keys[i]], batch.size, hashes.data(), i > 0);
  if (keys.empty()) std::fill(hashes.begin(), hashes.end(), 0);
}

RowEqualFunction GetRowEqualFunction(const LogicalType& type) {
  switch (type.id()) {
    case TypeId::kNull:
    case TypeId::kBoolean:
      return EqualTyped<bool>;
    case TypeId::kSmallInt:
      return EqualTyped<int16_t>;
    case TypeId::kInteger:
    case TypeId::kDate:
      return EqualTyped<int32_t>;
    case TypeId::kBigInt:
    case TypeId::kTime:
    case TypeId::kTimestamp:
    case TypeId::kTimestampTz:
      return EqualTyped<int64_t>;
    case TypeId::kReal:
      return EqualTyped<float>;
    case TypeId::kDouble:
      return EqualTyped<double>;
    case TypeId::kDecimal:
      return type.IsWideDecimal() ? EqualTyped<int128_t> : EqualTyped<int64_t>;
    case TypeId::kVarchar:
      return EqualTyped<StringRef>;
    case TypeId::kInterval:
      return EqualTyped<Interval>;
    case TypeId::kList:
    case TypeId::kStruct:
    case TypeId::kMap:
      return EqualNested;
  }
  throw Error(sqlstate::kInternal, "GetRowEqualFunction: unsupported type");
}

void GatherColumn(const std::vector<Batch>& batches, size_t column, const RowRef* refs, uint32_t count,
                  Vector& out, uint32_t offset) {
  switch (out.type().id()) {
    case TypeId::kNull:
    case TypeId::kBoolean:
      return GatherTyped<bool>(batches, column, refs, count, out, offset);
    case TypeId::kSmallInt:
      return GatherTyped<int16_t>(batches, column, refs, count, out, offset);
    case TypeId::kInteger:
    case TypeId::kDate:
      return GatherTyped<int32_t>(batches, column, refs, count, out, offset);
    case TypeId::kBigInt:
    case TypeId::kTime:
    case TypeId::kTimestamp:
    case TypeId::kTimestampTz:
      return GatherTyped<int64_t>(batches, column, refs, count, out, offset);
    case TypeId::kReal:
      return GatherTyped<float>(batches, column, refs, count, out, offset);
    case TypeId::kDouble:
      return GatherTyped<double>(batches, column, refs, count, out, offset);
    case TypeId::kDecimal:
      if (out.type().IsWideDecimal()) return GatherTyped<int128_t>(batches, column, refs, count, out, offset);
      return GatherTyped<int64_t>(batches, column, refs, count, out, offset);
    case TypeId::kVarchar:
      return GatherTyped<StringRef>(batches, column, refs, count, out, offset);
    case TypeId::kInterval:
      return GatherTyped<Interval>(batches, column, refs, count, out, offset);
    case TypeId::kList:
    case TypeId::kStruct:
    case TypeId::kMap:
      for (uint32_t i = 0; i < count; ++i) {
        CopyRows(batches[refs[i].batch].columns[column], &refs[i].row, 1, out, offset + i);
      }
      return;
  }
}

}  // namespace basin
