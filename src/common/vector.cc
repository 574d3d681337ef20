#include "common/vector.h"

#include <algorithm>
#include <cstring>

#include "common/error.h"
#include "common/value.h"

namespace basin {

void Validity::SetInvalid(uint32_t row, uint32_t capacity) {
  if (words_ == nullptr) {
    const size_t words = (capacity + 63) / 64;
    words_ = std::make_unique<uint64_t[]>(words);
    std::memset(words_.get(), 0xFF, words * sizeof(uint64_t));
  }
  words_[row >> 6] &= ~(uint64_t{1} << (row & 63));
}

Vector::Vector(LogicalType type, uint32_t capacity)
    : type_(std::move(type)), capacity_(capacity), buffer_(std::make_shared<VectorBuffer>()) {
  const size_t bytes = std::max<size_t>(1, size_t{type_.PhysicalSize()} * (capacity == 0 ? 1 : capacity));
  // Kernels write every valid row they produce, so numeric values need no zeroing (it
  // showed up as page clearing in profiles). Strings, booleans and intervals are
  // zeroed: a NULL row then holds an empty StringRef (never a wild pointer) and a
  // valid bool (loading any other byte as bool is undefined behaviour).
  // List entries are zeroed too: a NULL list row is then an empty one.
  const TypeId id = type_.id();
  if (id == TypeId::kVarchar || id == TypeId::kInterval || id == TypeId::kBoolean || id == TypeId::kNull ||
      type_.IsNested()) {
    buffer_->data = std::make_unique<uint8_t[]>(bytes);
  } else {
    buffer_->data = std::make_unique_for_overwrite<uint8_t[]>(bytes);
  }
  if (id == TypeId::kStruct) {
    for (size_t i = 0; i < type_.FieldCount(); ++i) buffer_->children.emplace_back(type_.FieldType(i), capacity_);
  } else if (id == TypeId::kList || id == TypeId::kMap) {
    buffer_->children.emplace_back(type_.ChildType(), capacity_);
  }
}

Vector& Vector::child(size_t index) { return buffer_->children.at(index); }
const Vector& Vector::child(size_t index) const { return buffer_->children.at(index); }
size_t Vector::child_count() const { return buffer_->children.size(); }
uint32_t Vector::list_size() const { return buffer_->list_size; }

uint32_t Vector::AppendListElements(uint32_t count) {
  const uint32_t first = buffer_->list_size;
  const uint64_t needed = uint64_t{first} + count;
  if (needed > UINT32_MAX) throw Error(sqlstate::kOutOfMemory, "a batch holds more than 4 billion list elements");
  Vector& elements = buffer_->children.at(0);
  if (needed > elements.capacity()) {
    elements.Grow(static_cast<uint32_t>(std::min<uint64_t>(UINT32_MAX, std::max<uint64_t>(needed, uint64_t{elements.capacity()} * 2))));
  }
  buffer_->list_size = static_cast<uint32_t>(needed);
  return first;
}

void Vector::Grow(uint32_t capacity) {
  if (capacity <= capacity_) return;
  Vector grown(type_, capacity);
  grown.is_constant_ = is_constant_;
  const size_t width = type_.PhysicalSize();
  if (width > 0) std::memcpy(grown.raw_data(), raw_data(), width * capacity_);
  if (!validity().AllValid()) {
    for (uint32_t row = 0; row < capacity_; ++row) {
      if (!validity().IsValid(row)) grown.SetNull(row);
    }
  }
  grown.buffer_->heap = buffer_->heap;
  grown.buffer_->foreign_heaps = buffer_->foreign_heaps;
  grown.buffer_->list_size = buffer_->list_size;
  if (type_.id() == TypeId::kStruct) {
    grown.buffer_->children = buffer_->children;
    for (Vector& field : grown.buffer_->children) field.Grow(capacity);
  } else if (type_.IsNested()) {
    grown.buffer_->children = buffer_->children;  // the elements need no more room
  }
  *this = std::move(grown);
}

StringHeap& Vector::heap() {
  if (!buffer_->heap) buffer_->heap = std::make_shared<StringHeap>();
  return *buffer_->heap;
}

StringRef Vector::AddString(std::string_view text) {
  if (text.size() <= StringRef::kInlineBytes) return StringRef(text);
  return heap().Add(text);
}

void Vector::KeepHeap(const std::shared_ptr<StringHeap>& heap) {
  if (!heap || heap == buffer_->heap) return;
  for (const auto& known : buffer_->foreign_heaps) {
    if (known == heap) return;
  }
  buffer_->foreign_heaps.push_back(heap);
}

void Vector::KeepHeapsOf(const Vector& other) {
  if (other.buffer_ == buffer_ || type_.id() != TypeId::kVarchar) return;
  auto keep = [this](const std::shared_ptr<StringHeap>& heap) {
    if (!heap || heap == buffer_->heap) return;
    for (const auto& known : buffer_->foreign_heaps) {
      if (known == heap) return;
    }
    buffer_->foreign_heaps.push_back(heap);
  };
  keep(other.buffer_->heap);
  for (const auto& heap : other.buffer_->foreign_heaps) keep(heap);
}

void Vector::Reference(const Vector& other) {
  type_ = other.type_;
  capacity_ = other.capacity_;
  is_constant_ = other.is_constant_;
  buffer_ = other.buffer_;
}

void Vector::Reset() {
  is_constant_ = false;
  // A reset vector has a buffer of its own with room for a full batch, whatever it
  // held before (a shared column, a smaller constant or slice).
  if (!buffer_ || buffer_.use_count() > 1 || capacity_ < kBatchSize) {
    *this = Vector(type_, capacity_ < kBatchSize ? kBatchSize : capacity_);
    return;
  }
  buffer_->validity.Reset();
  buffer_->heap.reset();
  buffer_->foreign_heaps.clear();
  buffer_->list_size = 0;
  for (Vector& child : buffer_->children) child.Reset();
}

Value Vector::GetValue(uint32_t row) const {
  const uint32_t index = is_constant_ ? 0 : row;
  if (!buffer_->validity.IsValid(index)) return Value::Null(type_);
  switch (type_.id()) {
    case TypeId::kNull:
      return Value::Null();
    case TypeId::kBoolean:
      return Value::Boolean(data<bool>()[index]);
    case TypeId::kSmallInt:
      return Value::SmallInt(data<int16_t>()[index]);
    case TypeId::kInteger:
      return Value::Integer(data<int32_t>()[index]);
    case TypeId::kBigInt:
      return Value::BigInt(data<int64_t>()[index]);
    case TypeId::kReal:
      return Value::Real(data<float>()[index]);
    case TypeId::kDouble:
      return Value::Double(data<double>()[index]);
    case TypeId::kDecimal:
      if (type_.IsWideDecimal()) return Value::Decimal(data<int128_t>()[index], type_);
      return Value::Decimal(data<int64_t>()[index], type_);
    case TypeId::kVarchar:
      return Value::Varchar(data<StringRef>()[index].ToString());
    case TypeId::kDate:
      return Value::Date(data<int32_t>()[index]);
    case TypeId::kTime:
      return Value::Time(data<int64_t>()[index]);
    case TypeId::kTimestamp:
      return Value::Timestamp(data<int64_t>()[index]);
    case TypeId::kTimestampTz:
      return Value::TimestampTz(data<int64_t>()[index]);
    case TypeId::kInterval:
      return Value::FromInterval(data<Interval>()[index]);
    case TypeId::kList:
    case TypeId::kMap: {
      const ListEntry entry = data<ListEntry>()[index];
      std::vector<Value> elements;
      elements.reserve(entry.length);
      for (uint32_t i = 0; i < entry.length; ++i) elements.push_back(child().GetValue(entry.offset + i));
      return Value::Nested(type_, std::move(elements));
    }
    case TypeId::kStruct: {
      std::vector<Value> fields;
      fields.reserve(child_count());
      for (size_t i = 0; i < child_count(); ++i) fields.push_back(child(i).GetValue(index));
      return Value::Nested(type_, std::move(fields));
    }
  }
  throw Error(sqlstate::kInternal, "GetValue: unknown type");
}

void Vector::SetValue(uint32_t row, const Value& value) {
  if (value.is_null()) {
    SetNull(row);
    if (type_.id() == TypeId::kStruct) {
      for (Vector& field : buffer_->children) field.SetValue(row, Value::Null(field.type()));
    } else if (type_.IsNested()) {
      data<ListEntry>()[row] = ListEntry{};
    }
    return;
  }
  buffer_->validity.SetValid(row);
  const Value cast = value.type() == type_ ? value : value.CastTo(type_);
  switch (type_.id()) {
    case TypeId::kNull:
      SetNull(row);
      return;
    case TypeId::kBoolean:
      data<bool>()[row] = cast.GetBoolean();
      return;
    case TypeId::kSmallInt:
      data<int16_t>()[row] = static_cast<int16_t>(cast.GetInt64());
      return;
    case TypeId::kInteger:
    case TypeId::kDate:
      data<int32_t>()[row] = static_cast<int32_t>(cast.GetInt64());
      return;
    case TypeId::kBigInt:
    case TypeId::kTime:
    case TypeId::kTimestamp:
    case TypeId::kTimestampTz:
      data<int64_t>()[row] = cast.GetInt64();
      return;
    case TypeId::kReal:
      data<float>()[row] = static_cast<float>(cast.GetDouble());
      return;
    case TypeId::kDouble:
      data<double>()[row] = cast.GetDouble();
      return;
    case TypeId::kDecimal:
      if (type_.IsWideDecimal()) {
        data<int128_t>()[row] = cast.GetDecimal();
      } else {
        data<int64_t>()[row] = static_cast<int64_t>(cast.GetDecimal());
      }
      return;
    case TypeId::kVarchar:
      data<StringRef>()[row] = AddString(cast.GetString());
      return;
    case TypeId::kInterval:
      data<Interval>()[row] = cast.GetInterval();
      return;
    case TypeId::kList:
    case TypeId::kMap: {
      const auto& elements = cast.GetChildren();
      const uint32_t length = static_cast<uint32_t>(elements.size());
      const uint32_t first = AppendListElements(length);
      for (uint32_t i = 0; i < length; ++i) child().SetValue(first + i, elements[i]);
      data<ListEntry>()[row] = ListEntry{first, length};
      return;
    }
    case TypeId::kStruct:
      for (size_t i = 0; i < child_count(); ++i) child(i).SetValue(row, cast.GetChildren()[i]);
      return;
  }
}

void Vector::Flatten(uint32_t count) {
  if (!is_constant_) return;
  Vector flat(type_, capacity_ < count ? count : capacity_);
  CopyRows(*this, nullptr, count, flat, 0);
  *this = std::move(flat);
}

namespace {

// CopyRows for STRUCT, LIST and MAP: the rows' own validity (and list entries), then
// the children, recursively.
void CopyNestedRows(const Vector& source, const uint32_t* sel, uint32_t count, Vector& target,
                    uint32_t offset) {
  std::vector<uint32_t> rows(count);
  for (uint32_t i = 0; i < count; ++i) rows[i] = source.is_constant() ? 0 : (sel == nullptr ? i : sel[i]);
  for (uint32_t i = 0; i < count; ++i) target.validity().Set(offset + i, source.validity().IsValid(rows[i]), target.capacity());
  if (source.type().id() == TypeId::kStruct) {
    for (size_t f = 0; f < source.child_count(); ++f) {
      CopyRows(source.child(f), rows.data(), count, target.child(f), offset);
    }
    return;
  }
  const ListEntry* from = source.data<ListEntry>();
  uint64_t total = 0;
  for (uint32_t i = 0; i < count; ++i) {
    if (source.validity().IsValid(rows[i])) total += from[rows[i]].length;
  }
  if (total > UINT32_MAX) throw Error(sqlstate::kOutOfMemory, "a batch holds more than 4 billion list elements");
  uint32_t next = target.AppendListElements(static_cast<uint32_t>(total));
  const uint32_t first = next;
  std::vector<uint32_t> element_rows;
  element_rows.reserve(total);
  ListEntry* to = target.data<ListEntry>();
  for (uint32_t i = 0; i < count; ++i) {
    if (!source.validity().IsValid(rows[i])) {
      to[offset + i] = ListEntry{};
      continue;
    }
    const ListEntry entry = from[rows[i]];
    to[offset + i] = ListEntry{next, entry.length};
    next += entry.length;
    for (uint32_t e = 0; e < entry.length; ++e) element_rows.push_back(entry.offset + e);
  }
  CopyRows(source.child(), element_rows.data(), static_cast<uint32_t>(total), target.child(), first);
}

}  // namespace

void CopyRows(const Vector& source, const uint32_t* sel, uint32_t count, Vector& target,
              uint32_t offset) {
  if (source.type().IsNested()) {
    CopyNestedRows(source, sel, count, target, offset);
    return;
  }
  const uint32_t width = source.type().PhysicalSize();
  // Rows that were NULL in the target must become valid where the source is.
  if (!target.validity().AllValid()) {
    for (uint32_t i = 0; i < count; ++i) target.validity().SetValid(offset + i);
  }
  const uint8_t* from = source.raw_data();
  uint8_t* to = target.raw_data() + size_t{offset} * width;
  if (source.is_constant()) {
    for (uint32_t i = 0; i < count; ++i) std::memcpy(to + size_t{i} * width, from, width);
    if (!source.validity().IsValid(0)) {
      for (uint32_t i = 0; i < count; ++i) target.SetNull(offset + i);
    }
  } else if (sel == nullptr) {
    std::memcpy(to, from, size_t{count} * width);
    if (!source.validity().AllValid()) {
      for (uint32_t i = 0; i < count; ++i) {
        if (!source.validity().IsValid(i)) target.SetNull(offset + i);
      }
    }
  } else {
    switch (width) {
      case 1:
        for (uint32_t i = 0; i < count; ++i) to[i] = from[sel[i]];
        break;
      case 2:
        for (uint32_t i = 0; i < count; ++i) {
          reinterpret_cast<int16_t*>(to)[i] = reinterpret_cast<const int16_t*>(from)[sel[i]];
        }
        break;
      case 4:
        for (uint32_t i = 0; i < count; ++i) {
          reinterpret_cast<int32_t*>(to)[i] = reinterpret_cast<const int32_t*>(from)[sel[i]];
        }
        break;
      case 8:
        for (uint32_t i = 0; i < count; ++i) {
          reinterpret_cast<int64_t*>(to)[i] = reinterpret_cast<const int64_t*>(from)[sel[i]];
        }
        break;
      default:
        for (uint32_t i = 0; i < count; ++i) {
          std::memcpy(to + size_t{i} * width, from + size_t{sel[i]} * width, width);
        }
    }
    if (!source.validity().AllValid()) {
      for (uint32_t i = 0; i < count; ++i) {
        if (!source.validity().IsValid(sel[i])) target.SetNull(offset + i);
      }
    }
  }
  target.KeepHeapsOf(source);
}

}  // namespace basin
