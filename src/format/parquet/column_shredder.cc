// Shredding walks a field tree top-down over "slots": one per value position the
// parent produces. A slot is either a vector row that exists (its value may still be
// NULL) or a position where an ancestor was NULL or an empty list, which carries the
// definition level to record. Each level of nesting turns its slots into its
// children's slots, so a leaf sees exactly one slot per level entry, in order.
#include "format/parquet/column_shredder.h"

#include <cstdint>
#include <cstring>

#include "common/error.h"
#include "common/string_ref.h"

namespace basin::parquet {

namespace {

struct Slot {
  static constexpr int16_t kPresent = -1;
  uint32_t row = 0;
  int16_t def = kPresent;  // the level to record when the position is empty
  int16_t rep = 0;
};

template <class From, class To>
void Gather(const Vector& vector, const uint32_t* rows, size_t count, std::string& out) {
  const size_t old = out.size();
  out.resize(old + count * sizeof(To));
  char* dst = out.data() + old;
  const From* src = vector.data<From>();
  for (size_t i = 0; i < count; ++i) {
    const To value = static_cast<To>(src[rows[i]]);
    std::memcpy(dst + i * sizeof(To), &value, sizeof(To));
  }
}

void AppendBigEndian128(int128_t value, char* out) {
  auto bits = static_cast<unsigned __int128>(value);
  for (int i = kWideDecimalBytes - 1; i >= 0; --i) {
    out[i] = static_cast<char>(static_cast<uint8_t>(bits));
    bits >>= 8;
  }
}

// The value of a vector that may be constant: its row 0 stands for every row.
const Vector& Flat(const Vector& vector, uint32_t rows, Vector& storage) {
  if (!vector.is_constant()) return vector;
  storage = Vector(vector.type(), std::max(rows, 1u));
  CopyRows(vector, nullptr, rows, storage, 0);
  return storage;
}

class Shredder {
 public:
  Shredder(const std::vector<WriteLeaf>& leaves, std::vector<LeafValues>& out)
      : leaves_(leaves), out_(out) {}

  void Shred(const WriteField& field, const Vector& vector, const std::vector<Slot>& slots) {
    switch (field.kind) {
      case WriteField::Kind::kLeaf:
        return ShredLeaf(field, vector, slots);
      case WriteField::Kind::kStruct: {
        std::vector<Slot> children;
        children.reserve(slots.size());
        for (const Slot& slot : slots) children.push_back(Descend(field, vector, slot));
        for (size_t i = 0; i < field.children.size(); ++i) {
          Shred(field.children[i], vector.child(i), children);
        }
        return;
      }
      case WriteField::Kind::kList:
      case WriteField::Kind::kMap: {
        std::vector<Slot> elements;
        elements.reserve(slots.size());
        const ListEntry* entries = vector.data<ListEntry>();
        for (const Slot& slot : slots) {
          const Slot self = Descend(field, vector, slot);
          if (self.def != Slot::kPresent) {
            elements.push_back(self);
            continue;
          }
          const ListEntry entry = entries[self.row];
          if (entry.length == 0) {
            elements.push_back(Slot{0, field.def_level, slot.rep});
            continue;
          }
          for (uint32_t k = 0; k < entry.length; ++k) {
            elements.push_back(Slot{entry.offset + k, Slot::kPresent,
                                    k == 0 ? slot.rep : field.element_rep_level});
          }
        }
        Vector child_storage;
        const Vector& child = Flat(vector.child(0), vector.list_size(), child_storage);
        if (field.kind == WriteField::Kind::kList) {
          Shred(field.children[0], child, elements);
        } else {
          // The key_value entries are a STRUCT that exists whenever the element does.
          Shred(field.children[0], child.child(0), elements);
          Shred(field.children[1], child.child(1), elements);
        }
        return;
      }
    }
  }

  // A fast path for top-level leaves: no slots.
  void ShredTopLevelLeaf(const WriteField& field, const Vector& vector, uint32_t begin,
                         uint32_t end) {
    LeafValues& out = out_[field.leaf_index];
    rows_.clear();
    const size_t old = out.def_levels.size();
    out.def_levels.resize(old + (end - begin));
    uint16_t* defs = out.def_levels.data() + old;
    const Validity& validity = vector.validity();
    if (validity.AllValid()) {
      for (uint32_t r = begin; r < end; ++r) rows_.push_back(r);
      std::fill(defs, defs + (end - begin), static_cast<uint16_t>(field.def_level));
    } else {
      for (uint32_t r = begin; r < end; ++r) {
        const bool valid = validity.IsValid(r);
        defs[r - begin] = valid ? field.def_level : 0;
        if (valid) rows_.push_back(r);
      }
    }
    AppendLeafValues(leaves_[field.leaf_index], vector, rows_.data(), rows_.size(), out);
  }

 private:
  // The slot of `field` itself at `slot`: empty when the slot is, or the row is NULL.
  Slot Descend(const WriteField& field, const Vector& vector, const Slot& slot) const {
    if (slot.def != Slot::kPresent) return slot;
    if (!vector.IsValid(slot.row)) {
      if (field.required) NullKey();
      return Slot{0, static_cast<int16_t>(field.def_level - 1), slot.rep};
    }
    return slot;
  }

  void ShredLeaf(const WriteField& field, const Vector& vector, const std::vector<Slot>& slots) {
    LeafValues& out = out_[field.leaf_index];
    const WriteLeaf& leaf = leaves_[field.leaf_index];
    rows_.clear();
    for (const Slot& slot : slots) {
      const Slot self = Descend(field, vector, slot);
      if (self.def == Slot::kPresent) {
        out.def_levels.push_back(static_cast<uint16_t>(field.def_level));
        rows_.push_back(self.row);
      } else {
        out.def_levels.push_back(static_cast<uint16_t>(self.def));
      }
      if (leaf.max_rep_level > 0) out.rep_levels.push_back(static_cast<uint16_t>(slot.rep));
    }
    AppendLeafValues(leaf, vector, rows_.data(), rows_.size(), out);
  }

  [[noreturn]] static void NullKey() {
    throw Error(sqlstate::kNotNullViolation, "cannot write a NULL map key to Parquet");
  }

  const std::vector<WriteLeaf>& leaves_;
  std::vector<LeafValues>& out_;
  std::vector<uint32_t> rows_;
};

}  // namespace

void AppendLeafValues(const WriteLeaf& leaf, const Vector& vector, const uint32_t* rows,
                      size_t count, LeafValues& out) {
  out.num_values += count;
  if (count == 0) return;
  std::string& fixed = out.fixed;
  switch (leaf.type.id()) {
    case TypeId::kNull:
      return;
    case TypeId::kBoolean:
      return Gather<bool, uint8_t>(vector, rows, count, fixed);
    case TypeId::kSmallInt:
      return Gather<int16_t, int32_t>(vector, rows, count, fixed);
    case TypeId::kInteger:
    case TypeId::kDate:
      return Gather<int32_t, int32_t>(vector, rows, count, fixed);
    case TypeId::kBigInt:
    case TypeId::kTime:
    case TypeId::kTimestamp:
    case TypeId::kTimestampTz:
      return Gather<int64_t, int64_t>(vector, rows, count, fixed);
    case TypeId::kReal:
      return Gather<float, float>(vector, rows, count, fixed);
    case TypeId::kDouble:
      return Gather<double, double>(vector, rows, count, fixed);
    case TypeId::kDecimal:
      if (leaf.physical_type == Type::kInt32) return Gather<int64_t, int32_t>(vector, rows, count, fixed);
      if (leaf.physical_type == Type::kInt64) return Gather<int64_t, int64_t>(vector, rows, count, fixed);
      {
        const size_t old = fixed.size();
        fixed.resize(old + count * kWideDecimalBytes);
        const int128_t* src = vector.data<int128_t>();
        for (size_t i = 0; i < count; ++i) {
          AppendBigEndian128(src[rows[i]], fixed.data() + old + i * kWideDecimalBytes);
        }
      }
      return;
    case TypeId::kVarchar: {
      const StringRef* src = vector.data<StringRef>();
      for (size_t i = 0; i < count; ++i) out.strings.push_back(src[rows[i]].view());
      return;
    }
    case TypeId::kInterval: {
      // Parquet keeps milliseconds: microseconds are truncated. Months and days are
      // written as 32-bit two's complement (the format says unsigned, but readers,
      // Basin's and DuckDB's, take them as signed); the milliseconds are read as
      // unsigned everywhere, so a negative time part would come back as ~49 days.
      const size_t old = fixed.size();
      fixed.resize(old + count * kIntervalBytes);
      const Interval* src = vector.data<Interval>();
      for (size_t i = 0; i < count; ++i) {
        const Interval& v = src[rows[i]];
        const int64_t millis = v.micros / 1000;
        if (millis < 0 || millis > int64_t{UINT32_MAX}) {
          throw Error(sqlstate::kNumericOutOfRange,
                      "cannot write interval to Parquet: its time part must be between 0 and "
                      "about 49 days (Parquet INTERVAL stores unsigned milliseconds)");
        }
        const uint32_t parts[3] = {static_cast<uint32_t>(v.months), static_cast<uint32_t>(v.days),
                                   static_cast<uint32_t>(millis)};
        std::memcpy(fixed.data() + old + i * kIntervalBytes, parts, kIntervalBytes);
      }
      return;
    }
    case TypeId::kList:
    case TypeId::kStruct:
    case TypeId::kMap:
      break;
  }
  throw Error(sqlstate::kInternal, "AppendLeafValues: nested type at a leaf");
}

void ShredColumn(const WriteField& field, const std::vector<WriteLeaf>& leaves,
                 const Vector& column, uint32_t begin, uint32_t end,
                 std::vector<LeafValues>& out) {
  Vector storage;
  const Vector& vector = Flat(column, end, storage);
  Shredder shredder(leaves, out);
  if (field.kind == WriteField::Kind::kLeaf) {
    shredder.ShredTopLevelLeaf(field, vector, begin, end);
    return;
  }
  std::vector<Slot> slots;
  slots.reserve(end - begin);
  for (uint32_t r = begin; r < end; ++r) slots.push_back(Slot{r, Slot::kPresent, 0});
  shredder.Shred(field, vector, slots);
}

}  // namespace basin::parquet
