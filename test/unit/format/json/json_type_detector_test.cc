// Schema detection: how sampled JSON values unify into one Basin type.
#include "format/json/json_type_detector.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace basin {
namespace {

// The type detected over `values` (each one JSON text).
LogicalType Detect(const std::vector<std::string>& values) {
  JsonTypeDetector detector;
  for (const std::string& text : values) {
    simdjson::dom::parser parser;
    simdjson::dom::element value;
    EXPECT_EQ(parser.parse(text).get(value), simdjson::SUCCESS) << text;
    detector.Add(value);
  }
  return detector.Type();
}

TEST(JsonTypeDetectorTest, Scalars) {
  EXPECT_EQ(Detect({"true", "false"}), LogicalType(TypeId::kBoolean));
  EXPECT_EQ(Detect({"1", "-7"}), LogicalType(TypeId::kBigInt));
  EXPECT_EQ(Detect({"1.5"}), LogicalType(TypeId::kDouble));
  EXPECT_EQ(Detect({"\"x\""}), LogicalType(TypeId::kVarchar));
  EXPECT_EQ(Detect({"null", "null"}), LogicalType(TypeId::kVarchar));
  EXPECT_EQ(Detect({}), LogicalType(TypeId::kVarchar));
}

TEST(JsonTypeDetectorTest, NumbersWiden) {
  EXPECT_EQ(Detect({"1", "2.5"}), LogicalType(TypeId::kDouble));
  EXPECT_EQ(Detect({"2.5", "1", "null"}), LogicalType(TypeId::kDouble));
  // Beyond int64.
  EXPECT_EQ(Detect({"1", "18446744073709551615"}), LogicalType(TypeId::kDouble));
}

TEST(JsonTypeDetectorTest, TemporalStrings) {
  EXPECT_EQ(Detect({"\"2024-01-02\"", "null"}), LogicalType(TypeId::kDate));
  EXPECT_EQ(Detect({"\"2024-01-02 03:04:05\""}), LogicalType(TypeId::kTimestamp));
  EXPECT_EQ(Detect({"\"2024-01-02\"", "\"2024-01-02T03:04:05.123\""}),
            LogicalType(TypeId::kTimestamp));
  EXPECT_EQ(Detect({"\"2024-01-02 03:04:05+02\""}), LogicalType(TypeId::kTimestampTz));
  EXPECT_EQ(Detect({"\"12:30:00\""}), LogicalType(TypeId::kTime));
  EXPECT_EQ(Detect({"\"2024-01-02\"", "\"soon\""}), LogicalType(TypeId::kVarchar));
  EXPECT_EQ(Detect({"\"2024-13-45\""}), LogicalType(TypeId::kVarchar));
}

TEST(JsonTypeDetectorTest, IncompatibleKindsBecomeVarchar) {
  EXPECT_EQ(Detect({"1", "\"a\""}), LogicalType(TypeId::kVarchar));
  EXPECT_EQ(Detect({"true", "1"}), LogicalType(TypeId::kVarchar));
  EXPECT_EQ(Detect({"{\"a\": 1}", "2"}), LogicalType(TypeId::kVarchar));
  EXPECT_EQ(Detect({"[1]", "{\"a\": 1}"}), LogicalType(TypeId::kVarchar));
  // Once VARCHAR, later objects do not bring a STRUCT back.
  EXPECT_EQ(Detect({"1", "\"a\"", "{\"a\": 1}"}), LogicalType(TypeId::kVarchar));
}

TEST(JsonTypeDetectorTest, ObjectsUnifyByKeyInFirstSeenOrder) {
  const LogicalType type = Detect({R"({"b": 1, "a": "x"})", R"({"c": [1.5], "b": 2.5})", "null"});
  ASSERT_EQ(type.id(), TypeId::kStruct);
  ASSERT_EQ(type.FieldCount(), 3u);
  EXPECT_EQ(type.FieldName(0), "b");
  EXPECT_EQ(type.FieldType(0), LogicalType(TypeId::kDouble));
  EXPECT_EQ(type.FieldName(1), "a");
  EXPECT_EQ(type.FieldType(1), LogicalType(TypeId::kVarchar));
  EXPECT_EQ(type.FieldName(2), "c");
  EXPECT_EQ(type.FieldType(2), LogicalType::List(TypeId::kDouble));
}

TEST(JsonTypeDetectorTest, ArraysUnifyTheirElements) {
  EXPECT_EQ(Detect({"[1, 2]", "[]", "[null, 3.5]"}), LogicalType::List(TypeId::kDouble));
  EXPECT_EQ(Detect({"[]"}), LogicalType::List(TypeId::kVarchar));
  EXPECT_EQ(Detect({"[[1], [2, 3]]"}), LogicalType::List(LogicalType::List(TypeId::kBigInt)));
  EXPECT_EQ(
      Detect({R"([{"x": 1}, {"y": true}])"}),
      LogicalType::List(LogicalType::Struct({"x", "y"}, {TypeId::kBigInt, TypeId::kBoolean})));
}

TEST(JsonTypeDetectorTest, EmptyObjectsAreText) {
  EXPECT_EQ(Detect({"{}"}), LogicalType(TypeId::kVarchar));
  EXPECT_EQ(Detect({"{}", R"({"a": 1})"}), LogicalType::Struct({"a"}, {TypeId::kBigInt}));
}

TEST(JsonTypeDetectorTest, TopLevelKeys) {
  JsonTypeDetector detector;
  simdjson::dom::parser parser;
  detector.Add(parser.parse(std::string(R"({"id": 1, "name": "a"})")).value());
  detector.Add(parser.parse(std::string(R"({"extra": false})")).value());
  ASSERT_TRUE(detector.AllObjects());
  EXPECT_EQ(detector.KeyNames(), (std::vector<std::string>{"id", "name", "extra"}));
  EXPECT_EQ(detector.KeyTypes(),
            (std::vector<LogicalType>{TypeId::kBigInt, TypeId::kVarchar, TypeId::kBoolean}));
  detector.Add(parser.parse(std::string("3")).value());
  EXPECT_FALSE(detector.AllObjects());
}

TEST(JsonTypeDetectorTest, StringMask) {
  EXPECT_EQ(JsonStringTypeMask("hello"), 0u);
  EXPECT_EQ(JsonStringTypeMask(""), 0u);
  EXPECT_NE(JsonStringTypeMask("2024-02-29"), 0u);
  EXPECT_EQ(JsonStringTypeMask("2023-02-29"), 0u);
}

}  // namespace
}  // namespace basin
