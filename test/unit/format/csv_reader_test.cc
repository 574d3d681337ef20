// Parsing edge cases of CsvReader (tokenizing, NULLs, errors, ignore_errors).
#include "format/csv/csv_reader.h"

#include <gtest/gtest.h>

#include "common/error.h"
#include "csv_test_util.h"

namespace basin {
namespace {

using csv_test::ReadAll;
using csv_test::Rows;
using csv_test::TempDir;

CsvOptions Varchar(bool header = false) {
  CsvOptions options;
  options.all_varchar = true;
  options.header = header;
  // The dialect is fixed: these inputs are too short to sniff unambiguously.
  options.delimiter = ',';
  options.quote = '"';
  return options;
}

// Runs `read` and returns the Error it throws ("" if none).
template <class F>
std::string ErrorOf(F&& read, std::string* state = nullptr) {
  try {
    read();
  } catch (const Error& error) {
    if (state != nullptr) *state = error.state().ToString();
    return error.message();
  }
  return "";
}

TEST(CsvReaderTest, QuotedFieldsHoldDelimitersNewlinesAndDoubledQuotes) {
  const Rows rows =
      ReadAll("a,b\n\"x,1\",\"line1\nline2\"\n\"say \"\"hi\"\"\",plain\n", Varchar(true));
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[0], (std::vector<std::string>{"x,1", "line1\nline2"}));
  EXPECT_EQ(rows[1], (std::vector<std::string>{"say \"hi\"", "plain"}));
}

TEST(CsvReaderTest, CrLfAndMissingFinalNewlineAndBlankLinesAtEnd) {
  EXPECT_EQ(ReadAll("a,b\r\n1,2\r\n3,4", Varchar(true)), (Rows{{"1", "2"}, {"3", "4"}}));
  EXPECT_EQ(ReadAll("a,b\n1,2\n\n\n", Varchar(true)), (Rows{{"1", "2"}}));
  EXPECT_EQ(ReadAll("a,b\r1,2\r3,4\r", Varchar(true)), (Rows{{"1", "2"}, {"3", "4"}}));
}

TEST(CsvReaderTest, EmptyUnquotedIsNullQuotedEmptyIsEmptyString) {
  CsvOptions options = Varchar(false);
  const Rows rows = ReadAll("x,,\"\"\n", options);
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0], (std::vector<std::string>{"x", "NULL", ""}));
  options.null_string = "NA";
  EXPECT_EQ(ReadAll("NA,,\"NA\"\n", options), (Rows{{"NULL", "", "NA"}}));
}

TEST(CsvReaderTest, QuoteInsideFieldAndBackslashEscape) {
  // PostgreSQL: a quote may open mid-field; the text after the closing quote continues.
  EXPECT_EQ(ReadAll("ab\"c,d\"e,f\n", Varchar()), (Rows{{"abc,de", "f"}}));
  CsvOptions options = Varchar();
  options.escape = '\\';
  options.delimiter = ',';
  options.quote = '"';
  EXPECT_EQ(ReadAll("\"a\\\"b\",\"c\\\\d\",\"e\\nf\"\n", options),
            (Rows{{"a\"b", "c\\d", "e\\nf"}}));
}

TEST(CsvReaderTest, TrailingDelimiterIsNotAColumn) {
  CsvFileSchema schema;
  const Rows rows = ReadAll("1|abc|2.5|\n2|def|3.5|\n", {}, &schema);
  EXPECT_TRUE(schema.dialect.trailing_delimiter);
  ASSERT_EQ(schema.types.size(), 3u);
  EXPECT_EQ(rows, (Rows{{"1", "abc", "2.5"}, {"2", "def", "3.5"}}));
}

TEST(CsvReaderTest, WrongColumnCountNamesTheLine) {
  std::string state;
  const std::string message = ErrorOf(
      [] { ReadAll("a,b,c,d\n1,2,3,4\n5,6,7,8\n1,2,3,4\n9,9,9\n", Varchar(true)); }, &state);
  EXPECT_EQ(message, "read_csv: file \"test.csv\", line 5: expected 4 columns, found 3");
  EXPECT_EQ(state, "22P04");
}

TEST(CsvReaderTest, InvalidNumberNamesLineAndColumn) {
  CsvOptions options;
  options.column_names = {"id", "price"};
  options.column_types = {TypeId::kInteger, TypeId::kDouble};
  options.header = true;
  std::string state;
  const std::string message =
      ErrorOf([&] { ReadAll("id,price\n1,2.5\n2,abc\n", options); }, &state);
  EXPECT_EQ(message,
            "read_csv: file \"test.csv\", line 3, column \"price\": invalid input syntax for "
            "type double precision: \"abc\"");
  EXPECT_EQ(state, "22P02");
  const std::string range = ErrorOf([&] { ReadAll("id,price\n99999999999,1\n", options); }, &state);
  EXPECT_NE(range.find("line 2, column \"id\""), std::string::npos) << range;
  EXPECT_EQ(state, "22003");
}

TEST(CsvReaderTest, UnterminatedQuoteReportsTheOpeningLine) {
  const std::string message =
      ErrorOf([] { ReadAll("a,b\n1,2\n3,\"open\n4,5\n6,7\n", Varchar(true)); });
  EXPECT_EQ(message, "read_csv: file \"test.csv\", line 3: unterminated CSV quoted field");
}

TEST(CsvReaderTest, InvalidUtf8IsAnErrorWithPosition) {
  const std::string message = ErrorOf([] { ReadAll("a,b\nok,fine\nbad\xff,x\n", Varchar(true)); });
  EXPECT_EQ(message,
            "read_csv: file \"test.csv\", line 3, column \"a\": invalid byte sequence for "
            "encoding \"UTF8\": 0xff");
}

TEST(CsvReaderTest, IgnoreErrorsSkipsAndRecordsBadRows) {
  CsvOptions options;
  options.header = true;
  options.column_types = {TypeId::kBigInt, TypeId::kVarchar};
  options.ignore_errors = true;
  options.store_rejects = true;
  auto reader = CsvReader::Open(MakeCsvMemoryInput("n,s\n1,a\nx,b\n3\n4,d\n", "t.csv"), options);
  Rows rows;
  Batch batch;
  while (reader->ReadBatch(batch)) csv_test::AppendRows(batch, rows);
  EXPECT_EQ(rows, (Rows{{"1", "a"}, {"4", "d"}}));
  ASSERT_EQ(reader->rejects().size(), 2u);
  EXPECT_EQ(reader->rejects()[0].line, 3u);
  EXPECT_EQ(reader->rejects()[0].column, "n");
  EXPECT_EQ(reader->rejects()[1].line, 4u);
  EXPECT_EQ(reader->rejects()[1].reason, "expected 2 columns, found 1");
}

TEST(CsvReaderTest, FastParsersAgreeWithTheCast) {
  CsvOptions options;
  options.header = false;
  options.column_types = {TypeId::kInteger, LogicalType::Decimal(15, 2),
                          TypeId::kDate,    TypeId::kTimestamp,
                          TypeId::kBoolean, TypeId::kDouble};
  const Rows rows = ReadAll(
      " 7 ,1.5,2024-02-29,2024-01-02 03:04:05.5,true,1e3\n"
      "-8,-0.125,20240301,2024-01-02T03:04:05,off,-.5\n",
      options);
  EXPECT_EQ(rows, (Rows{{"7", "1.50", "2024-02-29", "2024-01-02 03:04:05.5", "true", "1000"},
                        {"-8", "-0.13", "2024-03-01", "2024-01-02 03:04:05", "false", "-0.5"}}));
}

TEST(CsvReaderTest, CopyConstructorReadsAFileWithCopyDefaults) {
  TempDir dir;
  const std::string path = dir.Write("t.csv", "id;name\n1;\"a;b\"\n2;\n");
  CsvOptions options;
  options.delimiter = ';';
  options.header = true;
  options.error_context = "COPY t";
  CsvReader reader(path, options, {TypeId::kInteger, TypeId::kVarchar});
  Rows rows;
  Batch batch;
  while (reader.ReadBatch(batch)) csv_test::AppendRows(batch, rows);
  EXPECT_EQ(rows, (Rows{{"1", "a;b"}, {"2", "NULL"}}));
  const std::string message = ErrorOf([&] {
    CsvReader bad(dir.Write("bad.csv", "x\n"), options, {TypeId::kInteger});
    while (bad.ReadBatch(batch)) {
    }
  });
  EXPECT_EQ(message, "");  // header only: no rows, no error
  const std::string missing = ErrorOf([&] { CsvReader(dir.path() + "/nope.csv", options, {}); });
  EXPECT_NE(missing.find("could not open file"), std::string::npos);
}

TEST(CsvReaderTest, ManyBatchesAndLongLines) {
  std::string text = "n,s\n";
  for (int i = 0; i < 10000; ++i) text += std::to_string(i) + "," + std::string(i % 50, 'x') + "\n";
  CsvOptions options;
  uint64_t sum = 0;
  size_t count = 0;
  auto reader = CsvReader::Open(MakeCsvMemoryInput(text), options);
  Batch batch;
  while (reader->ReadBatch(batch)) {
    for (uint32_t row = 0; row < batch.size; ++row) sum += batch.columns[0].data<int64_t>()[row];
    count += batch.size;
  }
  EXPECT_EQ(count, 10000u);
  EXPECT_EQ(sum, 10000u * 9999u / 2);
  options.max_line_size = 100;
  EXPECT_NE(ErrorOf([&] {
              ReadAll("a\n" + std::string(500, 'y') + "\n", options);
            }).find("maximum line size"),
            std::string::npos);
}

}  // namespace
}  // namespace basin
