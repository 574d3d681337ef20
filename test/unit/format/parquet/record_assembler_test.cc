// test/unit/format/parquet/record_assembler_test.cc
// Record assembly from hand-built levels: schemas are built from SchemaElements (so
// the levels are the schema builder's), leaves are filled with (def, rep, value)
// entries, and assembled values are compared by their text.
#include "format/parquet/record_assembler.h"

#include <gtest/gtest.h>

#include <optional>
#include <string>
#include <vector>

#include "common/error.h"
#include "common/value.h"
#include "format/parquet/parquet_schema.h"

namespace basin::parquet {
namespace {

using Rep = FieldRepetitionType;

SchemaElement Group(const std::string& name, std::optional<Rep> repetition, int children,
                    std::optional<ConvertedType> converted = std::nullopt) {
  SchemaElement element;
  element.name = name;
  element.repetition_type = repetition;
  element.num_children = children;
  element.converted_type = converted;
  return element;
}

SchemaElement Int32(const std::string& name, Rep repetition) {
  SchemaElement element;
  element.name = name;
  element.type = Type::kInt32;
  element.repetition_type = repetition;
  return element;
}

ParquetSchema Schema(std::vector<SchemaElement> elements) {
  FileMetaData metadata;
  metadata.schema.push_back(Group("schema", std::nullopt, 1));
  for (auto& element : elements) metadata.schema.push_back(std::move(element));
  return BuildParquetSchema(metadata, "test.parquet");
}

// One level entry of a leaf: a value when def is the leaf's maximum.
struct Entry {
  uint16_t def;
  uint16_t rep;
  int32_t value = 0;
};

LeafEntries Leaf(const std::vector<Entry>& entries, int16_t max_def) {
  LeafEntries leaf;
  leaf.values = Vector(TypeId::kInteger, static_cast<uint32_t>(std::max<size_t>(entries.size(), 1)));
  for (size_t i = 0; i < entries.size(); ++i) {
    leaf.def.push_back(entries[i].def);
    leaf.rep.push_back(entries[i].rep);
    if (entries[i].def == max_def) {
      leaf.values.data<int32_t>()[i] = entries[i].value;
    } else {
      leaf.values.SetNull(static_cast<uint32_t>(i));
    }
  }
  return leaf;
}

std::vector<std::string> Assemble(const ParquetSchema& schema, std::vector<LeafEntries> leaves, uint32_t rows) {
  RecordAssembler assembler(leaves);
  const ParquetField& field = schema.fields.at(0);
  Vector out(field.type, rows);
  assembler.Assemble(field, rows, out, 0);
  std::vector<std::string> text;
  for (uint32_t row = 0; row < rows; ++row) {
    const Value value = out.GetValue(row);
    text.push_back(value.is_null() ? "NULL" : value.ToString());
  }
  for (const LeafEntries& leaf : leaves) EXPECT_EQ(leaf.position, leaf.def.size()) << "entries left over";
  return text;
}

using Texts = std::vector<std::string>;

// optional group l (LIST) { repeated group list { optional int32 element } }
ParquetSchema OptionalList() {
  return Schema({Group("l", Rep::kOptional, 1, ConvertedType::kList), Group("list", Rep::kRepeated, 1),
                 Int32("element", Rep::kOptional)});
}

TEST(RecordAssemblerTest, OptionalListOfOptionalElements) {
  const ParquetSchema schema = OptionalList();
  const ParquetField& list = schema.fields[0];
  EXPECT_EQ(list.def_level, 1);
  EXPECT_EQ(list.element_def_level, 2);
  EXPECT_EQ(list.children[0].max_def_level, 3);
  EXPECT_EQ(list.children[0].max_rep_level, 1);
  // NULL, [], [1, NULL, 2], [NULL]
  auto leaf = Leaf({{0, 0}, {1, 0}, {3, 0, 1}, {2, 1}, {3, 1, 2}, {2, 0}}, 3);
  EXPECT_EQ(Assemble(schema, {leaf}, 4), (Texts{"NULL", "{}", "{1,NULL,2}", "{NULL}"}));
}

TEST(RecordAssemblerTest, RequiredListOfRequiredElements) {
  // required group l (LIST) { repeated group list { required int32 element } }
  const ParquetSchema schema = Schema({Group("l", Rep::kRequired, 1, ConvertedType::kList),
                                       Group("list", Rep::kRepeated, 1), Int32("element", Rep::kRequired)});
  auto leaf = Leaf({{1, 0, 7}, {0, 0}, {1, 0, 8}, {1, 1, 9}}, 1);
  EXPECT_EQ(Assemble(schema, {leaf}, 3), (Texts{"{7}", "{}", "{8,9}"}));
}

TEST(RecordAssemblerTest, RepeatedPrimitiveWithoutAnnotation) {
  // repeated int32 x: a list that is never NULL.
  const ParquetSchema schema = Schema({Int32("x", Rep::kRepeated)});
  auto leaf = Leaf({{1, 0, 1}, {1, 1, 2}, {0, 0}, {1, 0, 3}}, 1);
  EXPECT_EQ(Assemble(schema, {leaf}, 3), (Texts{"{1,2}", "{}", "{3}"}));
}

TEST(RecordAssemblerTest, ListsOfListsWithNullsAndEmptiesAtEachLevel) {
  // optional group outer (LIST) { repeated group list { optional group element (LIST) {
  //   repeated group list { optional int32 element } } } }
  const ParquetSchema schema = Schema({Group("outer", Rep::kOptional, 1, ConvertedType::kList),
                                       Group("list", Rep::kRepeated, 1),
                                       Group("element", Rep::kOptional, 1, ConvertedType::kList),
                                       Group("list", Rep::kRepeated, 1), Int32("element", Rep::kOptional)});
  // [[1, 2], [], NULL, [NULL]], [], NULL, [[3]], [NULL]
  auto leaf = Leaf({{5, 0, 1}, {5, 2, 2}, {3, 1}, {2, 1}, {4, 1}, {1, 0}, {0, 0}, {5, 0, 3}, {2, 0}}, 5);
  EXPECT_EQ(Assemble(schema, {leaf}, 5), (Texts{"{{1,2},{},NULL,{NULL}}", "{}", "NULL", "{{3}}", "{NULL}"}));
}

TEST(RecordAssemblerTest, MapWithOptionalValues) {
  // required group m (MAP) { repeated group key_value { required int32 key; optional int32 value } }
  const ParquetSchema schema = Schema({Group("m", Rep::kRequired, 1, ConvertedType::kMap),
                                       Group("key_value", Rep::kRepeated, 2), Int32("key", Rep::kRequired),
                                       Int32("value", Rep::kOptional)});
  auto keys = Leaf({{1, 0, 1}, {1, 1, 2}, {0, 0}, {1, 0, 3}}, 1);
  auto values = Leaf({{2, 0, 10}, {1, 1}, {0, 0}, {2, 0, 30}}, 2);
  EXPECT_EQ(Assemble(schema, {keys, values}, 3), (Texts{"{1=10, 2=NULL}", "{}", "{3=30}"}));
}

TEST(RecordAssemblerTest, StructContainingAList) {
  // optional group s { required int32 a; optional group b (LIST) { repeated group list {
  //   optional int32 element } } }
  const ParquetSchema schema =
      Schema({Group("s", Rep::kOptional, 2), Int32("a", Rep::kRequired), Group("b", Rep::kOptional, 1, ConvertedType::kList),
              Group("list", Rep::kRepeated, 1), Int32("element", Rep::kOptional)});
  // {a: 1, b: [5, 6]}, NULL, {a: 2, b: NULL}, {a: 3, b: []}
  auto a = Leaf({{1, 0, 1}, {0, 0}, {1, 0, 2}, {1, 0, 3}}, 1);
  auto b = Leaf({{4, 0, 5}, {4, 1, 6}, {0, 0}, {1, 0}, {2, 0}}, 4);
  const Texts text = Assemble(schema, {a, b}, 4);
  EXPECT_EQ(text[1], "NULL");
  EXPECT_NE(text[0].find("{5,6}"), std::string::npos) << text[0];
  EXPECT_EQ(text[0].front(), '(');
  EXPECT_NE(text[2], "NULL");
  EXPECT_NE(text[3].find("{}"), std::string::npos) << text[3];
  EXPECT_EQ(text[2].find("{"), std::string::npos) << text[2];  // b is NULL, not empty
}

TEST(RecordAssemblerTest, ListOfStructs) {
  // optional group l (LIST) { repeated group list { optional group element { optional int32 x;
  //   optional int32 y } } }
  const ParquetSchema schema =
      Schema({Group("l", Rep::kOptional, 1, ConvertedType::kList), Group("list", Rep::kRepeated, 1),
              Group("element", Rep::kOptional, 2), Int32("x", Rep::kOptional), Int32("y", Rep::kOptional)});
  // [{x: 1, y: NULL}, NULL], []
  auto x = Leaf({{4, 0, 1}, {2, 1}, {1, 0}}, 4);
  auto y = Leaf({{3, 0}, {2, 1}, {1, 0}}, 4);
  const Texts text = Assemble(schema, {x, y}, 2);
  EXPECT_EQ(text[1], "{}");
  EXPECT_NE(text[0].find("NULL"), std::string::npos) << text[0];
}

TEST(RecordAssemblerTest, BatchesContinueWhereTheyStopped) {
  const ParquetSchema schema = OptionalList();
  std::vector<LeafEntries> leaves = {Leaf({{3, 0, 1}, {3, 1, 2}, {0, 0}, {3, 0, 4}}, 3)};
  RecordAssembler assembler(leaves);
  Vector first(schema.fields[0].type, 2);
  assembler.Assemble(schema.fields[0], 2, first, 0);
  Vector second(schema.fields[0].type, 1);
  assembler.Assemble(schema.fields[0], 1, second, 0);
  EXPECT_EQ(first.GetValue(0).ToString(), "{1,2}");
  EXPECT_TRUE(first.GetValue(1).is_null());
  EXPECT_EQ(second.GetValue(0).ToString(), "{4}");
}

TEST(RecordAssemblerTest, InconsistentLevelsThrow) {
  const ParquetSchema schema = OptionalList();
  // A value whose first entry continues a previous one (ARROW-GH-45185).
  EXPECT_THROW(Assemble(schema, {Leaf({{3, 1, 1}, {3, 1, 2}}, 3)}, 1), Error);
  // Fewer entries than values.
  std::vector<LeafEntries> leaves = {Leaf({{3, 0, 1}}, 3)};
  RecordAssembler assembler(leaves);
  Vector out(schema.fields[0].type, 2);
  EXPECT_THROW(assembler.Assemble(schema.fields[0], 2, out, 0), Error);
}

}  // namespace
}  // namespace basin::parquet
