// LIST, STRUCT and MAP vectors: values in and out, copies with selections, growth.
#include <gtest/gtest.h>

#include "common/error.h"
#include "common/value.h"
#include "common/vector.h"

namespace basin {
namespace {

Value IntList(std::vector<int32_t> values) {
  std::vector<Value> elements;
  for (int32_t v : values) elements.push_back(Value::Integer(v));
  return Value::Nested(LogicalType::List(TypeId::kInteger), std::move(elements));
}

TEST(NestedVectorTest, ListValuesRoundTrip) {
  Vector lists(LogicalType::List(TypeId::kInteger), 4);
  lists.SetValue(0, IntList({1, 2, 3}));
  lists.SetValue(1, Value::Null(lists.type()));
  lists.SetValue(2, IntList({}));
  lists.SetValue(3, IntList({7}));
  EXPECT_EQ(lists.list_size(), 4u);
  EXPECT_EQ(lists.GetValue(0), IntList({1, 2, 3}));
  EXPECT_TRUE(lists.GetValue(1).is_null());
  EXPECT_EQ(lists.GetValue(2), IntList({}));
  EXPECT_EQ(lists.GetValue(3).ToString(), "{7}");
}

TEST(NestedVectorTest, CopyRowsGathersElementsOfSelectedRows) {
  Vector source(LogicalType::List(TypeId::kInteger), 3);
  source.SetValue(0, IntList({1, 2}));
  source.SetValue(1, IntList({3}));
  source.SetValue(2, Value::Null(source.type()));
  Vector target(source.type(), 4);
  target.SetValue(0, IntList({9}));
  const uint32_t sel[] = {2, 1, 0};
  CopyRows(source, sel, 3, target, 1);
  EXPECT_EQ(target.GetValue(0), IntList({9}));
  EXPECT_TRUE(target.GetValue(1).is_null());
  EXPECT_EQ(target.GetValue(2), IntList({3}));
  EXPECT_EQ(target.GetValue(3), IntList({1, 2}));
}

TEST(NestedVectorTest, ListChildGrowsPastTheBatchCapacity) {
  Vector lists(LogicalType::List(TypeId::kBigInt), 2);
  std::vector<Value> many;
  for (int64_t i = 0; i < 5000; ++i) many.push_back(Value::BigInt(i));
  lists.SetValue(0, Value::Nested(lists.type(), many));
  lists.SetValue(1, Value::Nested(lists.type(), {Value::BigInt(-1)}));
  EXPECT_GE(lists.child().capacity(), 5001u);
  EXPECT_EQ(lists.GetValue(0).GetChildren().size(), 5000u);
  EXPECT_EQ(lists.GetValue(0).GetChildren()[4999], Value::BigInt(4999));
  EXPECT_EQ(lists.GetValue(1).GetChildren()[0], Value::BigInt(-1));
}

TEST(NestedVectorTest, StructOfListRoundTripAndText) {
  const LogicalType type = LogicalType::Struct({"a", "b"}, {TypeId::kVarchar, LogicalType::List(TypeId::kInteger)});
  Vector structs(type, 2);
  structs.SetValue(0, Value::Nested(type, {Value::Varchar("x y"), IntList({1, 2})}));
  structs.SetValue(1, Value::Null(type));
  EXPECT_EQ(structs.GetValue(0).ToString(), "(\"x y\",\"{1,2}\")");
  EXPECT_TRUE(structs.GetValue(1).is_null());
  EXPECT_EQ(type.ToString(), "struct(a varchar, b integer[])");
  EXPECT_EQ(type.FindField("b"), 1);
  EXPECT_EQ(type.FindField("c"), -1);
}

TEST(NestedVectorTest, TextCastsFollowPostgresArrayRules) {
  const LogicalType text_list = LogicalType::List(TypeId::kVarchar);
  const Value parsed = Value::Varchar(R"({a,"b c",NULL,"NULL","",\"})").CastTo(text_list);
  ASSERT_EQ(parsed.GetChildren().size(), 6u);
  EXPECT_TRUE(parsed.GetChildren()[2].is_null());
  EXPECT_EQ(parsed.GetChildren()[3].GetString(), "NULL");
  EXPECT_EQ(parsed.GetChildren()[5].GetString(), "\"");
  EXPECT_EQ(parsed.ToString(), R"({a,"b c",NULL,"NULL","","\""})");
  EXPECT_THROW(Value::Varchar("{1,2").CastTo(LogicalType::List(TypeId::kInteger)), Error);
  EXPECT_THROW(Value::Varchar("1,2}").CastTo(LogicalType::List(TypeId::kInteger)), Error);
}

TEST(NestedVectorTest, MapTypeHasKeyValueEntries) {
  const LogicalType map = LogicalType::Map(TypeId::kVarchar, TypeId::kInteger);
  EXPECT_EQ(map.ChildType().id(), TypeId::kStruct);
  EXPECT_EQ(map.ChildType().FieldName(0), "key");
  EXPECT_EQ(map.ToString(), "map(varchar, integer)");
  EXPECT_EQ(map, LogicalType::Map(TypeId::kVarchar, TypeId::kInteger));
  EXPECT_NE(map, LogicalType::Map(TypeId::kVarchar, TypeId::kBigInt));
}

}  // namespace
}  // namespace basin
