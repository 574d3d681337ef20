// Sniffing: dialect, header, names and types.
#include "format/csv/csv_sniffer.h"

#include <gtest/gtest.h>

#include "csv_test_util.h"
#include "format/csv/csv_type_detector.h"

namespace basin {
namespace {

CsvFileSchema Sniff(const std::string& text, const CsvOptions& options = {}) {
  return SniffCsv(*MakeCsvMemoryInput(text), options);
}

TEST(CsvSnifferTest, FindsTheDelimiter) {
  EXPECT_EQ(Sniff("a,b,c\n1,2,3\n4,5,6\n").dialect.delimiter, ',');
  EXPECT_EQ(Sniff("a|b|c\n1|2|3\n").dialect.delimiter, '|');
  EXPECT_EQ(Sniff("a;b\n1,5;2,5\n3,5;4\n").dialect.delimiter, ';');
  EXPECT_EQ(Sniff("a\tb\n1\t2\n").dialect.delimiter, '\t');
}

TEST(CsvSnifferTest, FindsQuoteAndEscape) {
  const CsvFileSchema single = Sniff("name,n\n'a,b',1\n'c,d',2\n");
  EXPECT_EQ(single.dialect.quote, '\'');
  const CsvFileSchema doubled = Sniff("s,n\n\"a,\"\"b\",1\n\"c\",2\n");
  EXPECT_EQ(doubled.dialect.quote, '"');
  EXPECT_EQ(doubled.dialect.escape, '"');
  const CsvFileSchema backslash =
      Sniff("s,n\n\"a\\\"b, c\",1\n\"d\\\"e, f\",2\n\"g\",3\n\"h\",4\n");
  EXPECT_EQ(backslash.dialect.quote, '"');
  EXPECT_EQ(backslash.dialect.escape, '\\');
}

TEST(CsvSnifferTest, DetectsHeaderFromTypes) {
  const CsvFileSchema with = Sniff("id,price,day\n1,2.5,2024-01-01\n2,3,2024-01-02\n");
  EXPECT_TRUE(with.header);
  EXPECT_EQ(with.names, (std::vector<std::string>{"id", "price", "day"}));
  EXPECT_EQ(with.types,
            (std::vector<LogicalType>{TypeId::kBigInt, TypeId::kDouble, TypeId::kDate}));
  const CsvFileSchema without = Sniff("1,2.5,2024-01-01\n2,3,2024-01-02\n");
  EXPECT_FALSE(without.header);
  EXPECT_EQ(without.names, (std::vector<std::string>{"column0", "column1", "column2"}));
}

TEST(CsvSnifferTest, TextOnlyFilesUseNameLikeFirstRows) {
  EXPECT_TRUE(Sniff("city,country\nParis,France\nRome,Italy\n").header);
  EXPECT_FALSE(Sniff("12 rue x,France\nParis,Italy\n").header);  // not a name
  EXPECT_FALSE(Sniff("a,a\nb,c\n").header);                      // repeated names: data
}

TEST(CsvSnifferTest, DeduplicatesAndFillsHeaderNames) {
  const CsvFileSchema schema = Sniff("a,a,,b\n1,2,3,4\n");
  EXPECT_EQ(schema.names, (std::vector<std::string>{"a", "a_1", "column2", "b"}));
}

TEST(CsvSnifferTest, DetectsTypes) {
  const CsvFileSchema schema = Sniff(
      "b,i,d,t,ts,s,n,tz\n"
      "true,1,1.5,10:00:00,2024-01-01 10:00:00,x,,2024-01-01 10:00:00+02\n"
      "false,-20,2,11:30,2024-01-02T11:00:00.25,7,,2024-01-01 10:00:00Z\n");
  EXPECT_EQ(schema.types,
            (std::vector<LogicalType>{TypeId::kBoolean, TypeId::kBigInt, TypeId::kDouble,
                                      TypeId::kTime, TypeId::kTimestamp, TypeId::kVarchar,
                                      TypeId::kVarchar, TypeId::kTimestampTz}));
}

TEST(CsvSnifferTest, DetectsDateFormats) {
  const CsvFileSchema us = Sniff("d\n12/31/2024\n01/02/2024\n");
  EXPECT_EQ(us.types[0], TypeId::kDate);
  EXPECT_EQ(us.date_format, "%m/%d/%Y");
  const CsvFileSchema eu = Sniff("d\n31/12/2024\n01/02/2024\n");
  EXPECT_EQ(eu.date_format, "%d/%m/%Y");
  const CsvFileSchema dots = Sniff("d\n31.12.2024\n1.2.2024\n");
  EXPECT_EQ(dots.date_format, "%d.%m.%Y");
  const auto rows = csv_test::ReadAll("d\n31.12.2024\n1.2.2024\n");
  EXPECT_EQ(rows, (csv_test::Rows{{"2024-12-31"}, {"2024-02-01"}}));
}

TEST(CsvSnifferTest, LaterRowsWidenTypes) {
  std::string text = "n\n";
  for (int i = 0; i < 30000; ++i) text += std::to_string(i) + "\n";
  text += "1.5\n";
  CsvOptions options;
  options.sample_size = 100;
  // The tail is past the head sample; one of the later chunks sees it only by luck,
  // so the full sample is what guarantees DOUBLE here.
  options.sample_size = 40000;
  EXPECT_EQ(Sniff(text, options).types[0], TypeId::kDouble);
}

TEST(CsvSnifferTest, OptionsOverrideDetection) {
  CsvOptions options;
  options.auto_detect = false;
  const CsvFileSchema plain = Sniff("1;2\n3;4\n", options);
  EXPECT_EQ(plain.types, (std::vector<LogicalType>{TypeId::kVarchar}));
  options.delimiter = ';';
  EXPECT_EQ(Sniff("1;2\n3;4\n", options).types.size(), 2u);
  CsvOptions all_varchar;
  all_varchar.all_varchar = true;
  EXPECT_EQ(Sniff("a,b\n1,2\n", all_varchar).types,
            (std::vector<LogicalType>{TypeId::kVarchar, TypeId::kVarchar}));
}

TEST(CsvSnifferTest, WidensTypesAcrossFiles) {
  EXPECT_EQ(WidenCsvType(TypeId::kBigInt, TypeId::kDouble), TypeId::kDouble);
  EXPECT_EQ(WidenCsvType(TypeId::kDate, TypeId::kTimestamp), TypeId::kTimestamp);
  EXPECT_EQ(WidenCsvType(TypeId::kBoolean, TypeId::kBigInt), TypeId::kVarchar);
}

TEST(CsvSnifferTest, EmptyAndOddInputsDoNotThrow) {
  for (const char* text : {"", "\n", "\n\n\n", "\"", ",,,", "\r", "\xEF\xBB\xBF", "a"}) {
    EXPECT_NO_THROW(Sniff(text)) << text;
  }
}

}  // namespace
}  // namespace basin
