// test/unit/format/parquet/parquet_metadata_test.cc
// The Thrift compact codec and the parquet.thrift structures: round trips, unknown
// fields, and hostile input.
#include <gtest/gtest.h>

#include <random>

#include "common/error.h"
#include "format/parquet/parquet_footer.h"
#include "format/parquet/parquet_metadata.h"
#include "format/parquet/thrift_compact.h"

namespace basin::parquet {
namespace {

std::span<const uint8_t> Bytes(const std::string& text) {
  return {reinterpret_cast<const uint8_t*>(text.data()), text.size()};
}

TEST(ParquetThriftTest, ScalarsRoundTrip) {
  std::string out;
  ThriftCompactWriter writer(out);
  writer.BeginStruct();
  writer.WriteBoolField(1, true);
  writer.WriteBoolField(2, false);
  writer.WriteFieldHeader(3, ThriftType::kByte);
  writer.WriteByte(-7);
  writer.WriteFieldHeader(4, ThriftType::kI16);
  writer.WriteI16(-32768);
  writer.WriteI32Field(5, INT32_MIN);
  writer.WriteI64Field(300, INT64_MAX);  // long delta: explicit field id
  writer.WriteFieldHeader(301, ThriftType::kDouble);
  writer.WriteDouble(-1.5);
  writer.WriteBinaryField(302, std::string("a\0b", 3));
  writer.WriteFieldHeader(303, ThriftType::kList);
  writer.WriteListHeader(ThriftType::kBoolTrue, 20);
  for (int i = 0; i < 20; ++i) writer.WriteBool(i % 3 == 0);
  writer.WriteFieldHeader(304, ThriftType::kMap);
  writer.WriteMapHeader(ThriftType::kBinary, ThriftType::kI32, 2);
  writer.WriteBinary("x");
  writer.WriteI32(1);
  writer.WriteBinary("y");
  writer.WriteI32(2);
  writer.EndStruct();

  ThriftCompactReader reader(Bytes(out), "test");
  ThriftFieldHeader field;
  reader.BeginStruct();
  ASSERT_TRUE(reader.ReadFieldHeader(field));
  EXPECT_EQ(field.id, 1);
  EXPECT_TRUE(field.bool_value);
  ASSERT_TRUE(reader.ReadFieldHeader(field));
  EXPECT_EQ(field.id, 2);
  EXPECT_EQ(field.type, ThriftType::kBoolTrue);
  EXPECT_FALSE(field.bool_value);
  ASSERT_TRUE(reader.ReadFieldHeader(field));
  EXPECT_EQ(reader.ReadByte(), -7);
  ASSERT_TRUE(reader.ReadFieldHeader(field));
  EXPECT_EQ(reader.ReadI16(), -32768);
  ASSERT_TRUE(reader.ReadFieldHeader(field));
  EXPECT_EQ(reader.ReadI32(), INT32_MIN);
  ASSERT_TRUE(reader.ReadFieldHeader(field));
  EXPECT_EQ(field.id, 300);
  EXPECT_EQ(reader.ReadI64(), INT64_MAX);
  ASSERT_TRUE(reader.ReadFieldHeader(field));
  EXPECT_EQ(reader.ReadDouble(), -1.5);
  ASSERT_TRUE(reader.ReadFieldHeader(field));
  EXPECT_EQ(reader.ReadString(), std::string("a\0b", 3));
  ASSERT_TRUE(reader.ReadFieldHeader(field));
  const ThriftListHeader list = reader.ReadListHeader();
  ASSERT_EQ(list.size, 20u);
  for (int i = 0; i < 20; ++i) EXPECT_EQ(reader.ReadBool(), i % 3 == 0);
  reader.EndContainer();
  ASSERT_TRUE(reader.ReadFieldHeader(field));
  EXPECT_EQ(field.id, 304);
  reader.Skip(field.type);
  EXPECT_FALSE(reader.ReadFieldHeader(field));
  reader.EndStruct();
  EXPECT_EQ(reader.remaining(), 0u);
}

TEST(ParquetThriftTest, RejectsHostileInput) {
  // A string longer than the input.
  const std::string long_string = "\x18\xff\xff\xff\x0f";
  ThriftCompactReader reader(Bytes(long_string), "test");
  ThriftFieldHeader field;
  reader.BeginStruct();
  ASSERT_TRUE(reader.ReadFieldHeader(field));
  EXPECT_THROW(reader.ReadBinary(), Error);
  // A list claiming 2^31 elements.
  const std::string big_list = "\x19\xf5\xff\xff\xff\xff\x07";
  ThriftCompactReader list_reader(Bytes(big_list), "test");
  list_reader.BeginStruct();
  ASSERT_TRUE(list_reader.ReadFieldHeader(field));
  EXPECT_THROW(list_reader.ReadListHeader(), Error);
  // Deep nesting: structs inside structs.
  std::string deep(1000, '\x1c');  // field delta 1, type struct
  ThriftCompactReader deep_reader(Bytes(deep), "test");
  EXPECT_THROW(deep_reader.Skip(ThriftType::kStruct), Error);
  // An overlong varint.
  const std::string overlong = "\x15\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\x01";
  ThriftCompactReader varint_reader(Bytes(overlong), "test");
  varint_reader.BeginStruct();
  ASSERT_TRUE(varint_reader.ReadFieldHeader(field));
  EXPECT_THROW(varint_reader.ReadI32(), Error);
  // The error names the context and the byte offset.
  try {
    ThriftCompactReader named(Bytes(long_string), "corrupt thing", 1000);
    named.Skip(ThriftType::kStruct);
    FAIL();
  } catch (const Error& error) {
    EXPECT_EQ(error.state(), sqlstate::kDataCorrupted);
    EXPECT_NE(std::string(error.what()).find("corrupt thing"), std::string::npos);
    EXPECT_NE(std::string(error.what()).find("at byte 100"), std::string::npos) << error.what();
  }
}

Statistics SampleStatistics() {
  Statistics stats;
  stats.max = "zz";
  stats.min = std::string("\0a", 2);
  stats.null_count = 3;
  stats.distinct_count = 99;
  stats.max_value = "z";
  stats.min_value = "a";
  stats.is_max_value_exact = true;
  stats.is_min_value_exact = false;
  stats.nan_count = 0;
  return stats;
}

FileMetaData SampleFileMetaData() {
  FileMetaData metadata;
  metadata.version = 2;
  SchemaElement root;
  root.name = "schema";
  root.num_children = 3;
  metadata.schema.push_back(root);
  SchemaElement decimal;
  decimal.type = Type::kFixedLenByteArray;
  decimal.type_length = 16;
  decimal.repetition_type = FieldRepetitionType::kOptional;
  decimal.name = "price";
  decimal.converted_type = ConvertedType::kDecimal;
  decimal.scale = 2;
  decimal.precision = 38;
  decimal.field_id = 7;
  decimal.logical_type = LogicalType{.kind = LogicalType::Kind::kDecimal, .scale = 2, .precision = 38};
  metadata.schema.push_back(decimal);
  SchemaElement timestamp;
  timestamp.type = Type::kInt64;
  timestamp.repetition_type = FieldRepetitionType::kRequired;
  timestamp.name = "ts";
  timestamp.logical_type = LogicalType{.kind = LogicalType::Kind::kTimestamp,
                                       .is_adjusted_to_utc = true,
                                       .unit = TimeUnit::kNanos};
  metadata.schema.push_back(timestamp);
  SchemaElement integer;
  integer.type = Type::kInt32;
  integer.repetition_type = FieldRepetitionType::kRepeated;
  integer.name = "u8";
  integer.logical_type =
      LogicalType{.kind = LogicalType::Kind::kInteger, .bit_width = 8, .is_signed = false};
  metadata.schema.push_back(integer);
  for (LogicalType::Kind kind :
       {LogicalType::Kind::kString, LogicalType::Kind::kMap, LogicalType::Kind::kList,
        LogicalType::Kind::kEnum, LogicalType::Kind::kDate, LogicalType::Kind::kUnknown,
        LogicalType::Kind::kJson, LogicalType::Kind::kBson, LogicalType::Kind::kUuid,
        LogicalType::Kind::kFloat16}) {
    SchemaElement element;
    element.type = Type::kByteArray;
    element.name = "c" + std::to_string(static_cast<int>(kind));
    element.logical_type = LogicalType{.kind = kind};
    metadata.schema.push_back(element);
  }
  SchemaElement time;
  time.type = Type::kInt32;
  time.name = "t";
  time.logical_type = LogicalType{.kind = LogicalType::Kind::kTime, .unit = TimeUnit::kMillis};
  metadata.schema.push_back(time);
  metadata.num_rows = 1'000'000'000'000;

  RowGroup group;
  ColumnChunk chunk;
  chunk.file_offset = 4;
  ColumnMetaData meta;
  meta.type = Type::kFixedLenByteArray;
  meta.encodings = {Encoding::kPlain, Encoding::kRleDictionary, static_cast<Encoding>(42)};
  meta.path_in_schema = {"price"};
  meta.codec = CompressionCodec::kZstd;
  meta.num_values = 10;
  meta.total_uncompressed_size = 1000;
  meta.total_compressed_size = 500;
  meta.key_value_metadata = {{"k", "v"}, {"no value", std::nullopt}};
  meta.data_page_offset = 104;
  meta.index_page_offset = 3;
  meta.dictionary_page_offset = 4;
  meta.statistics = SampleStatistics();
  meta.encoding_stats = {{PageType::kDictionaryPage, Encoding::kPlain, 1},
                         {PageType::kDataPage, Encoding::kRleDictionary, 2}};
  meta.bloom_filter_offset = 600;
  meta.bloom_filter_length = 64;
  chunk.meta_data = meta;
  chunk.offset_index_offset = 700;
  chunk.offset_index_length = 20;
  chunk.column_index_offset = 720;
  chunk.column_index_length = 30;
  group.columns = {chunk, chunk};
  group.total_byte_size = 2000;
  group.num_rows = 10;
  group.sorting_columns = {{0, true, false}, {1, false, true}};
  group.file_offset = 4;
  group.total_compressed_size = 1000;
  group.ordinal = 0;
  metadata.row_groups = {group};
  metadata.key_value_metadata = {{"ARROW:schema", std::string(300, 'x')}};
  metadata.created_by = "basin version 0.1";
  metadata.column_orders = {ColumnOrder::kTypeDefinedOrder, ColumnOrder::kIeee754TotalOrder,
                            ColumnOrder::kInt96TimestampOrder};
  return metadata;
}

TEST(ParquetMetadataTest, FileMetaDataRoundTrips) {
  const FileMetaData metadata = SampleFileMetaData();
  std::string bytes;
  SerializeFileMetaData(metadata, bytes);
  EXPECT_EQ(ParseFileMetaData(Bytes(bytes)), metadata);
}

TEST(ParquetMetadataTest, PageHeadersRoundTrip) {
  PageHeader v1;
  v1.type = PageType::kDataPage;
  v1.uncompressed_page_size = 100;
  v1.compressed_page_size = 50;
  v1.crc = -12345;
  v1.data_page_header = DataPageHeader{1000, Encoding::kDeltaBinaryPacked, Encoding::kRle,
                                       Encoding::kBitPacked, SampleStatistics()};
  PageHeader dictionary;
  dictionary.type = PageType::kDictionaryPage;
  dictionary.uncompressed_page_size = 10;
  dictionary.compressed_page_size = 10;
  dictionary.dictionary_page_header = DictionaryPageHeader{3, Encoding::kPlain, true};
  PageHeader v2;
  v2.type = PageType::kDataPageV2;
  v2.uncompressed_page_size = 100;
  v2.compressed_page_size = 80;
  v2.data_page_header_v2 = DataPageHeaderV2{10, 2, 5, Encoding::kByteStreamSplit, 7, 3, false,
                                            std::nullopt};
  for (const PageHeader& header : {v1, dictionary, v2}) {
    std::string bytes;
    SerializePageHeader(header, bytes);
    const size_t serialized = bytes.size();
    bytes += "page data follows";
    size_t header_size = 0;
    EXPECT_EQ(ParsePageHeader(Bytes(bytes), &header_size), header);
    EXPECT_EQ(header_size, serialized);
  }
}

TEST(ParquetMetadataTest, IndexesAndBloomFilterHeaderRoundTrip) {
  ColumnIndex column_index;
  column_index.null_pages = {false, true, false};
  column_index.min_values = {"a", "", "c"};
  column_index.max_values = {"b", "", "d"};
  column_index.boundary_order = BoundaryOrder::kAscending;
  column_index.null_counts = std::vector<int64_t>{0, 5, 1};
  column_index.definition_level_histograms = std::vector<int64_t>{1, 2, 3, 4, 5, 6};
  column_index.nan_counts = std::vector<int64_t>{};
  std::string bytes;
  SerializeColumnIndex(column_index, bytes);
  EXPECT_EQ(ParseColumnIndex(Bytes(bytes)), column_index);

  OffsetIndex offset_index;
  offset_index.page_locations = {{4, 100, 0}, {104, 90, 1000}};
  offset_index.unencoded_byte_array_data_bytes = {7, 8};
  bytes.clear();
  SerializeOffsetIndex(offset_index, bytes);
  EXPECT_EQ(ParseOffsetIndex(Bytes(bytes)), offset_index);

  BloomFilterHeader bloom{1024, true};
  bytes.clear();
  SerializeBloomFilterHeader(bloom, bytes);
  size_t header_size = 0;
  EXPECT_EQ(ParseBloomFilterHeader(Bytes(bytes + std::string(1024, '\0')), &header_size), bloom);
  EXPECT_EQ(header_size, bytes.size());
}

// A newer writer's fields, of every type, in every struct position we can reach: the
// parser must skip them and read the rest.
TEST(ParquetMetadataTest, SkipsUnknownFields) {
  std::string bytes;
  ThriftCompactWriter writer(bytes);
  writer.BeginStruct();
  writer.WriteI32Field(1, 1);
  writer.WriteFieldHeader(2, ThriftType::kList);
  writer.WriteListHeader(ThriftType::kStruct, 1);
  writer.BeginStruct();
  writer.WriteBinaryField(4, "root");
  writer.WriteFieldHeader(10, ThriftType::kStruct);  // logicalType
  writer.BeginStruct();
  writer.WriteFieldHeader(99, ThriftType::kStruct);  // a future logical type
  writer.BeginStruct();
  writer.WriteI32Field(1, 5);
  writer.EndStruct();
  writer.EndStruct();
  writer.WriteFieldHeader(50, ThriftType::kMap);  // unknown map field
  writer.WriteMapHeader(ThriftType::kI32, ThriftType::kList, 1);
  writer.WriteI32(1);
  writer.WriteListHeader(ThriftType::kDouble, 2);
  writer.WriteDouble(1);
  writer.WriteDouble(2);
  writer.WriteBoolField(51, true);  // unknown bool field: value in the header
  writer.EndStruct();
  writer.WriteI64Field(3, 0);
  writer.WriteFieldHeader(4, ThriftType::kList);
  writer.WriteListHeader(ThriftType::kStruct, 0);
  writer.WriteFieldHeader(5, ThriftType::kI64);  // known id, wrong type: skipped
  writer.WriteI64(5);
  writer.WriteFieldHeader(20, ThriftType::kSet);
  writer.WriteListHeader(ThriftType::kBinary, 2);
  writer.WriteBinary("a");
  writer.WriteBinary("b");
  writer.WriteFieldHeader(21, ThriftType::kByte);
  writer.WriteByte(1);
  writer.WriteFieldHeader(22, ThriftType::kI16);
  writer.WriteI16(1);
  writer.WriteBoolField(23, false);
  writer.EndStruct();

  const FileMetaData metadata = ParseFileMetaData(Bytes(bytes));
  ASSERT_EQ(metadata.schema.size(), 1u);
  EXPECT_EQ(metadata.schema[0].name, "root");
  ASSERT_TRUE(metadata.schema[0].logical_type);
  EXPECT_EQ(metadata.schema[0].logical_type->kind, LogicalType::Kind::kUnrecognized);
  EXPECT_TRUE(metadata.key_value_metadata.empty());
}

TEST(ParquetMetadataTest, TruncatedInputAlwaysThrows) {
  std::string bytes;
  SerializeFileMetaData(SampleFileMetaData(), bytes);
  for (size_t length = 0; length < bytes.size(); ++length) {
    SCOPED_TRACE(length);
    EXPECT_THROW(ParseFileMetaData(Bytes(bytes.substr(0, length))), Error);
  }
}

TEST(ParquetMetadataTest, CorruptInputNeverCrashes) {
  std::string original;
  SerializeFileMetaData(SampleFileMetaData(), original);
  std::mt19937 random(42);
  for (int round = 0; round < 3000; ++round) {
    std::string bytes = original;
    const int flips = 1 + static_cast<int>(random() % 4);
    for (int i = 0; i < flips; ++i) bytes[random() % bytes.size()] = static_cast<char>(random());
    try {
      std::string again;
      SerializeFileMetaData(ParseFileMetaData(Bytes(bytes)), again);
    } catch (const Error& error) {
      EXPECT_EQ(error.state(), sqlstate::kDataCorrupted) << error.what();
    }
  }
}

TEST(ParquetMetadataTest, PageHeaderValidation) {
  PageHeader header;
  header.type = PageType::kDataPage;  // without data_page_header
  header.uncompressed_page_size = 1;
  header.compressed_page_size = 1;
  std::string bytes;
  SerializePageHeader(header, bytes);
  size_t header_size;
  EXPECT_THROW(ParsePageHeader(Bytes(bytes), &header_size), Error);
  header.data_page_header = DataPageHeader{};
  header.compressed_page_size = -1;
  bytes.clear();
  SerializePageHeader(header, bytes);
  EXPECT_THROW(ParsePageHeader(Bytes(bytes), &header_size), Error);
  header.type = PageType::kDictionaryPage;
  header.compressed_page_size = 1;
  header.dictionary_page_header = DictionaryPageHeader{-1, Encoding::kPlain, {}};
  bytes.clear();
  SerializePageHeader(header, bytes);
  EXPECT_THROW(ParsePageHeader(Bytes(bytes), &header_size), Error);
}

std::string FileWithFooter(const std::string& footer) {
  std::string file = "PAR1" + std::string(10, 'd') + footer;
  const uint32_t length = static_cast<uint32_t>(footer.size());
  file.append(reinterpret_cast<const char*>(&length), 4);
  return file + "PAR1";
}

TEST(ParquetFooterTest, ChecksMagicAndLength) {
  std::string footer;
  SerializeFileMetaData(SampleFileMetaData(), footer);
  const std::string file = FileWithFooter(footer);
  const std::span<const uint8_t> found = ReadFooter(Bytes(file), "f.parquet");
  EXPECT_EQ(std::string(reinterpret_cast<const char*>(found.data()), found.size()), footer);

  auto expect_error = [](const std::string& bytes, SqlState state, const std::string& text) {
    try {
      ReadFooter(Bytes(bytes), "f.parquet");
      ADD_FAILURE() << "no error for " << text;
    } catch (const Error& error) {
      EXPECT_EQ(error.state(), state) << error.what();
      EXPECT_NE(std::string(error.what()).find(text), std::string::npos) << error.what();
    }
  };
  expect_error("", sqlstate::kBadCopyFileFormat, "not a Parquet file");
  expect_error("PAR1PAR1", sqlstate::kBadCopyFileFormat, "not a Parquet file");
  std::string bad_tail = file;
  bad_tail.back() = 'X';
  expect_error(bad_tail, sqlstate::kBadCopyFileFormat, "does not end with");
  std::string bad_head = file;
  bad_head[0] = 'X';
  expect_error(bad_head, sqlstate::kBadCopyFileFormat, "does not start with");
  std::string too_long = file;
  too_long[too_long.size() - 5] = '\x7f';  // high byte of the length
  expect_error(too_long, sqlstate::kDataCorrupted, "exceeds file size");
  std::string encrypted = file;
  encrypted[encrypted.size() - 1] = 'E';
  expect_error(encrypted, sqlstate::kFeatureNotSupported, "encrypted");
}

TEST(ParquetFooterTest, ColumnChunkRange) {
  FileMetaData metadata = SampleFileMetaData();
  const ColumnChunk& chunk = metadata.row_groups[0].columns[0];
  ByteRange range = ColumnChunkRange(metadata, chunk, 10'000);
  EXPECT_EQ(range.offset, 4u);  // the dictionary page comes first
  EXPECT_EQ(range.length, 500u);
  EXPECT_THROW(ColumnChunkRange(metadata, chunk, 400), Error);
  ColumnChunk bogus_dictionary = chunk;
  bogus_dictionary.meta_data->dictionary_page_offset = 0;
  EXPECT_EQ(ColumnChunkRange(metadata, bogus_dictionary, 10'000).offset, 104u);
  metadata.created_by = "parquet-mr version 1.2.8 (build abc)";
  EXPECT_EQ(ColumnChunkRange(metadata, chunk, 10'000).length, 600u);
  EXPECT_EQ(ColumnChunkRange(metadata, chunk, 550).length, 546u);
  metadata.created_by = "parquet-mr version 1.10.0 (build abc)";
  EXPECT_EQ(ColumnChunkRange(metadata, chunk, 10'000).length, 500u);
  ColumnChunk encrypted = chunk;
  encrypted.encrypted = true;
  EXPECT_THROW(ColumnChunkRange(metadata, encrypted, 10'000), Error);
}

}  // namespace
}  // namespace basin::parquet
