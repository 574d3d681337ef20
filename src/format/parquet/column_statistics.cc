// Bounds are computed on the physical values the shredder produced, so they are
// exactly what a reader decodes; one typed loop per page.
#include "format/parquet/column_statistics.h"

#include <cmath>
#include <cstring>
#include <type_traits>

namespace basin::parquet {

namespace {

template <class T>
T Load(const char* bytes) {
  T value;
  std::memcpy(&value, bytes, sizeof(T));
  return value;
}

template <class T>
std::string Store(T value) {
  return std::string(reinterpret_cast<const char*>(&value), sizeof(T));
}

template <class T>
ValueBounds NumericBounds(const std::string& fixed, size_t begin, size_t end) {
  ValueBounds bounds;
  T min{};
  T max{};
  bool any = false;
  const char* data = fixed.data();
  for (size_t i = begin; i < end; ++i) {
    const T value = Load<T>(data + i * sizeof(T));
    if constexpr (std::is_floating_point_v<T>) {
      if (std::isnan(value)) continue;
    }
    if (!any) {
      min = max = value;
      any = true;
    } else {
      min = value < min ? value : min;
      max = max < value ? value : max;
    }
  }
  if (!any) return bounds;
  if constexpr (std::is_floating_point_v<T>) {
    if (min == 0) min = -T{0};
    if (max == 0) max = T{0};
  }
  bounds.present = true;
  bounds.min = Store(min);
  bounds.max = Store(max);
  return bounds;
}

// Big-endian two's complement of one width: signed in the first byte, then unsigned.
int CompareSignedBigEndian(std::string_view a, std::string_view b) {
  const auto a0 = static_cast<int8_t>(a[0]);
  const auto b0 = static_cast<int8_t>(b[0]);
  if (a0 != b0) return a0 < b0 ? -1 : 1;
  return std::memcmp(a.data() + 1, b.data() + 1, a.size() - 1);
}

ValueBounds BytesBounds(const WriteLeaf& leaf, const LeafValues& values, size_t begin,
                        size_t end) {
  ValueBounds bounds;
  if (begin == end) return bounds;
  const bool is_fixed = leaf.physical_type == Type::kFixedLenByteArray;
  const size_t width = static_cast<size_t>(leaf.type_length);
  auto value = [&](size_t i) {
    return is_fixed ? std::string_view(values.fixed.data() + i * width, width) : values.strings[i];
  };
  std::string_view min = value(begin);
  std::string_view max = min;
  for (size_t i = begin + 1; i < end; ++i) {
    const std::string_view v = value(i);
    if (is_fixed) {
      if (CompareSignedBigEndian(v, min) < 0) min = v;
      if (CompareSignedBigEndian(max, v) < 0) max = v;
    } else {
      if (v < min) min = v;
      if (max < v) max = v;
    }
  }
  bounds.present = true;
  bounds.min = std::string(min);
  bounds.max = std::string(max);
  if (!is_fixed && bounds.min.size() > kMaxBoundBytes) {
    bounds.min.resize(kMaxBoundBytes);
    bounds.min_exact = false;
  }
  if (!is_fixed && bounds.max.size() > kMaxBoundBytes) {
    std::string upper = bounds.max.substr(0, kMaxBoundBytes);
    while (!upper.empty() && static_cast<uint8_t>(upper.back()) == 0xFF) upper.pop_back();
    if (!upper.empty()) {  // else no shorter upper bound exists: keep the value
      upper.back() = static_cast<char>(static_cast<uint8_t>(upper.back()) + 1);
      bounds.max = std::move(upper);
      bounds.max_exact = false;
    }
  }
  return bounds;
}

template <class T>
int CompareLoaded(const std::string& a, const std::string& b) {
  const T x = Load<T>(a.data());
  const T y = Load<T>(b.data());
  return x < y ? -1 : (y < x ? 1 : 0);
}

}  // namespace

ValueBounds ComputeBounds(const WriteLeaf& leaf, const LeafValues& values, size_t begin,
                          size_t end) {
  if (!leaf.has_order || begin == end) return {};
  switch (leaf.physical_type) {
    case Type::kBoolean:
      return NumericBounds<uint8_t>(values.fixed, begin, end);
    case Type::kInt32:
      return NumericBounds<int32_t>(values.fixed, begin, end);
    case Type::kInt64:
      return NumericBounds<int64_t>(values.fixed, begin, end);
    case Type::kFloat:
      return NumericBounds<float>(values.fixed, begin, end);
    case Type::kDouble:
      return NumericBounds<double>(values.fixed, begin, end);
    case Type::kByteArray:
    case Type::kFixedLenByteArray:
      return BytesBounds(leaf, values, begin, end);
    case Type::kInt96:
      break;
  }
  return {};
}

int CompareBounds(const WriteLeaf& leaf, const std::string& a, const std::string& b) {
  switch (leaf.physical_type) {
    case Type::kBoolean:
      return CompareLoaded<uint8_t>(a, b);
    case Type::kInt32:
      return CompareLoaded<int32_t>(a, b);
    case Type::kInt64:
      return CompareLoaded<int64_t>(a, b);
    case Type::kFloat:
      return CompareLoaded<float>(a, b);
    case Type::kDouble:
      return CompareLoaded<double>(a, b);
    case Type::kFixedLenByteArray:
      return CompareSignedBigEndian(a, b);
    case Type::kByteArray:
    case Type::kInt96:
      break;
  }
  return a.compare(b);  // std::string compares bytes as unsigned
}

void MergeBounds(const WriteLeaf& leaf, const ValueBounds& other, ValueBounds& into) {
  if (!other.present) return;
  if (!into.present) {
    into = other;
    return;
  }
  if (CompareBounds(leaf, other.min, into.min) < 0) {
    into.min = other.min;
    into.min_exact = other.min_exact;
  }
  if (CompareBounds(leaf, other.max, into.max) > 0) {
    into.max = other.max;
    into.max_exact = other.max_exact;
  }
}

}  // namespace basin::parquet
