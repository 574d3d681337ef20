// test/unit/format/parquet/column_shredder_test.cc
// Definition and repetition levels computed from nested vectors, checked against
// levels worked out by hand from the Dremel rules; and the bounds and dictionaries
// built from shredded values.
#include <gtest/gtest.h>

#include <cmath>
#include <cstring>

#include "common/error.h"
#include "common/value.h"
#include "format/parquet/column_shredder.h"
#include "format/parquet/column_statistics.h"
#include "format/parquet/dictionary_builder.h"
#include "format/parquet/write_schema.h"

namespace basin::parquet {
namespace {

struct Shredded {
  WriteSchema schema;
  Vector vector;  // the strings of `leaves` point into it
  std::vector<LeafValues> leaves;
};

Shredded Shred(const basin::LogicalType& type, const std::vector<Value>& rows) {
  Shredded out;
  out.schema = BuildWriteSchema({"c"}, {type});
  out.vector = Vector(type, static_cast<uint32_t>(rows.size()));
  for (size_t i = 0; i < rows.size(); ++i) out.vector.SetValue(static_cast<uint32_t>(i), rows[i]);
  out.leaves.resize(out.schema.leaves.size());
  ShredColumn(out.schema.fields[0], out.schema.leaves, out.vector, 0, static_cast<uint32_t>(rows.size()),
              out.leaves);
  return out;
}

std::vector<int32_t> Int32s(const LeafValues& leaf) {
  std::vector<int32_t> values(leaf.fixed.size() / 4);
  std::memcpy(values.data(), leaf.fixed.data(), leaf.fixed.size());
  return values;
}

Value IntList(const std::vector<Value>& items) {
  return Value::Nested(basin::LogicalType::List(TypeId::kInteger), items);
}

TEST(ColumnShredderTest, FlatColumnHasOnlyDefinitionLevels) {
  const Shredded s = Shred(TypeId::kInteger, {Value::Integer(7), Value::Null(TypeId::kInteger), Value::Integer(-1)});
  ASSERT_EQ(s.schema.leaves.size(), 1u);
  EXPECT_EQ(s.schema.leaves[0].max_def_level, 1);
  EXPECT_EQ(s.schema.leaves[0].max_rep_level, 0);
  EXPECT_EQ(s.leaves[0].def_levels, (std::vector<uint16_t>{1, 0, 1}));
  EXPECT_TRUE(s.leaves[0].rep_levels.empty());
  EXPECT_EQ(Int32s(s.leaves[0]), (std::vector<int32_t>{7, -1}));
}

TEST(ColumnShredderTest, ListOfListsFollowsDremel) {
  const auto inner = basin::LogicalType::List(TypeId::kInteger);
  const auto outer = basin::LogicalType::List(inner);
  auto list = [&](std::vector<Value> items) { return Value::Nested(outer, std::move(items)); };
  const Shredded s = Shred(outer, {
      list({IntList({Value::Integer(1), Value::Integer(2)}), IntList({Value::Integer(3)})}),
      Value::Null(outer),
      list({}),
      list({Value::Null(inner), IntList({})}),
      list({IntList({Value::Null(TypeId::kInteger)})}),
  });
  EXPECT_EQ(s.schema.leaves[0].max_def_level, 5);
  EXPECT_EQ(s.schema.leaves[0].max_rep_level, 2);
  EXPECT_EQ(s.schema.leaves[0].path, (std::vector<std::string>{"c", "list", "element", "list", "element"}));
  EXPECT_EQ(s.leaves[0].def_levels, (std::vector<uint16_t>{5, 5, 5, 0, 1, 2, 3, 4}));
  EXPECT_EQ(s.leaves[0].rep_levels, (std::vector<uint16_t>{0, 2, 1, 0, 0, 0, 1, 0}));
  EXPECT_EQ(Int32s(s.leaves[0]), (std::vector<int32_t>{1, 2, 3}));
}

TEST(ColumnShredderTest, StructFieldsShareTheParentsNulls) {
  const auto type = basin::LogicalType::Struct({"a", "b"}, {TypeId::kInteger, basin::LogicalType::List(TypeId::kInteger)});
  auto row = [&](Value a, Value b) { return Value::Nested(type, {std::move(a), std::move(b)}); };
  const Shredded s = Shred(type, {
      row(Value::Integer(1), IntList({Value::Integer(2)})),
      Value::Null(type),
      row(Value::Null(TypeId::kInteger), Value::Null(basin::LogicalType::List(TypeId::kInteger))),
      row(Value::Integer(3), IntList({})),
  });
  ASSERT_EQ(s.leaves.size(), 2u);
  EXPECT_EQ(s.leaves[0].def_levels, (std::vector<uint16_t>{2, 0, 1, 2}));
  EXPECT_TRUE(s.leaves[0].rep_levels.empty());
  EXPECT_EQ(Int32s(s.leaves[0]), (std::vector<int32_t>{1, 3}));
  EXPECT_EQ(s.schema.leaves[1].max_def_level, 4);
  EXPECT_EQ(s.leaves[1].def_levels, (std::vector<uint16_t>{4, 0, 1, 2}));
  EXPECT_EQ(s.leaves[1].rep_levels, (std::vector<uint16_t>{0, 0, 0, 0}));
  EXPECT_EQ(Int32s(s.leaves[1]), (std::vector<int32_t>{2}));
}

TEST(ColumnShredderTest, MapKeysAreRequired) {
  const auto type = basin::LogicalType::Map(TypeId::kVarchar, TypeId::kInteger);
  const auto entry = type.ChildType();
  auto kv = [&](std::string k, Value v) { return Value::Nested(entry, {Value::Varchar(std::move(k)), std::move(v)}); };
  const Shredded s = Shred(type, {
      Value::Nested(type, {kv("a", Value::Integer(1)), kv("b", Value::Null(TypeId::kInteger))}),
      Value::Null(type),
      Value::Nested(type, {}),
  });
  ASSERT_EQ(s.leaves.size(), 2u);
  EXPECT_EQ(s.schema.leaves[0].max_def_level, 2);
  EXPECT_EQ(s.schema.leaves[0].path, (std::vector<std::string>{"c", "key_value", "key"}));
  EXPECT_EQ(s.leaves[0].def_levels, (std::vector<uint16_t>{2, 2, 0, 1}));
  EXPECT_EQ(s.leaves[0].rep_levels, (std::vector<uint16_t>{0, 1, 0, 0}));
  ASSERT_EQ(s.leaves[0].strings.size(), 2u);
  EXPECT_EQ(s.leaves[0].strings[1], "b");
  EXPECT_EQ(s.leaves[1].def_levels, (std::vector<uint16_t>{3, 2, 0, 1}));
  EXPECT_EQ(Int32s(s.leaves[1]), (std::vector<int32_t>{1}));
  // The schema says so too.
  const auto& key = s.schema.elements[3];
  EXPECT_EQ(key.name, "key");
  EXPECT_EQ(key.repetition_type, FieldRepetitionType::kRequired);
}

TEST(ColumnShredderTest, SlicesAppend) {
  const auto schema = BuildWriteSchema({"c"}, {TypeId::kBigInt});
  Vector vector(TypeId::kBigInt, 4);
  for (uint32_t i = 0; i < 4; ++i) vector.SetValue(i, Value::BigInt(i * 10));
  std::vector<LeafValues> leaves(1);
  ShredColumn(schema.fields[0], schema.leaves, vector, 1, 3, leaves);
  ShredColumn(schema.fields[0], schema.leaves, vector, 0, 1, leaves);
  EXPECT_EQ(leaves[0].num_values, 3u);
  std::vector<int64_t> values(3);
  std::memcpy(values.data(), leaves[0].fixed.data(), 24);
  EXPECT_EQ(values, (std::vector<int64_t>{10, 20, 0}));
}

TEST(ColumnStatisticsTest, FloatsSkipNaNAndSignZeros) {
  const auto schema = BuildWriteSchema({"c"}, {TypeId::kDouble});
  LeafValues values;
  for (const double d : {0.0, std::nan(""), 2.5, -0.0}) values.fixed.append(reinterpret_cast<const char*>(&d), 8);
  values.num_values = 4;
  const ValueBounds bounds = ComputeBounds(schema.leaves[0], values, 0, 4);
  ASSERT_TRUE(bounds.present);
  double min;
  double max;
  std::memcpy(&min, bounds.min.data(), 8);
  std::memcpy(&max, bounds.max.data(), 8);
  EXPECT_EQ(min, 0.0);
  EXPECT_TRUE(std::signbit(min));
  EXPECT_EQ(max, 2.5);
  EXPECT_FALSE(ComputeBounds(schema.leaves[0], values, 1, 2).present);  // only NaN
}

TEST(ColumnStatisticsTest, LongStringsGetInexactBounds) {
  const auto schema = BuildWriteSchema({"c"}, {TypeId::kVarchar});
  const std::string low(100, 'a');
  const std::string high = std::string(70, 'b') + "\xff";
  LeafValues values;
  values.strings = {high, low, "b"};
  values.num_values = 3;
  const ValueBounds bounds = ComputeBounds(schema.leaves[0], values, 0, 3);
  EXPECT_EQ(bounds.min, std::string(kMaxBoundBytes, 'a'));
  EXPECT_FALSE(bounds.min_exact);
  EXPECT_EQ(bounds.max, std::string(kMaxBoundBytes - 1, 'b') + "c");
  EXPECT_FALSE(bounds.max_exact);
}

TEST(ColumnStatisticsTest, WideDecimalsCompareSigned) {
  const auto schema = BuildWriteSchema({"c"}, {basin::LogicalType::Decimal(38, 2)});
  Vector vector(basin::LogicalType::Decimal(38, 2), 3);
  vector.data<int128_t>()[0] = -5;
  vector.data<int128_t>()[1] = 7;
  vector.data<int128_t>()[2] = -(int128_t{1} << 100);
  std::vector<LeafValues> leaves(1);
  ShredColumn(schema.fields[0], schema.leaves, vector, 0, 3, leaves);
  const ValueBounds bounds = ComputeBounds(schema.leaves[0], leaves[0], 0, 3);
  EXPECT_EQ(bounds.min, leaves[0].fixed.substr(32, 16));
  EXPECT_EQ(bounds.max, leaves[0].fixed.substr(16, 16));
}

TEST(DictionaryBuilderTest, IndicesInFirstSeenOrderAndSizeCap) {
  const auto schema = BuildWriteSchema({"c"}, {TypeId::kVarchar});
  LeafValues values;
  values.strings = {"x", "y", "x", "z", "y"};
  values.num_values = 5;
  Dictionary dictionary;
  ASSERT_TRUE(BuildDictionary(schema.leaves[0], values, 1 << 20, dictionary));
  EXPECT_EQ(dictionary.size, 3u);
  EXPECT_EQ(dictionary.indices, (std::vector<uint32_t>{0, 1, 0, 2, 1}));
  EXPECT_EQ(dictionary.plain, std::string("\1\0\0\0x\1\0\0\0y\1\0\0\0z", 15));
  Dictionary small;
  EXPECT_FALSE(BuildDictionary(schema.leaves[0], values, 10, small));
}

}  // namespace
}  // namespace basin::parquet
