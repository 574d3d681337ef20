#include "format/parquet/value_conversion.h"

#include <cstring>

#include "common/error.h"
#include "common/string_ref.h"
#include "format/parquet/plain_encoding.h"

namespace basin::parquet {

namespace {

template <class T>
T Load(const uint8_t* bytes) {
  T value;
  std::memcpy(&value, bytes, sizeof(T));
  return value;
}

template <class From, class To, class Op>
void Transform(const uint8_t* plain, uint32_t count, To* out, Op&& op) {
  for (uint32_t i = 0; i < count; ++i) out[i] = op(Load<From>(plain + size_t{i} * sizeof(From)));
}

float HalfToFloat(uint16_t half) {
  const uint32_t sign = uint32_t{half & 0x8000u} << 16;
  const uint32_t exponent = (half >> 10) & 0x1F;
  uint32_t mantissa = half & 0x3FF;
  uint32_t bits;
  if (exponent == 0 && mantissa == 0) {
    bits = sign;
  } else if (exponent == 0) {  // subnormal: shift into a normal float
    uint32_t shift = 0;
    while ((mantissa & 0x400) == 0) {
      mantissa <<= 1;
      ++shift;
    }
    bits = sign | (113 - shift) << 23 | (mantissa & 0x3FF) << 13;
  } else if (exponent == 31) {
    bits = sign | 0x7F800000u | mantissa << 13;
  } else {
    bits = sign | (exponent + 112) << 23 | mantissa << 13;
  }
  float value;
  std::memcpy(&value, &bits, 4);
  return value;
}

// Big-endian two's complement of any length, as DECIMAL in byte arrays.
int128_t BigEndianToInt128(const uint8_t* bytes, size_t length) {
  const bool negative = length > 0 && (bytes[0] & 0x80) != 0;
  size_t skip = 0;
  // Bytes beyond 16 must be pure sign extension.
  while (length - skip > 16) {
    if (bytes[skip] != (negative ? 0xFF : 0x00)) {
      throw Error(sqlstate::kNumericOutOfRange, "a Parquet DECIMAL value does not fit in 38 digits");
    }
    ++skip;
  }
  unsigned __int128 value = negative ? ~static_cast<unsigned __int128>(0) : 0;
  for (size_t i = skip; i < length; ++i) value = (value << 8) | bytes[i];
  return static_cast<int128_t>(value);
}

void StoreDecimal(Vector& out, uint32_t row, int128_t value) {
  if (out.type().IsWideDecimal()) {
    out.data<int128_t>()[row] = value;
  } else {
    if (value > INT64_MAX || value < INT64_MIN) {
      throw Error(sqlstate::kNumericOutOfRange, "a Parquet DECIMAL value exceeds its declared precision");
    }
    out.data<int64_t>()[row] = static_cast<int64_t>(value);
  }
}

std::string UuidText(const uint8_t* bytes) {
  static constexpr char kHex[] = "0123456789abcdef";
  std::string text;
  text.reserve(36);
  for (int i = 0; i < 16; ++i) {
    if (i == 4 || i == 6 || i == 8 || i == 10) text += '-';
    text += kHex[bytes[i] >> 4];
    text += kHex[bytes[i] & 15];
  }
  return text;
}

}  // namespace

void ConvertFixedValues(const ParquetField& leaf, const uint8_t* plain, uint32_t count, Vector& out, uint32_t offset) {
  const size_t width = static_cast<size_t>(leaf.type_length);
  switch (leaf.conversion) {
    case ValueConversion::kInt32:
      std::memcpy(out.data<int32_t>() + offset, plain, size_t{count} * 4);
      return;
    case ValueConversion::kInt32ToInt16:
      return Transform<int32_t>(plain, count, out.data<int16_t>() + offset, [](int32_t v) { return static_cast<int16_t>(v); });
    case ValueConversion::kInt32ToInt64:
      return Transform<int32_t>(plain, count, out.data<int64_t>() + offset, [](int32_t v) { return int64_t{v}; });
    case ValueConversion::kUInt32ToInt64:
      return Transform<uint32_t>(plain, count, out.data<int64_t>() + offset, [](uint32_t v) { return int64_t{v}; });
    case ValueConversion::kInt32Millis:
      return Transform<int32_t>(plain, count, out.data<int64_t>() + offset, [](int32_t v) { return int64_t{v} * 1000; });
    case ValueConversion::kInt64:
      std::memcpy(out.data<int64_t>() + offset, plain, size_t{count} * 8);
      return;
    case ValueConversion::kInt64Times1000:
      return Transform<int64_t>(plain, count, out.data<int64_t>() + offset, [](int64_t v) {
        int64_t micros;
        if (__builtin_mul_overflow(v, int64_t{1000}, &micros)) {
          throw Error(sqlstate::kDatetimeFieldOverflow, "timestamp out of range in a Parquet file");
        }
        return micros;
      });
    case ValueConversion::kInt64Div1000:
      return Transform<int64_t>(plain, count, out.data<int64_t>() + offset, [](int64_t v) {
        return v / 1000 - (v % 1000 < 0 ? 1 : 0);  // floor
      });
    case ValueConversion::kInt64ToInt128:
      if (leaf.physical_type == Type::kInt32) {
        return Transform<int32_t>(plain, count, out.data<int128_t>() + offset, [](int32_t v) { return int128_t{v}; });
      }
      return Transform<int64_t>(plain, count, out.data<int128_t>() + offset, [](int64_t v) { return int128_t{v}; });
    case ValueConversion::kUInt64ToInt128:
      return Transform<uint64_t>(plain, count, out.data<int128_t>() + offset, [](uint64_t v) { return int128_t{v}; });
    case ValueConversion::kInt96:
      DecodeInt96ToMicros(std::span<const uint8_t>(plain, size_t{count} * kInt96Bytes), out.data<int64_t>() + offset, count);
      return;
    case ValueConversion::kFloat:
      std::memcpy(out.data<float>() + offset, plain, size_t{count} * 4);
      return;
    case ValueConversion::kDouble:
      std::memcpy(out.data<double>() + offset, plain, size_t{count} * 8);
      return;
    case ValueConversion::kFloat16:
      return Transform<uint16_t>(plain, count, out.data<float>() + offset, HalfToFloat);
    case ValueConversion::kBigEndianDecimal:
      for (uint32_t i = 0; i < count; ++i) StoreDecimal(out, offset + i, BigEndianToInt128(plain + i * width, width));
      return;
    case ValueConversion::kUuid:
      for (uint32_t i = 0; i < count; ++i) out.data<StringRef>()[offset + i] = out.AddString(UuidText(plain + i * 16));
      return;
    case ValueConversion::kInterval:
      for (uint32_t i = 0; i < count; ++i) {
        const uint8_t* value = plain + i * 12;
        Interval interval;
        interval.months = static_cast<int32_t>(Load<uint32_t>(value));
        interval.days = static_cast<int32_t>(Load<uint32_t>(value + 4));
        interval.micros = int64_t{Load<uint32_t>(value + 8)} * 1000;
        out.data<Interval>()[offset + i] = interval;
      }
      return;
    case ValueConversion::kString: {
      // FIXED_LEN_BYTE_ARRAY without a type: the bytes, which live in the page.
      for (uint32_t i = 0; i < count; ++i) {
        out.data<StringRef>()[offset + i] = StringRef(reinterpret_cast<const char*>(plain + i * width), static_cast<uint32_t>(width));
      }
      return;
    }
    case ValueConversion::kNull:
      for (uint32_t i = 0; i < count; ++i) out.SetNull(offset + i);
      return;
    case ValueConversion::kBoolean:
      break;
  }
  throw Error(sqlstate::kInternal, "ConvertFixedValues: no fixed-width conversion for this column");
}

void ConvertByteArrays(const ParquetField& leaf, const std::string_view* values, uint32_t count, Vector& out,
                       uint32_t offset) {
  switch (leaf.conversion) {
    case ValueConversion::kString: {
      StringRef* strings = out.data<StringRef>() + offset;
      for (uint32_t i = 0; i < count; ++i) strings[i] = StringRef(values[i]);
      return;
    }
    case ValueConversion::kBigEndianDecimal:
      for (uint32_t i = 0; i < count; ++i) {
        StoreDecimal(out, offset + i, BigEndianToInt128(reinterpret_cast<const uint8_t*>(values[i].data()), values[i].size()));
      }
      return;
    case ValueConversion::kNull:
      for (uint32_t i = 0; i < count; ++i) out.SetNull(offset + i);
      return;
    default:
      throw Error(sqlstate::kInternal, "ConvertByteArrays: no byte-array conversion for this column");
  }
}

}  // namespace basin::parquet
