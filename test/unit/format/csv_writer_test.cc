// CsvWriter: PostgreSQL's quoting rules and a write/read round trip.
#include "format/csv/csv_writer.h"

#include <gtest/gtest.h>

#include "common/error.h"
#include "csv_test_util.h"

namespace basin {
namespace {

using csv_test::Rows;
using csv_test::TempDir;

TEST(CsvWriterTest, QuotesOnlyWhenNeededAndWritesNulls) {
  TempDir dir;
  const std::string path = dir.path() + "/out.csv";
  Batch batch({TypeId::kInteger, TypeId::kVarchar, TypeId::kDouble});
  const std::vector<std::string> texts = {"plain", "a,b", "say \"hi\"", "two\nlines", "", " pad "};
  for (uint32_t row = 0; row < texts.size(); ++row) {
    batch.columns[0].SetValue(row, Value::Integer(static_cast<int32_t>(row)));
    batch.columns[1].SetValue(row, Value::Varchar(texts[row]));
    batch.columns[2].SetValue(row, row == 2 ? Value::Null() : Value::Double(row + 0.5));
  }
  batch.columns[1].SetValue(6, Value::Null());
  batch.columns[0].SetValue(6, Value::Integer(6));
  batch.columns[2].SetValue(6, Value::Double(-1e20));
  batch.size = 7;
  CsvWriterOptions options;
  options.header = true;
  CsvWriter writer(path, options, {"id", "text", "x"});
  writer.WriteBatch(batch);
  writer.Close();
  EXPECT_EQ(writer.rows_written(), 7u);
  EXPECT_EQ(csv_test::ReadFile(path),
            "id,text,x\n"
            "0,plain,0.5\n"
            "1,\"a,b\",1.5\n"
            "2,\"say \"\"hi\"\"\",\n"
            "3,\"two\nlines\",3.5\n"
            "4,\"\",4.5\n"
            "5, pad ,5.5\n"
            "6,,-1e+20\n");
}

TEST(CsvWriterTest, RoundTripsThroughTheReader) {
  TempDir dir;
  const std::string path = dir.path() + "/round.csv";
  const std::vector<LogicalType> types = {TypeId::kBigInt, TypeId::kVarchar, TypeId::kDate,
                                          LogicalType::Decimal(10, 2), TypeId::kBoolean};
  Rows expected;
  {
    CsvWriterOptions options;
    options.delimiter = '|';
    options.null_string = "\\N";
    CsvWriter writer(path, options, {});
    for (int chunk = 0; chunk < 3; ++chunk) {
      Batch batch(types);
      for (uint32_t row = 0; row < kBatchSize; ++row) {
        const int64_t n = chunk * int64_t{kBatchSize} + row;
        batch.columns[0].SetValue(row, Value::BigInt(n));
        batch.columns[1].SetValue(
            row, n % 5 == 0 ? Value::Null() : Value::Varchar("v|" + std::to_string(n) + "\"\r\n"));
        batch.columns[2].SetValue(row, Value::Date(static_cast<int32_t>(n)));
        batch.columns[3].SetValue(row, Value::Decimal(n * 7, LogicalType::Decimal(10, 2)));
        batch.columns[4].SetValue(row, Value::Boolean(n % 2 == 0));
      }
      batch.size = kBatchSize;
      csv_test::AppendRows(batch, expected);
      writer.WriteBatch(batch);
    }
    writer.Close();
  }
  CsvOptions options;
  options.delimiter = '|';
  options.null_string = "\\N";
  CsvReader reader(path, options, types);
  Rows rows;
  Batch batch;
  while (reader.ReadBatch(batch)) csv_test::AppendRows(batch, rows);
  EXPECT_EQ(rows, expected);
}

TEST(CsvWriterTest, UnwritablePathIsAClearError) {
  try {
    CsvWriter writer("/nonexistent-dir/x.csv", {}, {});
    FAIL() << "expected an error";
  } catch (const Error& error) {
    EXPECT_EQ(
        std::string(error.what()),
        "could not open file \"/nonexistent-dir/x.csv\" for writing: No such file or directory");
  }
}

}  // namespace
}  // namespace basin
