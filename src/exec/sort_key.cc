#include "exec/sort_key.h"

#include <cmath>
#include <cstring>

#include "common/error.h"
#include "function/comparison.h"

namespace basin {

namespace {

template <class Unsigned>
void AppendBigEndian(std::string& bytes, Unsigned value, bool invert) {
  if (invert) value = ~value;
  char buffer[sizeof(Unsigned)];
  for (size_t i = 0; i < sizeof(Unsigned); ++i) {
    buffer[i] = static_cast<char>(static_cast<uint8_t>(value >> (8 * (sizeof(Unsigned) - 1 - i))));
  }
  bytes.append(buffer, sizeof(Unsigned));
}

template <class Signed>
void AppendSigned(std::string& bytes, Signed value, bool invert) {
  using Unsigned = std::make_unsigned_t<Signed>;
  const Unsigned flipped = static_cast<Unsigned>(value) ^ (Unsigned{1} << (sizeof(Signed) * 8 - 1));
  AppendBigEndian<Unsigned>(bytes, flipped, invert);
}

void AppendInt128(std::string& bytes, int128_t value, bool invert) {
  using u128 = unsigned __int128;
  const u128 flipped = static_cast<u128>(value) ^ (u128{1} << 127);
  AppendBigEndian<uint64_t>(bytes, static_cast<uint64_t>(flipped >> 64), invert);
  AppendBigEndian<uint64_t>(bytes, static_cast<uint64_t>(flipped), invert);
}

void AppendDouble(std::string& bytes, double value, bool invert) {
  // PostgreSQL: NaN sorts above everything, -0 equals 0.
  if (std::isnan(value)) value = std::numeric_limits<double>::quiet_NaN();
  if (value == 0) value = 0;
  uint64_t bits;
  std::memcpy(&bits, &value, 8);
  bits = (bits >> 63) ? ~bits : bits | (uint64_t{1} << 63);
  AppendBigEndian<uint64_t>(bytes, bits, invert);
}

void AppendString(std::string& bytes, std::string_view text, bool invert) {
  const char mask = invert ? static_cast<char>(0xFF) : 0;
  for (char c : text) {
    bytes.push_back(static_cast<char>(c ^ mask));
    if (c == 0) bytes.push_back(static_cast<char>(0xFF ^ mask));  // escape: 00 -> 00 FF
  }
  bytes.push_back(mask);  // terminator 00 00 sorts before any escaped byte
  bytes.push_back(mask);
}

void AppendMarker(std::string& bytes, uint8_t marker, bool invert) {
  bytes.push_back(static_cast<char>(invert ? ~marker : marker));
}

// The key bytes of one valid value. Nested values sort as PostgreSQL's records and
// arrays do: field by field or element by element, NULL elements after all others,
// and a shorter array before a longer one it prefixes.
void AppendValue(std::string& bytes, const Vector& column, uint32_t index, bool invert) {
  switch (column.type().id()) {
    case TypeId::kNull:
      break;
    case TypeId::kBoolean:
      AppendBigEndian<uint8_t>(bytes, column.data<bool>()[index] ? 1 : 0, invert);
      break;
    case TypeId::kSmallInt:
      AppendSigned<int16_t>(bytes, column.data<int16_t>()[index], invert);
      break;
    case TypeId::kInteger:
    case TypeId::kDate:
      AppendSigned<int32_t>(bytes, column.data<int32_t>()[index], invert);
      break;
    case TypeId::kBigInt:
    case TypeId::kTime:
    case TypeId::kTimestamp:
    case TypeId::kTimestampTz:
      AppendSigned<int64_t>(bytes, column.data<int64_t>()[index], invert);
      break;
    case TypeId::kReal:
      AppendDouble(bytes, column.data<float>()[index], invert);
      break;
    case TypeId::kDouble:
      AppendDouble(bytes, column.data<double>()[index], invert);
      break;
    case TypeId::kDecimal:
      if (column.type().IsWideDecimal()) {
        AppendInt128(bytes, column.data<int128_t>()[index], invert);
      } else {
        AppendSigned<int64_t>(bytes, column.data<int64_t>()[index], invert);
      }
      break;
    case TypeId::kVarchar:
      AppendString(bytes, column.data<StringRef>()[index].view(), invert);
      break;
    case TypeId::kInterval:
      AppendInt128(bytes, IntervalSortKey(column.data<Interval>()[index]), invert);
      break;
    case TypeId::kStruct:
      for (size_t f = 0; f < column.child_count(); ++f) {
        const Vector& field = column.child(f);
        const bool valid = field.validity().IsValid(index);
        AppendMarker(bytes, valid ? 1 : 2, invert);
        if (valid) AppendValue(bytes, field, index, invert);
      }
      break;
    case TypeId::kList:
    case TypeId::kMap: {
      const ListEntry entry = column.data<ListEntry>()[index];
      const Vector& elements = column.child();
      for (uint32_t i = 0; i < entry.length; ++i) {
        const bool valid = elements.validity().IsValid(entry.offset + i);
        AppendMarker(bytes, valid ? 1 : 2, invert);
        if (valid) AppendValue(bytes, elements, entry.offset + i, invert);
      }
      AppendMarker(bytes, 0, invert);
      break;
    }
  }
}

}  // namespace

void SortKeyEncoder::Encode(const Batch& batch, std::string& bytes, std::vector<uint64_t>& offsets) const {
  for (uint32_t row = 0; row < batch.size; ++row) {
    offsets.push_back(bytes.size());
    for (const auto& key : keys_) {
      const Vector& column = batch.columns[key.column];
      const uint32_t index = column.is_constant() ? 0 : row;
      if (!column.validity().IsValid(index)) {
        bytes.push_back(key.nulls_first ? 0 : 2);
        continue;
      }
      bytes.push_back(1);
      AppendValue(bytes, column, index, key.descending);
    }
  }
}

}  // namespace basin
