// test/unit/cli/output_format_test.cc
#include "cli/output_format.h"

#include <gtest/gtest.h>

#include <sstream>

#include "common/vector.h"

namespace basin::cli {
namespace {

// id integer, name text: three rows, one NULL name and one empty name.
RenderedResult SampleResult() {
  RenderedResult result;
  result.names = {"id", "name"};
  result.kinds = {ColumnKind::kNumber, ColumnKind::kText};
  result.rows = {{"1", "alice"}, {"22", std::nullopt}, {"333", ""}};
  return result;
}

std::string Render(const RenderedResult& result, OutputFormat format) {
  std::ostringstream out;
  WriteRendered(result, format, out);
  return out.str();
}

TEST(OutputFormatTest, ParsesFormatNames) {
  EXPECT_EQ(ParseOutputFormat("table"), OutputFormat::kTable);
  EXPECT_EQ(ParseOutputFormat("csv"), OutputFormat::kCsv);
  EXPECT_EQ(ParseOutputFormat("json"), OutputFormat::kJson);
  EXPECT_EQ(ParseOutputFormat("markdown"), OutputFormat::kMarkdown);
  EXPECT_EQ(ParseOutputFormat("xml"), std::nullopt);
  EXPECT_EQ(OutputFormatName(OutputFormat::kMarkdown), "markdown");
}

TEST(OutputFormatTest, TableAlignsLikePsql) {
  EXPECT_EQ(Render(SampleResult(), OutputFormat::kTable),
            " id  | name  \n"
            "-----+-------\n"
            "   1 | alice\n"
            "  22 | \n"
            " 333 | \n"
            "(3 rows)\n"
            "\n");
}

TEST(OutputFormatTest, TableSaysOneRowAndCentresHeaders) {
  RenderedResult result;
  result.names = {"x", "longer"};
  result.kinds = {ColumnKind::kText, ColumnKind::kNumber};
  result.rows = {{"abcdef", "1"}};
  EXPECT_EQ(Render(result, OutputFormat::kTable),
            "   x    | longer \n"
            "--------+--------\n"
            " abcdef |      1\n"
            "(1 row)\n"
            "\n");
}

TEST(OutputFormatTest, TableSpreadsMultiLineCellsWithPlusMarkers) {
  RenderedResult result;
  result.names = {"a", "b"};
  result.kinds = {ColumnKind::kText, ColumnKind::kText};
  result.rows = {{"x\nyy", "z"}};
  EXPECT_EQ(Render(result, OutputFormat::kTable),
            " a  | b \n"
            "----+---\n"
            " x +| z\n"
            " yy | \n"
            "(1 row)\n"
            "\n");
}

TEST(OutputFormatTest, TableCountsUtf8CharactersNotBytes) {
  RenderedResult result;
  result.names = {"city"};
  result.kinds = {ColumnKind::kText};
  result.rows = {{"Zürich"}, {"Oslo"}};
  EXPECT_EQ(Render(result, OutputFormat::kTable),
            "  city  \n"
            "--------\n"
            " Zürich\n"
            " Oslo\n"
            "(2 rows)\n"
            "\n");
}

TEST(OutputFormatTest, TableWithNoColumns) {
  RenderedResult result;
  result.rows = {{}};
  EXPECT_EQ(Render(result, OutputFormat::kTable), "--\n(1 row)\n\n");
}

TEST(OutputFormatTest, CsvTellsNullFromEmptyString) {
  EXPECT_EQ(Render(SampleResult(), OutputFormat::kCsv),
            "id,name\n"
            "1,alice\n"
            "22,\n"
            "333,\"\"\n");
}

TEST(OutputFormatTest, CsvQuotesSpecialCharacters) {
  RenderedResult result;
  result.names = {"a,b"};
  result.kinds = {ColumnKind::kText};
  result.rows = {{"say \"hi\""}, {"two\nlines"}, {"cr\r"}, {"plain"}, {"\\."}};
  EXPECT_EQ(Render(result, OutputFormat::kCsv),
            "\"a,b\"\n"
            "\"say \"\"hi\"\"\"\n"
            "\"two\nlines\"\n"
            "\"cr\r\"\n"
            "plain\n"
            "\"\\.\"\n");
}

TEST(OutputFormatTest, JsonWritesTypedValues) {
  RenderedResult result;
  result.names = {"n", "d", "b", "s", "f"};
  result.kinds = {ColumnKind::kNumber, ColumnKind::kNumber, ColumnKind::kBoolean, ColumnKind::kText,
                  ColumnKind::kNumber};
  result.rows = {{"1", "12.50", "t", "a\"b\\c\nd\x01", "NaN"},
                 {std::nullopt, "-0.5", "f", "", "1e+20"}};
  EXPECT_EQ(Render(result, OutputFormat::kJson),
            "[\n"
            "{\"n\":1,\"d\":12.50,\"b\":true,\"s\":\"a\\\"b\\\\c\\nd\\u0001\",\"f\":\"NaN\"},\n"
            "{\"n\":null,\"d\":-0.5,\"b\":false,\"s\":\"\",\"f\":1e+20}\n"
            "]\n");
}

TEST(OutputFormatTest, JsonWithoutRowsIsAnEmptyArray) {
  RenderedResult result = SampleResult();
  result.rows.clear();
  EXPECT_EQ(Render(result, OutputFormat::kJson), "[]\n");
}

TEST(OutputFormatTest, MarkdownRightAlignsNumbersAndEscapesPipes) {
  RenderedResult result = SampleResult();
  result.rows.push_back({"4", "a|b\nc"});
  EXPECT_EQ(Render(result, OutputFormat::kMarkdown),
            "| id  | name      |\n"
            "|----:|-----------|\n"
            "|   1 | alice     |\n"
            "|  22 |           |\n"
            "| 333 |           |\n"
            "|   4 | a\\|b<br>c |\n");
}

TEST(OutputFormatTest, PrintsTagsOnlyInTableFormat) {
  QueryResult result;
  result.tag = "INSERT 0 3";
  std::ostringstream table;
  PrintQueryResult(result, OutputFormat::kTable, table);
  EXPECT_EQ(table.str(), "INSERT 0 3\n");
  for (const auto format : {OutputFormat::kCsv, OutputFormat::kJson, OutputFormat::kMarkdown}) {
    std::ostringstream out;
    PrintQueryResult(result, format, out);
    EXPECT_EQ(out.str(), "") << OutputFormatName(format);
  }
}

TEST(OutputFormatTest, RendersQueryResultBatches) {
  QueryResult result;
  result.names = {"id", "name"};
  result.types = {TypeId::kInteger, TypeId::kVarchar};
  result.returns_rows = true;
  Batch batch(result.types, 4);
  batch.columns[0].SetValue(0, Value::Integer(7));
  batch.columns[1].SetValue(0, Value::Varchar("seven"));
  batch.columns[0].SetValue(1, Value::Null(TypeId::kInteger));
  batch.columns[1].SetValue(1, Value::Varchar(""));
  batch.size = 2;
  result.batches.push_back(std::move(batch));
  // Avoids Value::ToString, which needs the cast kernels: integers and text suffice.
  const CellRenderer render = [](const Value& value) {
    return value.type().id() == TypeId::kVarchar ? value.GetString()
                                                 : std::to_string(value.GetInt64());
  };
  const RenderedResult rendered = RenderResult(result, render);
  ASSERT_EQ(rendered.rows.size(), 2u);
  EXPECT_EQ(rendered.kinds, (std::vector<ColumnKind>{ColumnKind::kNumber, ColumnKind::kText}));
  EXPECT_EQ(rendered.rows[0][0], "7");
  EXPECT_EQ(rendered.rows[0][1], "seven");
  EXPECT_EQ(rendered.rows[1][0], std::nullopt);
  EXPECT_EQ(rendered.rows[1][1], "");
}

}  // namespace
}  // namespace basin::cli
